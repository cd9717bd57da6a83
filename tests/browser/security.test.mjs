// Hostile input and robustness: script payloads in URL parameters, the search box and a seed
// file render as text and run nothing; no request after load; a sandboxed frame still works.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shownPassages, hostileDist } from './helpers.mjs';

const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '"><svg onload="window.__pwned=1">', 'javascript:window.__pwned=1'];

async function assertInert(page, label) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${label}: nothing ran`);
  assert.equal(await page.locator('#results script, #results img, #results svg[onload], #facets img, #facets script').count(), 0, `${label}: no markup from input`);
  assert.deepEqual(page.errors, [], label);
}

describe('hostile input and robustness', () => {
  let server, hostile, browser;
  before(async () => { server = await serve(); hostile = await serve(hostileDist); browser = await launch(); });
  after(async () => { await browser.close(); await server.close(); await hostile.close(); });

  it('script payloads in every URL parameter run nothing', async () => {
    for (const payload of PAYLOADS) {
      const encoded = encodeURIComponent(payload);
      const query = ['q', 'theme', 'entity', 'voice', 'section', 'doc', 'view', 'embed'].map((k) => `${k}=${encoded}`).join('&');
      const page = await open(browser, `${server.url}?${query}#${encoded}`);
      await page.waitForTimeout(100);
      await assertInert(page, payload);
      await page.close();
    }
  });

  it('script payloads typed into the search box run nothing and show as text', async () => {
    const page = await open(browser, server.url);
    for (const payload of PAYLOADS) {
      await page.fill('#search-input', payload);
      await page.waitForTimeout(50);
      await assertInert(page, payload);
    }
    assert.match(await page.textContent('[data-testid=search-chip]'), /javascript:window.__pwned=1/);
  });

  it('a seed file full of markup renders as text', async () => {
    const page = await open(browser, hostile.url + '?theme=trade');
    await assertInert(page, 'hostile seed');
    const texts = await page.$$eval('[data-passage] .passage-text', (els) => els.map((e) => e.textContent));
    assert.ok(texts.some((t) => t.includes('<img src=x onerror="window.__pwned=1">')), 'the markup is shown literally');
    assert.match(await page.textContent('[data-testid=corpus-title]'), /<script>window.__pwned = 1<\/script>/);
    for (const view of ['map', 'read', 'matrix']) {
      const other = await open(browser, `${hostile.url}?view=${view}`);
      await assertInert(other, view);
      await other.close();
    }
    const kwic = await open(browser, `${hostile.url}?view=kwic&q=onerror`);
    await assertInert(kwic, 'kwic');
    assert.ok(await page.evaluate(() => getComputedStyle(document.body).display !== 'none'));
  });

  it('makes no request after load, whatever the reader does', async () => {
    const page = await open(browser, server.url);
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    // The browser's own fetches (the favicon, the worker's update check) are not the page's.
    const favicon = await page.evaluate(() => document.querySelector('link[rel=icon]').href);
    const requests = [];
    page.on('request', (r) => { if (!r.serviceWorker() && !r.url().endsWith('/sw.js') && r.url() !== favicon) requests.push(r.url()); });
    await page.locator('input[data-value=forecasts]').check();
    await page.fill('#search-input', 'china');
    await page.keyboard.press('Enter'); // done typing: the suggestion list closes
    for (const view of ['map', 'read', 'matrix', 'kwic', 'list']) await page.click(`[data-view=${view}]`);
    await page.goBack();
    await page.waitForTimeout(300);
    assert.deepEqual(requests, []);
  });

  it('works in a sandboxed frame with storage and cookies blocked', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + 'host/sandboxed.html');
    const frame = page.frameLocator('#loupe');
    // The whole list, once drawn (a small frame draws the cards it shows first).
    await frame.locator('[data-testid=passages]:not([aria-busy])').waitFor();
    assert.equal(await frame.locator('[data-testid=passages] > [data-passage]').count(), 5);
    await frame.locator('input[data-value=energy]').check({ force: true });
    await frame.locator('[data-testid=status]').filter({ hasText: 'of 19 passages match' }).waitFor();
    assert.deepEqual(errors, []);
  });
});
