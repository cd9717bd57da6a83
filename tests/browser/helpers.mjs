// Shared helpers for Loupe's browser tests: a test-owned static server for dist/, headless
// Debian Chromium, the `loupe` command as the oracle, and reading what the page shows.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
/** The sites below are made by `loupe build` from this one: Trunk's release build over seeds/. */
export const trunkDist = path.join(repo, 'dist-trunk');
export const dist = path.join(repo, 'dist');
/** The site built over tests/corpus/hostile (script payloads in a seed file). */
export const hostileDist = path.join(repo, 'dist-hostile');
/** Four generated articles (`loupe-gen`), more passages and names than one page or group shows. */
export const generatedSeeds = 'target/seeds-generated';
/** The site built over `generatedSeeds`. */
export const generatedDist = path.join(repo, 'dist-generated');
export const artifacts = path.join(repo, 'tests/artifacts');

/** Content types of the files a built site holds. */
export const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json',
};

/**
 * The file a request path names: under `root`, or under the demo host pages for `/host/…`; a
 * folder's `index.html`. `null` for a path outside them or a missing file.
 */
export function siteFile(root, urlPath) {
  let pathname = decodeURIComponent(urlPath);
  let base = root;
  if (pathname.startsWith('/host/')) { base = path.join(repo, 'tests/embed-host'); pathname = pathname.slice(5); }
  let file = path.normalize(path.join(base, pathname));
  if (!file.startsWith(base)) return null;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return fs.existsSync(file) ? file : null;
}

/**
 * Serves `root` on 127.0.0.1 at a free port; `/host/` serves the demo host pages. `cors: false`
 * leaves out `Access-Control-Allow-Origin`, as a host that set up nothing would.
 */
export async function serve(root = dist, { port = 0, cors = true } = {}) {
  const server = http.createServer((req, res) => {
    // Prefixed rather than resolved: a path such as `//` is a full URL relative to a base.
    const file = siteFile(root, new URL(`http://x${req.url}`).pathname);
    if (!file) { res.writeHead(404).end('not found'); return; }
    // Like most static hosts, allow any origin to read the files (a sandboxed frame has none).
    const headers = { 'content-type': types[path.extname(file)] || 'application/octet-stream' };
    if (cors) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    port: server.address().port,
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
  };
}

export const chromiumOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};

export async function launch() {
  return chromium.launch(chromiumOptions);
}

/**
 * For a `describe` block: serves `root` and launches a browser before its tests, closes both
 * after. Returns an object whose `server` and `browser` are set once the tests run.
 */
export function useSite(root = dist) {
  const site = {};
  before(async () => { site.server = await serve(root); site.browser = await launch(); });
  after(async () => { await site.browser.close(); await site.server.close(); });
  return site;
}

/** A browser with a persistent profile in a fresh folder (for installability checks). */
export async function launchPersistent(profile) {
  return chromium.launchPersistentContext(profile, { ...chromiumOptions, headless: true });
}

/** Opens a page and waits for the app to be up; collects page errors in `page.errors`. */
export async function open(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) page.errors.push(m.text()); });
  await page.goto(url);
  await appStarted(page);
  return page;
}

/**
 * Waits until the app is up: its status line shown, and the prerendered page (the default view
 * `loupe build` writes into index.html, which has a status line too but answers nothing) gone.
 */
export function appStarted(page) {
  return page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('[data-testid=status]'));
}

/** Runs the `loupe` command (the debug build the core tests made, else through cargo). */
function loupe(args) {
  const binary = path.join(repo, 'target/debug/loupe');
  const [cmd, fullArgs] = fs.existsSync(binary) ? [binary, args] : ['cargo', ['run', '--quiet', '--bin', 'loupe', '--', ...args]];
  return execFileSync(cmd, fullArgs, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** What `loupe query` answers for a query string over `seeds`: the oracle the page must agree with. */
export function loupeQuery(queryString, seeds = 'seeds') {
  return JSON.parse(loupe(['query', queryString, '--seeds', seeds]));
}

/** What `loupe suggest` offers for the search box's `text` under a query string's filters. */
export function loupeSuggest(text, queryString = '', seeds = 'seeds') {
  return JSON.parse(loupe(['suggest', text, queryString, '--seeds', seeds]));
}

/** Every facet value with its label, kind and count, as `loupe facets` prints them. */
export function loupeFacets(seeds = 'seeds') {
  return JSON.parse(loupe(['facets', '--seeds', seeds]));
}

/** The search box's suggestions as shown: [{facet, value, text}] in order. */
export async function shownSuggestions(page) {
  return page.$$eval('#search-suggestions [role=option]', (options) => options.map((o) => ({ facet: o.dataset.facet, value: o.dataset.value, text: o.textContent })));
}

/** Presses Tab until `predicate` (run in the page on the focused element) holds; fails after `limit` presses. */
export async function tabTo(page, predicate, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`focus never reached ${predicate} in ${limit} Tab presses`);
}

/**
 * Waits as a reader glances: until the frames after the last change are drawn. A new list
 * paints its first cards, then the rest of its page (`aria-busy` until then), and a search
 * being typed reaches the address bar in the frame after its results.
 */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid=passages][aria-busy=true]'));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
  // A typed search's facet counts follow once the page is idle (after a 50 ms timer where the
  // browser has no `requestIdleCallback`), as a reader who pauses sees them.
  await page.evaluate(() => new Promise((done) => (window.requestIdleCallback ? requestIdleCallback(() => done()) : setTimeout(done, 100))));
}

