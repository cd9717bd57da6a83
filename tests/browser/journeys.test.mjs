// Journeys as a reader makes them: on a phone, through the filter drawer to the last section and
// back; by keyboard alone, through the search suggestions, the facets and every view.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, open, shownPassages, loupeQuery, loupeSuggest, loupeExport, shownSuggestions, tabTo, expectAgreesWithCore, screenshotPath,
} from './helpers.mjs';

/** The drawer's scroll position and the page's, read together. */
function scrolls(page) {
  return page.evaluate(() => ({ drawer: document.getElementById('facets').scrollTop, page: window.scrollY }));
}

describe('journeys', () => {
  const site = useSite();

  it('on a phone, by keyboard: every control Tab reaches in the drawer is in sight, not under its footer', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 740 });
    await page.getByRole('button', { name: 'Filters' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Filters' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement.closest('[role=dialog]')?.id === 'facets');
    const hidden = [];
    const seen = new Set();
    for (let i = 0; i < 400; i += 1) {
      await page.keyboard.press('Tab');
      // Where the focused control is, against the part of the drawer a reader sees: below its
      // top, above the sticky footer (unless it is in the footer).
      const where = await page.evaluate(() => {
        const focused = document.activeElement;
        const drawer = document.getElementById('facets');
        const footer = drawer.querySelector('.drawer-foot');
        const rect = focused.getBoundingClientRect();
        const bottom = footer.contains(focused) ? drawer.getBoundingClientRect().bottom : footer.getBoundingClientRect().top;
        const name = (focused.labels?.[0]?.textContent || focused.getAttribute('aria-label') || focused.textContent).trim().replace(/\s+/g, ' ');
        return { key: `${focused.tagName}:${focused.id || focused.dataset.value || name}`, name, inDrawer: drawer.contains(focused), inSight: rect.top >= drawer.getBoundingClientRect().top && rect.bottom <= bottom + 0.5 };
      });
      if (!where.inDrawer || seen.has(where.key)) break;
      seen.add(where.key);
      if (!where.inSight) hidden.push(where.name);
    }
    assert.ok(seen.size > 20, `the premise: Tab went through the drawer's controls (${seen.size})`);
    assert.deepEqual(hidden, [], 'controls focused out of sight');
    await page.close();
  });

  it('on a phone: open Filters, scroll the drawer to the last section, tick it, show its passages, Back', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 740 });
    const toggle = page.getByRole('button', { name: 'Filters' });
    await toggle.click();
    const dialog = page.getByRole('dialog', { name: 'Filters' });
    await dialog.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement.closest('[role=dialog]')?.id === 'facets', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role=dialog]')?.id), 'facets', 'focus moved into the drawer');

    // The wheel scrolls the drawer, not the page behind it, until the last section shows.
    const sections = loupeExport().sections;
    const last = sections[sections.length - 1];
    const lastBox = page.locator(`input[data-facet=section][data-value="${last.id}"]`);
    const box = await dialog.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await scrolls(page);
    for (let i = 0; i < 40; i += 1) {
      const rect = await lastBox.boundingBox();
      if (rect && rect.y + rect.height < 740 - 80) break;
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(60);
    }
    const after = await scrolls(page);
    assert.ok(after.drawer > before.drawer + 300, `the drawer scrolled (${before.drawer} → ${after.drawer})`);
    assert.equal(after.page, before.page, 'the page behind did not scroll');
    const footer = await page.getByTestId('drawer-show').boundingBox();
    const rect = await lastBox.boundingBox();
    assert.ok(rect.y + rect.height <= footer.y, 'the last section is above the sticky footer, where it can be tapped');
    await page.screenshot({ path: screenshotPath('drawer-375-last-section') });

    await lastBox.click();
    const expected = loupeQuery(`section=${encodeURIComponent(last.id)}`);
    const show = page.getByRole('button', { name: `Show ${expected.total} passage${expected.total === 1 ? '' : 's'}` });
    await show.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Filters (1)' }).count(), 1, 'the Filters button counts the filter');
    await show.click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement.id === 'drawer-toggle', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.id), 'drawer-toggle', 'focus returns to the Filters button');
    assert.deepEqual(await shownPassages(page), expected.passages);

    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.equal((await shownPassages(page)).length, loupeExport().passages.length, 'Back returns to every passage');
    assert.equal(await page.getByRole('button', { name: 'Filters', exact: true }).count(), 1);
    assert.deepEqual(page.errors, []);
  });

  it('on a phone: Escape, Done and a tap on the dimmed page each close the drawer', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 740 });
    const toggle = page.getByTestId('drawer-toggle');
    const dialog = page.getByRole('dialog', { name: 'Filters' });
    for (const close of [
      () => page.keyboard.press('Escape'),
      () => page.getByRole('button', { name: 'Done' }).click(),
      () => page.mouse.click(360, 400),
    ]) {
      await toggle.click();
      await dialog.waitFor({ state: 'visible' });
      // Tab stays inside the open drawer.
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => !!document.activeElement.closest('#facets')), true, 'focus stays in the drawer');
      await close();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement.id === 'drawer-toggle', null, { timeout: 2000 }).catch(() => {});
      assert.equal(await page.evaluate(() => document.activeElement.id), 'drawer-toggle', 'focus returns to the Filters button');
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('drawer-open')), false, 'the page scrolls again');
    }
  });

  it('embedded, the drawer is a dialog too', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&embed=1`, { width: 700, height: 600 });
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Filters' });
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await dialog.evaluate((d) => getComputedStyle(d).overflowY), 'auto');
    const { scrollHeight, clientHeight } = await dialog.evaluate((d) => ({ scrollHeight: d.scrollHeight, clientHeight: d.clientHeight }));
    assert.ok(clientHeight <= 600 && scrollHeight > clientHeight, `the drawer fits the frame and scrolls (${clientHeight}/${scrollHeight})`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('by keyboard: suggestions from the core, a theme and a person chosen, Escape closes then clears', async () => {
    const page = await open(site.browser, site.server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('diplomacy', { delay: 20 });
    const box = page.getByRole('combobox', { name: 'Search passages' });
    await page.waitForSelector('#search-suggestions [role=option]');
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    const offered = loupeSuggest('diplomacy');
    const shown = await shownSuggestions(page);
    assert.deepEqual(shown.map((s) => s.value), offered.map((s) => s.value), 'the page offers what `loupe suggest` offers, in its order');
    assert.equal(shown[0].text, `Theme: Diplomacy & relations (${loupeQuery('theme=diplomacy').total})`);

    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    assert.equal(await page.getAttribute(`#${active}`, 'aria-selected'), 'true');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?theme=diplomacy');
    assert.equal(await box.inputValue(), '', 'choosing a theme clears the typed word');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'focus stays in the box');
    await expectAgreesWithCore(assert, page);

    await page.keyboard.type('pu', { delay: 20 });
    await page.waitForSelector('#search-suggestions [role=option]');
    const under = loupeSuggest('pu', 'theme=diplomacy');
    assert.deepEqual((await shownSuggestions(page)).map((s) => s.text.replace(/\D+/g, ' ').trim()), under.map((s) => String(s.count)), 'counts under the current filter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?theme=diplomacy&entity=vladimir-putin');
    await expectAgreesWithCore(assert, page);

    assert.ok(loupeSuggest('ch', 'theme=diplomacy&entity=vladimir-putin').length > 0, 'the case offers something');
    await page.keyboard.type('ch', { delay: 10 });
    await page.waitForSelector('#search-suggestions [role=option]');
    await page.keyboard.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false', 'the first Escape closes the list');
    assert.equal(await box.inputValue(), 'ch');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    assert.equal(await box.inputValue(), '', 'the second clears the box');
    await page.screenshot({ path: screenshotPath('keyboard-journey') });
  });

  it('by keyboard: a facet, then every view, then Back through them', async () => {
    const page = await open(site.browser, `${site.server.url}?q=china`);
    await tabTo(page, () => document.activeElement?.dataset?.value === 'forecasts');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search === '?q=china&theme=forecasts');
    for (const [name, view, testid] of [['Theme map', 'map', 'theme-map'], ['Reading', 'read', 'reading-view'], ['Co-occurrence', 'matrix', 'matrix'], ['Concordance', 'kwic', 'kwic'], ['List', null, 'passages']]) {
      await tabTo(page, (label) => document.activeElement?.textContent === label, 120).catch(async () => {
        // Past the end of the page: Shift+Tab back up to the toolbar.
        for (let i = 0; i < 200 && !(await page.evaluate((label) => document.activeElement?.textContent === label, name)); i += 1) await page.keyboard.press('Shift+Tab');
      });
      await page.keyboard.press('Enter');
      await page.getByTestId(testid).first().waitFor();
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('view'), view, name);
      assert.equal(params.get('theme'), 'forecasts', `${name} keeps the filter`);
    }
    await expectAgreesWithCore(assert, page);
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'kwic');
    assert.ok(await page.getByTestId('kwic').isVisible(), 'Back returns to the concordance');
  });

  it('a question finds what it asks about, and an empty search says why', async () => {
    const question = 'what do experts forecast about the relationship?';
    const page = await open(site.browser, `${site.server.url}?q=${encodeURIComponent(question)}`);
    const expected = loupeQuery(`q=${encodeURIComponent(question)}`);
    if (expected.total > 0) {
      assert.deepEqual(await shownPassages(page), expected.passages);
    } else {
      const why = await page.getByTestId('empty-explain').textContent();
      for (const word of ['experts', 'forecast', 'relationship']) assert.match(why, new RegExp(`${word}: \\d+`), why);
      assert.match(why, /none together$/);
      assert.doesNotMatch(why, /\bwhat\b|\babout\b/, 'stop words are not parts');
      assert.match(await page.getByTestId('ignored').textContent(), /what, do, about, the/);
      await page.getByRole('button', { name: /^Theme: Forecasts/ }).click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('theme') === 'forecasts');
      assert.ok((await shownPassages(page)).length > 0, 'the offered theme leads somewhere');
    }

    const typo = await open(site.browser, `${site.server.url}?q=puttin`);
    assert.match(await typo.getByTestId('corrected').textContent(), /Showing results for putin/);
    assert.deepEqual(await shownPassages(typo), loupeQuery('q=putin').passages);

    const one = await open(site.browser, site.server.url);
    await one.keyboard.press('/');
    await one.keyboard.type('q');
    await one.waitForFunction(() => location.search === '?q=q');
    assert.equal(await one.getByTestId('empty-state').count(), 0, 'one letter typed never shows the empty state');
  });

  it('a card leads somewhere: a theme chip and a name add their filter; why opens by keyboard', async () => {
    const page = await open(site.browser, site.server.url);
    const first = page.getByTestId('passage').first();
    const theme = await first.locator('.theme-chip').first();
    const themeName = (await theme.textContent()).trim();
    await theme.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).has('theme'));
    const themeId = new URL(page.url()).searchParams.get('theme');
    assert.equal(loupeExport().themes.find((t) => t.id === themeId)?.label, themeName);
    await expectAgreesWithCore(assert, page);

    const name = page.getByTestId('passage').first().locator('.entity-name').first();
    await name.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('entity'));
    await expectAgreesWithCore(assert, page);

    const why = page.getByTestId('passage').first().locator('details.why');
    await why.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await why.getAttribute('open'), '');
    assert.match(await why.textContent(), /weight \d+/);
  });
});
