//! The default view rendered to HTML natively, by the same components the browser runs: what
//! `loupe build` writes into `index.html`, so that the page is readable before the wasm has run
//! (its first results painted sooner), with scripts off, and by crawlers.

use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use loupe_corpus::encode::DecodeError;
use loupe_corpus::query::Query;

use crate::app::Page;
use crate::view::View;

/// The page of the default view (no search, no filter) over the encoded corpus, as HTML.
/// Rendered on a thread of its own, which reads this corpus only (see `loupe_engine::corpus`).
pub fn prerender(encoded_corpus: &[u8]) -> Result<String, DecodeError> {
    let encoded = encoded_corpus.to_vec();
    let render = std::thread::spawn(move || {
        loupe_engine::read_corpus(encoded)?;
        // The server's shared context: components see that no browser is there (no window
        // listeners, no effects).
        let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
        Ok(owner.with(|| {
            let view = View::new(Query::default(), None);
            view.draw_whole.set(true);
            view! { <Page view /> }.to_html()
        }))
    });
    render.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
