// A corpus larger than one screen, of several documents (four generated articles): the list
// draws a page of cards at a time in the core's order, deep links open as many pages as they
// need, long facet groups show their most-named values until expanded, and the reading view
// and theme map give each document its own passages, all agreeing with the `loupe` command.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, clickPastList, listDrawnInView, shownPassages, loupeQuery, loupeExport, toggle, generatedDist, generatedSeeds } from './helpers.mjs';

const PAGE = 20;
const COLLAPSED = 12;

const query = (queryString) => loupeQuery(queryString, generatedSeeds);

/** The "Show more" button's text for `remaining` passages not drawn yet. */
const showMoreText = (remaining) => `Show ${Math.min(PAGE, remaining)} more of ${remaining}`;

/** Waits until `n` cards are drawn; on a timeout, says what the page showed instead. */
async function waitForCards(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=passages] > [data-passage]').length === n, n).catch(async (e) => {
    const seen = await page.evaluate(() => ({
      cards: document.querySelectorAll('[data-testid=passages] > [data-passage]').length,
      button: document.querySelector('[data-testid=show-more]')?.textContent.trim() ?? null,
      focus: document.activeElement?.outerHTML.slice(0, 80),
      scrollY,
      url: location.href,
    }));
    throw new Error(`${e.message}: waiting for ${n} cards, the page shows ${JSON.stringify(seen)}`);
  });
}

