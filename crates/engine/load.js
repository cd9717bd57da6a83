// loupe-engine: load(), appended to wasm-bindgen's glue by `loupe build` (crates/engine/load.js).
let loupeLoading;
/**
 * Fetches and starts the engine's wasm (beside this file) once, and resolves to its API: plain
 * objects in the shapes `loupe query`, `loupe suggest`, `loupe facets` and `loupe export` print.
 * Types: loupe-engine.d.ts.
 */
export function load() {
  loupeLoading ||= __wbg_init().then(() => Object.freeze({
    query: (queryString = '') => loupeQuery(String(queryString)),
    passages: (ids) => loupePassages(typeof ids === 'string' ? [ids] : Array.from(ids, String)),
    suggest: (text, queryString = '') => loupeSuggest(String(text), String(queryString)),
    facets: () => loupeFacets(),
    documents: () => loupeDocuments(),
  }), (error) => {
    loupeLoading = undefined;
    throw error;
  });
  return loupeLoading;
}
