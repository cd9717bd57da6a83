//! The JavaScript API: a host page runs the same queries headless, as plain JS objects.
//!
//! Trunk exposes the exports as `window.wasmBindings`:
//! `wasmBindings.loupeQuery("q=trade&theme=forecasts")` → `{total, passages, facets}` (the same
//! shape as `loupe query`), and `wasmBindings.loupePassages(["id", …])` → the passages as the
//! JSON export writes them (id, document, section, line, text, themes, entities).

use loupe_corpus::query::{evaluate, Query, QueryResult};
use loupe_corpus::views::export_rows;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::state::corpus;

/// Evaluates a URL query string; never throws for odd input.
#[wasm_bindgen(js_name = loupeQuery)]
pub fn loupe_query(query_string: &str) -> Result<JsValue, JsValue> {
    let c = corpus();
    let result = QueryResult::new(c, &evaluate(c, &Query::parse(query_string)));
    to_js(&result)
}

/// Plain objects (not `Map`s) for maps, so the result reads like JSON.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// The passages with these ids (unknown ids are skipped), in the order given, in the shape of
/// the page's JSON export.
#[wasm_bindgen(js_name = loupePassages)]
pub fn loupe_passages(ids: Vec<String>) -> Result<JsValue, JsValue> {
    let c = corpus();
    let passages: Vec<u32> = ids.iter().filter_map(|id| c.passage_index(id)).collect();
    to_js(&export_rows(c, &passages))
}
