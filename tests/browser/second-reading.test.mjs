// The bugs a second reader's pass found (a fresh reader at 375 and 1280 px, light and dark), each
// checked as that reader saw it: Back after "In context" returns to the passage the reader left,
// the count changes with the list, a filter ticked deep in the list shows the new results from
// their start, Escape in a filter box of the phone's drawer clears the box,
// a long unbroken word does not widen the page, the reading view's bar does not cover the first
// match, the trends chart has its key on a phone's screen (and a single month, no chart of
// one-point lines, but each theme's share as bars), the theme map's row labels in view while its
// columns scroll on a phone, the embed's header on a phone, the
// reading view's dates, a search placeholder that fits a phone's box, the co-occurrence
// table's row labels whole on a phone, and no words about keys on a touch screen.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, settled, screenshotPath, generatedDist, appStarted } from './helpers.mjs';

/** The first list card on screen (its bottom below the window's top): its id and its top. */
function topCard(page) {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('[data-testid=passages] > [data-passage]')];
    const card = cards.find((c) => c.getBoundingClientRect().bottom > 1);
    return card && { id: card.dataset.passage, top: Math.round(card.getBoundingClientRect().top) };
  });
}

/** Whether the page scrolls sideways. */
function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
}

describe('a second reading', () => {
  const site = useSite();
  /** Articles dated over three years, for a trend of several periods. */
  const dated = useSite(generatedDist);

  for (const [width, height] of [[375, 740], [1280, 800]]) {
    it(`Back after “In context” returns to the passage the reader left, where it stood (${width} px)`, async () => {
      const page = await open(site.browser, site.server.url, { width, height });
      await settled(page);
      // Read down to the eighth card, as a reader scrolls.
      for (let i = 0; i < 8; i += 1) {
        await page.evaluate(() => document.querySelectorAll('[data-testid=passages] > [data-passage]')[7].scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(50);
      }
      await page.mouse.wheel(0, -30);
      await page.waitForTimeout(300);
      const left = await topCard(page);
      assert.ok(left && left.id !== (await page.$eval('[data-passage]', (e) => e.dataset.passage)), 'scrolled past the first cards');
      // Its "In context" link, clicked where it is (no scrolling to it first).
      await page.evaluate((id) => document.getElementById(id).querySelector('.in-context').click(), left.id);
      await page.waitForSelector('[data-testid=reading-view]');
      await page.waitForTimeout(300);
      await page.goBack();
      await page.waitForSelector('[data-testid=passages]');
      await settled(page);
      await page.waitForTimeout(300);
      const back = await topCard(page);
      await page.screenshot({ path: screenshotPath(`back-after-context-${width}`) });
      assert.equal(back.id, left.id, `the reader left at ${left.id} and came back to ${back.id}`);
      assert.ok(Math.abs(back.top - left.top) <= 4, `${left.id} stood at ${left.top} px and came back at ${back.top} px`);
      await page.goForward();
      await page.waitForSelector('[data-testid=reading-view]');
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  it('ticking a filter while scrolled deep shows the new results from their start (1280 px)', async () => {
    const page = await open(site.browser, site.server.url, { width: 1280, height: 800 });
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    await page.waitForTimeout(200);
    assert.ok(await page.evaluate(() => document.querySelector('[data-testid=status]').getBoundingClientRect().bottom < 0), 'scrolled past the count');
    await page.locator('input[data-facet=theme][data-value=forecasts]').click();
    await settled(page);
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => {
      const status = document.querySelector('[data-testid=status]').getBoundingClientRect();
      const first = document.querySelector('[data-testid=passages] > [data-passage]').getBoundingClientRect();
      return { status: Math.round(status.top), first: Math.round(first.top), focused: document.activeElement.dataset.value };
    });
    await page.screenshot({ path: screenshotPath('tick-while-deep-1280') });
    assert.ok(seen.status >= 0 && seen.first < 800, `the count at ${seen.status} px and the first card at ${seen.first} px`);
    assert.equal(seen.focused, 'forecasts', 'focus stays on the ticked box');
    await page.close();
  });

  it('the count changes in the frame the list does', async () => {
    const page = await open(site.browser, `${site.server.url}?q=putin&theme=security`);
    await settled(page);
    // Untick the theme; at the first frame whose list differs, read the count.
    const seen = await page.evaluate(() => new Promise((done) => {
      const cards = () => document.querySelectorAll('[data-testid=passages] > [data-passage]').length;
      const before = cards();
      document.querySelector('input[data-facet=theme][data-value=security]').click();
      const look = () => {
        const now = cards();
        if (now !== before) done({ before, now, status: document.querySelector('[data-testid=status]').textContent });
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }));
    assert.ok(seen.now > seen.before, `unticking shows more: ${JSON.stringify(seen)}`);
    assert.match(seen.status, new RegExp(`^${seen.now} of \\d+ passages match$`), `the count as the ${seen.now} cards show`);
    await page.close();
  });

  it('a long unbroken word searched does not widen the page (375 px)', async () => {
    const word = 'https://www.example.com/news/2023/02/24/russia-china-relations-one-year-on';
    const page = await open(site.browser, `${site.server.url}?q=${encodeURIComponent(word)}`, { width: 375, height: 740 });
    await settled(page);
    await page.screenshot({ path: screenshotPath('long-word-375') });
    assert.equal(await scrollsSideways(page), false, 'the page scrolls sideways');
    const offRight = await page.$$eval('.chip, .undo-last, .clear-all', (els) => els.filter((e) => e.getBoundingClientRect().right > innerWidth).map((e) => e.textContent));
    assert.deepEqual(offRight, [], 'buttons past the right edge');
    await page.close();
  });

  it('the reading view’s bar does not cover the first match (375 px)', async () => {
    const page = await open(site.browser, `${site.server.url}?q=china&view=read`, { width: 375, height: 740 });
    await page.waitForSelector('[data-testid=reading-view] mark');
    await page.waitForTimeout(300);
    const { bar, mark } = await page.evaluate(() => ({
      bar: document.querySelector('.reading-bar').getBoundingClientRect().bottom,
      mark: document.querySelector('[data-testid=reading-view] .read-passage.match mark').getBoundingClientRect().top,
    }));
    await page.screenshot({ path: screenshotPath('reading-first-match-375') });
    assert.ok(mark >= bar, `the first match's top (${mark} px) is under the bar, which ends at ${bar} px`);
    await page.close();
  });

  it('the trends chart’s key is on a phone’s screen', async () => {
    const page = await open(site.browser, `${dated.server.url}?view=trends`, { width: 375, height: 740 });
    await page.waitForSelector('[data-testid=trend-chart]');
    const key = page.locator('[data-testid=trend-key]');
    await key.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('trends-key-375') });
    const items = await key.locator('li').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent, inside: r.left >= 0 && r.right <= innerWidth && r.width > 0 };
    }));
    const drawn = await page.$$eval('[data-testid=trend-chart] [data-theme]', (els) => els.length);
    assert.equal(items.length, drawn, 'a key entry for each line drawn');
    assert.ok(items.every((i) => i.inside && /\d+%$/.test(i.text)), JSON.stringify(items));
    await page.close();
  });

  for (const [width, height] of [[375, 740], [1280, 800]]) {
    it(`a single month’s trends show each theme’s share as bars, largest first, as the table counts them (${width} px)`, async () => {
      const page = await open(site.browser, `${site.server.url}?theme=forecasts&view=trends`, { width, height });
      await page.waitForSelector('[data-testid=trend-shares]');
      assert.equal(await page.locator('[data-testid=trend-chart]').count(), 0, 'no chart of one-point lines');
      assert.match(await page.textContent('.trends .view-help'), /^Every matching dated passage is from Feb 2023 \(7 passages\)/);
      const bars = await page.$$eval('[data-testid=trend-shares] li', (lis) => lis.map((li) => {
        const track = li.querySelector('.share-track').getBoundingClientRect();
        const bar = li.querySelector('.share-bar').getBoundingClientRect();
        return { theme: li.dataset.theme, value: li.querySelector('.share-value').textContent, filled: Math.round((100 * bar.width) / track.width), track: Math.round(track.width), right: li.getBoundingClientRect().right };
      }));
      await page.screenshot({ path: screenshotPath(`trends-one-month-${width}`) });
      const table = await page.$$eval('[data-testid=trend-table] thead th', (ths) => ths.slice(2).map((th) => th.textContent));
      const row = await page.$$eval('[data-testid=trend-table] tbody tr td', (tds) => tds.slice(1).map((td) => td.textContent));
      const labels = await page.$$eval('[data-testid=trend-shares] .share-label', (spans) => spans.map((s) => s.textContent));
      assert.deepEqual(Object.fromEntries(labels.map((l, i) => [l, bars[i].value])), Object.fromEntries(table.map((l, i) => [l, row[i]])), 'the bars say what the table says');
      const percents = bars.map((b) => Number(b.value.split('%')[0]));
      assert.deepEqual(percents, [...percents].sort((a, b) => b - a), 'largest first');
      assert.ok(bars.every((b, i) => Math.abs(b.filled - percents[i]) <= 1), `each bar is filled to its share: ${JSON.stringify(bars)}`);
      assert.equal(new Set(bars.map((b) => b.track)).size, 1, `every bar's track is as long, so bars compare: ${JSON.stringify(bars)}`);
      assert.ok(bars.every((b) => b.right <= width), 'every bar fits the window');
      assert.equal(await scrollsSideways(page), false);
      await page.close();
    });
  }

  it('the theme map’s row labels stay in view while a long document’s columns scroll to their end (375 px)', async () => {
    const page = await open(site.browser, `${dated.server.url}?view=map`, { width: 375, height: 740 });
    await page.waitForSelector('.document-map .map-column');
    const scroller = page.locator('.document-map .map-scroll').first();
    const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow > 0, `the premise: the first document's columns are wider than a phone (${overflow} px more)`);
    await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    const seen = await page.$eval('.document-map', (figure) => {
      const inside = (r) => r.width > 0 && r.left >= 0 && r.right <= innerWidth;
      const labels = [...figure.querySelectorAll('.map-label')].map((l) => ({ theme: l.dataset.theme, inside: inside(l.getBoundingClientRect()) }));
      const columns = [...figure.querySelectorAll('.map-column')];
      return { labels, last: inside(columns[columns.length - 1].getBoundingClientRect()) };
    });
    await page.locator('.document-map').first().screenshot({ path: screenshotPath('map-scrolled-375') });
    assert.ok(seen.labels.length > 0 && seen.labels.every((l) => l.inside), `every row label on screen: ${JSON.stringify(seen.labels)}`);
    assert.equal(seen.last, true, 'the last column can be scrolled into view');
    assert.equal(await scrollsSideways(page), false, 'only the columns scroll, not the page');
    await page.close();
  });

  it('the embed’s header on a phone: the title on its own row, the link beside the name', async () => {
    const page = await open(site.browser, `${site.server.url}?embed=1`, { width: 375, height: 740 });
    const box = (selector) => page.$eval(selector, (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }; });
    const [title, link, brand] = [await box('[data-testid=corpus-title]'), await box('[data-testid=open-in-loupe]'), await box('.brand')];
    await page.screenshot({ path: screenshotPath('embed-header-375') });
    assert.ok(title.width > 300, `the title has the width (${title.width} px)`);
    assert.ok(link.bottom <= title.top + 1 && Math.abs(link.top - brand.top) < 24, `the link on the name's row: ${JSON.stringify({ link, brand, title })}`);
    await page.close();
  });

  it('the co-occurrence table’s row labels break between words on a phone, never inside one', async () => {
    const page = await open(site.browser, `${site.server.url}?view=matrix`, { width: 375, height: 740 });
    await page.waitForSelector('.matrix tbody th');
    const broken = await page.$$eval('.matrix tbody th', (cells) => cells.flatMap((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      const split = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (range.getClientRects().length > 1) split.push(m[0]);
        }
      }
      return split;
    }));
    await page.screenshot({ path: screenshotPath('matrix-labels-375') });
    assert.deepEqual(broken, [], 'words split across lines');
    await page.close();
  });

  it('the reading view dates a document as the rest of the page does', async () => {
    const page = await open(site.browser, `${site.server.url}?view=read`);
    await page.waitForSelector('[data-testid=reading-view]');
    const [meta, summary] = [await page.textContent('.read-meta'), await page.textContent('.corpus-meta')];
    const day = summary.split(' · ').pop();
    assert.match(day, /^\d{1,2} [A-Z][a-z]{2} \d{4}$/, `the masthead's date: ${summary}`);
    assert.ok(meta.startsWith(day), `the reading view's “${meta}” against the masthead's “${day}”`);
    await page.close();
  });

  it('the search box’s placeholder fits a phone’s box; the `/` hint shows where a keyboard is likely', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 740 });
    const fits = await page.$eval('#search-input', (input) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: input.placeholder, width: context.measureText(input.placeholder).width, room };
    });
    assert.ok(fits.width <= fits.room, `“${fits.text}” is ${Math.round(fits.width)} px in a box of ${Math.round(fits.room)} px`);
    assert.equal(await page.getAttribute('#search-input', 'aria-keyshortcuts'), '/');
    await page.close();
    const desk = await open(site.browser, site.server.url);
    if (await desk.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches)) {
      assert.ok(await desk.isVisible('.search-key'), 'the hint on an empty box');
      await desk.focus('#search-input');
      assert.equal(await desk.isVisible('.search-key'), false, 'not once the box has focus');
    }
    await desk.close();
  });
});

