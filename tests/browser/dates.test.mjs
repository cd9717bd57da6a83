// Dates (four generated articles dated 2022–2024, one undated): the page agrees with `loupe
// query` for date ranges, malformed dates never break it, the histogram and the trends view work
// by keyboard and pointer and show the core's counts, exports carry each passage's date, and a
// corpus of one date (the seed) shows that date and no range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useSite, open, serve, dist, shownPassages, shownCounts, loupeQuery, loupeExport, tabTo, generatedDist, generatedSeeds, screenshotPath } from './helpers.mjs';

const query = (queryString) => loupeQuery(queryString, generatedSeeds);
const PAGE = 20;

/** The histogram as shown: {periods: {key: count}, undated}. */
async function shownDates(page) {
  return page.evaluate(() => {
    const periods = {};
    for (const bar of document.querySelectorAll('.date-bar')) periods[bar.dataset.period] = Number(bar.querySelector('.count').firstChild.textContent);
    const undated = document.querySelector('[data-testid=date-undated]');
    return { periods, undated: undated ? Number(undated.closest('.facet-value').querySelector('.count').textContent) : null };
  });
}

/** The page shows what `loupe query` answers for its URL: passages, facet and date counts, total. */
async function expectAgrees(page) {
  const search = new URL(page.url()).search.replace(/^\?/, '');
  const expected = query(search);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=passages] > [data-passage]').length === n, Math.min(PAGE, expected.total));
  assert.deepEqual(await shownPassages(page), expected.passages.slice(0, PAGE), `passages for ${search}`);
  const counts = await shownCounts(page);
  for (const facet of Object.keys(counts)) {
    for (const [id, n] of Object.entries(counts[facet])) assert.equal(n, expected.facets[facet][id], `${facet}=${id} for ${search}`);
  }
  assert.deepEqual(await shownDates(page), { periods: expected.dates.periods, undated: expected.dates.undated }, `dates for ${search}`);
  return expected;
}

const urlSearch = (page) => new URL(page.url()).search;

