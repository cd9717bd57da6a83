// The bugs a reader hit (issue 12, point 4), each checked the way a reader would see it: the
// cards after the window narrows, Back after typing, the empty state's undo, the concordance,
// stepping through matches in the reading view, section headings and hyphenated words in
// search, the co-occurrence table, the copy buttons, the theme map from the keyboard, and a
// deep link to a passage the filters hide. `loupe` is the oracle for which passages show.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, toggle, shownPassages, loupeQuery, loupeExport, screenshotPath, appStarted } from './helpers.mjs';

/** Whether the element with this id lies wholly (or, if taller than the window, partly) in the viewport. */
function inViewport(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.height > innerHeight) return r.top < innerHeight && r.bottom > 0;
    return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
  }, id);
}

/** Waits up to `timeout` ms for `fn(arg)` to be true in the page; resolves to whether it was. */
async function eventually(page, fn, arg, timeout = 3000) {
  return page.waitForFunction(fn, arg, { timeout }).then(() => true, () => false);
}

/** The passage at `id` is the one pointed at: focused (or holds focus), marked targeted or aria-current. */
function isMarked(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return false;
    return el.contains(document.activeElement) || el.classList.contains('targeted') || el.hasAttribute('aria-current');
  }, id);
}

const corpusOrder = () => new Map(loupeExport().passages.map((p, i) => [p.id, i]));

