//! The engine probe: Loupe's core as the app uses it (decode the embedded corpus, parse a URL
//! query, evaluate it, highlight, the four views' data, export), without any user interface.

use loupe_corpus::encode::decode;
use loupe_corpus::highlight::snippet;
use loupe_corpus::model::EntityKind;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::views::{citation, concordance, cooccurrence, export_rows, to_csv, ConcordanceSort};
use wasm_bindgen::prelude::*;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// Everything computed is folded into the returned text, so none of it can be optimised away.
#[wasm_bindgen]
pub fn probe(query_string: &str) -> String {
    let corpus = decode(CORPUS_BYTES).unwrap_or_else(|e| panic!("the embedded corpus cannot be read: {e}"));
    let query = Query::parse(query_string).known_only(&corpus);
    let evaluation = evaluate(&corpus, &query);
    let mut out = to_csv(&export_rows(&corpus, &evaluation.passages));
    for &passage in &evaluation.passages {
        let cut = snippet(&corpus.passages[passage as usize].text, &[], &[], 80);
        out.extend(cut.runs.iter().map(|run| run.text));
        out.push_str(&citation(&corpus, passage, &query.to_query_string()));
    }
    let matrix = cooccurrence(&corpus, &evaluation.passages, &EntityKind::ALL);
    out.push_str(&matrix.counts.iter().flatten().sum::<u32>().to_string());
    for line in concordance(&corpus, &evaluation.passages, &evaluation.matched_words, 6, ConcordanceSort::Left) {
        out.push_str(&line.keyword);
    }
    out
}

fn main() {}
