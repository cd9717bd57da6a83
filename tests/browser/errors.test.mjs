// Failure states: a panic or a wasm that cannot load shows an error with a reload link, never a
// blank page; a loading state is there before the app starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers.mjs';

describe('errors', () => {
  const site = useSite();

  it('a reader sees a loading state until the wasm starts, then the app', async () => {
    const page = await site.browser.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(site.server.url, { waitUntil: 'domcontentloaded' });
    const loading = page.getByRole('status').filter({ hasText: 'Loading the corpus…' });
    await loading.waitFor();
    assert.equal(await page.locator('[data-testid=passages]').count(), 0, 'nothing else is drawn yet');
    release();
    await page.locator('[data-testid=passages]').waitFor();
    assert.equal(await page.locator('#loading').count(), 0, 'the loading state goes once the app is up');
  });

  it('a panic shows the error screen with a reload link', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url + '?debug=panic');
    await page.waitForSelector('#fatal:not([hidden])');
    assert.match(await page.textContent('#fatal h1'), /could not start/);
    assert.equal(await page.getAttribute('#fatal-reload', 'href'), './');
    assert.match(await page.textContent('#fatal-detail'), /debug=panic/);
    assert.equal(await page.locator('#loading').count(), 0);
  });

  it('a wasm that cannot load shows the error screen', async () => {
    const page = await site.browser.newPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(site.server.url);
    await page.waitForSelector('#fatal:not([hidden])');
    assert.ok(await page.locator('#fatal').isVisible());
  });
});