describe('a larger corpus of several documents', () => {
  const site = useSite(generatedDist);

  it('heads the page with its first three documents\' titles and counts the others, so the search box stays in view', async () => {
    const titles = loupeExport(generatedSeeds).documents.map((d) => d.title);
    assert.ok(titles.length > 3, `the generated corpus has more documents than the heading names (${titles.length})`);
    const page = await open(site.browser, site.server.url, { width: 375, height: 780 });
    const others = titles.length - 3;
    assert.equal((await page.textContent('[data-testid=corpus-title]')).trim(), `${titles.slice(0, 3).join(' · ')} and ${others} other document${others === 1 ? '' : 's'}`);
    const box = await page.locator('#search-input').boundingBox();
    assert.ok(box.y + box.height <= 780, `the search box is on the first screen at 375 px (its bottom at ${box.y + box.height} px)`);
    assert.deepEqual(page.errors, []);
  });

  it('draws 20 cards at a time in the core\'s order; "Show more" adds the next page until all are shown', async () => {
    const all = query('');
    assert.ok(all.total > 3 * PAGE, `the generated corpus spans several pages (${all.total} passages)`);
    const page = await open(site.browser, site.server.url);
    let shown = PAGE;
    while (shown < all.total) {
      assert.deepEqual(await shownPassages(page), all.passages.slice(0, shown));
      assert.equal((await page.textContent('[data-testid=show-more]')).trim(), showMoreText(all.total - shown));
      await clickPastList(page, '[data-testid=show-more]');
      shown = Math.min(all.total, shown + PAGE);
      await waitForCards(page, shown);
    }
    assert.deepEqual(await shownPassages(page), all.passages);
    assert.equal(await page.locator('[data-testid=show-more]').count(), 0, 'no button once everything is drawn');
    assert.equal(await page.textContent('[data-testid=status]'), `All ${all.total} passages`);
    assert.deepEqual(page.errors, []);
  });

  it('by keyboard, "Show more" moves focus to the first card it adds, in view, and Tab goes on inside it', async () => {
    const all = query('');
    const page = await open(site.browser, site.server.url, { width: 375, height: 780 });
    for (let shown = PAGE; shown < all.total; shown += PAGE) {
      await page.locator('[data-testid=show-more]').focus();
      await page.keyboard.press('Enter');
      const first = all.passages[shown];
      await page.waitForFunction((id) => document.activeElement?.dataset.passage === id, first, { timeout: 5000 })
        .catch(() => {});
      const focused = await page.evaluate(() => ({ passage: document.activeElement?.dataset.passage ?? document.activeElement?.tagName, top: document.activeElement.getBoundingClientRect().top }));
      assert.equal(focused.passage, first, `after showing ${shown} of ${all.total}, focus is on the first card added`);
      assert.ok(focused.top >= 0 && focused.top < 780, `the card focused is in view (its top at ${Math.round(focused.top)} px)`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('[data-passage]')?.dataset.passage), first, 'Tab goes on inside that card');
    }
    await page.close();
  });

  it('jumping to the end of the list, at 375 and 1280 px, leaves its "Show more" in view, where it appeared, once the cards there are drawn', async () => {
    for (const [width, height] of [[375, 780], [1280, 900]]) {
      const page = await open(site.browser, site.server.url, { width, height });
      // Where the button appears in the window at once (the cards brought into view still at
      // their estimated heights), and where it is once they are drawn.
      const appeared = await page.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return document.querySelector('[data-testid=show-more]').getBoundingClientRect().top;
      });
      await listDrawnInView(page);
      const { top, bottom } = await page.$eval('[data-testid=show-more]', (button) => button.getBoundingClientRect().toJSON());
      assert.ok(top >= 0 && bottom <= height, `at ${width} px, "Show more" is whole in the window once the cards are drawn (${Math.round(top)}–${Math.round(bottom)} px of ${height})`);
      assert.ok(Math.abs(top - appeared) < 120, `at ${width} px, "Show more" moved ${Math.round(top - appeared)} px while the cards at the end were drawn`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it('a new query starts again at one page, with the core\'s best matches first', async () => {
    const page = await open(site.browser, site.server.url);
    await clickPastList(page, '[data-testid=show-more]');
    await waitForCards(page, 2 * PAGE);
    const theme = loupeExport(generatedSeeds).themes.map((t) => t.id)
      .find((id) => query(`theme=${id}`).total > PAGE);
    assert.ok(theme, 'some theme covers more than a page');
    await toggle(page, 'theme', theme);
    const expected = query(`theme=${theme}`);
    await waitForCards(page, PAGE);
    assert.deepEqual(await shownPassages(page), expected.passages.slice(0, PAGE));
    assert.equal((await page.textContent('[data-testid=show-more]')).trim(), showMoreText(expected.total - PAGE));

    await page.fill('#search-input', 'china');
    const searched = query(`q=china&theme=${theme}`);
    assert.ok(searched.total > 0, 'the search finds something to rank');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'china');
    await waitForCards(page, Math.min(PAGE, searched.total));
    assert.deepEqual(await shownPassages(page), searched.passages.slice(0, PAGE), 'ranked by the core');
  });

  it('a deep link to a passage on a later page draws pages up to it and scrolls it into view', async () => {
    const all = query('');
    const target = all.passages[2 * PAGE + 5];
    const page = await open(site.browser, `${site.server.url}#${encodeURIComponent(target)}`);
    await waitForCards(page, 3 * PAGE);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight;
    }, target, { timeout: 5000 });
    assert.deepEqual(await shownPassages(page), all.passages.slice(0, 3 * PAGE));
  });

  it('a long facet group shows its 12 most-named values until "Show all", and a ticked value stays visible', async () => {
    const corpus = loupeExport(generatedSeeds);
    const counts = query('').facets.entity;
    const people = corpus.entities.filter((e) => e.kind === 'person' && e.id in counts);
    assert.ok(people.length > COLLAPSED, `more people than a collapsed group shows (${people.length})`);
    const ranked = [...people].sort((a, b) => counts[b.id] - counts[a.id] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const page = await open(site.browser, site.server.url);
    const group = page.locator('details[data-facet=person]');
    const shownValues = () => group.locator('input[data-facet=entity]').evaluateAll((inputs) => inputs.map((i) => i.dataset.value));
    assert.deepEqual(await shownValues(), ranked.slice(0, COLLAPSED).map((e) => e.id));

    const more = group.locator('.facet-more');
    assert.equal((await more.textContent()).trim(), `Show all ${people.length} people`);
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await shownValues(), ranked.map((e) => e.id));
    for (const person of ranked) {
      const count = await group.locator(`input[data-value="${person.id}"] ~ label .count`).textContent();
      assert.equal(Number(count), counts[person.id], `count of ${person.id}`);
    }

    // Tick the least-named person, then collapse: the ticked value stays in view.
    const last = ranked.at(-1).id;
    await toggle(page, 'entity', last);
    await page.waitForFunction((id) => new URLSearchParams(location.search).getAll('entity').includes(id), last);
    await more.click();
    assert.deepEqual(await shownValues(), [...ranked.slice(0, COLLAPSED).map((e) => e.id), last]);
    assert.deepEqual(page.errors, []);

    // The group's filter box finds a value by part of its name, wherever it ranks.
    const wanted = ranked.at(-2);
    const part = wanted.name.split(' ').at(-1).slice(0, 4);
    await group.getByRole('searchbox', { name: 'Filter people' }).fill(part);
    const matching = ranked.filter((e) => e.name.toLowerCase().includes(part.toLowerCase())).map((e) => e.id);
    assert.deepEqual(await shownValues(), matching, `people whose name holds "${part}"`);
    await toggle(page, 'entity', wanted.id);
    await page.waitForFunction((id) => new URLSearchParams(location.search).getAll('entity').includes(id), wanted.id);
    await group.getByRole('searchbox', { name: 'Filter people' }).fill('zzzz');
    assert.match(await group.textContent(), /No people named “zzzz”/);
  });

  it('the reading view and the theme map give each document its own passages, in order', async () => {
    const corpus = loupeExport(generatedSeeds);
    const byDocument = corpus.documents.map((d) => corpus.passages.filter((p) => p.document === d.id).map((p) => p.id));
    assert.ok(byDocument.length > 1 && byDocument.every((ids) => ids.length > 0));
    const reading = await open(site.browser, `${site.server.url}?view=read`);
    await reading.waitForSelector('.read-document');
    const read = await reading.$$eval('.read-document', (docs) => docs.map((d) => [...d.querySelectorAll('.read-passage')].map((p) => p.dataset.passage)));
    assert.deepEqual(read, byDocument);
    const map = await open(site.browser, `${site.server.url}?view=map`);
    await map.waitForSelector('.document-map');
    const columns = await map.$$eval('.document-map', (docs) => docs.map((d) => [...d.querySelectorAll('.map-column')].map((c) => c.dataset.passage)));
    assert.deepEqual(columns, byDocument);
  });

  it('a search typed by keyboard the moment the page shows finds what the command finds, while the word index is still being built in idle steps', async () => {
    const word = 'blackout';
    const expected = query(`q=${word}`);
    assert.ok(expected.total > 0 && expected.total < query('').total, 'the word narrows the list');
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(site.server.url);
    await page.waitForSelector('[data-passage]');
    // No pause: the first keystrokes land while the idle steps (16 passages each) may still run.
    await page.keyboard.press('/');
    await page.keyboard.type(word);
    await page.waitForFunction((w) => new URLSearchParams(location.search).get('q') === w, word);
    await waitForCards(page, Math.min(PAGE, expected.total));
    assert.deepEqual(await shownPassages(page), expected.passages.slice(0, PAGE));
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await waitForCards(page, PAGE);
    assert.deepEqual(await shownPassages(page), query('').passages.slice(0, PAGE), 'Back returns to the whole list');
    assert.deepEqual(page.errors, []);
  });
});
