// The headless engine against the full app, in one Chromium run over the same site (dist/ by
// default, or the folder given): navigation → the engine's first answer (and load() → first
// answer) against navigation → the app's first results painted, each from a fresh context.
// Prints a markdown table; it reports figures and asserts nothing.
//
//   node tests/bench/engine-bench.mjs [dist]     (after scripts/test.sh or a `loupe build`)
import path from 'node:path';
import { serve, launch, repo } from '../browser/helpers.mjs';

const RUNS = 11;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A host page that imports the engine, loads it and asks one question. */
const HOST = `<!DOCTYPE html><meta charset="utf-8"><script type="module">
  const imported = performance.now();
  const m = await import('/loupe-engine.js');
  const loading = performance.now();
  const loupe = await m.load();
  const answer = loupe.query('theme=trade');
  window.__engine = { imported, loading, answered: performance.now(), total: answer.total };
</script>`;

async function engineRun(browser, url) {
  const page = await browser.newPage();
  await page.route('**/engine-bench.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto(`${url}engine-bench.html`);
  await page.waitForFunction(() => window.__engine, null, { timeout: 60000 });
  const timing = await page.evaluate(() => window.__engine);
  await page.close();
  return { firstAnswer: timing.answered, load: timing.answered - timing.loading };
}

async function appRun(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-passage]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${url}?theme=trade`);
  await page.waitForFunction(() => window.__painted, null, { timeout: 60000 });
  const painted = await page.evaluate(() => window.__painted);
  await page.close();
  return painted;
}

const root = path.resolve(repo, process.argv[2] || 'dist');
const server = await serve(root);
const browser = await launch();
const app = [];
const firstAnswer = [];
const load = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    app.push(await appRun(browser, server.url));
    const engine = await engineRun(browser, server.url);
    firstAnswer.push(engine.firstAnswer);
    load.push(engine.load);
  }
} finally {
  await browser.close();
  await server.close();
}
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`| ${path.relative(repo, root)} (${RUNS} runs, medians) | time |`);
console.log('|---|---|');
console.log(`| app: navigation → first results painted | ${ms(median(app))} |`);
console.log(`| engine: navigation → first answer (import + load() + query) | ${ms(median(firstAnswer))} |`);
console.log(`| engine: load() → first answer | ${ms(median(load))} |`);
console.log(`| engine first answer ÷ app first paint | ${(median(firstAnswer) / median(app)).toFixed(2)} |`);
console.log(`| engine load() → answer ÷ app first paint | ${(median(load) / median(app)).toFixed(2)} |`);
