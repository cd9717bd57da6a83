// The cross-engine suite: what can differ between engines (start-up, facets, search, views,
// history, the phone drawer, layout after narrowing, the service worker, embed messages, the
// clipboard, requests), checked against the
// `loupe` command in one engine per test file. A part an engine cannot do headless here is
// skipped by name, with the reason, through the engine's `cannot` list.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dist, generatedDist, generatedSeeds, loupeQuery, loupeSuggest, loupeExport, matchingPassages } from '../browser/helpers.mjs';
import { serveSite, phone } from './site.mjs';
import { Keys } from './webdriver.mjs';

/** What the page shows, read in one go: passage ids and facet counts. */
function shown() {
  const passages = [...document.querySelectorAll('[data-testid=passages] > [data-passage]')].map((e) => e.dataset.passage);
  const counts = {};
  for (const input of document.querySelectorAll('input[type=checkbox][data-facet]')) {
    const facet = input.dataset.facet === 'doc' ? 'document' : input.dataset.facet;
    (counts[facet] ||= {})[input.dataset.value] = Number(input.closest('li').querySelector('.count').textContent);
  }
  return { passages, counts };
}

/** Waits until the app is up: the list, or an empty state, under a status line. */
async function appUp(s) {
  await s.waitFor(() => document.querySelector('[data-testid=status]') && !document.getElementById('loading'), [], { what: 'the app to start' });
  await listDrawn(s);
}

/** Waits for a new list's whole page: its first cards come first, the rest a frame later
 * (`aria-busy` until then). */
async function listDrawn(s) {
  await s.waitFor(() => !document.querySelector('[data-testid=passages][aria-busy=true]'), [], { what: 'the whole page of the list' });
}

async function open(s, url) {
  await s.navigate(url);
  await appUp(s);
}

/** Reloads as the page's own `location.reload()` does (Marionette's Refresh command bypasses the
 * service worker, which no reader's reload does), and waits for the app in the new document. */
async function reload(s) {
  await s.execute(() => { window.loupeBeforeReload = true; setTimeout(() => location.reload(), 0); });
  await s.waitFor(() => !window.loupeBeforeReload && document.readyState === 'complete', [], { what: 'the reloaded page' });
  await appUp(s);
}

function waitForSearch(s, search) {
  return s.waitFor((want) => location.search === want, [search], { what: `location.search === ${JSON.stringify(search)}` });
}

/** The page shows what `loupe query` answers for the query string in its URL. */
async function agreesWithCore(s) {
  const search = await s.execute(() => location.search);
  const expected = loupeQuery(search.replace(/^\?/, ''));
  const all = loupeExport().passages.length;
  const status = expected.total === all ? `All ${all} passages` : `${expected.total} of ${all} passages match`;
  await s.waitFor((want) => document.querySelector('[data-testid=status]').textContent === want, [status], { what: `status "${status}"`, timeout: 5000 });
  await listDrawn(s);
  const page = await s.execute(shown);
  assert.deepEqual(page.passages, expected.passages, `passages for ${search}`);
  for (const [facet, values] of Object.entries(page.counts)) {
    for (const [id, n] of Object.entries(values)) assert.equal(n, expected.facets[facet][id], `count of ${facet}=${id} for ${search}`);
  }
}

/** In the page: the drawer is open and has finished sliding in, where a reader can tap it. */
function drawerOpen() {
  const drawer = document.getElementById('facets');
  return drawer.checkVisibility({ visibilityProperty: true }) && drawer.getAnimations().length === 0;
}

/** In the page: the element matching `selector` is not shown (`display: none`, or
 * `visibility: hidden` as the closed drawer is). */
function hidden(selector) {
  const el = document.querySelector(selector);
  return !!el && !el.checkVisibility({ visibilityProperty: true });
}

/**
 * Defines the suite for one engine. `engine.launch()` starts it; `engine.cannot` names the parts
 * it cannot do headless here, each with the reason, and those parts are skipped.
 */
