// Search as a reader types it: results follow each keystroke, the URL carries q=, matches are
// highlighted with <mark> built as text, "/" focuses and Escape clears, facets follow the search.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, toggle, settled, shownPassages, expectAgreesWithCore, loupeQuery, loupeExport, screenshotPath } from './helpers.mjs';

describe('search', () => {
  const site = useSite();

  it('results follow typing, the URL carries q=, focus stays in the box', async () => {
    const page = await open(site.browser, site.server.url);
    const box = page.getByRole('combobox', { name: 'Search passages' });
    await box.click();
    await box.pressSequentially('diplom', { delay: 30 });
    await page.waitForFunction(() => location.search === '?q=diplom');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    await expectAgreesWithCore(assert, page);
    const marks = await page.$$eval('[data-passage] mark.match', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => m.startsWith('diplom')), `marks: ${marks}`);
    await page.screenshot({ path: screenshotPath('search-1280') });
  });

  for (const [width, height] of [[1280, 900], [375, 780]]) {
    it(`a new list paints at once the cards a ${width} × ${height} window shows, and the rest of its page a few cards at a time when the page is idle`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height } });
      // The cards on screen when the first of them is painted, as a reader would first see them.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const list = [...document.querySelectorAll('[data-testid=passages]')].find((l) => !l.closest('#prerendered'));
          if (!list?.querySelector('[data-passage]')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            window.firstFrame = { cards: list.children.length, busy: list.getAttribute('aria-busy'), lastBottom: list.lastElementChild.getBoundingClientRect().bottom };
          });
          // Then the cards each task adds (a key pressed meanwhile waits for one task).
          window.added = [];
          new MutationObserver((records) => {
            window.added.push(records.flatMap((r) => [...r.addedNodes]).filter((n) => n.dataset?.passage).length);
          }).observe(list, { childList: true });
        }).observe(document, { childList: true, subtree: true });
      });
      // A URL with one of Loupe's keys: the app draws its list (the prerendered page of the bare
      // address is drawn whole, and so is the app that takes its place).
      await page.goto(`${site.server.url}?view=list`);
      await page.waitForFunction(() => window.firstFrame);
      const all = loupeQuery('').passages;
      const first = await page.evaluate(() => window.firstFrame);
      assert.ok(first.cards < all.length, `part of the list first (${first.cards} of ${all.length} cards)`);
      assert.equal(first.busy, 'true', 'the list marked busy until the rest is drawn');
      assert.ok(first.lastBottom > height, `the first cards fill the window (the last one ends at ${first.lastBottom} px of ${height})`);
      assert.deepEqual(await shownPassages(page), all, 'then the whole page, in order');
      assert.equal(await page.getAttribute('[data-testid=passages]', 'aria-busy'), null, 'and no longer busy');
      const added = await page.evaluate(() => window.added);
      assert.ok(added.length > 1 && added.every((n) => n <= 4), `the rest a few cards at a time (cards added per task: ${added})`);
    });
  }

  for (const [width, height] of [[1280, 900], [375, 780]]) {
    it(`at ${width} × ${height}, the cards a keystroke shows are laid out in its first frame, not skipped and laid out again`, async () => {
      const page = await open(site.browser, site.server.url, { width, height });
      // A card whose layout the browser skips (`content-visibility: auto`) reports when it
      // stops being skipped: for a card in the window, that is a second layout of the frame.
      await page.evaluate(() => {
        window.unskipped = [];
        document.addEventListener('contentvisibilityautostatechange', (e) => {
          const card = e.target.closest?.('[data-passage]');
          if (!card || e.skipped) return;
          const { top, bottom } = card.getBoundingClientRect();
          if (bottom > 0 && top < innerHeight) window.unskipped.push(card.dataset.passage);
        }, true);
      });
      const box = page.getByRole('combobox', { name: 'Search passages' });
      await box.click();
      for (const word of ['russia', 'trade']) {
        await box.fill('');
        await box.pressSequentially(word, { delay: 60 });
        await page.waitForFunction((w) => location.search === `?q=${w}`, word);
      }
      await settled(page);
      assert.ok((await shownPassages(page)).length > 1, 'the search shows cards');
      assert.deepEqual(await page.evaluate(() => window.unskipped), [], 'no card in the window was laid out a second time');
    });
  }

  it('a keystroke paints its results first, and the filter panel\'s counts follow as the core counts them', async () => {
    const page = await open(site.browser, site.server.url);
    // Each change to the results or to a count, and whether a frame had been painted since the
    // results first changed.
    await page.evaluate(() => {
      window.changes = [];
      let painted = null;
      new MutationObserver((records) => {
        for (const record of records) {
          const element = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
          const part = element.closest('[data-testid=passages]') ? 'results' : element.closest('[data-testid=count]') ? 'count' : null;
          if (!part) continue;
          if (part === 'results' && painted === null) {
            painted = false;
            requestAnimationFrame(() => setTimeout(() => { painted = true; }));
          }
          window.changes.push({ part, afterPaint: painted === true });
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const box = page.getByRole('combobox', { name: 'Search passages' });
    await box.click();
    await box.pressSequentially('putin', { delay: 30 });
    await page.waitForFunction(() => location.search === '?q=putin');
    await expectAgreesWithCore(assert, page);
    const changes = await page.evaluate(() => window.changes);
    assert.ok(changes.some((c) => c.part === 'results'), 'the results changed');
    const counts = changes.filter((c) => c.part === 'count');
    assert.ok(counts.length > 0, 'the counts changed');
    assert.ok(counts.every((c) => c.afterPaint), `every count changed after the results were painted (${counts.filter((c) => !c.afterPaint).length} of ${counts.length} before)`);
  });

  it('a typed search reaches the address bar, and Back right after typing is not undone by it', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    const box = page.getByRole('combobox', { name: 'Search passages' });
    await box.click();
    await box.pressSequentially('chin', { delay: 20 });
    await page.waitForFunction(() => location.search === '?q=chin&theme=trade');
    await box.pressSequentially('a');
    // Back in the same task as the last keystroke, before its results are painted.
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => location.search === '?theme=trade');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
    assert.equal(new URL(page.url()).search, '?theme=trade', 'the typed address did not come back');
    assert.equal(await page.inputValue('#search-input'), '', 'the box is empty again');
    await expectAgreesWithCore(assert, page);
  });

  it('a filter ticked the moment a search is typed keeps the whole search for Back', async () => {
    const page = await open(site.browser, site.server.url);
    // Two keystrokes and a tick in one task, before the typed search's address is written.
    await page.evaluate(() => {
      const box = document.getElementById('search-input');
      for (const text of ['chin', 'china']) {
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
      document.querySelector('input[data-facet=theme][data-value=trade]').click();
    });
    await page.waitForFunction(() => location.search === '?q=china&theme=trade');
    await page.goBack();
    await page.waitForFunction(() => location.search !== '?q=china&theme=trade');
    assert.equal(new URL(page.url()).search, '?q=china', 'Back returns to the whole search');
    assert.equal(await page.inputValue('#search-input'), 'china');
    await expectAgreesWithCore(assert, page);
  });

  it('stemming, typos and phrases find what the core finds', async () => {
    for (const q of ['predicts', 'trading', 'diplomatc', '"strategic partnership"', 'russias', 'multipolar', 'oil -gas']) {
      const page = await open(site.browser, `${site.server.url}?q=${encodeURIComponent(q)}`);
      const expected = loupeQuery(`q=${encodeURIComponent(q)}`);
      assert.ok(expected.total > 0, `${q} finds something`);
      assert.deepEqual(await shownPassages(page), expected.passages, q);
      await page.close();
    }
  });

  it('"/" focuses the box and Escape clears it', async () => {
    const page = await open(site.browser, `${site.server.url}?q=putin`);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    assert.equal(await page.inputValue('#search-input'), 'putin', '"/" is not typed into the box');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.search === '');
    assert.equal(await page.inputValue('#search-input'), '');
    assert.equal((await shownPassages(page)).length, 19);
  });

  it('a searched word inside a ticked theme’s evidence is highlighted as a match too', async () => {
    // From the corpus: the first evidence of several words, and its longest word, searched with
    // the theme ticked. The reader should see the word marked as found, within the theme's mark.
    const found = loupeExport().passages.flatMap((p) => p.themes.flatMap((t) => t.evidence.map((e) => ({ passage: p.id, theme: t.id, words: e.text.match(/\p{L}+/gu) ?? [] }))))
      .find((e) => e.words.length >= 2 && e.words.some((w) => w.length >= 5));
    assert.ok(found, 'the premise: some evidence of several words');
    const word = found.words.reduce((a, b) => (b.length > a.length ? b : a));
    assert.ok(loupeQuery(`theme=${found.theme}&q=${word}`).passages.includes(found.passage), `the premise: “${word}” finds ${found.passage} under ${found.theme}`);
    const page = await open(site.browser, `${site.server.url}?theme=${found.theme}&q=${encodeURIComponent(word)}`);
    const card = page.locator(`[data-passage="${found.passage}"]`);
    await card.waitFor();
    const marks = await card.locator('.passage-text mark').evaluateAll((ms) => ms.map((m) => ({ text: m.textContent, classes: m.className })));
    const matched = marks.filter((m) => m.classes.split(' ').includes('match')).map((m) => m.text.toLowerCase());
    assert.ok(matched.includes(word.toLowerCase()), `“${word}” is not marked as a match; the card's marks: ${JSON.stringify(marks)}`);
    assert.ok(marks.some((m) => m.classes === 'evidence match' && m.text.toLowerCase() === word.toLowerCase()), `“${word}” is not marked as the theme's evidence too: ${JSON.stringify(marks)}`);
    await page.close();
  });

  it('facet counts follow the search, and combine with filters', async () => {
    const page = await open(site.browser, `${site.server.url}?q=putin`);
    await expectAgreesWithCore(assert, page);
    await toggle(page, 'theme', 'diplomacy');
    await page.waitForFunction(() => location.search === '?q=putin&theme=diplomacy');
    await expectAgreesWithCore(assert, page);
  });

  it('odd queries render sensibly and never run markup', async () => {
    const odd = ['"unbalanced', '-', 'x'.repeat(10000), '🎉', 'روسيا', '<img src=x onerror="window.__pwned=1">'];
    for (const q of odd) {
      const page = await open(site.browser, `${site.server.url}?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('[data-testid=passages], [data-testid=empty-state]');
      assert.deepEqual(page.errors, [], q.slice(0, 20));
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('#results img').count(), 0);
      await page.close();
    }
    const page = await open(site.browser, site.server.url);
    await page.fill('#search-input', '<img src=x onerror="window.__pwned=1"> china');
    await page.waitForFunction(() => location.search.startsWith('?q='));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('[data-testid=active-filters] img').count(), 0);
  });

  it('a search with no result offers to clear it', async () => {
    const page = await open(site.browser, `${site.server.url}?q=zebra`);
    await page.click('[data-testid=clear-search]');
    await page.waitForFunction(() => location.search === '');
    assert.equal((await shownPassages(page)).length, 19);
  });

  it('the JavaScript API answers like the command', async () => {
    const page = await open(site.browser, site.server.url);
    const q = 'q=china&theme=trade&entity=russia';
    const answer = await page.evaluate((qs) => window.wasmBindings.loupeQuery(qs), q);
    assert.deepEqual(answer, loupeQuery(q));
    const passages = await page.evaluate((ids) => window.wasmBindings.loupePassages(ids), answer.passages.slice(0, 2));
    assert.equal(passages.length, 2);
    assert.equal(passages[0].id, answer.passages[0]);
    assert.ok(passages[0].themes.includes('trade'));
  });
});
