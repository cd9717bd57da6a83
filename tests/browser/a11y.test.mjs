// Accessibility: axe-core reports no WCAG 2.2 A/AA violation in any state, light and dark; the
// keyboard reaches everything and focus is never lost; the status region announces counts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useSite, shownPassages, generatedDist, appStarted } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const STATES = {
  default: '',
  filtered: '?theme=forecasts&entity=russia',
  'zero results': '?theme=media&voice=wang-yi',
  'zero results explained': '?q=putin+sanctions&theme=media',
  'hidden deep link': '?theme=media#one-year-after-russia-invasion-p19',
  search: '?q=partnership',
  'theme map': '?theme=forecasts&view=map',
  reading: '?theme=forecasts&view=read',
  matrix: '?theme=trade&view=matrix',
  concordance: '?q=china&view=kwic',
  embed: '?theme=trade&embed=1',
  'trends, one date': '?view=trends',
};
/**
 * States of the generated corpus, whose articles are dated 2022–2024 (one undated). Not its long
 * list: axe measures the targets of cards that skip layout off screen (`content-visibility`) as
 * obscured.
 */
const DATED_STATES = {
  'date histogram': '?theme=forecasts&from=2023&to=2024&view=map',
  'undated left out': '?undated=0&view=kwic',
  'dates empty the list': '?theme=trade&from=2030',
  trends: '?theme=trade&view=trends',
  'trends by month': '?from=2023&to=2023&view=trends',
  'trends, nothing dated matches': '?from=2030&undated=1&view=trends',
  'trends, nothing matches': '?from=2030&view=trends',
  'co-occurrence, nothing matches': '?q=zzzzqqq&view=matrix',
};

describe('accessibility', () => {
  const site = useSite();
  const dated = useSite(generatedDist);

  for (const scheme of ['light', 'dark']) {
    it(`axe finds no WCAG 2.2 A/AA violation (${scheme})`, async () => {
      // bypassCSP only lets the test inject axe; the page itself runs under its own policy.
      const context = await site.browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const failures = [];
      const states = [...Object.entries(STATES).map(([s, q]) => [s, site.server.url + q]), ...Object.entries(DATED_STATES).map(([s, q]) => [s, dated.server.url + q])];
      for (const [state, url] of states) {
        const page = await context.newPage();
        await page.goto(url);
        await appStarted(page);
        await page.addScriptTag({ path: axePath });
        const { violations } = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
        for (const v of violations) {
          failures.push(`${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
        await page.close();
      }
      await context.close();
      assert.deepEqual(failures, []);
    });
  }

  for (const scheme of ['light', 'dark']) {
    it(`axe finds no violation with the phone drawer open or the suggestion list open (${scheme})`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 375, height: 740 } });
      const failures = [];
      const check = async (page, state) => {
        await page.addScriptTag({ path: axePath });
        const { violations } = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
        for (const v of violations) failures.push(`${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      };
      const drawer = await context.newPage();
      await drawer.goto(site.server.url + '?theme=trade');
      await drawer.getByTestId('drawer-toggle').click();
      await drawer.getByRole('dialog', { name: 'Filters' }).waitFor({ state: 'visible' });
      await drawer.waitForTimeout(300);
      await check(drawer, 'drawer open');
      const suggestions = await context.newPage();
      await suggestions.goto(site.server.url);
      await suggestions.getByRole('combobox', { name: 'Search passages' }).pressSequentially('di');
      await suggestions.waitForSelector('#search-suggestions [role=option]');
      await suggestions.keyboard.press('ArrowDown');
      await check(suggestions, 'suggestions open');
      await context.close();
      assert.deepEqual(failures, []);
    });
  }

  it('the keyboard reaches search, views, facets and results in a sensible order', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    await appStarted(page);
    const order = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el.dataset.value || el.dataset.view || el.id || el.className || el.tagName;
      }));
    }
    assert.equal(order[0], 'skip-link', 'a skip link comes first');
    const search = order.indexOf('search-input');
    const firstFacet = order.findIndex((o) => o === 'trade');
    assert.ok(firstFacet > 0, `facets are reachable: ${order}`);
    assert.ok(search < firstFacet, `search before the facets: ${order}`);
    // The skip link jumps past the facets to the results.
    await page.goto(site.server.url);
    await appStarted(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.view), 'list', 'after the skip link, the views come next');
  });

  it('focus is never lost when the page updates', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url + '?theme=trade&entity=china');
    await page.waitForSelector('[data-testid=active-filters]');
    await page.getByRole('button', { name: 'Remove filter: Trade & economy' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?entity=china');
    await page.waitForFunction(() => document.activeElement.dataset.testid === 'status', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'status', 'removing a chip moves focus to the result count');
    await page.getByRole('button', { name: 'Clear all' }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '');
    await page.waitForFunction(() => document.activeElement.dataset.testid === 'status', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'status', 'Clear all moves focus to the result count');
    await page.goto(site.server.url + '?theme=media&voice=wang-yi');
    await page.locator('[data-testid=remove-last]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?theme=media');
    await page.waitForFunction(() => document.activeElement.dataset.testid === 'status', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'status', 'the vanished button hands focus to the result count');
  });

  it('the status region announces the count as filters change', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    const spoken = page.locator('[role=status][aria-live=polite][data-testid=status-spoken]');
    assert.equal(await spoken.textContent(), 'All 19 passages');
    await page.locator('input[data-value=forecasts]').check();
    assert.equal(await page.textContent('[data-testid=status]'), '7 of 19 passages match', 'shown at once');
    await page.waitForFunction(() => document.querySelector('[data-testid=status-spoken]').textContent === '7 of 19 passages match');
    assert.equal((await shownPassages(page)).length, 7);
  });
});
