// The headless engine module (loupe-engine.js): the same answers as the `loupe` command, the
// demo host's own list of trade passages (same origin, another origin, a strict CSP, nothing
// else fetched, corpus text as text), and its hand-written types compiled by `tsc --strict`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  useSite, serve, launch, repo, hostileDist, loupeQuery, loupeSuggest, loupeFacets, loupeExport,
} from './helpers.mjs';

const QUERIES = ['', 'theme=trade', 'theme=forecasts&entity=vladimir-putin', 'q=diplomatc', 'q=%22strategic+partnership%22+-gas',
  'q=trading&section=one-year-after-russia-invasion/future-of-china-russia-ties', 'theme=nope&bogus=1'];
const SUGGESTIONS = [['putin', 'theme=diplomacy'], ['diplom', ''], ['future', '']];

/** A passage of `loupe export` in the shape of the page's JSON export (and the engine's `passages`). */
function exportRow(corpus, passage) {
  const heading = corpus.sections.find((s) => s.id === passage.section).heading;
  return { id: passage.id, document: passage.document, date: passage.date, section: heading, line: passage.line, text: passage.text, themes: passage.themes.map((t) => t.id), entities: passage.entities };
}

/** Opens the demo host, collecting page errors, CSP reports and every request. */
async function openHost(browser, url) {
  const page = await browser.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy|CORS/i.test(m.text())) page.errors.push(m.text()); });
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  return page;
}

describe('the headless engine module', () => {
  const site = useSite();

  it('answers query, suggest, passages, facets and documents as the loupe command does', async () => {
    const page = await openHost(site.browser, `${site.server.url}host/headless.html`);
    const corpus = loupeExport();
    const ids = [corpus.passages[3].id, 'no-such-passage', corpus.passages[0].id];
    const answers = await page.evaluate(async ({ queries, suggestions, ids }) => {
      const loupe = await import('/loupe-engine.js').then((m) => m.load());
      return {
        queries: queries.map((q) => loupe.query(q)),
        bare: loupe.query(),
        suggestions: suggestions.map(([text, q]) => loupe.suggest(text, q)),
        passages: loupe.passages(ids),
        facets: loupe.facets(),
        documents: loupe.documents(),
        plain: Object.getPrototypeOf(loupe.query('theme=trade').facets.theme) === Object.prototype,
        same: (await import('/loupe-engine.js').then((m) => m.load())) === loupe,
      };
    }, { queries: QUERIES, suggestions: SUGGESTIONS, ids });
    QUERIES.forEach((q, i) => assert.deepEqual(answers.queries[i], loupeQuery(q), `query ${q}`));
    assert.deepEqual(answers.bare, loupeQuery(''));
    SUGGESTIONS.forEach(([text, q], i) => assert.deepEqual(answers.suggestions[i], loupeSuggest(text, q), `suggest ${text} ${q}`));
    const byId = new Map(corpus.passages.map((p) => [p.id, p]));
    assert.deepEqual(answers.passages, [exportRow(corpus, byId.get(ids[0])), exportRow(corpus, byId.get(ids[2]))]);
    assert.deepEqual(answers.facets, loupeFacets());
    assert.deepEqual(answers.documents, corpus.documents);
    assert.ok(answers.plain, 'facet counts are plain objects, not Maps');
    assert.ok(answers.same, 'load() starts the engine once');
    assert.deepEqual(page.errors, []);
  });

  it('the demo host builds its own list of trade passages, fetching nothing but the module and its wasm', async () => {
    const page = await openHost(site.browser, `${site.server.url}host/headless.html`);
    await page.waitForSelector('body[data-ready=true]');
    const expected = loupeQuery('theme=trade');
    const shown = await page.$$eval('#trade > li', (items) => items.map((li) => ({ id: li.dataset.passage, text: li.querySelector('.text').textContent })));
    const texts = new Map(loupeExport().passages.map((p) => [p.id, p.text]));
    assert.deepEqual(shown.map((s) => s.id), expected.passages);
    for (const { id, text } of shown) assert.equal(text, texts.get(id));
    assert.equal(await page.textContent('#summary'), `${expected.total} passages`);
    assert.equal(await page.$$eval('link[rel=stylesheet]', (links) => links.map((l) => new URL(l.href).pathname).join()), '/host/headless.css', 'only the host\'s own styles');
    const fetched = page.requests.map((u) => new URL(u).pathname);
    assert.deepEqual(fetched, ['/host/headless.html', '/host/headless.css', '/host/headless.js', '/loupe-engine.js', '/loupe-engine_bg.wasm']);
    assert.deepEqual(page.errors, []);
  });

  it('works from another origin with Access-Control-Allow-Origin, and not without', async () => {
    const engines = await serve();
    const closed = await serve(undefined, { cors: false });
    try {
      const origin = engines.url.slice(0, -1);
      const page = await openHost(site.browser, `${site.server.url}host/headless.html?loupe=${origin}`);
      await page.waitForSelector('body[data-ready=true]');
      const ids = await page.$$eval('#trade > li', (items) => items.map((li) => li.dataset.passage));
      assert.deepEqual(ids, loupeQuery('theme=trade').passages);
      const fromLoupe = page.requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname);
      assert.deepEqual(fromLoupe, ['/loupe-engine.js', '/loupe-engine_bg.wasm'], 'the module fetches its wasm beside it, and nothing else');
      assert.deepEqual(page.errors, []);

      const refused = await openHost(site.browser, `${site.server.url}host/headless.html?loupe=${closed.url.slice(0, -1)}`);
      await refused.waitForTimeout(1000);
      assert.equal(await refused.$$eval('#trade > li', (items) => items.length), 0);
      assert.ok(refused.errors.length > 0, 'without the header the browser refuses the module');
    } finally {
      await engines.close();
      await closed.close();
    }
  });

  it('loupe-engine.d.ts sits beside the module and types a strict TypeScript consumer', () => {
    const tsc = path.join(repo, 'tests/node_modules/.bin/tsc');
    const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022', 'types/consumer.ts'];
    execFileSync(tsc, args, { cwd: path.join(repo, 'tests'), encoding: 'utf8' });
  });
});

describe('the headless engine over hostile text', () => {
  let server;
  let browser;
  before(async () => { server = await serve(hostileDist); browser = await launch(); });
  after(async () => { await browser.close(); await server.close(); });

  it('the demo shows script payloads as text', async () => {
    const page = await openHost(browser, `${server.url}host/headless.html`);
    await page.waitForSelector('body[data-ready=true]');
    const ids = await page.$$eval('#trade > li', (items) => items.map((li) => li.dataset.passage));
    assert.deepEqual(ids, loupeQuery('theme=trade', 'tests/corpus/hostile').passages);
    assert.equal(await page.$$eval('#trade script, #trade img, #trade iframe, #trade svg', (els) => els.length), 0);
    assert.deepEqual(page.errors, []);
  });
});
