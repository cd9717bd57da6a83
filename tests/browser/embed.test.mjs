// Embedding: ?embed=1 is compact and keeps its presets, reports its height, ignores stray
// messages; the iframe host resizes; <loupe-explorer> works beside hostile host CSS and under a
// strict CSP; "Copy embed code" writes a ready snippet. Across the frame: the parent's questions
// answered as the command answers them, loupe:navigate and loupe:change, and the same through
// <loupe-explorer>'s methods and event; stray questions ignored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, loupeQuery, loupeSuggest, loupeFacets, loupeExport } from './helpers.mjs';

describe('embedding', () => {
  const site = useSite();

  it('?embed=1 is compact, keeps presets and links out to the full explorer', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&embed=1`);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('embed')));
    assert.ok(await page.locator('input[data-value=trade]').isChecked());
    assert.equal(new URL(page.url()).search, '?theme=trade&embed=1', 'the URL keeps embed=1');
    const link = page.locator('[data-testid=open-in-loupe]');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('href'), '/?theme=trade');
    assert.equal(await page.locator('#install').isVisible(), false);
    assert.equal(await page.locator('#facets').isVisible(), false, 'facets wait in the drawer');
  });

  it('the page shell and the app agree on what turns embed mode on', async () => {
    for (const [search, embedded] of [['embed=yes', true], ['embed=true&theme=trade', true], ['embed=1&embed=0', false], ['embed=no', false]]) {
      const page = await open(site.browser, `${site.server.url}?${search}`);
      const compact = await page.locator('.masthead.compact').count() === 1;
      const shell = await page.evaluate(() => document.documentElement.classList.contains('embed'));
      assert.deepEqual([compact, shell], [embedded, embedded], search);
      await page.close();
    }
  });

  it('ignores messages it does not expect', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&embed=1`);
    await page.evaluate(() => {
      window.postMessage({ type: 'loupe:theme', vars: { '--loupe-accent': 'red' } }, '*'); // not from the parent
      window.postMessage({ type: 'loupe:navigate', url: 'javascript:alert(1)' }, '*');
      window.postMessage('<img src=x onerror=alert(1)>', '*');
    });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--loupe-accent')), '');
    assert.equal(new URL(page.url()).search, '?theme=trade&embed=1');
    assert.deepEqual(page.errors, []);
  });

  it('the host iframe follows the embed\'s height', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.server.url + 'host/iframe.html');
    const frame = page.frameLocator('#loupe');
    await frame.locator('[data-testid=status]').waitFor();
    await page.waitForFunction(() => parseInt(document.getElementById('loupe').style.height) > 400);
    const before = await page.evaluate(() => parseInt(document.getElementById('loupe').style.height));
    const inner = await frame.locator('body').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(Math.abs(before - inner) <= 2, `frame ${before}px, content ${inner}px`);
    await frame.locator('#search-input').fill('zebra');
    await page.waitForFunction((b) => parseInt(document.getElementById('loupe').style.height) < b, before);
  });

  it('<loupe-explorer> renders in a shadow root beside hostile CSS, under a strict CSP, themed by the host', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(site.server.url + 'host/element.html');
    await page.waitForFunction(() => document.getElementById('explorer')?.shadowRoot?.querySelector('iframe'));
    const frame = page.frameLocator('loupe-explorer iframe');
    await frame.locator('[data-testid=status]').waitFor();
    const expected = loupeQuery('theme=forecasts&entity=china');
    // The whole page of the list (its first cards come a frame before the rest).
    await frame.locator('[data-testid=passages]:not([aria-busy])').waitFor();
    const ids = await frame.locator('[data-testid=passages] > [data-passage]').evaluateAll((els) => els.map((e) => e.dataset.passage));
    assert.deepEqual(ids, expected.passages);
    const box = await page.locator('loupe-explorer').boundingBox();
    assert.ok(box.height > 400, `the element is visible and sized (${box.height}px)`);
    await page.waitForFunction(() => {
      const iframe = document.getElementById('explorer').shadowRoot.querySelector('iframe');
      return getComputedStyle(iframe.contentDocument.documentElement).getPropertyValue('--loupe-accent').trim() === '#b5179e';
    });
    const chipColour = await frame.locator('.view-tab[aria-pressed=true]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(chipColour, 'rgb(181, 23, 158)', 'themed with the host\'s --loupe-accent');
    assert.deepEqual(violations, []);
  });

  it('"Copy embed code" writes a ready iframe for the current view', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.slice(0, -1) });
    const page = await context.newPage();
    await page.goto(`${site.server.url}?theme=trade&view=map`);
    await page.click('[data-testid=copy-embed]');
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-embed]').textContent === 'Embed code copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, new RegExp(`^<iframe src="${site.server.url}\\?theme=trade&amp;view=map&amp;embed=1" title="Loupe: [^"]+" loading="lazy" width="100%" height="640" style="border:0"></iframe>$`));
    await context.close();
  });
});

