// Failure states: a panic or a wasm that cannot load shows an error with a reload link, never a
// blank page; a loading state is there before the app starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSite, repo } from './helpers.mjs';

/** `wasm` with the magic bytes of its embedded corpus (`LOUPE\0`, then the format version)
 * broken, as a corrupted download or a bad build would leave them. */
function withCorruptCorpus(wasm) {
  const source = fs.readFileSync(path.join(repo, 'crates/corpus/src/encode.rs'), 'utf8');
  const version = Number(source.match(/FORMAT_VERSION: u16 = (\d+);/)[1]);
  const at = wasm.indexOf(Buffer.from([...Buffer.from('LOUPE\0'), version & 0xff, version >> 8]));
  assert.ok(at >= 0, 'the bundle embeds a corpus');
  const patched = Buffer.from(wasm);
  patched[at] = 'X'.charCodeAt(0);
  return patched;
}

describe('errors', () => {
  const site = useSite();

  it('a reader of a filtered view sees a loading state until the wasm starts, then the app (the default view is prerendered: prerender.test.mjs)', async () => {
    const page = await site.browser.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${site.server.url}?theme=trade`, { waitUntil: 'domcontentloaded' });
    const loading = page.getByRole('status').filter({ hasText: 'Loading the corpus…' });
    await loading.waitFor();
    assert.equal(await page.locator('[data-testid=passages]').filter({ visible: true }).count(), 0, 'nothing else is shown yet');
    release();
    await page.locator('[data-testid=passages]').waitFor();
    assert.equal(await page.locator('#loading').count(), 0, 'the loading state goes once the app is up');
  });

  it('a panic shows the error screen with a reload link', async () => {
    // A bundle whose embedded corpus is damaged: the app panics decoding it at start-up.
    const page = await site.browser.newPage();
    await page.route('**/*.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: withCorruptCorpus(await response.body()) });
    });
    await page.goto(site.server.url);
    await page.waitForSelector('#fatal:not([hidden])');
    assert.match(await page.textContent('#fatal h1'), /could not start/);
    assert.equal(await page.getAttribute('#fatal-reload', 'href'), './');
    assert.match(await page.textContent('#fatal-detail'), /the embedded corpus cannot be read: not a Loupe corpus/);
    assert.equal(await page.locator('#loading, #prerendered, #starting').count(), 0, 'the error screen alone, not under a page that cannot answer');
  });

  it('a wasm that cannot load shows the error screen', async () => {
    const page = await site.browser.newPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(site.server.url);
    await page.waitForSelector('#fatal:not([hidden])');
    assert.ok(await page.locator('#fatal').isVisible());
    assert.equal(await page.locator('#loading, #prerendered, #starting').count(), 0, 'the error screen alone');
  });
});