describe('a second reading, on a larger corpus', () => {
  const site = useSite(generatedDist);

  it('a touch screen is not told about keys: no Shift in the Dates hint, no `/` badge', async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(site.server.url);
    await appStarted(page);
    assert.ok(await page.evaluate(() => matchMedia('(hover: none)').matches), 'the emulated phone has no hover');
    await page.tap('#drawer-toggle');
    await page.locator('.date-help').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const help = await page.locator('.date-help').innerText();
    await page.screenshot({ path: screenshotPath('dates-help-touch') });
    assert.equal(help, 'Choose a period.');
    assert.equal(await page.isVisible('.search-key'), false);
    await context.close();
    const desk = await open(site.browser, site.server.url);
    assert.equal(await desk.locator('.date-help').innerText(), 'Choose a period; Shift extends the range.');
    await desk.close();
  });

  it('Escape in a filter box of the phone’s drawer clears the box and keeps the drawer', async () => {
    const page = await open(site.browser, site.server.url, { width: 375, height: 740 });
    await page.click('#drawer-toggle');
    const box = page.locator('[data-testid=facet-filter-person]');
    await box.fill('zzz');
    await box.press('Escape');
    assert.equal(await box.inputValue(), '', 'the box is cleared');
    assert.equal(await page.locator('.facets.open').count(), 1, 'the drawer stays open');
    assert.equal(await page.locator('[data-facet=person] .facet-none').count(), 0, 'no “No people named” left');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.facets.open').count(), 0, 'a second Escape closes the drawer');
    await page.close();
  });
});