export function describeEngine(engine) {
  describe(engine.name, () => {
    let browser;
    let site;
    let s;
    const servers = [];
    /** A site on an origin of its own, where no service worker from another test answers. */
    async function freshSite(root = dist) {
      const fresh = await serveSite(root);
      servers.push(fresh);
      return fresh;
    }
    before(async () => {
      site = await freshSite();
      browser = await engine.launch();
      s = browser.session;
      console.log(browser.version);
    });
    after(async () => {
      await browser?.close();
      for (const server of servers) await server.close();
    });

    /** A test, skipped with the engine's reason where it cannot do that part. */
    const part = (name, fn) => it(name, { skip: engine.cannot[name] || false }, fn);

    part('first load shows the prerendered page, then the app with every passage and the core\'s counts', async () => {
      // A fresh origin, so no service worker serves the wasm before the server can hold it.
      const fresh = await freshSite();
      const release = fresh.holdWasm();
      await s.execute((url) => { setTimeout(() => { location.href = url; }, 0); }, fresh.url);
      await s.waitFor((url) => location.href === url && document.querySelector('#prerendered [data-passage]'), [fresh.url], { what: 'the prerendered page' });
      const first = await s.execute(() => [...document.querySelectorAll('#prerendered [data-passage]')].map((card) => card.dataset.passage));
      assert.deepEqual(first, loupeQuery('').passages.slice(0, first.length), 'the first passages, in the default order');
      assert.equal(await s.execute(() => getComputedStyle(document.getElementById('loading')).display), 'none', 'no loading state over a readable page');
      release();
      await appUp(s);
      assert.equal(await s.execute(() => document.getElementById('prerendered')), null, 'the app took its place');
      assert.match(await s.execute(() => document.querySelector('[data-testid=corpus-title]').textContent), /One year after Russia’s invasion of Ukraine/);
      assert.equal((await s.execute(shown)).passages.length, loupeExport().passages.length);
      await agreesWithCore(s);
      assert.equal(await s.execute(() => document.getElementById('fatal').hidden), true, 'no error screen');
    });

    part('a searched URL shows the loading state, never the default results, until the app answers it', async () => {
      const fresh = await freshSite();
      const release = fresh.holdWasm();
      const url = `${fresh.url}?q=blackout`;
      await s.execute((u) => { setTimeout(() => { location.href = u; }, 0); }, url);
      await s.waitFor((u) => location.href === u && document.getElementById('loading')?.textContent.includes('Loading the corpus…'), [url], { what: 'the loading state' });
      assert.equal(await s.execute(() => [...document.querySelectorAll('[data-passage]')].some((card) => card.getClientRects().length > 0)), false, 'no passage is shown yet');
      release();
      await appUp(s);
      await agreesWithCore(s);
    });

    part('ticking facets filters as the core says: OR within a group, AND across groups', async () => {
      await open(s, site.url);
      await s.click('input[data-facet=theme][data-value=forecasts]');
      await waitForSearch(s, '?theme=forecasts');
      await agreesWithCore(s);
      const forecasts = (await s.execute(shown)).passages.length;
      assert.ok(await s.execute(() => document.querySelectorAll('[data-passage] mark.evidence').length) >= forecasts, 'evidence is highlighted');
      await s.click('input[data-facet=theme][data-value=trade]');
      await waitForSearch(s, '?theme=forecasts&theme=trade');
      await agreesWithCore(s);
      assert.ok((await s.execute(shown)).passages.length > forecasts, 'OR widens');
      await s.click('input[data-facet=entity][data-value=vladimir-putin]');
      await waitForSearch(s, '?theme=forecasts&theme=trade&entity=vladimir-putin');
      await agreesWithCore(s);
      assert.equal(await s.execute(() => document.activeElement.dataset.value), 'vladimir-putin', 'focus stays on the checkbox');
    });

    part('search follows typing, highlights matches, and offers the core\'s suggestions', async () => {
      await open(s, site.url);
      await s.type('#search-input', 'diplom');
      await waitForSearch(s, '?q=diplom');
      assert.equal(await s.execute(() => document.activeElement.id), 'search-input', 'focus stays in the box');
      await agreesWithCore(s);
      const marks = await s.execute(() => [...document.querySelectorAll('[data-passage] mark.match')].map((m) => m.textContent.toLowerCase()));
      assert.ok(marks.length > 0 && marks.every((m) => m.startsWith('diplom')), `marks: ${marks}`);

      await s.type('#search-input', 'acy');
      await s.waitFor(() => document.querySelector('#search-suggestions [role=option]'), [], { what: 'suggestions' });
      assert.equal(await s.execute(() => document.getElementById('search-input').getAttribute('aria-expanded')), 'true');
      const offered = await s.execute(() => [...document.querySelectorAll('#search-suggestions [role=option]')].map((o) => o.dataset.value));
      assert.deepEqual(offered, loupeSuggest('diplomacy').map((o) => o.value), 'the page offers what `loupe suggest` offers, in its order');
      await s.press(Keys.ArrowDown, Keys.Enter);
      await waitForSearch(s, '?theme=diplomacy');
      assert.equal(await s.execute(() => document.getElementById('search-input').value), '', 'choosing a theme clears the typed word');
      await agreesWithCore(s);
      await s.press('/');
      assert.equal(await s.execute(() => document.activeElement.id), 'search-input');
      await s.type('#search-input', 'ch');
      await s.waitFor(() => document.querySelector('#search-suggestions [role=option]'), [], { what: 'suggestions' });
      await s.press(Keys.Escape);
      assert.equal(await s.execute(() => document.getElementById('search-input').getAttribute('aria-expanded')), 'false', 'the first Escape closes the list');
      await s.press(Keys.Escape);
      await waitForSearch(s, '?theme=diplomacy');
      assert.equal(await s.execute(() => document.getElementById('search-input').value), '', 'the second clears the box');
    });

    part('the theme map counts what the core counts and opens a passage in context', async () => {
      const q = 'entity=china';
      await open(s, `${site.url}?${q}&view=map`);
      await s.find('[data-testid=theme-map] .map-column');
      const matching = matchingPassages(q);
      const labels = await s.execute(() => Object.fromEntries([...document.querySelectorAll('.map-label')].map((l) => [l.dataset.theme, l.textContent])));
      for (const theme of loupeExport().themes) {
        const expected = matching.filter((p) => p.themes.some((t) => t.id === theme.id)).length;
        assert.match(labels[theme.id], new RegExp(`\\(${expected}\\)$`), theme.id);
      }
      assert.equal(await s.execute(() => document.querySelectorAll('.map-column.match').length), matching.length);
      const id = await s.execute(() => document.querySelector('.map-column.match').dataset.passage);
      await s.click('.map-column.match rect:not(.map-hit)');
      await s.waitFor((id) => location.search.includes('view=read') && location.hash === `#${id}`, [id], { what: 'the reading view at the passage' });
      await s.waitFor((id) => document.getElementById(id)?.classList.contains('targeted'), [id], { what: 'the passage marked' });
    });

    part('the reading view shows the document whole and marks the core\'s matches', async () => {
      await open(s, `${site.url}?theme=forecasts&view=read`);
      await s.find('[data-testid=reading-view]');
      const read = await s.execute(() => ({
        passages: document.querySelectorAll('.read-passage').length,
        marked: [...document.querySelectorAll('.read-passage.match')].map((e) => e.dataset.passage),
        evidence: document.querySelectorAll('.read-passage.match mark.evidence').length,
      }));
      assert.equal(read.passages, loupeExport().passages.length);
      assert.deepEqual(read.marked, loupeQuery('theme=forecasts').passages);
      assert.ok(read.evidence > 0, 'evidence is highlighted');
      await s.click('[data-testid=back-to-results]');
      await waitForSearch(s, '?theme=forecasts');
      await agreesWithCore(s);
    });

    part('the co-occurrence matrix counts what the core counts, and a cell adds both filters', async () => {
      const q = 'theme=diplomacy';
      await open(s, `${site.url}?${q}&view=matrix`);
      await s.find('[data-testid=matrix] .cell');
      const matching = matchingPassages(q);
      const cells = await s.execute(() => [...document.querySelectorAll('.matrix .cell')].map((e) => [e.dataset.theme, e.dataset.entity, Number(e.textContent)]));
      assert.ok(cells.length > 10);
      for (const [theme, entity, count] of cells) {
        assert.equal(count, matching.filter((p) => p.entities.includes(entity) && p.themes.some((t) => t.id === theme)).length, `${theme} × ${entity}`);
      }
      await s.click('.matrix .cell[data-theme=forecasts][data-entity=russia]');
      await waitForSearch(s, '?theme=diplomacy&theme=forecasts&entity=russia');
      await agreesWithCore(s);
    });

    part('the concordance lists every occurrence and sorts by right context', async () => {
      await open(s, `${site.url}?q=partnership&view=kwic`);
      await s.find('.kwic-lines tbody tr');
      const occurrences = loupeExport().passages.reduce((n, p) => n + (p.text.toLowerCase().match(/partnership/g) || []).length, 0);
      assert.equal(await s.execute(() => document.querySelectorAll('.kwic-lines tbody tr').length), occurrences);
      await s.click('//button[normalize-space()="right context"]');
      await s.waitFor(() => {
        const rights = [...document.querySelectorAll('.kwic-lines td.right')].map((e) => e.textContent.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ''));
        return rights.every((r, i) => i === 0 || rights[i - 1] <= r);
      }, [], { what: 'lines sorted by right context' });
      const keywords = await s.execute(() => [...document.querySelectorAll('.kwic-lines td.keyword')].map((e) => e.textContent.toLowerCase()));
      assert.ok(keywords.every((k) => k === 'partnership'));
    });

    part('the trends view counts each period as the core does, and a period sets the range', async () => {
      // The generated corpus: articles dated over three years, and one undated.
      const dated = await freshSite(generatedDist);
      await open(s, `${dated.url}?theme=forecasts&view=trends`);
      await s.find('[data-testid=trend-chart]');
      await s.execute(() => { document.querySelector('.map-table').open = true; });
      const rows = await s.execute(() => [...document.querySelectorAll('[data-testid=trend-table] tbody tr')].map((tr) => [tr.dataset.period, Number(tr.querySelector('td').textContent)]));
      assert.deepEqual(rows.map(([period]) => period), ['2022', '2023', '2024']);
      for (const [period, total] of rows) {
        assert.equal(total, loupeQuery(`theme=forecasts&from=${period}&to=${period}`, generatedSeeds).total, `passages of ${period}`);
      }
      await s.click('.trend-period[data-period="2024"] rect');
      await waitForSearch(s, '?theme=forecasts&from=2024&to=2024&view=trends');
      // By month: the one article of 2024 makes it a single month, shown as each theme's share.
      await s.waitFor(() => {
        const months = [...document.querySelectorAll('[data-testid=trend-table] tbody tr')].map((tr) => tr.dataset.period);
        return months.length > 0 && months.every((p) => p.startsWith('2024-')) && !!document.querySelector('[data-testid=trend-shares] li');
      }, [], { what: '2024 by month, as shares' });
    });

    part('no view scrolls sideways at 1280 px', async () => {
      for (const view of ['list', 'map', 'read', 'matrix', 'kwic', 'trends']) {
        await open(s, `${site.url}?q=china&view=${view}`);
        const width = await s.execute(() => document.documentElement.scrollWidth);
        assert.ok(width <= 1280, `${view}: scrollWidth ${width}`);
      }
    });

    part('a deep link to a passage scrolls to it and marks it', async () => {
      const last = loupeQuery('').passages.at(-1);
      await open(s, `${site.url}#${last}`);
      await s.waitFor((id) => document.getElementById(id)?.classList.contains('targeted'), [last], { what: 'the passage marked' });
      await s.waitFor((id) => { const y = document.getElementById(id).getBoundingClientRect().y; return y >= 0 && y < innerHeight; }, [last], { what: 'the passage in view' });
      await open(s, `${site.url}?theme=diplomacy&voice=vladimir-putin&view=kwic&q=russia`);
      assert.equal(await s.execute(() => document.querySelector('input[data-facet=voice][data-value=vladimir-putin]').checked), true);
      await s.find('.kwic-lines tbody tr');
    });

    part('Back and Forward walk through filters and views', async () => {
      await open(s, site.url);
      await s.click('input[data-facet=theme][data-value=trade]');
      await waitForSearch(s, '?theme=trade');
      await s.click('input[data-facet=theme][data-value=energy]');
      await waitForSearch(s, '?theme=trade&theme=energy');
      await s.click('[data-view=map]');
      await waitForSearch(s, '?theme=trade&theme=energy&view=map');
      await s.back();
      await waitForSearch(s, '?theme=trade&theme=energy');
      await s.find('[data-testid=passages]');
      await s.back();
      await waitForSearch(s, '?theme=trade');
      await agreesWithCore(s);
      assert.equal(await s.execute(() => document.querySelector('input[data-value=energy]').checked), false);
      await s.back();
      await waitForSearch(s, '');
      await listDrawn(s);
      assert.equal((await s.execute(shown)).passages.length, loupeExport().passages.length);
      await s.forward();
      await waitForSearch(s, '?theme=trade');
      await agreesWithCore(s);
    });

    part(`at ${phone.width} px the facets open in a drawer dialog that keeps focus`, async () => {
      // On the suite's origin the service worker would answer this navigation with the app.
      const own = await freshSite();
      await s.navigate(`${own.url}phone.html`);
      await s.enterFrame('#phone');
      try {
        await appUp(s);
        assert.equal(await s.execute(() => innerWidth), phone.width);
        assert.equal(await s.execute(hidden, '#facets'), true, 'the drawer is closed at first');
        const width = await s.execute(() => document.documentElement.scrollWidth);
        assert.ok(width <= phone.width, `no sideways scrolling (scrollWidth ${width})`);
        for (const close of [() => s.press(Keys.Escape), () => s.click('#facets .drawer-close')]) {
          await s.click('[data-testid=drawer-toggle]');
          await s.waitFor(drawerOpen, [], { what: 'the drawer open' });
          assert.equal(await s.execute(() => document.getElementById('drawer-toggle').getAttribute('aria-expanded')), 'true');
          await s.waitFor(() => document.activeElement.closest('[role=dialog]')?.id === 'facets', [], { what: 'focus in the drawer', timeout: 2000 });
          await s.press([Keys.Shift, Keys.Tab], [Keys.Shift, Keys.Tab], [Keys.Shift, Keys.Tab]);
          assert.ok(await s.execute(() => !!document.activeElement.closest('#facets')), 'Tab stays in the drawer');
          await close();
          await s.waitFor(hidden, ['#facets'], { what: 'the drawer closed' });
          await s.waitFor(() => document.activeElement.id === 'drawer-toggle', [], { what: 'focus back on Filters', timeout: 2000 });
        }
        await s.click('[data-testid=drawer-toggle]');
        await s.waitFor(drawerOpen, [], { what: 'the drawer open' });
        await s.click('input[data-facet=theme][data-value=peace]');
        await waitForSearch(s, '?theme=peace');
        const expected = loupeQuery('theme=peace');
        await s.waitFor((text) => document.querySelector('[data-testid=drawer-show]').textContent.trim() === text, [`Show ${expected.total} passages`], { what: 'Show N passages' });
        await s.click('[data-testid=drawer-show]');
        await s.waitFor(hidden, ['#facets'], { what: 'the drawer closed' });
        assert.equal(await s.execute(() => document.getElementById('drawer-toggle').textContent.trim()), 'Filters (1)');
        await agreesWithCore(s);
      } finally {
        await s.leaveFrame();
      }
    });

    part(`cards fit after the page narrows from 1280 to ${phone.width} px, off-screen ones too`, async () => {
      const own = await freshSite();
      await s.navigate(`${own.url}phone.html`);
      const frameWidth = (width) => s.execute((w) => { document.getElementById('phone').width = w; }, width);
      await frameWidth(1280);
      await s.enterFrame('#phone');
      try {
        await appUp(s);
        await s.execute(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
        const offscreen = () => s.execute(() => [...document.querySelectorAll('[data-testid=passage]')]
          .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom < 0 || r.top > innerHeight; }).length);
        assert.ok(await offscreen() > 0, 'some cards are off screen before narrowing');
        await s.leaveFrame();
        await frameWidth(phone.width);
        await s.enterFrame('#phone');
        await s.waitFor((w) => innerWidth === w, [phone.width], { what: 'the narrow frame' });
        await s.execute(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); }));
        const wide = await s.execute((w) => [...document.querySelectorAll('[data-testid=passage]')]
          .map((e) => ({ id: e.dataset.passage, right: Math.round(e.getBoundingClientRect().right) }))
          .filter((c) => c.right > w), phone.width);
        assert.deepEqual(wide, [], 'cards reaching past the frame');
        const scrollWidth = await s.execute(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= phone.width, `no sideways scrolling (scrollWidth ${scrollWidth})`);
      } finally {
        await s.leaveFrame();
      }
    });

    part('works offline once the service worker controls the page', async () => {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-engines-'));
      fs.cpSync(dist, copy, { recursive: true });
      const own = await freshSite(copy);
      await open(s, `${own.url}?theme=trade`);
      await s.waitFor(() => navigator.serviceWorker?.controller?.state === 'activated', [], { what: 'the worker in control', timeout: 15000 });
      await own.close();
      await reload(s);
      await agreesWithCore(s);
      await s.click('input[data-facet=theme][data-value=energy]');
      await waitForSearch(s, '?theme=trade&theme=energy');
      await s.type('#search-input', 'oil');
      await s.waitFor(() => location.search.startsWith('?q=oil'), [], { what: 'the search offline' });
      assert.ok((await s.execute(shown)).passages.length > 0, 'search works offline');
      await open(s, `${own.url}index.html?q=china`);
      await agreesWithCore(s);
      fs.rmSync(copy, { recursive: true, force: true });
    });

    part('embedded, the host frame follows the page\'s height messages', async () => {
      // On the suite's origin the service worker would answer this navigation with the app.
      const own = await freshSite();
      await s.navigate(`${own.url}host/iframe.html`);
      const height = () => s.execute(() => parseInt(document.getElementById('loupe').style.height, 10) || 0);
      await s.waitFor(() => parseInt(document.getElementById('loupe').style.height, 10) > 400, [], { what: 'the frame resized' });
      // The frame settles at the height of the page inside it.
      const frameAndContent = () => s.execute(() => {
        const frame = document.getElementById('loupe');
        return [parseInt(frame.style.height, 10), frame.contentDocument.body.getBoundingClientRect().height];
      });
      await s.waitFor(() => {
        const frame = document.getElementById('loupe');
        return Math.abs(parseInt(frame.style.height, 10) - frame.contentDocument.body.getBoundingClientRect().height) <= 2;
      }, [], { what: 'the frame at the content\'s height', timeout: 5000 }).catch(async () => {
        const [outer, inner] = await frameAndContent();
        assert.fail(`frame ${outer}px, content ${inner}px`);
      });
      const before = await height();
      await s.enterFrame('#loupe');
      await s.type('#search-input', 'zebra');
      await s.leaveFrame();
      await s.waitFor((b) => parseInt(document.getElementById('loupe').style.height, 10) < b, [before], { what: 'the frame shrunk' });
    });

    part('“Copy citation” puts the citation on the clipboard, where a paste finds it', async () => {
      await open(s, `${site.url}?theme=trade`);
      const id = await s.execute(() => document.querySelector('[data-passage]').dataset.passage);
      await s.click('[data-passage] [data-testid=copy-citation]');
      const outcome = await s.waitFor(() => {
        if (document.querySelector('[data-testid=copy-citation]').textContent === 'Citation copied') return 'copied';
        const field = [...document.querySelectorAll('textarea, input')].find((f) => f.getClientRects().length > 0 && f.value.includes('#'));
        return field && 'by hand';
      }, [], { what: '“Citation copied” or the text to copy by hand' });
      assert.equal(outcome, 'copied', 'the clipboard took the citation');
      // What a reader pastes: the engine's own paste into a fresh field.
      await s.execute(() => {
        const field = document.createElement('textarea');
        field.id = 'paste-here';
        document.body.append(field);
      });
      await s.click('#paste-here');
      await s.press([Keys.Control, 'v']);
      const pasted = await s.waitFor(() => document.getElementById('paste-here').value, [], { what: 'the pasted text', timeout: 3000 });
      assert.match(pasted, /^“One year after Russia’s invasion of Ukraine”, 2023-02-24, section “Opening”/);
      assert.ok(pasted.endsWith(`?theme=trade&view=read#${id}`), pasted);
    });

    part('makes no request after load, whatever the reader does', async () => {
      await open(s, site.url);
      await s.waitFor(() => navigator.serviceWorker?.controller, [], { what: 'the worker in control', timeout: 15000 });
      await new Promise((r) => setTimeout(r, 300));
      const seen = site.requests.length;
      const resources = await s.execute(() => performance.getEntriesByType('resource').length);
      await s.click('input[data-value=forecasts]');
      await s.type('#search-input', 'china');
      await s.press(Keys.Enter);
      for (const view of ['map', 'read', 'matrix', 'kwic', 'list']) await s.click(`[data-view=${view}]`);
      await s.back();
      await new Promise((r) => setTimeout(r, 300));
      // The worker's own update check for sw.js is the browser's, not the page's.
      assert.deepEqual(site.requests.slice(seen).filter((p) => p !== '/sw.js'), [], 'requests that reached the server');
      const fetched = await s.execute((n) => performance.getEntriesByType('resource').slice(n).map((e) => e.name), resources);
      assert.deepEqual(fetched, [], 'fetches the page made, from the network or the worker\'s cache');
    });
  });
}
