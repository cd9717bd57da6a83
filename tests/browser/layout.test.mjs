// Layout: the narrow layout's facet drawer, keyboard use, and review screenshots at 1280/375 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, toggle, shownPassages, screenshotPath } from './helpers.mjs';

describe('layout', () => {
  const site = useSite();

  it('at 375 px the facets live in a drawer', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 800 });
    const facets = page.locator('#facets');
    assert.equal(await facets.isVisible(), false, 'drawer closed at first');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no horizontal scrolling (scrollWidth ${width})`);
    await page.screenshot({ path: screenshotPath('list-375'), fullPage: false });
    await page.click('[data-testid=drawer-toggle]');
    await facets.waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('[data-testid=drawer-toggle]', 'aria-expanded'), 'true');
    await toggle(page, 'theme', 'peace');
    await page.waitForFunction(() => location.search === '?theme=peace');
    await page.screenshot({ path: screenshotPath('drawer-375'), fullPage: false });
    await page.getByRole('button', { name: 'Done' }).click();
    await facets.waitFor({ state: 'hidden' });
    assert.ok((await shownPassages(page)).length < 19);
  });

  it('at 1280 px facets and results sit side by side', async () => {
    const page = await open(site.browser, site.server.url + '?theme=forecasts');
    assert.ok(await page.locator('#facets').isVisible());
    assert.equal(await page.locator('[data-testid=drawer-toggle]').isVisible(), false);
    await page.screenshot({ path: screenshotPath('list-1280'), fullPage: false });
  });

  it('works from the keyboard: Space toggles, focus stays put', async () => {
    const page = await open(site.browser, site.server.url);
    const box = page.locator('input[data-facet=theme][data-value=energy]');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search === '?theme=energy');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.value), 'energy', 'focus stays on the checkbox');
    const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
  });
});
