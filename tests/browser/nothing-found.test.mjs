// When the page has nothing to show or nothing to search, it says why and offers a way out, as a
// reader checks it: the co-occurrence table, the concordance and the trends explain an empty
// result as the list does, with the same one-click undo that keeps the view; a search box holding
// only punctuation, or one letter, says why every passage still shows (once typing pauses, never
// while a word is typed); and a new search's history entry is written after its first results
// are painted, not before them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, settled, loupeQuery, shownPassages, screenshotPath } from './helpers.mjs';

describe('nothing found, nothing searched', () => {
  const site = useSite();

  for (const [view, table] of [['matrix', '[data-testid=matrix] tbody tr'], ['kwic', '.kwic-lines tbody tr'], ['trends', '[data-testid=trend-table] tbody tr']]) {
    it(`the ${view} view explains an empty result and undoes the search in one click, staying in the view`, async () => {
      const page = await open(site.browser, `${site.server.url}?q=china+zzzzqqq&theme=trade&view=${view}`, { width: 375, height: 740 });
      await page.waitForSelector('[data-testid=empty-state]');
      assert.match(await page.textContent('[data-testid=empty-explain]'), /none together/);
      assert.equal(await page.locator(table).count(), 0, 'no empty table under the explanation');
      await page.screenshot({ path: screenshotPath(`empty-${view}-375`) });
      await page.getByTestId('clear-search').click();
      await page.waitForFunction((view) => location.search === `?theme=trade&view=${view}`, view);
      if (view === 'kwic') {
        // Without a search the concordance asks for one: the way out is a view that answers.
        await page.waitForSelector('[data-testid=kwic] .view-help');
      } else {
        await page.waitForSelector(table, { state: 'attached' });
      }
      assert.equal(await page.getByTestId('empty-state').count(), 0);
      assert.equal(await page.getAttribute(`[data-view=${view}]`, 'aria-pressed'), 'true', `still the ${view} view`);
      assert.deepEqual(page.errors, []);
    });
  }

  it('a search of only punctuation says it searched nothing; the count and the chip agree with it', async () => {
    const page = await open(site.browser, site.server.url);
    const all = loupeQuery('').total;
    await page.locator('#search-input').pressSequentially('-', { delay: 40 });
    await page.waitForSelector('[data-testid=unsearched]');
    assert.equal(await page.textContent('[data-testid=unsearched]'), 'Nothing to search for in “-”: it has no letters or digits');
    assert.equal(await page.textContent('[data-testid=status]'), `All ${all} passages`);
    assert.equal(await page.textContent('[data-testid=search-chip] span'), '“-”');
    await page.locator('#search-input').pressSequentially('-tr', { delay: 40 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=unsearched]'));
    assert.deepEqual(page.errors, []);
  });

  it('one letter says a search starts at two once typing pauses; a word typed on never shows it', async () => {
    const page = await open(site.browser, site.server.url);
    await page.evaluate(() => {
      window.noteSeen = false;
      new MutationObserver(() => { window.noteSeen ||= !!document.querySelector('[data-testid=unsearched]'); })
        .observe(document.getElementById('results'), { childList: true, subtree: true });
    });
    const box = page.locator('#search-input');
    await box.pressSequentially('trade', { delay: 40 });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'trade');
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => window.noteSeen), false, 'no note flashed while the word was typed');
    await box.fill('');
    await box.pressSequentially('x', { delay: 40 });
    await page.waitForSelector('[data-testid=unsearched]');
    assert.equal(await page.textContent('[data-testid=unsearched]'), 'Keep typing: a search starts at 2 letters');
    await box.pressSequentially('i', { delay: 40 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=unsearched]'));
    assert.deepEqual(page.errors, []);
  });

  it('a new search’s history entry is written after its first results are painted, and Back returns to the view before it', async () => {
    const page = await open(site.browser, `${site.server.url}?theme=trade`);
    await settled(page);
    const before = await page.evaluate(() => history.length);
    await page.evaluate(() => {
      window.order = [];
      addEventListener('keydown', () => window.order.push('key'), true);
      new MutationObserver(() => {
        if (window.order.includes('results')) return;
        window.order.push('results');
        requestAnimationFrame(() => setTimeout(() => window.order.push('painted')));
      }).observe(document.getElementById('results'), { childList: true, subtree: true, characterData: true });
      for (const name of ['pushState', 'replaceState']) {
        const write = History.prototype[name];
        History.prototype[name] = function (...args) {
          window.order.push(name);
          return write.apply(this, args);
        };
      }
    });
    await page.locator('#search-input').pressSequentially('oil', { delay: 40 });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'oil');
    const order = await page.evaluate(() => window.order);
    // Later keys may come before or after the first paint; no history write may.
    const painted = order.indexOf('painted');
    const firstWrite = order.findIndex((step) => step === 'pushState' || step === 'replaceState');
    assert.deepEqual(order.slice(0, 2), ['key', 'results'], order.join(', '));
    assert.ok(painted > 1 && firstWrite > painted, `no history write before the first results are painted (${order.join(', ')})`);
    assert.equal(order.filter((step) => step === 'pushState').length, 1, `one new entry for the search (${order.join(', ')})`);
    assert.equal(await page.evaluate(() => history.length), before + 1);
    await page.goBack();
    await page.waitForFunction(() => location.search === '?theme=trade');
    assert.deepEqual(await shownPassages(page), loupeQuery('theme=trade').passages);
    assert.equal(await page.inputValue('#search-input'), '');
    assert.deepEqual(page.errors, []);
  });
});
