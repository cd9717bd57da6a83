//! The views' computations on the seed: co-occurrence against a direct count, the concordance
//! and its sorting, and the export formats.

use loupe_corpus::model::EntityKind;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::views::{citation, concordance, cooccurrence, export_rows, to_csv, ConcordanceSort};

use crate::seed_corpus;

#[test]
fn cooccurrence_counts_passages_with_both() {
    let corpus = &seed_corpus().corpus;
    let evaluation = evaluate(corpus, &Query::parse("theme=diplomacy"));
    let matrix = cooccurrence(corpus, &evaluation.passages, &[EntityKind::Person, EntityKind::Organisation, EntityKind::Place]);
    for (row, &entity) in matrix.entities.iter().enumerate() {
        for (theme, &count) in matrix.counts[row].iter().enumerate() {
            let direct = evaluation
                .passages
                .iter()
                .filter(|&&p| {
                    let p = &corpus.passages[p as usize];
                    p.entities.contains(&entity) && p.themes.iter().any(|h| h.theme == theme as u32)
                })
                .count();
            assert_eq!(count as usize, direct);
        }
    }
    assert_eq!(corpus.entities[matrix.entities[0] as usize].id, "russia", "most named first");
    assert!(matrix.entities.iter().all(|&e| corpus.entities[e as usize].kind != EntityKind::Other));
}

#[test]
fn concordance_by_position_is_text_order_not_relevance() {
    let corpus = &seed_corpus().corpus;
    let evaluation = evaluate(corpus, &Query::parse("q=china+"));
    let mut by_relevance = evaluation.passages.clone();
    by_relevance.dedup();
    assert!(by_relevance.windows(2).any(|w| w[0] > w[1]), "relevance order differs from text order for this word");
    let lines = concordance(corpus, &evaluation.passages, &evaluation.matched_words, 4, ConcordanceSort::Position);
    assert!(lines.windows(2).all(|w| (w[0].passage, w[0].offset) < (w[1].passage, w[1].offset)), "in text order");
}

#[test]
fn concordance_aligns_and_sorts() {
    let corpus = &seed_corpus().corpus;
    let evaluation = evaluate(corpus, &Query::parse("q=partnership"));
    let lines = concordance(corpus, &evaluation.passages, &evaluation.matched_words, 4, ConcordanceSort::Right);
    let occurrences: usize = corpus.passages.iter().map(|p| p.text.to_lowercase().matches("partnership").count()).sum();
    assert_eq!(lines.len(), occurrences, "every occurrence");
    assert!(lines.iter().all(|l| l.keyword.to_lowercase().starts_with("partner")));
    let rights: Vec<&str> = lines.iter().map(|l| l.right.as_str()).collect();
    let mut sorted = rights.clone();
    sorted.sort_by_key(|r| r.to_lowercase());
    assert_eq!(rights, sorted);
    let first = &concordance(corpus, &evaluation.passages, &evaluation.matched_words, 4, ConcordanceSort::Position)[0];
    assert_eq!(first.left.split_whitespace().count(), 4);
    let by_left = concordance(corpus, &evaluation.passages, &evaluation.matched_words, 4, ConcordanceSort::Left);
    let last_words: Vec<String> = by_left.iter().map(|l| l.left.split_whitespace().last().unwrap_or("").to_lowercase()).collect();
    let mut sorted_last = last_words.clone();
    sorted_last.sort();
    assert_eq!(last_words, sorted_last, "sorted by the word just left of the keyword");
}

#[test]
fn exports_match_the_view() {
    let corpus = &seed_corpus().corpus;
    let evaluation = evaluate(corpus, &Query::parse("theme=trade"));
    let rows = export_rows(corpus, &evaluation.passages);
    assert_eq!(rows.len(), evaluation.passages.len());
    assert!(rows.iter().all(|r| r.themes.contains(&"trade".to_string())));
    let csv = to_csv(&rows);
    assert!(csv.starts_with("id,document,date,section,line,text,themes,entities\r\n"));
    assert_eq!(csv.matches("\r\n").count(), rows.len() + 1, "one record per row: no field breaks a line unquoted");
    assert!(csv.contains("\"24th February 2023 – One year after Russia’s invasion of Ukraine, the relationship"), "text with commas is quoted");
    let cite = citation(corpus, evaluation.passages[0], "https://example.org/#x");
    assert_eq!(cite, "“One year after Russia’s invasion of Ukraine”, 2023-02-24, section “Opening”, paragraph at line 1. https://example.org/#x");
}
