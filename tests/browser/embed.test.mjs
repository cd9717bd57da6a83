// Embedding: ?embed=1 is compact and keeps its presets, reports its height, ignores stray
// messages; the iframe host resizes; <loupe-explorer> works beside hostile host CSS and under a
// strict CSP; "Copy embed code" writes a ready snippet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, shownPassages, loupeQuery } from './helpers.mjs';

describe('embedding', () => {
  const site = useSite();

  it('?embed=1 is compact, keeps presets and links out to the full explorer', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&embed=1`);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('embed')));
    assert.ok(await page.locator('input[data-value=trade]').isChecked());
    assert.equal(new URL(page.url()).search, '?theme=trade&embed=1', 'the URL keeps embed=1');
    const link = page.locator('[data-testid=open-in-loupe]');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('href'), '/?theme=trade');
    assert.equal(await page.locator('#install').isVisible(), false);
    assert.equal(await page.locator('#facets').isVisible(), false, 'facets wait in the drawer');
  });

  it('the page shell and the app agree on what turns embed mode on', async () => {
    for (const [search, embedded] of [['embed=yes', true], ['embed=true&theme=trade', true], ['embed=1&embed=0', false], ['embed=no', false]]) {
      const page = await open(site.browser, `${site.server.url}?${search}`);
      const compact = await page.locator('.masthead.compact').count() === 1;
      const shell = await page.evaluate(() => document.documentElement.classList.contains('embed'));
      assert.deepEqual([compact, shell], [embedded, embedded], search);
      await page.close();
    }
  });

  it('ignores messages it does not expect', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&embed=1`);
    await page.evaluate(() => {
      window.postMessage({ type: 'loupe:theme', vars: { '--loupe-accent': 'red' } }, '*'); // not from the parent
      window.postMessage({ type: 'loupe:navigate', url: 'javascript:alert(1)' }, '*');
      window.postMessage('<img src=x onerror=alert(1)>', '*');
    });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--loupe-accent')), '');
    assert.equal(new URL(page.url()).search, '?theme=trade&embed=1');
    assert.deepEqual(page.errors, []);
  });

  it('the host iframe follows the embed\'s height', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(site.server.url + 'host/iframe.html');
    const frame = page.frameLocator('#loupe');
    await frame.locator('[data-testid=status]').waitFor();
    await page.waitForFunction(() => parseInt(document.getElementById('loupe').style.height) > 400);
    const before = await page.evaluate(() => parseInt(document.getElementById('loupe').style.height));
    const inner = await frame.locator('body').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(Math.abs(before - inner) <= 2, `frame ${before}px, content ${inner}px`);
    await frame.locator('#search-input').fill('zebra');
    await page.waitForFunction((b) => parseInt(document.getElementById('loupe').style.height) < b, before);
  });

  it('<loupe-explorer> renders in a shadow root beside hostile CSS, under a strict CSP, themed by the host', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(site.server.url + 'host/element.html');
    await page.waitForFunction(() => document.getElementById('explorer')?.shadowRoot?.querySelector('iframe'));
    const frame = page.frameLocator('loupe-explorer iframe');
    await frame.locator('[data-testid=status]').waitFor();
    const expected = loupeQuery('theme=forecasts&entity=china');
    await frame.locator('[data-testid=passages]').waitFor();
    const ids = await frame.locator('[data-testid=passages] > [data-passage]').evaluateAll((els) => els.map((e) => e.dataset.passage));
    assert.deepEqual(ids, expected.passages);
    const box = await page.locator('loupe-explorer').boundingBox();
    assert.ok(box.height > 400, `the element is visible and sized (${box.height}px)`);
    await page.waitForFunction(() => {
      const iframe = document.getElementById('explorer').shadowRoot.querySelector('iframe');
      return getComputedStyle(iframe.contentDocument.documentElement).getPropertyValue('--loupe-accent').trim() === '#b5179e';
    });
    const chipColour = await frame.locator('.view-tab[aria-pressed=true]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(chipColour, 'rgb(181, 23, 158)', 'themed with the host\'s --loupe-accent');
    assert.deepEqual(violations, []);
  });

  it('"Copy embed code" writes a ready iframe for the current view', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.slice(0, -1) });
    const page = await context.newPage();
    await page.goto(`${site.server.url}?theme=trade&view=map`);
    await page.click('[data-testid=copy-embed]');
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-embed]').textContent === 'Embed code copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, new RegExp(`^<iframe src="${site.server.url}\\?theme=trade&amp;view=map&amp;embed=1" title="Loupe: [^"]+" loading="lazy" width="100%" height="640" style="border:0"></iframe>$`));
    await context.close();
  });
});
