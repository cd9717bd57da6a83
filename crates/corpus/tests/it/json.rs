//! The engine's JSON writer against `serde_json`: every answer of the program API, over the
//! seed and the hostile corpus, is written byte for byte as `serde_json` writes it.

use loupe_corpus::{api, json};
use serde::Serialize;

use crate::{compile_dir, repo_root, seed_corpus};

fn assert_same(value: &impl Serialize, what: &str) {
    assert_eq!(json::to_string(value).unwrap(), serde_json::to_string(value).unwrap(), "{what}");
}

#[test]
fn every_answer_is_written_as_serde_json_writes_it() {
    let hostile = compile_dir(&repo_root().join("tests/corpus/hostile"));
    for compiled in [seed_corpus(), hostile] {
        let corpus = &compiled.corpus;
        for query in ["", "theme=trade", "q=china", "q=\"strategic partnership\"&entity=russia", "q=zzzz", "from=2023"] {
            assert_same(&api::query(corpus, query), query);
        }
        for (text, query) in [("tra", ""), ("putin", "theme=trade"), ("\"", "")] {
            assert_same(&api::suggest(corpus, text, query), text);
        }
        let ids: Vec<String> = corpus.passages.iter().map(|p| p.id.clone()).collect();
        assert_same(&api::passages(corpus, &ids), "passages");
        assert_same(&api::facets(corpus), "facets");
        assert_same(&api::documents(corpus), "documents");
    }
}
