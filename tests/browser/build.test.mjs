// The site builder: a site made by `loupe build` ships the same corpus bytes as the full
// toolchain's build over the same seeds; the corpus placed in memory stays intact while the app
// runs; `loupe serve` rebuilds on a saved change and reloads the page, with the built CSP.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { dist, trunkDist, repo, useSite, open, launch, shownPassages, appStarted } from './helpers.mjs';

const MAGIC = Buffer.from('loupe:corpus-at:');

function wasmOf(site) {
  return fs.readFileSync(path.join(site, fs.readdirSync(site).find((f) => f.endsWith('.wasm'))));
}

/** The corpus a site's wasm places, read from the memory of a fresh instance (no app code runs). */
async function placedCorpus(site) {
  const module = await WebAssembly.compile(wasmOf(site));
  const imports = {};
  for (const i of WebAssembly.Module.imports(module)) (imports[i.module] ||= {})[i.name] = () => {};
  const { exports } = await WebAssembly.instantiate(module, imports);
  return sliceAtSlot(Buffer.from(exports.memory.buffer));
}

function sliceAtSlot(memory) {
  const at = memory.indexOf(MAGIC);
  assert.ok(at >= 0, 'the corpus slot is in memory');
  const offset = memory.readUInt32LE(at + 16);
  const len = memory.readUInt32LE(at + 20);
  return Buffer.from(memory.subarray(offset, offset + len));
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('loupe build against the full toolchain', () => {
  it('ships the same corpus bytes as trunk build over the same seeds', async () => {
    const [fromTrunk, fromLoupe] = [await placedCorpus(trunkDist), await placedCorpus(dist)];
    assert.equal(fromTrunk.subarray(0, 6).toString('latin1'), 'LOUPE\0', 'an encoded corpus');
    assert.ok(fromTrunk.length > 10000);
    assert.equal(sha256(fromLoupe), sha256(fromTrunk));
  });

  describe('the placed corpus while the app runs', () => {
    const site = useSite(dist);
    it('is never overwritten by the allocator', async () => {
      const expected = sha256(await placedCorpus(dist));
      const page = await site.browser.newPage();
      await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.loupeMemory = e.detail.wasm.memory; }));
      await page.goto(site.server.url);
      await appStarted(page);
      for (const q of ['trade', 'diplomatc', '"strategic partnership" -gas', 'ch']) {
        await page.fill('#search-input', q);
        await page.waitForFunction((v) => location.search.includes(encodeURIComponent(v).slice(0, 4)), q);
      }
      for (const view of ['map', 'read', 'matrix', 'kwic', 'list']) {
        await page.goto(`${site.server.url}?view=${view}&q=china`);
        await appStarted(page);
      }
      const now = await page.evaluate(async () => {
        const memory = new Uint8Array(window.loupeMemory.buffer);
        const magic = new TextEncoder().encode('loupe:corpus-at:');
        let at = -1;
        for (let i = 0; i + magic.length <= memory.length && at < 0; i++) {
          if (magic.every((b, j) => memory[i + j] === b)) at = i;
        }
        const view = new DataView(memory.buffer);
        const [offset, len] = [view.getUint32(at + 16, true), view.getUint32(at + 20, true)];
        const digest = await crypto.subtle.digest('SHA-256', memory.slice(offset, offset + len));
        return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      });
      assert.equal(now, expected);
      assert.deepEqual(page.errors ?? [], []);
    });
  });
});

/** Starts `loupe serve` over `seeds` on a free port; resolves once it serves. */
async function loupeServe(seeds) {
  const child = spawn('cargo', ['run', '--quiet', '--release', '--bin', 'loupe', '--', 'serve', '--template', trunkDist, '--seeds', seeds, '--port', '0'],
    { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const found = log.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`loupe serve exited with ${code}: ${log}`)));
  });
  return { url, log: () => log, stop: () => child.kill() };
}

describe('loupe serve', () => {
  let browser, server, seeds;
  before(async () => {
    seeds = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-serve-'));
    fs.cpSync(path.join(repo, 'seeds'), seeds, { recursive: true });
    server = await loupeServe(seeds);
    browser = await launch();
  });
  after(async () => { await browser.close(); server.stop(); fs.rmSync(seeds, { recursive: true, force: true }); });

  it('serves the built page and its CSP, with the reload listener and no service worker', async () => {
    const page = await browser.newPage();
    // What a developer would see in the console, and every worker the page asks for.
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.addInitScript(() => {
      window.workersAskedFor = [];
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (url, options) => { window.workersAskedFor.push(String(url)); return register(url, options); };
    });
    await page.goto(server.url);
    await appStarted(page);
    // The shell asks for its worker in a task after the frame that follows the app's start.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done, 200), 0))));
    assert.deepEqual(await page.evaluate(() => window.workersAskedFor), [], 'the served page asks for no service worker');
    assert.deepEqual(consoleErrors, []);
    const built = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)[0];
    const served = await (await fetch(server.url)).text();
    assert.ok(served.includes(built), 'the same policy as the built site');
    assert.match(served, /<script src="\.\/__loupe\/reload\.js\?build=\d+"><\/script>/);
    assert.equal((await fetch(`${server.url}sw.js`)).status, 404);
    const wasm = served.match(/href="\.\/([^"]+\.wasm)"/)[1];
    assert.equal((await fetch(server.url + wasm)).headers.get('content-type'), 'application/wasm');
    await page.close();
  });

  it('rebuilds on a saved article and reloads the page', async () => {
    const page = await open(browser, server.url + '?q=zeppelin');
    assert.equal((await shownPassages(page)).length, 0);
    await page.evaluate(() => { window.beforeReload = true; });
    fs.writeFileSync(path.join(seeds, 'zeppelin.txt'), 'Zeppelin Trade\n\nA zeppelin carried trade goods between the two countries, officials said.\n');
    await page.waitForFunction(() => !window.beforeReload && document.querySelector('[data-testid=passages] > [data-passage]'), null, { timeout: 10000 });
    assert.deepEqual(await shownPassages(page), ['zeppelin-trade-p1']);
    assert.match(server.log(), /built 2 documents/);
  });
});
