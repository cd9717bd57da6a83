//! Hostile input, property-tested (bounded for CI): the query-string parser, the search parser,
//! evaluation, highlighting and the seed parser never panic on anything, and their work is
//! bounded by construction (the query length and clause caps asserted here).

use loupe_corpus::compile::{compile_files, SeedFile};
use loupe_corpus::highlight::{runs, snippet};
use loupe_corpus::model::Span;
use loupe_corpus::parse::{decode_text, parse_document, Sidecar};
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::search::{SearchQuery, MAX_CLAUSES, MAX_QUERY_CHARS};
use proptest::prelude::*;

use crate::{load, repo_root, seed_corpus};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Strings rich in the characters parsers trip on.
fn nasty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("&".to_string()), Just("=".to_string()), Just("%".to_string()), Just("%E0%A4".to_string()),
            Just("+".to_string()), Just("\"".to_string()), Just("-".to_string()), Just("’".to_string()),
            Just("q=".to_string()), Just("theme=".to_string()), Just("entity=china".to_string()),
            Just("<script>".to_string()), Just("🎉".to_string()), Just("روسيا".to_string()), Just("\u{0}".to_string()),
            Just("\r\n".to_string()), Just(" ".to_string()), "[a-zA-Z]{1,12}", any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn query_strings_never_panic_and_round_trip(input in nasty()) {
        let query = Query::parse(&input);
        prop_assert!(query.text.chars().count() <= MAX_QUERY_CHARS);
        let again = Query::parse(&query.to_query_string());
        prop_assert_eq!(again, query);
    }

    #[test]
    fn search_text_never_panics_and_stays_bounded(input in nasty()) {
        prop_assert!(SearchQuery::parse(&input).clauses.len() <= MAX_CLAUSES);
        let corpus = &seed_corpus().corpus;
        let (parsed, _) = SearchQuery::read(corpus, &input);
        let evaluation = evaluate(corpus, &Query { text: input, ..Query::default() });
        prop_assert!(evaluation.passages.len() <= corpus.passages.len());
        let searched = !parsed.is_empty();
        prop_assert_eq!(evaluation.matched_words.len(), if searched { evaluation.passages.len() } else { 0 });
    }

    #[test]
    fn highlighting_never_panics(text in any::<String>(), marks in prop::collection::vec((0u32..300, 0u32..300, 0u32..4), 0..12), matches in prop::collection::vec((0u32..300, 0u32..300), 0..6)) {
        let evidence: Vec<(Span, u32)> = marks.into_iter().map(|(a, b, t)| (Span { start: a, end: b }, t)).collect();
        let matched: Vec<Span> = matches.into_iter().map(|(a, b)| Span { start: a, end: b }).collect();
        let joined: String = runs(&text, &matched, &evidence).iter().map(|r| r.text).collect();
        prop_assert_eq!(joined, text.clone(), "runs cover the text exactly");
        let _ = snippet(&text, &matched, &evidence, 5);
    }

    #[test]
    fn seed_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok((text, _)) = decode_text("fuzz.txt", &bytes) {
            let document = parse_document("fuzz.txt", &text, &Sidecar::default());
            prop_assert!(document.passages.iter().all(|p| !p.text.is_empty()));
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn whole_compiles_never_panic(article in nasty(), lines in prop::collection::vec(nasty(), 0..8)) {
        let text = format!("{article}\n{}", lines.join("\n"));
        let mut files = load(&repo_root().join("tests/corpus/search"));
        files.push(SeedFile { name: "hostile.txt".into(), bytes: text.into_bytes() });
        let compiled = compile_files(&files);
        prop_assert!(!compiled.corpus.documents.is_empty(), "the good document survives");
    }
}
