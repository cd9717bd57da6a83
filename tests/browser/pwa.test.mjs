// Offline and installable, for real: a server the test owns, the worker takes control, the
// server stops, the app still filters and searches; a rebuilt site prompts, then runs the new
// build; Chromium reports no installability errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, launchPersistent, toggle, shownPassages, dist, repo, appStarted } from './helpers.mjs';

/** A copy of the build in a fresh folder, so the test can change it under the server. */
function copyOfBuild() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-pwa-'));
  fs.cpSync(dist, dir, { recursive: true });
  return dir;
}

/** Turns a copied build into "the next build": a changed page, finished again by `loupe place`. */
function rebuild(dir, marker) {
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', `<head><meta name="loupe-test-build" content="${marker}">`));
  fs.copyFileSync(path.join(repo, 'assets/sw.js'), path.join(dir, 'sw.js'));
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'loupe', '--', 'place', dir], { cwd: repo, stdio: 'inherit' });
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15000 });
}

describe('offline and installable', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  it('a first visit starts the worker only after its first results are painted', async () => {
    const server = await serve(dist);
    const context = await browser.newContext();
    const page = await context.newPage();
    // When the page asks for its worker, and whether a card was painted by then.
    await page.addInitScript(() => {
      window.cardsPainted = false;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-passage]')) return;
        observer.disconnect();
        requestAnimationFrame(() => { window.cardsPainted = true; });
      }).observe(document, { childList: true, subtree: true });
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        window.workerAskedAfterPaint = window.cardsPainted;
        return register.apply(this, args);
      };
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.workerAskedAfterPaint !== undefined, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.workerAskedAfterPaint), true, 'the worker waited for the first results');
    await controlled(page);
    await context.close();
    await server.close();
  });

  it('works offline once the worker controls the page', async () => {
    const site = copyOfBuild();
    const server = await serve(site);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + '?theme=trade');
    await controlled(page);
    await server.close();
    await page.reload();
    await appStarted(page);
    assert.equal((await shownPassages(page)).length, 5);
    await toggle(page, 'theme', 'energy');
    await page.waitForFunction(() => location.search === '?theme=trade&theme=energy');
    await page.fill('#search-input', 'oil');
    await page.waitForFunction(() => location.search.startsWith('?q=oil'));
    assert.ok((await shownPassages(page)).length > 0, 'search works offline');
    const fresh = await context.newPage();
    await fresh.goto(server.url + 'index.html?q=china');
    await appStarted(fresh);
    assert.ok((await shownPassages(fresh)).length > 0, 'a navigation offline gets the cached page');
    await context.close();
  });

  it('a rebuilt site prompts for a reload, then runs the new build', async () => {
    const site = copyOfBuild();
    rebuild(site, 'one');
    const server = await serve(site);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await controlled(page);
    const cachesBefore = await page.evaluate(() => caches.keys());
    rebuild(site, 'two');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update:not([hidden])', { timeout: 15000 });
    assert.equal(await page.getAttribute('meta[name=loupe-test-build]', 'content'), 'one', 'the old build runs until the reader reloads');
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await appStarted(page);
    assert.equal(await page.getAttribute('meta[name=loupe-test-build]', 'content'), 'two');
    await page.waitForFunction((before) => caches.keys().then((keys) => keys.length === 1 && keys[0] !== before[0]), cachesBefore);
    await context.close();
    await server.close();
  });

  it('at 375 px the new-version prompt and the install button stay under the open filter drawer, and show again once it closes', async () => {
    const site = copyOfBuild();
    rebuild(site, 'one');
    const server = await serve(site);
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await controlled(page);
    rebuild(site, 'two');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('#update:not([hidden])', { timeout: 15000 });
    // The browser's own offer to install, as Chromium makes it to an installable page.
    await page.evaluate(() => dispatchEvent(new Event('beforeinstallprompt')));
    await page.waitForSelector('#install:not([hidden])');
    /** What a finger at the centre of `selector` touches: the element itself, or what covers it. */
    const touched = (selector) => page.evaluate((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit?.closest(selector) ? 'itself' : `${hit?.tagName.toLowerCase()}#${hit?.id}.${hit?.className}`;
    }, selector);
    await page.getByTestId('drawer-toggle').click();
    await page.waitForFunction(() => document.getElementById('facets').getBoundingClientRect().left === 0);
    assert.equal(await touched('[data-testid=drawer-show]'), 'itself', 'the drawer\'s "Show N passages" is not covered');
    assert.equal(await touched('#facets .drawer-close'), 'itself', 'the drawer\'s close button is not covered');
    await page.getByTestId('drawer-show').click();
    // Once the drawer has slid away.
    await page.waitForFunction(() => getComputedStyle(document.getElementById('facets')).visibility === 'hidden');
    assert.equal(await touched('#update-reload'), 'itself', 'the prompt shows again once the drawer is closed');
    await context.close();
    await server.close();
  });

  it('Chromium reports no installability errors', async () => {
    const server = await serve(dist);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-profile-'));
    const context = await launchPersistent(profile);
    const page = await context.newPage();
    await page.goto(server.url);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await (await page.request.get(server.url + 'manifest.webmanifest')).json();
    for (const field of ['id', 'name', 'short_name', 'description', 'start_url', 'scope', 'display']) assert.ok(manifest[field], field);
    for (const size of ['192x192', '512x512']) {
      for (const purpose of ['any', 'maskable']) {
        assert.ok(manifest.icons.some((i) => i.sizes === size && i.purpose === purpose), `${size} ${purpose}`);
      }
    }
    await context.close();
    await server.close();
  });
});
