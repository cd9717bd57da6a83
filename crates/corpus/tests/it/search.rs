//! Search: each matching rule and the ranking order on a small fixture (snapshot), the engine's
//! BM25 against a reference computed independently on the same tokens, and odd queries.

use std::fmt::Write;

use expect_test::expect_file;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::search::{search, SearchQuery};
use loupe_corpus::text::{self, Analyzer};

use crate::{compile_dir, repo_root, seed_corpus};

#[test]
fn search_rules_snapshot() {
    let corpus = compile_dir(&repo_root().join("tests/corpus/search")).corpus;
    let queries = std::fs::read_to_string(repo_root().join("tests/corpus/search-queries.txt")).unwrap();
    let mut out = String::new();
    for line in queries.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let shown = match search(&corpus, &SearchQuery::parse(line)) {
            None => "(no search: every passage)".to_string(),
            Some(hits) => hits
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
    let corpus = seed_corpus().corpus;
    let texts: Vec<&str> = corpus.passages.iter().map(|p| p.text.as_str()).collect();
    for word in ["china", "partnership", "conflict", "experts", "economic", "relations", "predict"] {
        let expected = reference_bm25(&texts, word);
        let hits = search(&corpus, &SearchQuery::parse(&format!("{word} "))).unwrap();
        assert_eq!(hits.len(), expected.iter().filter(|s| **s > 0.0).count(), "{word}: matching passages");
        for hit in &hits {
            let reference = expected[hit.passage as usize];
            assert!((hit.score - reference).abs() < 1e-4, "{word} in passage {}: {} vs reference {reference}", hit.passage, hit.score);
        }
        for pair in hits.windows(2) {
            assert!(pair[0].tiers < pair[1].tiers || (pair[0].tiers == pair[1].tiers && pair[0].score >= pair[1].score), "{word}: ranked by tier, then score");
        }
    }
}

#[test]
fn facet_counts_follow_the_search() {
    let corpus = seed_corpus().corpus;
    let searched = evaluate(&corpus, &Query::parse("q=putin"));
    let all = evaluate(&corpus, &Query::parse(""));
    let theme = |e: &loupe_corpus::query::Evaluation| e.counts[&loupe_corpus::query::Facet::Theme].iter().sum::<u32>();
    assert!(theme(&searched) < theme(&all));
    assert_eq!(searched.passages.len(), 4, "Putin is named in four passages");
    let with_filter = evaluate(&corpus, &Query::parse("q=putin&theme=forecasts"));
    assert!(with_filter.passages.iter().all(|p| searched.passages.contains(p)));
}

#[test]
fn odd_queries_never_fail() {
    let corpus = seed_corpus().corpus;
    let long = "x".repeat(10_000);
    for q in ["\"unbalanced", "-", "--", "\"\"", &long, "🎉", "روسيا", "<img src=x onerror=alert(1)>", "%", "\u{0}", "-\"", "\"-\""] {
        let query = Query { text: q.to_string(), ..Query::default() };
        let evaluation = evaluate(&corpus, &query);
        assert!(evaluation.passages.len() <= corpus.passages.len(), "{q:?}");
    }
}
