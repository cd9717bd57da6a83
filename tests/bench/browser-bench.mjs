// Browser benchmark: Loupe against MiniSearch + ItemsJS in the same headless Chromium run, for
// the seed corpus and a 1,000-article synthetic corpus. Prints a markdown table.
//
// Run it through `bash scripts/bench.sh`, which builds dist/, dist-1000/ and the peers' data.
// `bash scripts/bench.sh --10000` also builds and measures dist-10000/ (Loupe alone: no peer data
// at that size). `LOUPE_BENCH_CORPORA=10000` (a comma-separated list of seed, 1000, 10000) picks
// the corpora measured.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, repo } from '../browser/helpers.mjs';

const ALL_CORPORA = [
  { name: 'seed', dist: 'dist', data: 'target/bench-data/seed.json', typed: 'partnership', facets: 'theme=forecasts&theme=trade&entity=russia' },
  { name: '1000 articles', dist: 'dist-1000', data: 'target/bench-data/seeds-1000.json', typed: 'partnership', facets: 'theme=forecasts&theme=trade&entity=russia' },
  { name: '10000 articles', dist: 'dist-10000', data: null, typed: 'partnership', facets: 'theme=forecasts&theme=trade&entity=russia' },
];
const picked = (process.env.LOUPE_BENCH_CORPORA || 'seed,1000').split(',');
const CORPORA = ALL_CORPORA.filter((c) => picked.includes(c.name.split(' ')[0]));
const RUNS = 15;
/** Calls timed together per sample: Chromium coarsens `performance.now()` to 0.1 ms, longer than a seed query. */
const BATCH = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round((xs.length - 1) * 0.95))];
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(repo, file)), { level: 9 }).length;

/** Gzipped bytes of what each side loads. */
function bytes(corpus) {
  const dist = path.join(repo, corpus.dist);
  const first = fs.readdirSync(dist).filter((f) => /^(index\.html|loupe-app-.*\.(js|wasm)|shell-.*\.js|main-.*\.css)$/.test(f));
  const loupe = first.reduce((n, f) => n + gz(path.join(corpus.dist, f)), 0);
  const peers = corpus.data
    ? ['tests/bench/peers.html', 'tests/bench/peers.js', 'tests/node_modules/minisearch/dist/umd/index.js', 'tests/node_modules/itemsjs/dist/index.umd.js', corpus.data].reduce((n, f) => n + gz(f), 0)
    : NaN;
  return { loupe, peers };
}

/** Navigation → first result painted, in ms, and the memory in use once the page's app is up. */
async function coldStart(browser, url, { isLoupe }) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    // The wasm memory as the app comes up: when its wasm has started, or, over a prerendered
    // page, when the app takes the page's place (before its idle steps build the word index).
    const appUp = () => {
      if (window.__appMemory === undefined && window.__wasmMemoryObject && !document.getElementById('prerendered')) window.__appMemory = window.__wasmMemoryObject.buffer.byteLength;
    };
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemoryObject = e.detail.wasm.memory; window.__started = performance.now(); appUp(); });
    new MutationObserver(appUp).observe(document, { childList: true, subtree: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-passage]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__painted, null, { timeout: 60000 });
  const painted = await page.evaluate(() => window.__painted);
  // Loupe's first results may be its prerendered page, painted before the app has started: the
  // memory is taken, and the typing starts, once the app is up (its wasm started, the prerendered
  // page gone). The peers' page is up when it paints.
  if (isLoupe) await page.waitForFunction(() => window.__appMemory !== undefined, null, { timeout: 60000 });
  // Where the time went: the wasm (or the peers' data) fetched, then the app started (compiled,
  // instantiated and `main` run: Trunk's event fires after it; over a prerendered page, `main`
  // leaves decoding the corpus and drawing the app to a task after the next frame).
  const phases = await page.evaluate(() => ({
    fetched: Math.max(0, ...performance.getEntriesByType('resource').filter((r) => /\.(wasm|json)/.test(r.name)).map((r) => r.responseEnd)),
    started: window.__started || NaN,
  }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__appMemory ?? 0);
  return { page, painted, phases, memory: heap + wasm };
}

/** Words typed for the keystroke latency, each into an emptied box: 38 samples. */
const TYPED_WORDS = ['partnership', 'sanctions', 'energy', 'diplomacy'];

/** Keystroke → results painted, per character typed, in ms (emptying the box is not a keystroke, so not counted). */
async function keystrokes(page, words) {
  await page.evaluate(() => {
    window.__latencies = [];
    const results = document.getElementById('results');
    let started = 0;
    addEventListener('keydown', () => { started = performance.now(); }, true);
    new MutationObserver(() => {
      if (!started) return;
      const t0 = started;
      started = 0;
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0)));
    }).observe(results, { childList: true, subtree: true, characterData: true });
  });
  await page.click('#search-input');
  for (const word of words) {
    await page.fill('#search-input', '');
    await page.waitForTimeout(300);
    for (const ch of word) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120);
    }
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => window.__latencies);
}

