// Renders the app icons (PNG, "any" and "maskable") and the manifest screenshots with headless
// Chromium. Run once after changing assets/icon.svg or the look: `node scripts/make-icons.mjs`
// (screenshots need the site built and served at LOUPE_URL, default http://127.0.0.1:8080/).
import { chromium } from '../tests/node_modules/playwright-core/index.mjs';
import fs from 'node:fs';

const svg = fs.readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
for (const size of [192, 512]) {
  for (const purpose of ['any', 'maskable']) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // Maskable icons keep their mark inside the central 80% safe zone, on a full-bleed background.
    const inner = purpose === 'maskable' ? Math.round(size * 0.7) : size;
    const background = purpose === 'maskable' ? '#2b5fad' : 'transparent';
    await page.setContent(`<body style="margin:0;background:${background};display:grid;place-items:center;height:${size}px">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`);
    await page.screenshot({ path: `assets/icons/icon-${purpose}-${size}.png`, omitBackground: purpose === 'any' });
    await page.close();
  }
}
if (process.argv.includes('--screenshots')) {
  const url = process.env.LOUPE_URL || 'http://127.0.0.1:8080/';
  for (const [name, width, height, query] of [['wide', 1280, 720, '?theme=forecasts'], ['narrow', 390, 844, '?q=partnership']]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url + query);
    await page.waitForSelector('[data-testid=status]');
    await page.screenshot({ path: `assets/icons/screenshot-${name}.png` });
    await page.close();
  }
}
await browser.close();
