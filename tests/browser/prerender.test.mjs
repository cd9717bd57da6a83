// The prerendered first page, as a reader meets it: the default view readable before the app has
// started (held back here by holding its wasm) and with scripts off; a searched, filtered or
// deep-linked URL never shows the default view's results while the app loads; and what a reader
// does on the prerendered page (a filter ticked, a search typed after "/") is where the app starts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, appStarted, shownPassages, loupeQuery, loupeSuggest, loupeFacets, loupeExport, screenshotPath, generatedDist, generatedSeeds } from './helpers.mjs';

/** Opens `url` with the app's wasm held back until `release()` is called. */
async function openHeld(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/loupe-app-[0-9a-f]+_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, release };
}

/** Ids of the passage cards a reader can see. */
function visiblePassages(page) {
  return page.locator('[data-passage]').filter({ visible: true }).evaluateAll((cards) => cards.map((c) => c.dataset.passage));
}

describe('the prerendered first page', () => {
  const site = useSite();
  const generated = useSite(generatedDist);
  const all = loupeQuery('');
  const corpus = loupeExport();

  it('shows the default view before the app starts: heading, status, the first cards in order', async () => {
    for (const [width, scheme] of [[375, 'light'], [1280, 'dark']]) {
      const { page, release } = await openHeld(site.browser, site.server.url, { width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      const shown = await visiblePassages(page);
      assert.ok(shown.length >= 3, `cards shown before the app: ${shown}`);
      assert.deepEqual(shown, all.passages.slice(0, shown.length), 'the default order, as `loupe query` answers');
      assert.match(await page.locator('[data-testid=status]').first().innerText(), new RegExp(`${all.total} passages`));
      assert.equal(await page.locator('#loading').isVisible(), false, 'no loading state over a readable page');
      const starting = page.locator('#starting');
      await starting.waitFor({ state: 'visible', timeout: 5000 });
      assert.match(await starting.innerText(), /Starting the explorer/, 'a slow start says so');
      await page.screenshot({ path: screenshotPath(`prerendered-${width}-${scheme}`) });
      release();
      await appStarted(page);
      assert.equal(await starting.count(), 0, 'the note goes with the page');
      assert.deepEqual(await shownPassages(page), all.passages.slice(0, Math.min(20, all.total)), 'the app takes its place');
      assert.equal(await page.locator('[data-testid=status]').count(), 1, 'one page, not two');
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it('the app draws each card as the prerendered page wrote it: text, themes, names, reasons, attributes', async () => {
    // The cards' static parts are written by one description through two renderers (HTML at
    // build time, DOM nodes in the browser): what a reader or a screen reader meets must not
    // change when the app takes the page's place. Comments and the link's address (relative in
    // the page, absolute once the app runs) are left out.
    const cards = (page) => page.locator('li.passage').evaluateAll((items) => {
      const describe = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return node.data;
        if (node.nodeType !== Node.ELEMENT_NODE) return '';
        const attributes = [...node.attributes].filter((a) => a.name !== 'href').map((a) => `${a.name}="${a.value}"`).sort().join(' ');
        return `<${node.localName} ${attributes}>${[...node.childNodes].map(describe).join('')}</${node.localName}>`;
      };
      return items.map(describe);
    });
    const { page, release } = await openHeld(site.browser, site.server.url);
    const prerendered = await cards(page);
    release();
    await appStarted(page);
    await page.waitForSelector('[data-testid=passages]:not([aria-busy])');
    const drawn = await cards(page);
    assert.equal(drawn.length, prerendered.length, 'as many cards');
    prerendered.forEach((card, i) => assert.equal(drawn[i], card, `card ${i + 1}`));
    assert.ok(prerendered.some((card) => card.includes('class="theme-chip"') && card.includes('<details class="why">')), 'cards with themes and their reasons were compared');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('is readable with scripts off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.server.url);
    const shown = await visiblePassages(page);
    assert.deepEqual(shown, all.passages.slice(0, Math.min(20, all.total)), 'the first page of passages, whole');
    assert.equal(await page.locator('#starting').isVisible(), false, 'no note that an app is starting');
    assert.match(await page.locator('.noscript').innerText(), /need JavaScript/);
    const first = corpus.passages.find((p) => p.id === shown[0]);
    const text = await page.locator(`[data-passage="${first.id}"]`).innerText();
    assert.ok(text.includes(first.text.slice(0, 40)), `the passage's text is there: ${text.slice(0, 80)}`);
    await context.close();
  });

  it('a searched, filtered or deep-linked URL shows the loading state, never the default results, until the app answers it', async () => {
    const target = all.passages[all.passages.length - 1];
    for (const search of ['?q=blackout', '?theme=trade', `#${target}`]) {
      const { page, release } = await openHeld(site.browser, `${site.server.url}${search}`);
      assert.deepEqual(await visiblePassages(page), [], `${search}: no default results while loading`);
      assert.equal(await page.locator('#loading').isVisible(), true, `${search}: the loading state`);
      release();
      await appStarted(page);
      const expected = search.startsWith('#') ? all : loupeQuery(search.slice(1));
      assert.deepEqual((await shownPassages(page)).slice(0, 5), expected.passages.slice(0, 5), search);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });

  it('a link with only another site\'s parameters (a tracker\'s) still shows the prerendered page', async () => {
    const { page, release } = await openHeld(site.browser, `${site.server.url}?utm_source=newsletter&fbclid=abc`);
    const shown = await visiblePassages(page);
    assert.deepEqual(shown, all.passages.slice(0, shown.length));
    assert.ok(shown.length > 0, 'the default view, readable');
    release();
    await appStarted(page);
    assert.deepEqual(await shownPassages(page), all.passages.slice(0, Math.min(20, all.total)));
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('a filter ticked and a search typed before the app starts are where the app starts', async () => {
    const { page, release } = await openHeld(site.browser, site.server.url);
    await page.locator('#prerendered input[data-facet="theme"][data-value="trade"]').check();
    await page.keyboard.press('/');
    await page.keyboard.type('energy');
    assert.equal(await page.locator('#prerendered #search-input').inputValue(), 'energy', '"/" went to the search box');
    release();
    await appStarted(page);
    await page.waitForFunction(() => location.search !== '');
    const params = new URL(page.url()).searchParams;
    assert.deepEqual([params.get('q'), params.getAll('theme')], ['energy', ['trade']]);
    assert.equal(await page.locator('#search-input').inputValue(), 'energy');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', 'the box keeps the focus');
    await page.keyboard.type(' prices');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'energy prices');
    assert.deepEqual(await shownPassages(page), loupeQuery('q=energy+prices&theme=trade').passages.slice(0, 20));
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
    await page.waitForFunction((total) => document.querySelector('[data-testid=status]').textContent.includes(`All ${total} passages`), all.total);
    assert.equal(await page.locator('#search-input').inputValue(), '', 'Back returns to the default view');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  it('a word typed in part before the app starts gets what a keystroke would give: suggestions, a filtered group', async () => {
    const { page, release } = await openHeld(site.browser, site.server.url);
    await page.keyboard.press('/');
    await page.keyboard.type('sanct');
    release();
    await appStarted(page);
    const box = page.locator('#search-input');
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await suggestions.waitFor({ state: 'visible' });
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    const offered = await suggestions.getByRole('option').allInnerTexts();
    assert.deepEqual(offered, loupeSuggest('sanct').map((s) => `${s.noun}: ${s.label} (${s.count})`), 'as `loupe suggest` offers them');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q')?.trim() === 'sanctions');
    assert.equal(await box.inputValue(), 'sanctions ', 'the suggestion chosen completes the word');
    assert.deepEqual(page.errors, []);
    await page.close();

    // A facet group's filter box (a group longer than it shows; the generated corpus has one).
    const held = await openHeld(generated.browser, generated.server.url);
    await held.page.locator('#prerendered [data-testid=facet-filter-person]').click();
    await held.page.keyboard.type('novak');
    held.release();
    await appStarted(held.page);
    const filterBox = held.page.locator('[data-testid=facet-filter-person]');
    assert.equal(await filterBox.inputValue(), 'novak', 'the filter box keeps its text');
    assert.equal(await held.page.evaluate(() => document.activeElement?.dataset.testid), 'facet-filter-person', 'and the focus');
    const people = loupeFacets(generatedSeeds).filter((f) => f.facet === 'entity' && f.kind === 'person').map((f) => f.label);
    const novaks = people.filter((name) => /novak/i.test(name));
    assert.ok(novaks.length >= 2 && novaks.length < people.length, `the filter picks some of the people: ${novaks}`);
    const shown = await held.page.locator('[data-testid=facet-person] .facet-label').allInnerTexts();
    assert.deepEqual([...shown].sort(), [...novaks].sort(), 'the group shows the names that hold what was typed');
    assert.deepEqual(held.page.errors, []);
    await held.page.close();
  });

  it('a panel opened, a button pressed and the focus before the app starts are where the app starts', async () => {
    const { page, release } = await openHeld(site.browser, site.server.url, { width: 375, height: 740 });
    const firstCard = `[data-passage="${all.passages[0]}"]`;
    await page.locator(`#prerendered ${firstCard} details.why summary`).click();
    await page.locator('#prerendered #drawer-toggle').click();
    assert.equal(await page.locator('#starting').isVisible(), true, 'a button pressed before the app answers says it is starting');
    release();
    await appStarted(page);
    assert.equal(await page.locator(`${firstCard} details.why`).getAttribute('open'), '', 'the panel opened stays open');
    await page.locator('#facets .drawer-close').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#drawer-toggle').getAttribute('aria-expanded'), 'true', 'the Filters button pressed opens the drawer');
    await page.close();

    const wide = await openHeld(site.browser, site.server.url);
    await wide.page.locator('#prerendered #facet-theme-energy').focus();
    wide.release();
    await appStarted(wide.page);
    assert.equal(await wide.page.evaluate(() => document.activeElement?.id), 'facet-theme-energy', 'the focus stays where it was');
    assert.equal(await wide.page.evaluate(() => document.activeElement.closest('#prerendered')), null, 'in the app');
    assert.deepEqual(wide.page.errors, []);
    await wide.page.close();
  });
});