describe('reader bugs', () => {
  const site = useSite();

  it('cards fit the window after it narrows from 1280 to 375 px, off-screen ones too', async () => {
    const page = await open(site.browser, site.server.url);
    assert.ok((await shownPassages(page)).length > 10, 'enough cards to scroll');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForTimeout(100);
    const offscreen = await page.$$eval('[data-testid=passage]', (els) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.bottom < 0 || r.top > innerHeight;
    }).length);
    assert.ok(offscreen > 0, 'some cards are off screen before narrowing');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(200);
    const cards = await page.$$eval('[data-testid=passage]', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.dataset.passage, right: Math.round(r.right), offscreen: r.bottom < 0 || r.top > innerHeight };
    }));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: screenshotPath('narrowed-375') });
    const wide = cards.filter((c) => c.right > 375);
    const problems = [];
    if (wide.length) {
      problems.push(`${wide.length} of ${cards.length} cards (${wide.filter((c) => c.offscreen).length} of them off screen) reach past 375 px, `
        + `e.g. ${wide[0].id} to ${wide[0].right} px`);
    }
    if (scrollWidth > 375) problems.push(`the page scrolls sideways (scrollWidth ${scrollWidth})`);
    assert.deepEqual(problems, []);
  });

  it('Back after typing a search over ?theme=trade returns to the filtered list', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    const before = await page.evaluate(() => history.length);
    const box = page.locator('[data-testid=search]');
    await box.click();
    await box.pressSequentially('putin', { delay: 40 });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'putin');
    await page.waitForTimeout(300);
    const problems = [];
    const added = (await page.evaluate(() => history.length)) - before;
    if (added !== 1) problems.push(`typing a five-letter word added ${added} history entries, not 1`);
    await page.goBack();
    await eventually(page, () => location.search === '?theme=trade');
    const search = new URL(page.url()).search;
    if (search !== '?theme=trade') {
      problems.push(`one Back leads to ${page.url()}, not to ?theme=trade`);
    } else {
      await eventually(page, () => document.querySelector('[data-testid=search]')?.value === '');
      const value = await page.inputValue('[data-testid=search]');
      if (value !== '') problems.push(`after Back the search box still holds “${value}”`);
      const shown = await shownPassages(page);
      const expected = loupeQuery('theme=trade').passages;
      if (JSON.stringify(shown) !== JSON.stringify(expected)) problems.push(`after Back the list shows [${shown}], not ?theme=trade’s [${expected}]`);
    }
    assert.deepEqual(problems, []);
  });

  it('"Remove the last filter" names the filter ticked last and removes only it', async () => {
    // A theme and an entity that each find passages but none together; the entity is ticked
    // first, so the theme (which comes first in the URL's facet order) is the last one ticked.
    const corpus = loupeExport();
    const entities = [...corpus.entities].filter((e) => e.kind !== 'other').sort((a, b) => b.count - a.count);
    let pair;
    search: for (const entity of entities) {
      for (const theme of corpus.themes) {
        if (loupeQuery(`theme=${theme.id}&entity=${entity.id}`).total === 0
          && loupeQuery(`theme=${theme.id}`).total > 0 && loupeQuery(`entity=${entity.id}`).total > 0) {
          pair = { theme, entity };
          break search;
        }
      }
    }
    assert.ok(pair, 'a theme and an entity with no passage together');
    const page = await open(site.browser, site.server.url);
    await toggle(page, 'entity', pair.entity.id);
    await page.waitForFunction((id) => location.search === `?entity=${id}`, pair.entity.id);
    await toggle(page, 'theme', pair.theme.id);
    await page.waitForFunction(() => new URLSearchParams(location.search).getAll('theme').length === 1);
    const button = page.locator('[data-testid=remove-last]');
    await button.waitFor({ state: 'visible' });
    const text = await button.textContent();
    assert.ok(text.includes(pair.theme.label), `the button names the theme ticked last, “${pair.theme.label}”: “${text}”`);
    assert.ok(!text.includes(pair.entity.name), `not the entity ticked first: “${text}”`);
    await button.click();
    await page.waitForFunction(() => !location.search.includes('theme='));
    assert.equal(new URL(page.url()).search, `?entity=${pair.entity.id}`);
    assert.ok(await page.locator(`input[data-facet=entity][data-value="${pair.entity.id}"]`).isChecked(), 'the entity stays ticked');
    assert.deepEqual(await shownPassages(page), loupeQuery(`entity=${pair.entity.id}`).passages);
  });

  it('the concordance sorted by position lists its lines in text order', async () => {
    const word = 'partnership';
    const order = corpusOrder();
    const relevance = loupeQuery(`q=${word}`).passages;
    const textOrder = [...relevance].sort((a, b) => order.get(a) - order.get(b));
    assert.notDeepEqual(relevance, textOrder, `the premise: “${word}” ranks its passages out of text order`);
    const page = await open(site.browser, `${site.server.url}?q=${word}&view=kwic`);
    await page.waitForSelector('.kwic-lines tbody tr');
    await page.getByRole('button', { name: /right context/i }).click();
    await page.getByRole('button', { name: /position/i }).click();
    await page.waitForTimeout(100);
    const rows = await page.$$eval('.kwic-lines tbody tr', (trs) => trs.map((tr) => tr.dataset.passage));
    const rowsInTextOrder = [...rows].sort((a, b) => order.get(a) - order.get(b));
    assert.deepEqual(rows, rowsInTextOrder, 'lines follow the passages’ order in the text');
    assert.deepEqual([...new Set(rows)], textOrder, 'every matching passage, in text order');
  });

  it('the concordance shows the left context’s punctuation where it stands in the text', async () => {
    const page = await open(site.browser, `${site.server.url}?q=china&view=kwic`);
    await page.waitForSelector('.kwic-lines tbody tr');
    // Each left context that ends with punctuation or starts with a quote must have its first
    // character drawn left of its last one (as in the text), not the reverse; and every left
    // context keeps its end, the words next to the keyword, in sight (cut at its far end).
    const lines = await page.$$eval('.kwic-lines td.left', (cells) => cells.map((cell, row) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) if (walker.currentNode.textContent.trim()) nodes.push(walker.currentNode);
      if (!nodes.length) return null;
      const text = cell.textContent.trim();
      const charRect = (node, index) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
      };
      const first = nodes[0];
      const last = nodes[nodes.length - 1];
      const a = charRect(first, first.textContent.search(/\S/));
      const b = charRect(last, last.textContent.trimEnd().length - 1);
      const box = cell.getBoundingClientRect();
      const style = getComputedStyle(cell);
      const inner = { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) };
      return {
        row, text,
        punctuated: /[,.;:!?”’"]$/.test(text) || /^[“‘"]/.test(text),
        firstX: Math.round(a.left), lastX: Math.round(b.left),
        endInSight: b.left >= inner.left - 1 && b.right <= inner.right + 1,
      };
    }).filter(Boolean));
    const punctuated = lines.filter((l) => l.punctuated);
    assert.ok(punctuated.length > 0, 'the premise: some left contexts end with punctuation or start with a quote');
    await page.locator('.kwic-lines tbody tr').nth(punctuated[0].row).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('kwic-punctuation') });
    const problems = [
      ...punctuated.filter((l) => !(l.lastX > l.firstX))
        .map((l) => `punctuation at the wrong end: “${l.text.slice(-40)}” (first character at x=${l.firstX}, last at x=${l.lastX})`),
      ...lines.filter((l) => !l.endInSight).map((l) => `the words next to the keyword are cut off: “${l.text.slice(-40)}”`),
    ];
    assert.deepEqual(problems, []);
  });

  it('the reading view opens at the first match and steps from match to match', async () => {
    const word = 'assistant';
    const order = corpusOrder();
    const matches = loupeQuery(`q=${word}`).passages.sort((a, b) => order.get(a) - order.get(b));
    assert.ok(matches.length >= 2 && order.get(matches[0]) >= 10, `the premise: “${word}” matches two passages far down`);
    const [first, second] = matches;
    const page = await open(site.browser, `${site.server.url}?q=${word}&view=read`);
    await page.waitForSelector('[data-testid=reading-view] .read-passage');
    const problems = [];
    if (!await eventually(page, (id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r && r.top >= 0 && r.bottom <= innerHeight;
    }, first)) problems.push(`the first match ${first} is not in view on opening (scrollY ${await page.evaluate(() => scrollY)})`);
    if (await page.evaluate(() => scrollY) === 0) problems.push('the page did not scroll down to the first match');

    const next = page.getByRole('button', { name: /next match/i });
    const previous = page.getByRole('button', { name: /previous match/i });
    if (await next.count() !== 1) {
      problems.push(`no single “Next match” button (found ${await next.count()})`);
    } else {
      await next.click();
      await page.waitForTimeout(400);
      if (!await inViewport(page, second)) problems.push(`after “Next match” the second match ${second} is not in view`);
      if (!await isMarked(page, second)) problems.push(`after “Next match” the second match ${second} is not focused or marked`);
      await page.screenshot({ path: screenshotPath('reading-next-match') });
      if (await previous.count() !== 1) {
        problems.push(`no single “Previous match” button (found ${await previous.count()})`);
      } else {
        await previous.click();
        await page.waitForTimeout(400);
        if (!await inViewport(page, first)) problems.push(`after “Previous match” the first match ${first} is not in view`);
        if (!await isMarked(page, first)) problems.push(`after “Previous match” the first match ${first} is not focused or marked`);
      }
    }

    assert.equal(loupeQuery('q=sanctions').total, 1, 'the premise: “sanctions” finds one passage');
    const one = await open(site.browser, `${site.server.url}?q=sanctions&view=read`);
    const back = (await one.textContent('[data-testid=back-to-results]')).trim();
    if (!/Back to the 1 result$/.test(back)) problems.push(`with one result the back button reads “${back}”`);
    assert.deepEqual(problems, []);
  });

  it('a word found only in a section heading finds that section’s passages', async () => {
    const corpus = loupeExport();
    const word = 'future';
    assert.ok(corpus.passages.every((p) => !p.text.toLowerCase().includes(word)), `the premise: no passage text says “${word}”`);
    const sections = new Set(corpus.sections.filter((s) => s.heading.toLowerCase().includes(word)).map((s) => s.id));
    const inSections = corpus.passages.filter((p) => sections.has(p.section)).map((p) => p.id);
    const expected = loupeQuery(`q=${word}`);
    const page = await open(site.browser, `${site.server.url}?q=${word}`);
    await page.waitForSelector('[data-testid=passages], [data-testid=empty-state]');
    const shown = await shownPassages(page);
    const problems = [];
    if (expected.total === 0) problems.push(`the core (loupe query q=${word}) finds nothing`);
    if (shown.length === 0) problems.push(`the page shows nothing for “${word}”`);
    if (JSON.stringify(shown) !== JSON.stringify(expected.passages)) problems.push(`the page shows [${shown}] but the core answers [${expected.passages}]`);
    if (JSON.stringify([...shown].sort()) !== JSON.stringify([...inSections].sort())) problems.push(`the page shows [${shown}], not the passages of the sections headed “…${word}…”: [${inSections}]`);
    assert.deepEqual(problems, []);
  });

  it('a hyphenated word found by its joined form is highlighted whole', async () => {
    const problems = [];
    for (const [joined, written] of [['multipolar', 'multi-polar'], ['indopacific', 'Indo-Pacific']]) {
      const expected = loupeQuery(`q=${joined}`).passages;
      assert.ok(expected.length > 0, `the premise: “${joined}” finds “${written}”`);
      const page = await open(site.browser, `${site.server.url}?q=${joined}`);
      await page.waitForSelector('[data-testid=passages]');
      assert.deepEqual(await shownPassages(page), expected, joined);
      const marks = await page.$$eval('[data-passage] mark.match', (ms) => ms.map((m) => m.textContent));
      if (marks.length === 0 || !marks.every((m) => m.toLowerCase() === written.toLowerCase())) {
        problems.push(`“${joined}” highlights ${JSON.stringify(marks)}, not “${written}”`);
      }
      await page.close();
    }
    assert.deepEqual(problems, []);
  });

  it('the co-occurrence table: the last column is reachable, row labels stay, “1 passage”', async () => {
    const problems = [];
    // The element that scrolls the table sideways.
    const scroller = (page) => page.evaluateHandle(() => {
      let el = document.querySelector('[data-testid=matrix] table').parentElement;
      while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowX)) el = el.parentElement;
      return el;
    });
    const wide = await open(site.browser, `${site.server.url}?view=matrix`);
    await wide.waitForSelector('[data-testid=matrix] .cell');
    const box = await scroller(wide);
    const overflows = await box.evaluate((el) => !!el && el.scrollWidth > el.clientWidth + 1);
    if (overflows) {
      // It scrolls: then the keyboard can reach its last column (axe: scrollable-region-focusable).
      const focusable = await box.evaluate((el) => el.tabIndex >= 0);
      if (!focusable) problems.push('at 1280 px the table scrolls sideways but its scroll region cannot be focused (no tabindex)');
      await box.evaluate((el) => el.focus());
      for (let i = 0; i < 80; i++) {
        if (await box.evaluate((el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1)) break;
        await wide.keyboard.press('ArrowRight');
      }
      const last = await box.evaluate((el) => {
        const headers = el.querySelectorAll('thead th');
        const h = headers[headers.length - 1].getBoundingClientRect();
        const c = el.getBoundingClientRect();
        return { text: headers[headers.length - 1].textContent, visible: h.left >= c.left - 1 && h.right <= c.right + 1 };
      });
      if (!last.visible) problems.push(`at 1280 px the last column “${last.text}” cannot be scrolled into view from the keyboard`);
    }
    const labels = await wide.$$eval('[data-testid=matrix] .cell', (cells) => cells.map((c) => c.getAttribute('aria-label')));
    assert.ok(await wide.$$eval('[data-testid=matrix] .cell', (cells) => cells.some((c) => c.textContent.trim() === '1')), 'the premise: some cell counts 1');
    const plural = labels.filter((l) => /\b1 passages\b/.test(l));
    if (plural.length) problems.push(`cells labelled “1 passages”, e.g. “${plural[0]}”`);

    const narrow = await open(site.browser, `${site.server.url}?view=matrix`, { width: 375, height: 800 });
    await narrow.waitForSelector('[data-testid=matrix] .cell');
    const nbox = await scroller(narrow);
    await nbox.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await narrow.waitForTimeout(150);
    const lost = await nbox.evaluate((el) => {
      const left = el.getBoundingClientRect().left;
      return [...el.querySelectorAll('tbody th')].filter((th) => th.getBoundingClientRect().left < left - 1).map((th) => th.textContent);
    });
    await narrow.screenshot({ path: screenshotPath('matrix-375-scrolled') });
    if (lost.length) problems.push(`at 375 px, scrolled sideways, ${lost.length} row labels scroll out of view (e.g. “${lost[0]}”)`);
    assert.deepEqual(problems, []);
  });

  it('copy buttons say “copied” for a while, and offer the text by hand when the clipboard refuses', async () => {
    const problems = [];
    const origin = site.server.url.slice(0, -1);
    // Clipboard granted: the message shows, then the button reads as before.
    const granted = await site.browser.newContext();
    await granted.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await granted.newPage();
    await page.goto(`${site.server.url}?theme=trade`);
    await appStarted(page);
    for (const [button, done, idle] of [
      [page.locator('[data-passage]').first().locator('[data-testid=copy-citation]'), 'Citation copied', 'Copy citation'],
      [page.locator('[data-testid=copy-embed]'), 'Embed code copied', 'Copy embed code'],
    ]) {
      await button.click();
      const said = await page.getByText(done).first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
      if (!said) { problems.push(`“${done}” is not shown after a copy`); continue; }
      // Gone means no text saying it is drawn any more (a visually hidden live region may keep it).
      const cleared = await eventually(page, ([done, idle, testid]) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          if (!walker.currentNode.textContent.includes(done)) continue;
          const el = walker.currentNode.parentElement;
          const r = el.getBoundingClientRect();
          if (r.width > 1 && r.height > 1 && getComputedStyle(el).visibility === 'visible') return false;
        }
        return document.querySelector(`[data-testid=${testid}]`)?.textContent.includes(idle);
      }, [done, idle, await button.getAttribute('data-testid')], 6000);
      if (!cleared) problems.push(`“${done}” still shows 6 s later (button reads “${(await button.textContent()).trim()}”)`);
    }
    await granted.close();

    // Clipboard refused: the text is shown to copy by hand.
    const refused = await site.browser.newContext();
    await refused.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      if (navigator.clipboard) {
        Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse });
        Object.defineProperty(navigator.clipboard, 'write', { value: refuse });
      }
      document.execCommand = () => false;
    });
    const page2 = await refused.newPage();
    await page2.goto(`${site.server.url}?theme=trade`);
    await appStarted(page2);
    const card = page2.locator('[data-passage]').first();
    const id = await card.getAttribute('data-passage');
    // A visible text field (input or textarea) holding the text, for a reader to select.
    const fieldHolding = (needles) => eventually(page2, (needles) => [...document.querySelectorAll('textarea, input')]
      .some((f) => !f.disabled && f.getClientRects().length > 0 && getComputedStyle(f).visibility !== 'hidden'
        && needles.every((n) => f.value.includes(n))), needles, 3000);
    await card.locator('[data-testid=copy-citation]').click();
    if (!await fieldHolding([`#${id}`])) problems.push('a refused citation copy shows no text field with the citation to copy by hand');
    if (await page2.getByText('Citation copied').count() > 0) problems.push('a refused citation copy says “Citation copied”');
    await page2.screenshot({ path: screenshotPath('copy-refused') });
    await page2.locator('[data-testid=copy-embed]').click();
    if (!await fieldHolding(['<iframe', 'embed=1'])) problems.push('a refused embed copy shows no text field with the embed code to copy by hand');
    await refused.close();
    assert.deepEqual(problems, []);
  });

  it('the theme map shows a clear focus ring, and Enter moves focus to the passage', async () => {
    const problems = [];
    // Only one passage is about the media: the others are dimmed, and the ring must still show.
    const page = await open(site.browser, `${site.server.url}?theme=media&view=map`);
    await page.waitForSelector('.map-column');
    const columns = await page.$$eval('.map-column', (els) => els.map((e) => [e.dataset.passage, e.classList.contains('match')]));
    const start = columns.findIndex(([, match]) => match);
    const target = columns.findIndex(([, match], i) => i > start && !match);
    assert.ok(start >= 0 && target > start, 'the premise: a dimmed column after a matching one');
    await page.locator('.map-column').nth(start).focus();
    for (let i = start; i < target; i++) await page.keyboard.press('Tab');
    const id = columns[target][0];
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.passage), id, 'Tab reaches the column');
    const ring = await page.evaluate(() => {
      const column = document.activeElement;
      const hit = column.querySelector('.map-hit');
      const style = getComputedStyle(hit);
      const rgba = (s) => { const m = s.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/); return m && [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]]; };
      let alpha = Number(style.strokeOpacity);
      for (let el = hit; el && el !== document.documentElement; el = el.parentElement) alpha *= Number(getComputedStyle(el).opacity);
      let bg = null;
      for (let el = column.ownerSVGElement; el && !bg; el = el.parentElement) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if (c && c[3] > 0) bg = c;
      }
      bg ||= [255, 255, 255, 1];
      const stroke = rgba(style.stroke);
      if (!stroke) return { width: parseFloat(style.strokeWidth), stroke: style.stroke, contrast: 1 };
      const a = alpha * stroke[3];
      const shown = stroke.slice(0, 3).map((v, i) => a * v + (1 - a) * bg[i]);
      const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const [l1, l2] = [lum(shown), lum(bg)].sort((x, y) => y - x);
      return { width: parseFloat(style.strokeWidth), stroke: style.stroke, opacity: alpha, contrast: (l1 + 0.05) / (l2 + 0.05) };
    });
    const figure = page.locator('.document-map').first();
    await figure.screenshot({ path: screenshotPath('map-focus') });
    if (!(ring.width >= 2)) problems.push(`the focus ring is ${ring.width}px wide`);
    if (!(ring.contrast >= 3)) problems.push(`the focus ring on a dimmed column has contrast ${ring.contrast.toFixed(2)}:1 against the page (stroke ${ring.stroke}, opacity ${ring.opacity?.toFixed(2)}), under 3:1`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.search.includes('view=read') && location.hash === `#${id}`, id);
    const focused = await eventually(page, (id) => document.activeElement?.closest('[data-passage]')?.dataset.passage === id, id);
    if (!focused) {
      const where = await page.evaluate(() => { const el = document.activeElement; return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` : 'nothing'; });
      problems.push(`after Enter, focus is on ${where}, not on passage ${id}`);
    }
    assert.deepEqual(problems, []);
  });

  it('a deep link to a passage the filters hide says so and offers to show it', async () => {
    const corpus = loupeExport();
    const theme = 'media';
    const shownIds = new Set(loupeQuery(`theme=${theme}`).passages);
    const hidden = [...corpus.passages].reverse().find((p) => !shownIds.has(p.id)).id;
    const page = await open(site.browser, `${site.server.url}?theme=${theme}#${hidden}`);
    await page.waitForSelector('[data-testid=passages]');
    const message = page.getByText(/hidden/i).filter({ hasText: /filter/i }).filter({ visible: true });
    const said = await message.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    await page.screenshot({ path: screenshotPath('hidden-deep-link') });
    assert.ok(said, `a message says that passage ${hidden} is hidden by the filters`);
    const show = page.getByRole('button', { name: /^show (it|this passage|the passage)\b/i });
    assert.equal(await show.count(), 1, 'a button offers to show the passage');
    await show.click();
    const revealed = await eventually(page, (id) => {
      const el = document.getElementById(id);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return el.classList.contains('targeted') && r.top < innerHeight && r.bottom > 0;
    }, hidden);
    assert.ok(revealed, `passage ${hidden} is shown, in view and marked as the target`);
  });
});
