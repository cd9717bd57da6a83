//! Loupe's engine for JavaScript: the corpus `loupe build` placed into this wasm module, and
//! the query API over it, returning plain objects in the shapes the `loupe` command prints.
//!
//! Built alone (a `cdylib`, wasm-bindgen `--target web`) it is the headless module
//! `loupe-engine.js`, whose `load()` hands these functions to a host page; the app links the
//! same crate, so its `window.wasmBindings` has them too and its components read the same
//! [`corpus`]. What each function answers is defined once, in `loupe_corpus::api`.

use loupe_corpus::slot::Slot;
use loupe_corpus::{api, Corpus};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The headless module's allocator (the `headless` feature, see Cargo.toml): like the standard
/// one, it takes new memory with `memory.grow` only.
#[cfg(all(feature = "headless", target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Where `loupe build` placed the corpus (see `loupe_corpus::slot`).
#[used]
static CORPUS_SLOT: Slot = Slot::EMPTY;

/// The corpus format this module reads, which `loupe build` checks before placing a corpus.
#[used]
#[link_section = "loupe-corpus-format"]
static CORPUS_FORMAT: [u8; 2] = loupe_corpus::encode::FORMAT_VERSION.to_le_bytes();

/// The encoded corpus placed into this wasm module by `loupe build`.
fn corpus_bytes() -> &'static [u8] {
    // SAFETY: a volatile read of a static; it keeps the template's placeholder out of the code.
    let slot = unsafe { std::ptr::read_volatile(&CORPUS_SLOT) };
    let Some((offset, len)) = slot.placed() else {
        panic!("no corpus was placed into this module: build the site with `loupe build`");
    };
    // SAFETY: `loupe build` wrote `len` corpus bytes at `offset`, in pages of the initial memory
    // above the data, stack and heap base; the allocator takes new pages with `memory.grow`
    // only, so nothing else ever writes there.
    unsafe { std::slice::from_raw_parts(offset as usize as *const u8, len as usize) }
}

thread_local! {
    /// The corpus this thread reads: in the browser, the one `loupe build` placed, decoded on
    /// first use; natively, the one [`read_corpus`] was given (a thread per corpus, as the
    /// `loupe` command prerendering several builds in one process needs).
    static CORPUS: std::cell::OnceCell<&'static Corpus> = const { std::cell::OnceCell::new() };
}

/// The corpus placed by `loupe build`, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    CORPUS.with(|cell| {
        *cell.get_or_init(|| match loupe_corpus::encode::decode_static(corpus_bytes()) {
            Ok(corpus) => Box::leak(Box::new(corpus)),
            Err(e) => panic!("the embedded corpus cannot be read: {e}"),
        })
    })
}

/// Natively: makes `encoded` the corpus [`corpus`] answers on this thread, decoded as the page
/// that `loupe build` places it into will decode it. The bytes and the decoded corpus live as
/// long as the process. A thread reads one corpus: a second call on it panics.
#[cfg(not(target_family = "wasm"))]
pub fn read_corpus(encoded: Vec<u8>) -> Result<(), loupe_corpus::encode::DecodeError> {
    let corpus: &'static Corpus = Box::leak(Box::new(loupe_corpus::encode::decode_static(Vec::leak(encoded))?));
    if CORPUS.with(|cell| cell.set(corpus)).is_err() {
        panic!("this thread already reads a corpus: read each corpus on a thread of its own");
    }
    Ok(())
}

/// A value as the plain objects `JSON.parse` makes of its JSON text (maps become objects, as in
/// the command's output): one call across to JavaScript, and no general serializer in the wasm.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let text = loupe_corpus::json::to_string(value).map_err(|e| JsValue::from(e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// `{total, passages, facets}` for a URL query string, as `loupe query` prints it; never
/// throws for odd input.
#[wasm_bindgen(js_name = loupeQuery)]
pub fn loupe_query(query_string: &str) -> Result<JsValue, JsValue> {
    to_js(&api::query(corpus(), query_string))
}

/// The passages with these ids (unknown ids are skipped), in the order given, as the page's
/// JSON export writes them.
#[wasm_bindgen(js_name = loupePassages)]
pub fn loupe_passages(ids: Vec<String>) -> Result<JsValue, JsValue> {
    to_js(&api::passages(corpus(), &ids))
}

/// What the search box offers for `text` under a query string's filters, as `loupe suggest`
/// prints it.
#[wasm_bindgen(js_name = loupeSuggest)]
pub fn loupe_suggest(text: &str, query_string: &str) -> Result<JsValue, JsValue> {
    to_js(&api::suggest(corpus(), text, query_string))
}

/// Every facet value with its label, kind and count, as `loupe facets` prints it.
#[wasm_bindgen(js_name = loupeFacets)]
pub fn loupe_facets() -> Result<JsValue, JsValue> {
    to_js(&api::facets(corpus()))
}

/// The documents, as `loupe export` lists them.
#[wasm_bindgen(js_name = loupeDocuments)]
pub fn loupe_documents() -> Result<JsValue, JsValue> {
    to_js(&api::documents(corpus()))
}
