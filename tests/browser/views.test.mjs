// The views: theme map, reading view, co-occurrence matrix and concordance agree with the core;
// clicks add the right filters or open the passage; exports parse and match the list.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useSite, open, shownPassages, expectAgreesWithCore, loupeQuery, loupeExport, matchingPassages, screenshotPath } from './helpers.mjs';

describe('views', () => {
  const site = useSite();

  it('the theme map counts what the core counts, and opens passages in context', async () => {
    const q = 'entity=china';
    const page = await open(site.browser, `${site.server.url}?${q}&view=map`);
    await page.waitForSelector('[data-testid=theme-map] .map-column');
    const matching = matchingPassages(q);
    for (const theme of loupeExport().themes) {
      const expected = matching.filter((p) => p.themes.some((t) => t.id === theme.id)).length;
      const label = await page.textContent(`.map-label[data-theme="${theme.id}"]`);
      assert.match(label, new RegExp(`\\(${expected}\\)$`), `${theme.id}: ${label}`);
    }
    assert.equal(await page.locator('.map-column.match').count(), matching.length);
    assert.equal(await page.locator('.map-column').count(), loupeExport().passages.length);
    const column = page.locator('.map-column.match').first();
    await column.focus();
    assert.match(await page.textContent('[data-testid=map-tooltip]'), /Themes: /);
    const id = await column.getAttribute('data-passage');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.search.includes('view=read') && location.hash === `#${id}`, id);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), id);
  });

  it('the reading view shows each document whole, marks matches, and leads back', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=forecasts&view=read`);
    await page.waitForSelector('[data-testid=reading-view]');
    const all = loupeExport();
    assert.equal(await page.locator('.read-passage').count(), all.passages.length);
    assert.equal(await page.locator('.read-heading').count(), all.sections.filter((s) => s.line > 0).length);
    const marked = await page.$$eval('.read-passage.match', (els) => els.map((e) => e.dataset.passage));
    assert.deepEqual(marked, loupeQuery('theme=forecasts').passages);
    assert.ok(await page.locator('.read-passage.match mark.evidence').count() > 0);
    await page.click('[data-testid=back-to-results]');
    await page.waitForFunction(() => location.search === '?theme=forecasts');
    await expectAgreesWithCore(assert, page);
  });

  it('"In context" opens the reading view at that passage', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    const id = (await shownPassages(page))[2];
    await page.locator(`[data-passage="${id}"] .in-context`).click();
    await page.waitForFunction((id) => location.search === '?theme=trade&view=read' && location.hash === `#${id}`, id);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), id);
  });

  it('"In context" with Ctrl opens a new tab at that passage, and this page stays as it was', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    const id = (await shownPassages(page))[1];
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator(`[data-passage="${id}"] .in-context`).click({ modifiers: ['Control'] }),
    ]);
    await tab.waitForLoadState();
    const opened = new URL(tab.url());
    assert.equal(opened.search + opened.hash, `?theme=trade&view=read#${id}`, 'the new tab reads that passage');
    await tab.close();
    assert.equal(new URL(page.url()).search, '?theme=trade', 'this page stays in the list');
    assert.equal(await page.locator('[data-testid=passages]').count(), 1);
    await expectAgreesWithCore(assert, page);
  });

  it('the matrix counts passages with both, and a cell adds both filters', async () => {
    const q = 'theme=diplomacy';
    const page = await open(site.browser, `${site.server.url}?${q}&view=matrix`);
    await page.waitForSelector('[data-testid=matrix] .cell');
    const matching = matchingPassages(q);
    const cells = await page.$$eval('.matrix .cell', (els) => els.map((e) => [e.dataset.theme, e.dataset.entity, Number(e.textContent)]));
    assert.ok(cells.length > 10);
    for (const [theme, entity, count] of cells) {
      const expected = matching.filter((p) => p.entities.includes(entity) && p.themes.some((t) => t.id === theme)).length;
      assert.equal(count, expected, `${theme} × ${entity}`);
    }
    await page.click('.matrix .cell[data-theme=forecasts][data-entity=russia]');
    await page.waitForFunction(() => location.search === '?theme=diplomacy&theme=forecasts&entity=russia');
    await expectAgreesWithCore(assert, page);
  });

  it('on a phone, the concordance shows several words each side, those next to the keyword first', async () => {
    const page = await open(site.browser, `${site.server.url}?q=china&view=kwic`, { width: 375, height: 812 });
    await page.waitForSelector('.kwic-lines tbody tr');
    // Per line: the words of each side a reader can see whole (inside the cell and its clip).
    const lines = await page.$$eval('.kwic-lines tbody tr', (rows) => rows.map((row) => {
      const seen = (cell) => {
        const clips = [cell, ...cell.querySelectorAll('span')].map((e) => e.getBoundingClientRect());
        const inside = (r) => clips.every((c) => r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5);
        const text = cell.textContent;
        const node = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode();
        const words = [...text.matchAll(/\S+/g)];
        return words.map((w) => {
          const range = document.createRange();
          range.setStart(node, w.index);
          range.setEnd(node, w.index + w[0].length);
          const rects = [...range.getClientRects()];
          return { word: w[0], seen: rects.every(inside), middle: (rects[0].top + rects[0].bottom) / 2 };
        });
      };
      const key = row.querySelector('.keyword a').getBoundingClientRect();
      return { left: seen(row.querySelector('.left')), right: seen(row.querySelector('.right')), keyword: { top: key.top, bottom: key.bottom } };
    }));
    assert.ok(lines.length > 10, `lines: ${lines.length}`);
    const shown = (words) => words.filter((w) => w.seen).length;
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    assert.ok(median(lines.map((l) => shown(l.left))) >= 4, `left words seen per line: ${lines.map((l) => shown(l.left))}`);
    assert.ok(median(lines.map((l) => shown(l.right))) >= 4, `right words seen per line: ${lines.map((l) => shown(l.right))}`);
    // Read across: the words either side of the keyword stand on its line.
    const onKeywordLine = (word, keyword) => word.middle > keyword.top && word.middle < keyword.bottom;
    for (const { left, right, keyword } of lines) {
      if (left.length) assert.ok(left.at(-1).seen && onKeywordLine(left.at(-1), keyword), `the left word next to the keyword is seen, on its line: ${left.map((w) => w.word).join(' ')}`);
      if (right.length) assert.ok(right[0].seen && onKeywordLine(right[0], keyword), `the right word next to the keyword is seen, on its line: ${right.map((w) => w.word).join(' ')}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'the page does not scroll sideways');
    assert.deepEqual(page.errors, []);
    await page.screenshot({ path: screenshotPath('kwic-375') });
  });

  it('the concordance lists every occurrence and sorts by context', async () => {
    const page = await open(site.browser, `${site.server.url}?q=partnership&view=kwic`);
    await page.waitForSelector('.kwic-lines tbody tr');
    const occurrences = loupeExport().passages.reduce((n, p) => n + (p.text.toLowerCase().match(/partnership/g) || []).length, 0);
    assert.equal(await page.locator('.kwic-lines tbody tr').count(), occurrences);
    await page.getByRole('button', { name: 'right context' }).click();
    const rights = await page.$$eval('.kwic-lines td.right', (els) => els.map((e) => e.textContent.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '')));
    assert.deepEqual(rights, [...rights].sort());
    const keywords = await page.$$eval('.kwic-lines td.keyword', (els) => els.map((e) => e.textContent.toLowerCase()));
    assert.ok(keywords.every((k) => k === 'partnership'));
    const row = page.locator('.kwic-lines tbody tr').nth(1);
    const id = await row.getAttribute('data-passage');
    await row.locator('td.keyword a').click();
    await page.waitForFunction((id) => location.search === '?q=partnership&view=read' && location.hash === `#${id}`, id);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('targeted'), id);
    const hint = await open(site.browser, `${site.server.url}?view=kwic`);
    assert.match(await hint.textContent('[data-testid=kwic]'), /Type a word/);
  });

  it('exports of the current view parse and match the list', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade&q=china`);
    const listed = await shownPassages(page);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    const rows = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
    assert.deepEqual(rows.map((r) => r.id), listed);
    assert.deepEqual(Object.keys(rows[0]), ['id', 'document', 'date', 'section', 'line', 'text', 'themes', 'entities']);
    assert.ok(rows.every((r) => r.date === '2023-02-24'), 'each passage carries its document\'s date');
    assert.ok(rows.every((r) => r.themes.includes('trade')));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    const records = text.trim().split('\r\n');
    assert.equal(records[0], 'id,document,date,section,line,text,themes,entities');
    assert.deepEqual(records.slice(1).map((r) => r.split(',')[0]), listed);
  });

  it('copies a citation with title, section, date and link', async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url.slice(0, -1) });
    const page = await context.newPage();
    await page.goto(`${site.server.url}?theme=trade`);
    const first = page.locator('[data-passage]').first();
    await first.locator('[data-testid=copy-citation]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-citation]').textContent === 'Citation copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const id = await first.getAttribute('data-passage');
    assert.match(copied, /^“One year after Russia’s invasion of Ukraine”, 2023-02-24, section “Opening”/);
    assert.ok(copied.endsWith(`?theme=trade&view=read#${id}`), copied);
    await context.close();
  });

  it('saves screenshots of every view at desktop and phone widths', async () => {
    for (const [view, q] of [['list', 'theme=forecasts'], ['map', 'theme=forecasts'], ['read', 'theme=forecasts'], ['matrix', 'theme=trade'], ['kwic', 'q=china'], ['trends', 'theme=forecasts']]) {
      for (const width of [1280, 375]) {
        const page = await open(site.browser, `${site.server.url}?${q}&view=${view}`, { width, height: 900 });
        await page.waitForTimeout(100);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= width, `${view} at ${width}: page scrolls sideways (${overflow})`);
        await page.screenshot({ path: screenshotPath(`view-${view}-${width}`) });
        await page.close();
      }
    }
  });
});
