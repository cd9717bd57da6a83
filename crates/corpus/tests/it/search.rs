//! Search: each matching rule and the ranking order on a small fixture (snapshot), the engine's
//! BM25 against a reference computed independently on the same tokens, and odd queries.

use std::fmt::Write;

use expect_test::expect_file;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::search::{search, SearchQuery, Unsearched};
use loupe_corpus::text::{self, Analyzer};

use crate::{compile_dir, repo_root, seed_corpus};

#[test]
fn search_rules_snapshot() {
    let corpus = &compile_dir(&repo_root().join("tests/corpus/search")).corpus;
    let queries = std::fs::read_to_string(repo_root().join("tests/corpus/search-queries.txt")).unwrap();
    let mut out = String::new();
    for line in queries.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let shown = match search(corpus, &SearchQuery::parse(line)) {
            None => "(no search: every passage)".to_string(),
            Some(found) => found
                .hits
                .iter()
                .map(|h| format!("{}:{}:{:.3}", corpus.passages[h.passage as usize].id.rsplit('-').next().unwrap(), h.tiers, h.score))
                .collect::<Vec<_>>()
                .join(" "),
        };
        writeln!(out, "{line:<32} → {shown}").unwrap();
    }
    expect_file![repo_root().join("tests/corpus/search-queries.snap")].assert_eq(&out);
}

/// BM25 straight from the definition, on the words of each passage stemmed as the index does.
fn reference_bm25(texts: &[&str], word: &str) -> Vec<f32> {
    let analyzer = Analyzer::default();
    let stem = analyzer.term(word);
    let docs: Vec<Vec<String>> = texts.iter().map(|t| text::words(t).map(|w| analyzer.term(w.text)).collect()).collect();
    let n = docs.len() as f32;
    let average = docs.iter().map(|d| d.len() as f32).sum::<f32>() / n;
    let df = docs.iter().filter(|d| d.contains(&stem)).count() as f32;
    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
    docs.iter()
        .map(|d| {
            let tf = d.iter().filter(|t| **t == stem).count() as f32;
            idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * d.len() as f32 / average))
        })
        .collect()
}

#[test]
fn bm25_equals_a_reference_on_the_same_tokens() {
    let corpus = &seed_corpus().corpus;
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.text.as_ref()).collect();
    for word in ["china", "partnership", "conflict", "experts", "economic", "relations", "predict"] {
        let expected = reference_bm25(&texts, word);
        let hits = search(corpus, &SearchQuery::parse(&format!("{word} "))).unwrap().hits;
        let (in_text, under_heading): (Vec<_>, Vec<_>) = hits.iter().partition(|h| h.heading_only == 0);
        assert_eq!(in_text.len(), expected.iter().filter(|s| **s > 0.0).count(), "{word}: matching passages");
        assert!(under_heading.iter().all(|h| h.score == 0.0 && corpus.sections[corpus.passages[h.passage as usize].section as usize].heading.to_lowercase().contains(word)));
        for hit in &hits {
            let reference = expected[hit.passage as usize];
            assert!((hit.score - reference).abs() < 1e-4, "{word} in passage {}: {} vs reference {reference}", hit.passage, hit.score);
        }
        for pair in hits.windows(2) {
            let (a, b) = ((pair[0].heading_only, pair[0].tiers), (pair[1].heading_only, pair[1].tiers));
            assert!(a < b || (a == b && pair[0].score >= pair[1].score), "{word}: ranked by text before heading, tier, then score");
        }
    }
}

#[test]
fn facet_counts_follow_the_search() {
    let corpus = &seed_corpus().corpus;
    let searched = evaluate(corpus, &Query::parse("q=putin"));
    let all = evaluate(corpus, &Query::parse(""));
    let theme = |e: &loupe_corpus::query::Evaluation| e.counts(corpus).facets[&loupe_corpus::query::Facet::Theme].iter().sum::<u32>();
    assert!(theme(&searched) < theme(&all));
    assert_eq!(searched.passages.len(), 4, "Putin is named in four passages");
    let with_filter = evaluate(corpus, &Query::parse("q=putin&theme=forecasts"));
    assert!(with_filter.passages.iter().all(|p| searched.passages.contains(p)));
}

