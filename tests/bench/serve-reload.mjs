// Benchmark: a saved edit to the seed article (a new paragraph) → the page under
// `loupe serve` reloaded and showing it, in headless Chromium. Prints each time and the worst.
//
// Run it through `bash scripts/bench-build.sh` (it needs the release `loupe` and its template).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launch, repo } from '../browser/helpers.mjs';

const RUNS = 10;
const seeds = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-reload-'));
fs.cpSync(path.join(repo, 'seeds'), seeds, { recursive: true });
const binary = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(repo, process.env.CARGO_TARGET_DIR) : path.join(repo, 'target'), 'release/loupe');
const child = spawn(binary, ['serve', '--seeds', seeds, '--port', '0'], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const url = await new Promise((resolve, reject) => {
  child.stderr.on('data', (chunk) => { log += chunk; const m = log.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/); if (m) resolve(m[1]); });
  child.on('exit', (code) => reject(new Error(`loupe serve exited with ${code}: ${log}`)));
});

const browser = await launch();
const page = await browser.newPage();
const article = fs.readdirSync(seeds).find((f) => f.endsWith('.txt'));
const original = fs.readFileSync(path.join(seeds, article), 'utf8');
const times = [];
for (let run = 0; run < RUNS; run++) {
  const word = `zeppelin${run}`;
  await page.goto(`${url}?q=${word}`);
  await page.waitForSelector('[data-testid=status]');
  await page.evaluate(() => { window.beforeReload = true; });
  const started = performance.now();
  fs.writeFileSync(path.join(seeds, article), `${original}\nA ${word} carried trade goods between the two countries, officials said.\n`);
  await page.waitForFunction(() => !window.beforeReload && document.querySelector('[data-testid=passages] > [data-passage]'), null, { timeout: 10000, polling: 5 });
  times.push(performance.now() - started);
}
await browser.close();
child.kill();
fs.rmSync(seeds, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(`saved edit → reloaded page, ${RUNS} runs: median ${sorted[RUNS >> 1].toFixed(0)} ms, worst ${sorted[RUNS - 1].toFixed(0)} ms`);
console.log(`(each: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
