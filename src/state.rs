//! App state outside the components: the embedded corpus, the URL (the first place for state)
//! and the static loading and error screens of `index.html`.

use std::sync::OnceLock;

use loupe_corpus::query::Query;
use loupe_corpus::Corpus;
use wasm_bindgen::JsValue;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus compiled in by `build.rs`, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match loupe_corpus::encode::decode(CORPUS_BYTES) {
        Ok(corpus) => corpus,
        Err(e) => panic!("the embedded corpus cannot be read: {e}"),
    })
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The query in the current URL. Unknown keys and values are ignored.
pub fn query_from_location() -> Query {
    let search = window().location().search().unwrap_or_default();
    if search.split('&').any(|pair| pair.trim_start_matches('?') == "debug=panic") {
        panic!("debug=panic was requested in the URL");
    }
    Query::parse(&search).known_only(corpus())
}

/// The passage named by the URL fragment, if it names one.
pub fn passage_from_hash() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    let id = loupe_corpus::query::percent_decode(hash.trim_start_matches('#'));
    corpus().passage_index(&id).map(|_| id)
}

/// The URL for a query: the current path with the canonical query string.
pub fn url_for(query: &Query, fragment: Option<&str>) -> String {
    let path = window().location().pathname().unwrap_or_else(|_| "./".into());
    let search = query.to_query_string();
    let mut url = if search.is_empty() { path } else { format!("{path}?{search}") };
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Records a new view in the browser history (so Back returns to the previous one).
pub fn push_url(query: &Query) {
    let _ = window().history().and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&url_for(query, None))));
}

/// Rewrites the current URL in its canonical form without a history entry.
pub fn replace_url(query: &Query, fragment: Option<&str>) {
    let _ = window().history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url_for(query, fragment))));
}

/// Scrolls a passage into view and marks it as the target.
pub fn reveal_passage(id: &str) {
    let document = window().document().expect("a document");
    if let Ok(Some(old)) = document.query_selector(".passage.targeted") {
        let _ = old.class_list().remove_1("targeted");
    }
    if let Some(element) = document.get_element_by_id(id) {
        let _ = element.class_list().add_1("targeted");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

pub fn hide_loading() {
    if let Some(loading) = window().document().and_then(|d| d.get_element_by_id("loading")) {
        loading.remove();
    }
}

/// Shows the static error screen of `index.html` (used by the panic hook).
pub fn show_fatal_error(message: &str) {
    let Some(document) = window().document() else { return };
    hide_loading();
    if let Some(fatal) = document.get_element_by_id("fatal") {
        let _ = fatal.remove_attribute("hidden");
        if let Some(detail) = document.get_element_by_id("fatal-detail") {
            detail.set_text_content(Some(message));
        }
    }
}