/// Words of the section a passage stands in, for the heading rule.
fn heading_words_only(corpus: &loupe_corpus::Corpus) -> Vec<(String, u32)> {
    let in_text: std::collections::HashSet<String> = corpus.passages.iter().flat_map(|p| text::words(&p.text).map(|w| text::fold(w.text))).collect();
    corpus
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.line > 0)
        .flat_map(|(i, s)| text::words(&s.heading).map(move |w| (text::fold(w.text), i as u32)))
        .filter(|(w, _)| !in_text.contains(w))
        .collect()
}

#[test]
fn a_heading_word_finds_the_passages_of_its_section() {
    let corpus = &seed_corpus().corpus;
    let words = heading_words_only(corpus);
    assert!(!words.is_empty(), "the seed has heading words that no passage uses");
    for (word, section) in words {
        let found = evaluate(corpus, &Query::parse(&format!("q={word}+")));
        assert!(!found.passages.is_empty(), "{word}");
        assert!(found.passages.iter().all(|&p| corpus.sections[corpus.passages[p as usize].section as usize].heading.to_lowercase().contains(&word)), "{word}: only passages under a heading with it");
        assert!(found.passages.iter().any(|&p| corpus.passages[p as usize].section == section), "{word}");
        assert!(found.matched_words.iter().all(Vec::is_empty), "{word}: nothing in the text to mark");
    }
    // "relations" stands in a heading and in passages, some under that heading and some not.
    let both = evaluate(corpus, &Query::parse("q=relations+"));
    let said: Vec<bool> = both.matched_words.iter().map(|w| !w.is_empty()).collect();
    assert!(said.contains(&true) && said.contains(&false), "{said:?}");
    assert!(said.windows(2).all(|w| w[0] >= w[1]), "passages that say the word rank before those that only stand under it: {said:?}");
}

#[test]
fn a_joined_compound_marks_both_of_its_words() {
    let corpus = &compile_dir(&repo_root().join("tests/corpus/search")).corpus;
    let found = evaluate(corpus, &Query::parse("q=multipolar+"));
    assert!(!found.passages.is_empty());
    for (&p, positions) in found.passages.iter().zip(&found.matched_words) {
        let text = &corpus.passages[p as usize].text;
        let marked: Vec<&str> = loupe_corpus::highlight::matched_spans(text, positions).iter().map(|s| s.slice(text)).collect();
        assert!(marked.iter().all(|m| m.to_lowercase().replace(['-', '\u{2010}'], "") == "multipolar"), "{marked:?}");
        assert!(marked.iter().any(|m| m.contains(['-', '\u{2010}'])), "the hyphenated form is marked whole: {marked:?}");
    }
}

#[test]
fn stop_words_are_left_out_of_a_search_of_several_words() {
    let corpus = &seed_corpus().corpus;
    assert!(corpus.stop_words.binary_search(&"what".to_string()).is_ok(), "the seed vocabulary lists stop words");
    let question = evaluate(corpus, &Query::parse("q=what+do+the+experts+predict%3F"));
    let plain = evaluate(corpus, &Query::parse("q=experts+predict%3F"));
    assert_eq!(question.passages, plain.passages);
    assert_eq!(question.ignored, ["what", "do", "the"]);
    let alone = evaluate(corpus, &Query::parse("q=the+"));
    assert!(!alone.passages.is_empty() && alone.ignored.is_empty(), "a stop word alone is still searched");
    let quoted = evaluate(corpus, &Query::parse("q=%22the+west%22"));
    assert!(quoted.ignored.is_empty(), "a phrase keeps its words");
}