/**
 * Waits until the list around the window is drawn: no card in view still stands at its
 * estimated height (off-screen cards skip layout until they come near the window, with
 * `content-visibility: auto`, and are drawn a frame or more after a jump brings them into view),
 * and the list's end has not moved over the last two frames.
 */
export async function listDrawnInView(page) {
  await page.waitForFunction(() => new Promise((done) => {
    const list = document.querySelector('[data-testid=passages]');
    const end = () => list?.getBoundingClientRect().bottom;
    const cardsInViewDrawn = () => [...(list?.children ?? [])].every((card) => {
      const { top, bottom } = card.getBoundingClientRect();
      return bottom < 0 || top > innerHeight || card.firstElementChild.checkVisibility({ contentVisibilityAuto: true });
    });
    const before = end();
    requestAnimationFrame(() => requestAnimationFrame(() => done(cardsInViewDrawn() && end() === before)));
  }));
}

/**
 * Clicks what lies past a long list (its "Show more") as a reader does: once it is in view and
 * the cards above it are drawn. On a busy machine, cards a jump brings into view can still be
 * estimates when the pointer is pressed, and grow before it is released: the release then lands
 * on another element, and no click happens.
 */
export async function clickPastList(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await listDrawnInView(page);
  await page.click(selector);
}

/** Passage ids in the list, in order. */
export async function shownPassages(page) {
  await settled(page);
  return page.$$eval('[data-testid=passages] > [data-passage]', (els) => els.map((e) => e.dataset.passage));
}

/** Facet counts as shown: {theme: {id: n}, entity: {...}, voice, section, document}. */
export async function shownCounts(page) {
  return page.$$eval('input[type=checkbox][data-facet]', (inputs) => {
    const out = {};
    for (const input of inputs) {
      const facet = input.dataset.facet === 'doc' ? 'document' : input.dataset.facet;
      const count = Number(input.closest('li').querySelector('.count').textContent);
      (out[facet] ||= {})[input.dataset.value] = count;
    }
    return out;
  });
}

/** Clicks a facet checkbox by facet key and value id. */
export async function toggle(page, facet, value) {
  await page.locator(`input[data-facet="${facet}"][data-value="${value}"]`).click();
}

/** The page shows exactly what `loupe query` answers for the query string in its URL. */
export async function expectAgreesWithCore(assert, page) {
  await settled(page);
  const search = new URL(page.url()).search;
  const expected = loupeQuery(search.replace(/^\?/, ''));
  assert.deepEqual(await shownPassages(page), expected.passages, `passages for ${search}`);
  const counts = await shownCounts(page);
  for (const facet of Object.keys(counts)) {
    for (const [id, n] of Object.entries(counts[facet])) {
      assert.equal(n, expected.facets[facet][id], `count of ${facet}=${id} for ${search}`);
    }
  }
  // The status region speaks once input pauses.
  const all = loupeExport().passages.length;
  const pattern = expected.total === all ? new RegExp(`^All ${all} passages$`) : new RegExp(`^${expected.total} of ${all} passages match$`);
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid=status]').textContent), pattern.source, { timeout: 5000 })
    .catch(() => {});
  assert.match(await page.textContent('[data-testid=status]'), pattern, 'status announces the total');
}

export function screenshotPath(name) {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, `${name}.png`);
}

/** The compiled corpus of `seeds` as `loupe export` prints it. */
const exported = new Map();
export function loupeExport(seeds = 'seeds') {
  if (!exported.has(seeds)) exported.set(seeds, JSON.parse(loupe(['export', '--seeds', seeds])));
  return exported.get(seeds);
}

/** Passages of the core's answer to `queryString`, as exported (with themes and entities). */
export function matchingPassages(queryString) {
  const byId = new Map(loupeExport().passages.map((p) => [p.id, p]));
  return loupeQuery(queryString).passages.map((id) => byId.get(id));
}