/** In the host page: posts `message` to the Loupe frame and collects what it answers for `wait` ms. */
async function ask(page, messages, wait = 500) {
  return page.evaluate(async ({ messages, wait }) => {
    const frame = document.getElementById('loupe');
    const heard = [];
    const listen = (event) => { if (event.source === frame.contentWindow && event.data?.type === 'loupe:result') heard.push(event.data); };
    addEventListener('message', listen);
    for (const message of messages) frame.contentWindow.postMessage(message, '*');
    await new Promise((resolve) => setTimeout(resolve, wait));
    removeEventListener('message', listen);
    return heard;
  }, { messages, wait });
}

describe('questions across the embed', () => {
  const site = useSite();

  async function openHost() {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(site.server.url + 'host/iframe.html');
    await page.frameLocator('#loupe').locator('[data-testid=status]').waitFor();
    return page;
  }

  it('answers the parent\'s questions as the loupe command does', async () => {
    const page = await openHost();
    const corpus = loupeExport();
    const id = corpus.passages[2].id;
    const heard = await ask(page, [
      { type: 'loupe:query', id: 1, query: 'theme=trade&q=oil' },
      { type: 'loupe:suggest', id: 'two', text: 'putin', query: 'theme=diplomacy' },
      { type: 'loupe:passages', id: 3, ids: [id] },
      { type: 'loupe:facets', id: 4 },
      { type: 'loupe:documents', id: 5 },
    ]);
    const byId = Object.fromEntries(heard.map((m) => [m.id, m.result]));
    assert.deepEqual(Object.keys(byId).sort(), ['1', '3', '4', '5', 'two']);
    assert.deepEqual(byId[1], loupeQuery('theme=trade&q=oil'));
    assert.deepEqual(byId.two, loupeSuggest('putin', 'theme=diplomacy'));
    assert.deepEqual(byId[3].map((p) => p.id), [id]);
    assert.deepEqual(byId[4], loupeFacets());
    assert.deepEqual(byId[5], corpus.documents);
    assert.deepEqual(page.errors, []);
  });

  it('ignores questions from other frames, unknown types and malformed payloads', async () => {
    const page = await openHost();
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    // The frame asking itself: not its parent.
    const selfAnswers = await frame.evaluate(async () => {
      const heard = [];
      addEventListener('message', (e) => { if (e.data?.type === 'loupe:result') heard.push(e.data); });
      postMessage({ type: 'loupe:query', id: 'self', query: '' }, '*');
      postMessage({ type: 'loupe:navigate', query: 'theme=diplomacy' }, '*');
      await new Promise((r) => setTimeout(r, 400));
      return heard;
    });
    assert.deepEqual(selfAnswers, []);
    // A sibling frame of the host page asking the Loupe frame.
    await page.evaluate(() => {
      const other = document.createElement('iframe');
      other.id = 'other';
      other.srcdoc = '<p>another widget</p>';
      document.body.append(other);
      return new Promise((r) => other.addEventListener('load', r));
    });
    const sibling = await (await page.$('#other')).contentFrame();
    const siblingAnswers = await sibling.evaluate(async () => {
      const heard = [];
      addEventListener('message', (e) => { if (e.data?.type === 'loupe:result') heard.push(e.data); });
      parent.document.getElementById('loupe').contentWindow.postMessage({ type: 'loupe:query', id: 'sibling', query: '' }, '*');
      parent.document.getElementById('loupe').contentWindow.postMessage({ type: 'loupe:navigate', query: 'theme=diplomacy' }, '*');
      await new Promise((r) => setTimeout(r, 400));
      return heard;
    });
    assert.deepEqual(siblingAnswers, []);
    // The parent, with unknown types and malformed payloads, then one good question.
    const heard = await ask(page, [
      'loupe:query', null, 42, [], { type: 'loupe:unknown', id: 1 }, { type: 'constructor', id: 2 }, { type: '__proto__', id: 3 },
      { type: 'loupe:query', id: 4, query: 42 }, { type: 'loupe:query', id: { evil: true }, query: '' }, { type: 'loupe:query', query: '' },
      { type: 'loupe:passages', id: 5, ids: 'one-year-after-russia-invasion-p1' }, { type: 'loupe:passages', id: 6, ids: [1, 2] },
      { type: 'loupe:suggest', id: 7, text: { toString: 1 } }, { type: 'loupe:query', id: 8, query: 'q='.padEnd(5000, 'a') },
      { type: 'loupe:navigate', query: 7 }, { type: 'loupe:navigate', url: 'javascript:alert(1)' },
      { type: 'loupe:theme', vars: 'red' },
      { type: 'loupe:query', id: 'good', query: 'theme=trade' },
    ]);
    assert.deepEqual(heard, [{ type: 'loupe:result', id: 'good', result: loupeQuery('theme=trade') }]);
    assert.equal(new URL(frame.url()).search, '?theme=trade&embed=1', 'no navigation happened');
    assert.deepEqual(page.errors, []);
  });

  it('the parent sets the view with loupe:navigate and hears loupe:change when the reader changes it', async () => {
    const page = await openHost();
    await page.evaluate(() => {
      window.changes = [];
      addEventListener('message', (e) => { if (e.data?.type === 'loupe:change') window.changes.push(e.data.query); });
      document.getElementById('loupe').contentWindow.postMessage({ type: 'loupe:navigate', query: 'theme=diplomacy&view=list' }, '*');
    });
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    await page.waitForFunction(() => window.changes.length === 1);
    assert.deepEqual(await page.evaluate(() => window.changes), ['theme=diplomacy']);
    await frame.waitForFunction(() => document.querySelector('[data-testid=passages]:not([aria-busy])'));
    assert.deepEqual(await frame.$$eval('[data-testid=passages] > [data-passage]', (els) => els.map((e) => e.dataset.passage)), loupeQuery('theme=diplomacy').passages.slice(0, 20));
    await page.frameLocator('#loupe').locator('#search-input').fill('china');
    await page.waitForFunction(() => window.changes.length >= 2);
    assert.equal(await page.evaluate(() => window.changes.at(-1)), 'q=china&theme=diplomacy');
  });

  it('<loupe-explorer> answers through its methods and fires loupe-change', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.server.url + 'host/element.html');
    // Asked at once, before its frame has started: the answer waits for it.
    const early = await page.evaluate(() => document.getElementById('explorer').query('theme=trade'));
    assert.deepEqual(early, loupeQuery('theme=trade'));
    const answers = await page.evaluate(async () => {
      const el = document.getElementById('explorer');
      return { suggest: await el.suggest('putin'), facets: await el.facets(), documents: await el.documents(), passages: await el.passages(['one-year-after-russia-invasion-p1']) };
    });
    assert.deepEqual(answers.suggest, loupeSuggest('putin', ''));
    assert.deepEqual(answers.facets, loupeFacets());
    assert.deepEqual(answers.documents, loupeExport().documents);
    assert.deepEqual(answers.passages.map((p) => p.id), ['one-year-after-russia-invasion-p1']);
    await page.evaluate(() => {
      window.changes = [];
      document.getElementById('explorer').addEventListener('loupe-change', (e) => window.changes.push(e.detail));
      document.getElementById('explorer').navigate('theme=trade');
    });
    await page.waitForFunction(() => window.changes.length === 1);
    const frame = page.frameLocator('loupe-explorer iframe');
    await frame.locator('#search-input').fill('oil');
    await page.waitForFunction(() => window.changes.length >= 2);
    assert.deepEqual(await page.evaluate(() => [window.changes[0], window.changes.at(-1)]), ['theme=trade', 'q=oil&theme=trade']);
    await frame.locator('[data-testid=passages]:not([aria-busy])').waitFor();
    const ids = await frame.locator('[data-testid=passages] > [data-passage]').evaluateAll((els) => els.map((e) => e.dataset.passage));
    assert.deepEqual(ids, loupeQuery('theme=trade&q=oil').passages.slice(0, 20));
  });
});