#[test]
fn one_letter_being_typed_is_not_searched_yet() {
    let corpus = &seed_corpus().corpus;
    let all = corpus.passages.len();
    for typed in ["q=x", "q=%C3%A9", "q=trade+x"] {
        let evaluation = evaluate(corpus, &Query::parse(typed));
        assert!(!evaluation.passages.is_empty(), "{typed}");
    }
    assert_eq!(evaluate(corpus, &Query::parse("q=x")).passages.len(), all);
    assert_eq!(evaluate(corpus, &Query::parse("q=trade+x")).passages, evaluate(corpus, &Query::parse("q=trade+")).passages);
}

#[test]
fn search_text_that_searches_nothing_says_why() {
    let corpus = &seed_corpus().corpus;
    let all = corpus.passages.len();
    // (query string, why every passage matches its text)
    let cases = [
        ("q=x", Some(Unsearched::TooShort)),
        ("q=%C3%A9", Some(Unsearched::TooShort)),
        ("q=-", Some(Unsearched::NoWord)),
        ("q=%E2%80%94+%3F%21", Some(Unsearched::NoWord)),
        ("q=%22%22", Some(Unsearched::NoWord)),
        ("q=%F0%9F%98%80", Some(Unsearched::NoWord)),
        ("q=+++", None),
        ("", None),
        ("q=trade+x", None),
        ("q=the+", None),
        ("q=-china", None),
    ];
    for (typed, why) in cases {
        let evaluation = evaluate(corpus, &Query::parse(typed));
        assert_eq!(evaluation.unsearched, why, "{typed}");
        if why.is_some() {
            assert_eq!(evaluation.passages.len(), all, "{typed}: every passage matches text that searches nothing");
        }
    }
}

#[test]
fn a_typo_says_which_word_it_was_read_as() {
    let corpus = &seed_corpus().corpus;
    let evaluation = evaluate(corpus, &Query::parse("q=puttin+"));
    assert_eq!(evaluation.passages, evaluate(corpus, &Query::parse("q=putin+")).passages);
    assert_eq!(evaluation.corrections.len(), 1);
    assert_eq!((evaluation.corrections[0].typed.as_str(), evaluation.corrections[0].read_as.as_str()), ("puttin", "putin"));
    assert!(evaluate(corpus, &Query::parse("q=putin+")).corrections.is_empty(), "a word found as typed is not corrected");
}

#[test]
fn odd_queries_never_fail() {
    let corpus = &seed_corpus().corpus;
    let long = "x".repeat(10_000);
    for q in ["\"unbalanced", "-", "--", "\"\"", &long, "🎉", "روسيا", "<img src=x onerror=alert(1)>", "%", "\u{0}", "-\"", "\"-\""] {
        let query = Query { text: q.to_string(), ..Query::default() };
        let evaluation = evaluate(corpus, &query);
        assert!(evaluation.passages.len() <= corpus.passages.len(), "{q:?}");
    }
}

/// The page builds the word index in idle steps; whatever the step size, and wherever the first
/// search interrupts the steps, the index is the one built at once.
#[test]
fn an_index_built_in_steps_is_the_index_built_at_once() {
    use loupe_corpus::encode::{decode, encode};
    use loupe_corpus::index::Index;
    for dir in ["seeds", "tests/corpus/search", "tests/corpus/dev"] {
        let bytes = encode(&compile_dir(&repo_root().join(dir)).corpus);
        let whole = Index::build(&decode(&bytes).unwrap());
        for step in [1, 3, 1000] {
            let corpus = decode(&bytes).unwrap();
            let mut steps = 0;
            while !corpus.index_step(step) {
                steps += 1;
            }
            assert_eq!(steps, corpus.passages.len().div_ceil(step).saturating_sub(1), "{dir}: steps of {step}");
            assert_eq!(corpus.index(), &whole, "{dir}: steps of {step}");
        }
        let interrupted = decode(&bytes).unwrap();
        assert!(!interrupted.index_step(2));
        assert_eq!(interrupted.index(), &whole, "{dir}: a search after one step");
        assert!(interrupted.index_step(1), "a step after the index is done does nothing");
    }
}
