//! What Loupe answers to programs, defined once: the `loupe query | suggest | facets` commands
//! print these values as JSON, and the engine (`crates/engine`: the headless `loupe-engine.js`
//! and the app's `window.wasmBindings`) returns them as plain JavaScript objects, so a host page,
//! the page itself and the command agree.

use serde::Serialize;

use crate::export::ExportDocument;
use crate::guide::Suggestion;
use crate::model::Corpus;
use crate::query::{evaluate, Facet, Query, QueryResult};
use crate::views::{export_rows, ExportRow};

/// `{total, passages, facets}` for a URL query string (unknown keys and values match nothing).
pub fn query(corpus: &Corpus, query_string: &str) -> QueryResult {
    QueryResult::new(corpus, &evaluate(corpus, &Query::parse(query_string)))
}

/// The search box's suggestions for `text` under the filters of a query string (unknown
/// values dropped), best first.
pub fn suggest(corpus: &Corpus, text: &str, query_string: &str) -> Vec<Suggestion> {
    crate::guide::suggest(corpus, text, &Query::parse(query_string).known_only(corpus))
}

/// The passages with these ids, in the order given (unknown ids skipped), as the page's JSON
/// export writes them.
pub fn passages(corpus: &Corpus, ids: &[String]) -> Vec<ExportRow> {
    let positions: Vec<u32> = ids.iter().filter_map(|id| corpus.passage_index(id)).collect();
    export_rows(corpus, &positions)
}

/// One value of a facet, with the passages that carry it in the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue<'a> {
    /// The facet's URL key: `theme`, `entity`, `voice`, `section` or `doc`.
    pub facet: &'static str,
    /// The value's id, as the URL names it.
    pub value: &'a str,
    pub label: &'a str,
    /// See [`Facet::kind`].
    pub kind: &'static str,
    pub count: usize,
}

/// Every value of every facet, facet by facet, in the corpus's order.
pub fn facets(corpus: &Corpus) -> Vec<FacetValue<'_>> {
    Facet::ALL
        .into_iter()
        .flat_map(|facet| {
            facet.values(corpus).map(move |v| FacetValue {
                facet: facet.key(),
                value: facet.id(corpus, v),
                label: facet.label(corpus, v),
                kind: facet.kind(corpus, v),
                count: facet.postings(corpus, v).len(),
            })
        })
        .collect()
}

/// The documents, as `loupe export` lists them.
pub fn documents(corpus: &Corpus) -> Vec<ExportDocument<'_>> {
    corpus.documents.iter().map(ExportDocument::new).collect()
}