describe('dates: the range filter, the histogram and the trends view', () => {
  const site = useSite(generatedDist);

  it('agrees with loupe query for date ranges combined with filters and the search', async () => {
    const cases = ['', 'from=2023', 'to=2023-06', 'theme=forecasts&from=2023&to=2024', 'undated=0', 'from=2024&undated=1',
      'q=china&from=2022&to=2022', 'theme=trade&to=2022-12-31', 'from=2030'];
    const all = query('');
    assert.deepEqual(Object.keys(all.dates.periods), ['2022', '2023', '2024'], 'the generated corpus spans three years');
    assert.ok(all.dates.undated > 0, 'and has an undated article');
    for (const q of cases) {
      const page = await open(site.browser, `${site.server.url}?${q}`);
      assert.equal(urlSearch(page), q ? `?${q}` : '', 'the URL keeps the range');
      const expected = await expectAgrees(page);
      const status = expected.total === all.total ? `All ${all.total} passages` : `${expected.total} of ${all.total} passages match`;
      await page.waitForFunction((s) => document.querySelector('[data-testid=status]').textContent === s, status);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it('ignores malformed dates and reads a backwards range forwards', async () => {
    for (const [q, canonical] of [['from=2023-13&to=banana&undated=maybe', ''], ['from=2023-02-30&theme=trade', '?theme=trade'], ['to=2022&from=2024', '?from=2022&to=2024']]) {
      const page = await open(site.browser, `${site.server.url}?${q}`);
      assert.equal(urlSearch(page), canonical, q);
      await expectAgrees(page);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it('the histogram sets the range by keyboard: From and To, a period, Shift to extend, undated', async () => {
    const page = await open(site.browser, site.server.url);
    await tabTo(page, () => document.activeElement.dataset.testid === 'date-from');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => location.search === '?from=2022');
    await expectAgrees(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'date-to');
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.search === '?from=2022&to=2024');
    await expectAgrees(page);
    assert.equal(await page.textContent('[data-testid=date-chip]'), 'Dates: 2022 – 2024 ×');

    await tabTo(page, () => document.activeElement.dataset.period === '2023');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?from=2023&to=2023');
    assert.equal(await page.getAttribute('.date-bar[data-period="2023"]', 'aria-pressed'), 'true');
    await expectAgrees(page);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => location.search === '?from=2022&to=2023');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?from=2023&to=2023');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '', null, { timeout: 3000 });

    await tabTo(page, () => document.activeElement.dataset.testid === 'date-undated');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search === '?undated=0');
    assert.equal(await page.isChecked('[data-testid=date-undated]'), false);
    await expectAgrees(page);
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    assert.equal(await page.isChecked('[data-testid=date-undated]'), true, 'Back restores the filter');
    assert.deepEqual(page.errors, []);
  });

  it('the histogram by pointer; a range that empties the list says so and undoes', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    await page.click('.date-bar[data-period="2024"]');
    await page.waitForFunction(() => location.search === '?theme=trade&from=2024&to=2024');
    await expectAgrees(page);
    await page.screenshot({ path: screenshotPath('dates-histogram-1280') });
    await page.getByRole('button', { name: 'Remove filter: dates 2024' }).click();
    await page.waitForFunction(() => location.search === '?theme=trade');
    const empty = await open(site.browser, `${site.server.url}?theme=trade&from=2030`);
    await empty.waitForSelector('[data-testid=empty-state]');
    assert.match(await empty.textContent('[data-testid=empty-explain]'), /from 2030: 0/);
    await empty.click('[data-testid=remove-dates]');
    await empty.waitForFunction(() => location.search === '?theme=trade');
  });

  it('the trends view shows each theme\'s share per period, by keyboard and pointer, and choosing a period sets the range', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=forecasts&view=trends`);
    await page.waitForSelector('[data-testid=trend-chart]');
    // The core's count of one period's passages under the view's filters.
    const period = (p) => ({ total: query(`theme=forecasts&from=${p}&to=${p}`).total });
    const drawn = await page.$$eval('.trend-lines [data-theme]', (gs) => gs.map((g) => g.dataset.theme));
    await page.focus('[data-view=trends]');
    await tabTo(page, () => document.activeElement.classList.contains('trend-period'));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.period), '2022', 'the first period takes focus');
    const first = period('2022');
    assert.match(await page.textContent('[data-testid=trend-readout]'), new RegExp(`^2022: ${first.total} passages — `));
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.period), '2023', 'arrows move between periods');
    assert.match(await page.textContent('[data-testid=trend-readout]'), new RegExp(`^2023: ${period('2023').total} passages — `));

    // The table holds the same numbers as the core: per period the passages, per theme share (count).
    await page.evaluate(() => { document.querySelector('.map-table').open = true; });
    const rows = await page.$$eval('[data-testid=trend-table] tbody tr', (trs) => trs.map((tr) => [tr.dataset.period, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    const passages = loupeExport(generatedSeeds).passages;
    const documents = new Map(loupeExport(generatedSeeds).documents.map((d) => [d.id, d.date]));
    const matching = query('theme=forecasts').passages.map((id) => passages.find((p) => p.id === id));
    for (const [p, total, ...cells] of rows) {
      const inPeriod = matching.filter((m) => documents.get(m.document).startsWith(p));
      assert.equal(Number(total), inPeriod.length, `passages of ${p}`);
      drawn.forEach((id, k) => {
        const n = inPeriod.filter((m) => m.themes.some((h) => h.id === id)).length;
        assert.equal(cells[k], `${Math.round((n * 100) / inPeriod.length)}% (${n})`, `${id} in ${p}`);
      });
    }
    await page.screenshot({ path: screenshotPath('trends-1280') });

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search === '?theme=forecasts&from=2023&to=2023&view=trends');
    // One year is shown by month; the one article of 2023 makes it a single month, which has
    // no trend: each theme's share of it, as bars.
    await page.waitForSelector('[data-testid=trend-shares]');
    const months = await page.$$eval('[data-testid=trend-table] tbody tr', (trs) => trs.map((tr) => tr.dataset.period));
    assert.ok(months.length > 0 && months.every((p) => p.startsWith('2023-')), `one year is shown by month: ${months}`);
    assert.equal(await page.locator('[data-testid=trend-chart]').count(), 0, 'no chart of one-point lines');

    await page.goBack();
    await page.waitForFunction(() => location.search === '?theme=forecasts&view=trends');
    await page.hover('.trend-period[data-period="2024"]');
    assert.match(await page.textContent('[data-testid=trend-readout]'), new RegExp(`^2024: ${period('2024').total} passages`));
    await page.click('.trend-period[data-period="2024"]');
    await page.waitForFunction(() => location.search === '?theme=forecasts&from=2024&to=2024&view=trends');

    // Nothing dated among the matches (the undated article's passages): nothing to draw. No
    // match at all: the empty state every view shares, which says why and offers a way out.
    const undated = await open(site.browser, `${site.server.url}?from=2030&undated=1&view=trends`);
    assert.ok(loupeQuery('from=2030&undated=1', generatedSeeds).total > 0, 'the undated article still matches');
    await undated.waitForSelector('[data-testid=trends-empty]');
    const searched = await open(site.browser, `${site.server.url}?q=zzzzqqq&view=trends`);
    await searched.waitForSelector('[data-testid=empty-state]');
    assert.equal(await searched.locator('[data-testid=trends-empty]').count(), 0);
    assert.deepEqual([...page.errors, ...undated.errors, ...searched.errors], []);
  });

  it('exports carry each passage\'s date', async () => {
    const page = await open(site.browser, `${site.server.url}?from=2023`);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    const rows = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    const dates = new Map(loupeExport(generatedSeeds).documents.map((d) => [d.id, d.date]));
    assert.deepEqual(rows.map((r) => r.id), query('from=2023').passages);
    assert.ok(rows.every((r) => r.date === dates.get(r.document) && r.date >= '2023'), 'the date of each passage\'s document');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const records = fs.readFileSync(await csv.path(), 'utf8').trim().split('\r\n');
    assert.equal(records[0], 'id,document,date,section,line,text,themes,entities');
    assert.deepEqual(records.slice(1).map((r) => r.split(',')[2]), rows.map((r) => r.date));
  });

  it('a corpus of one date shows that date and nothing to drag', async () => {
    const seed = await serve(dist);
    const page = await open(site.browser, seed.url);
    assert.equal(await page.textContent('[data-testid=date-only]'), 'Every dated passage is from 24 Feb 2023.');
    assert.equal(await page.locator('.date-bar, [data-testid=date-from], [data-testid=date-undated]').count(), 0);
    await seed.close();
  });

  it('the dates at phone width: in the drawer, and the trends view scrolls inside itself', async () => {
    const page = await open(site.browser, `${site.server.url}?view=trends`, { width: 375, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'no sideways page scroll');
    await page.screenshot({ path: screenshotPath('trends-375') });
    await page.getByTestId('drawer-toggle').click();
    await page.locator('[data-facet=date]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('dates-drawer-375') });
    const target = await page.locator('.date-bar').first().boundingBox();
    assert.ok(target.height >= 24 && target.width >= 24, `period buttons are 24 px targets (${target.width}×${target.height})`);
  });
});
