//! The JavaScript API: a host page runs the same queries headless, as plain JS objects.
//!
//! Trunk exposes the exports as `window.wasmBindings`:
//! `wasmBindings.loupeQuery("q=trade&theme=forecasts")` → `{total, passages, facets}` (the same
//! shape as `loupe query`), and `wasmBindings.loupePassages(["id", …])` → the passages' text,
//! section, document, themes and entities.

use loupe_corpus::query::{evaluate, Query, QueryResult};
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
fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

#[derive(Serialize)]
struct PassageOut<'a> {
    id: &'a str,
    document: &'a str,
    section: &'a str,
    line: u32,
    text: &'a str,
    themes: Vec<&'a str>,
    entities: Vec<&'a str>,
    voices: Vec<&'a str>,
}

/// The passages with these ids (unknown ids are skipped), in the order given.
#[wasm_bindgen(js_name = loupePassages)]
pub fn loupe_passages(ids: Vec<String>) -> Result<JsValue, JsValue> {
    let c = corpus();
    let entity = |e: &u32| c.entities[*e as usize].id.as_str();
    let passages: Vec<PassageOut> = ids
        .iter()
        .filter_map(|id| c.passage_index(id))
        .map(|i| {
            let p = &c.passages[i as usize];
            PassageOut {
                id: &p.id,
                document: &c.documents[p.document as usize].id,
                section: &c.sections[p.section as usize].id,
                line: p.line,
                text: &p.text,
                themes: p.themes.iter().map(|h| c.themes[h.theme as usize].id.as_str()).collect(),
                entities: p.entities.iter().map(entity).collect(),
                voices: p.voices.iter().map(entity).collect(),
            }
        })
        .collect();
    to_js(&passages)
}
