// Failure states: a panic or a wasm that cannot load shows an error with a reload link, never a
// blank page (beside the prerendered page, which stays readable); a loading state is there
// before the app starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSite, repo, screenshotPath } from './helpers.mjs';

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

  it('a panic shows the error screen with a reload link (at the foot of the prerendered page, which stays)', async () => {
    // A bundle whose embedded corpus is damaged: the app panics decoding it at start-up.
    for (const search of ['?theme=trade', '']) {
      const page = await site.browser.newPage();
      await page.route('**/*.wasm', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: withCorruptCorpus(await response.body()) });
      });
      await page.goto(`${site.server.url}${search}`);
      await page.waitForSelector('#fatal:not([hidden])');
      assert.match(await page.textContent('#fatal h1'), /could not start/);
      assert.equal(await page.getAttribute('#fatal-reload', 'href'), './');
      assert.match(await page.textContent('#fatal-detail'), /the embedded corpus cannot be read: not a Loupe corpus/);
      assert.equal(await page.locator('#loading, #starting').count(), 0, `${search}: no loading state or note`);
      if (search) {
        assert.equal(await page.locator('#prerendered').count(), 0, 'a view the page cannot show: the error screen alone');
      } else {
        assert.ok(await page.locator('#prerendered [data-passage]').first().isVisible(), 'the prerendered page stays readable');
        assert.ok(await page.locator('.fatal-beside-page').isVisible(), 'and the error says what still works');
      }
      await page.close();
    }
  });

  it('a wasm that cannot load leaves the prerendered page readable, the error at its foot; another view gets the error screen', async () => {
    for (const [width, height] of [[375, 700], [1280, 800]]) {
      const page = await site.browser.newPage({ viewport: { width, height } });
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(site.server.url);
      const fatal = page.locator('#fatal');
      await fatal.waitFor({ state: 'visible' });
      assert.match(await fatal.innerText(), /could not start[\s\S]*can still be read[\s\S]*Reload Loupe/);
      assert.equal(await page.locator('#starting, #loading').count(), 0, 'no note that the app is starting');
      const cards = page.locator('#prerendered [data-passage]');
      assert.ok(await cards.count() > 0, 'the passages stay');
      // Scrolled to the end (again while the cards drawn on the way make the page longer), the
      // last card is above the error, not under it.
      for (let height = 0, tries = 0; tries < 20; tries++) {
        const now = await page.evaluate(() => { window.scrollTo(0, document.documentElement.scrollHeight); return document.documentElement.scrollHeight; });
        if (now === height) break;
        height = now;
        await page.waitForTimeout(100);
      }
      const lastCard = await cards.last().boundingBox();
      const error = await fatal.boundingBox();
      assert.ok(lastCard.y + lastCard.height <= error.y, `${width} px: the last card (ending at ${lastCard.y + lastCard.height}) clears the error (from ${error.y})`);
      await page.locator('#fatal-reload').focus();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'fatal-reload', 'Reload is reachable');
      await page.screenshot({ path: screenshotPath(`start-failed-${width}`) });
      await page.close();
    }
    // Another view, and a page with no prerendered view (as a Trunk-only build leaves it).
    for (const [search, html] of [['?q=trade', (text) => text], ['', (text) => text.replace(/<!-- loupe:prerendered -->[\s\S]*<!-- \/loupe:prerendered -->/, '')]]) {
      const page = await site.browser.newPage();
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.route((url) => url.pathname === '/', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: html(await response.text()) });
      });
      await page.goto(`${site.server.url}${search}`);
      await page.waitForSelector('#fatal:not([hidden])');
      assert.ok(await page.locator('#fatal').isVisible());
      assert.equal(await page.locator('#loading, #prerendered, #starting').count(), 0, `${search || 'no prerendered view'}: the error screen alone`);
      assert.equal(await page.locator('.fatal-beside-page').isVisible(), false);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('start-failed')), false);
      await page.close();
    }
  });
});
