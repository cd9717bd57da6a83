// Failure states: a panic or a wasm that cannot load shows an error with a reload link, never a
// blank page; a loading state is there before the app starts.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, dist } from './helpers.mjs';

describe('errors', () => {
  let server, browser;
  before(async () => { server = await serve(); browser = await launch(); });
  after(async () => { await browser.close(); await server.close(); });

  it('the shell shows a loading state before the wasm starts', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    assert.match(html, /id="loading"[^>]*role="status"/);
    assert.match(html, /Loading the corpus/);
  });

  it('a panic shows the error screen with a reload link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '?debug=panic');
    await page.waitForSelector('#fatal:not([hidden])');
    assert.match(await page.textContent('#fatal h1'), /could not start/);
    assert.equal(await page.getAttribute('#fatal-reload', 'href'), './');
    assert.match(await page.textContent('#fatal-detail'), /debug=panic/);
    assert.equal(await page.locator('#loading').count(), 0);
  });

  it('a wasm that cannot load shows the error screen', async () => {
    const page = await browser.newPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.waitForSelector('#fatal:not([hidden])');
    assert.ok(await page.locator('#fatal').isVisible());
  });
});
