// Builds MiniSearch + ItemsJS over the passages named by ?data=, draws the first results like
// Loupe's list, and exposes window.peerQuery(queryString) with Loupe's query-string semantics
// (q, theme, entity: OR within a facet, AND across) for the benchmark.
(async function () {
  const data = new URLSearchParams(location.search).get('data');
  const passages = await (await fetch(data)).json();
  const search = new MiniSearch({ fields: ['text'], storeFields: ['id'], searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' } });
  search.addAll(passages);
  const facets = itemsjs(passages, {
    aggregations: { theme: { size: 100, conjunction: false }, entity: { size: 1000, conjunction: false }, section: { size: 1000, conjunction: false } },
    native_search_enabled: false,
  });
  const byId = new Map(passages.map((p, i) => [p.id, i]));
  window.peerQuery = function (queryString) {
    const params = new URLSearchParams(queryString);
    const q = params.get('q') || '';
    const filters = {};
    for (const key of ['theme', 'entity', 'section']) if (params.getAll(key).length) filters[key] = params.getAll(key);
    const ids = q.trim() ? search.search(q).map((r) => r.id) : undefined;
    const result = facets.search({ per_page: 50, filters, ids, is_all_filtered_items: false });
    return { total: result.pagination.total, passages: result.data.items.map((p) => p.id), facets: result.data.aggregations };
  };
  const first = window.peerQuery(location.search.replace(/^\?data=[^&]*&?/, ''));
  const list = document.getElementById('results');
  for (const id of first.passages) {
    const li = document.createElement('li');
    li.dataset.passage = id;
    li.textContent = passages[byId.get(id)].text;
    list.append(li);
  }
  document.getElementById('status').textContent = `${first.total} passages`;
})();
