// Faceted filtering as a reader uses it: counts and lists follow the core, OR within a group,
// AND across groups, selected values stay, accessible names carry counts, zero results help.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, toggle, shownPassages, expectAgreesWithCore, loupeQuery } from './helpers.mjs';

describe('facets', () => {
  const site = useSite();

  it('on load shows the title, every passage and the core\'s counts', async () => {
    const page = await open(site.browser, site.server.url);
    const all = loupeQuery('');
    assert.match(await page.textContent('[data-testid=corpus-title]'), /One year after Russia’s invasion of Ukraine/);
    assert.equal((await shownPassages(page)).length, all.total);
    assert.equal(await page.textContent('[data-testid=status]'), `All ${all.total} passages`);
    await expectAgreesWithCore(assert, page);
    assert.equal(await page.locator('[data-facet=document]').count(), 0, 'documents hidden with one document');
    assert.deepEqual(page.errors, []);
  });

  it('toggling a theme filters the list and updates counts as the core says', async () => {
    const page = await open(site.browser, site.server.url);
    await toggle(page, 'theme', 'forecasts');
    await page.waitForFunction(() => location.search === '?theme=forecasts');
    await expectAgreesWithCore(assert, page);
    const ids = await shownPassages(page);
    assert.ok(ids.length > 0 && ids.length < 19);
    // Evidence of the active theme is highlighted, as text.
    assert.ok(await page.locator('[data-passage] mark.evidence').count() >= ids.length);
  });

  it('ORs values within a group and ANDs across groups', async () => {
    const page = await open(site.browser, site.server.url);
    await toggle(page, 'theme', 'forecasts');
    const forecasts = (await shownPassages(page)).length;
    await toggle(page, 'theme', 'trade');
    await page.waitForFunction(() => location.search === '?theme=forecasts&theme=trade');
    const either = await shownPassages(page);
    assert.ok(either.length > forecasts, 'OR widens');
    await expectAgreesWithCore(assert, page);
    await toggle(page, 'entity', 'vladimir-putin');
    await page.waitForFunction(() => location.search.includes('entity=vladimir-putin'));
    const both = await shownPassages(page);
    assert.ok(both.length < either.length, 'AND narrows');
    await expectAgreesWithCore(assert, page);
  });

  it('keeps a selected value with a count of 0, and helps out of zero results', async () => {
    const page = await open(site.browser, site.server.url + '?theme=media&voice=wang-yi');
    await page.waitForSelector('[data-testid=empty-state]');
    assert.equal(await page.textContent('[data-testid=status]'), '0 of 19 passages match');
    const media = page.locator('input[data-facet=theme][data-value=media]');
    assert.ok(await media.isChecked());
    await expectAgreesWithCore(assert, page);
    await page.click('[data-testid=remove-last]');
    await page.waitForFunction(() => location.search === '?theme=media');
    assert.ok((await shownPassages(page)).length > 0);
  });

  it('names each checkbox with its label and live count', async () => {
    const page = await open(site.browser, site.server.url);
    const expected = loupeQuery('').facets.theme.forecasts;
    await assert.doesNotReject(page.getByRole('checkbox', { name: `Forecasts ${expected}`, exact: true }).waitFor());
    const person = page.getByRole('group', { name: 'People' });
    assert.ok(await person.getByRole('checkbox').count() >= 4);
  });

  it('removes filters with chips and clears all', async () => {
    const page = await open(site.browser, site.server.url + '?theme=trade&entity=china');
    await page.getByRole('button', { name: 'Remove filter: Trade & economy' }).click();
    await page.waitForFunction(() => location.search === '?entity=china');
    await expectAgreesWithCore(assert, page);
    await page.click('[data-testid=clear-all]');
    await page.waitForFunction(() => location.search === '');
    assert.equal((await shownPassages(page)).length, 19);
  });

  it('renders corpus text as text', async () => {
    const page = await open(site.browser, site.server.url);
    assert.equal(await page.locator('[data-passage] script, [data-passage] img').count(), 0);
    const first = await page.locator('[data-passage] .passage-text').first().textContent();
    assert.match(first, /^24th February 2023 – One year after Russia’s invasion/);
  });
});