/** Latency of the query function alone, in ms per call (each sample the mean of `BATCH` calls): Loupe's JS API or the peers' function. */
async function queryLatency(page, fn, queries) {
  return page.evaluate(([fn, queries, runs, batch]) => {
    const call = fn === 'loupe' ? (q) => window.wasmBindings.loupeQuery(q) : (q) => window.peerQuery(q);
    const times = [];
    for (let r = 0; r < runs; r++) {
      for (const q of queries) {
        const t = performance.now();
        for (let i = 0; i < batch; i++) call(q);
        times.push((performance.now() - t) / batch);
      }
    }
    return times;
  }, [fn, queries, RUNS, BATCH]);
}

const server = await serve(repo);
const browser = await launch();
const rows = [];
for (const corpus of CORPORA) {
  if (!fs.existsSync(path.join(repo, corpus.dist))) { console.error(`skipping ${corpus.name}: ${corpus.dist}/ is not built`); continue; }
  const queries = [`q=${corpus.typed}`, corpus.facets, `q=china&${corpus.facets}`, 'q=diplomatc'];
  const cold = { loupe: [], peers: [] };
  const phases = { fetched: [], started: [], peersFetched: [] };
  let loupeMemory = 0;
  const memoryAfterTyping = [];
  let peersMemory = NaN;
  const typing = [];
  let loupeQueries = [];
  let peerQueries = [];
  for (let i = 0; i < 5; i++) {
    const loupe = await coldStart(browser, `${server.url}${corpus.dist}/index.html`, { isLoupe: true });
    cold.loupe.push(loupe.painted);
    phases.fetched.push(loupe.phases.fetched);
    phases.started.push(loupe.phases.started);
    loupeMemory = loupe.memory;
    // Typed in every run, right after the first results paint (the word index may still be
    // building): each run's p95, then the median over the runs.
    typing.push(await keystrokes(loupe.page, TYPED_WORDS));
    memoryAfterTyping.push(await loupe.page.evaluate(() => window.__wasmMemoryObject.buffer.byteLength));
    if (i === 0) loupeQueries = await queryLatency(loupe.page, 'loupe', queries);
    await loupe.page.close();
    if (!corpus.data) continue;
    const peers = await coldStart(browser, `${server.url}tests/bench/peers.html?data=/${corpus.data}`, { isLoupe: false });
    cold.peers.push(peers.painted);
    phases.peersFetched.push(peers.phases.fetched);
    peersMemory = peers.memory;
    if (i === 0) peerQueries = await queryLatency(peers.page, 'peers', queries);
    await peers.page.close();
  }
  const size = bytes(corpus);
  rows.push([corpus.name, 'cold start → first results painted (ms, median)', median(cold.loupe), median(cold.peers)]);
  const spread = (xs) => (xs.length ? `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}` : '');
  rows.push([corpus.name, '… spread over the 5 runs (ms, min–max)', spread(cold.loupe), spread(cold.peers)]);
  rows.push([corpus.name, '… of which fetched: the wasm / the peers\' data (ms, median)', median(phases.fetched), corpus.data ? median(phases.peersFetched) : NaN]);
  rows.push([corpus.name, '… Loupe\'s wasm started (compiled and run; over a prerendered page the app is drawn a frame later; ms, median)', median(phases.started), NaN]);
  rows.push([corpus.name, 'query latency (ms, median)', median(loupeQueries), median(peerQueries)]);
  rows.push([corpus.name, 'query latency (ms, p95)', p95(loupeQueries), p95(peerQueries)]);
  const typingP95 = typing.map(p95);
  rows.push([corpus.name, 'keystroke → results painted (ms, median / p95, all runs)', `${median(typing.flat()).toFixed(1)} / ${p95(typing.flat()).toFixed(1)}`, '']);
  rows.push([corpus.name, 'keystroke p95 per run (ms): median of 5 [min–max]', `${median(typingP95).toFixed(1)} [${Math.min(...typingP95).toFixed(1)}–${Math.max(...typingP95).toFixed(1)}]`, '']);
  rows.push([corpus.name, 'bytes transferred, gzipped (KB)', size.loupe / 1000, size.peers / 1000]);
  rows.push([corpus.name, 'memory: JS heap + wasm memory (MB)', loupeMemory / 1e6, peersMemory / 1e6]);
  rows.push([corpus.name, '… Loupe\'s wasm memory after the typing (word index built; MB, median)', median(memoryAfterTyping) / 1e6, NaN]);
}
await browser.close();
await server.close();

const fmt = (x) => (x === undefined || Number.isNaN(x) ? '' : typeof x === 'number' ? x.toFixed(x < 10 ? 2 : 1) : x);
console.log('| corpus | measure | Loupe | MiniSearch + ItemsJS | Loupe ÷ peers |');
console.log('|---|---|---|---|---|');
for (const [corpus, measure, loupe, peers] of rows) {
  const ratio = typeof loupe === 'number' && typeof peers === 'number' && peers > 0 && !Number.isNaN(peers) ? (loupe / peers).toFixed(2) : '';
  console.log(`| ${corpus} | ${measure} | ${fmt(loupe)} | ${fmt(peers)} | ${ratio} |`);
}
