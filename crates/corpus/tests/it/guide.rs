//! Guiding the reader: the search box's suggestions on the seed (a snapshot of
//! `tests/corpus/suggestions.txt`, and one named test per ranking rule) and the explanation of
//! a search that finds nothing.

use std::fmt::Write;

use expect_test::expect_file;
use loupe_corpus::guide::{explain, suggest, Suggestion};
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::Corpus;

use crate::{repo_root, seed_corpus};

fn shown(suggestions: &[Suggestion]) -> Vec<String> {
    suggestions.iter().map(|s| format!("{}: {} ({}) → {:?}", s.noun, s.label, s.count, s.text)).collect()
}

fn suggestions(corpus: &Corpus, text: &str, query: &str) -> Vec<Suggestion> {
    suggest(corpus, text, &Query::parse(query))
}

#[test]
fn suggestions_snapshot() {
    let corpus = &seed_corpus().corpus;
    let cases = std::fs::read_to_string(repo_root().join("tests/corpus/suggestions.txt")).unwrap();
    let mut out = String::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (text, query) = line.split_once(" |").unwrap();
        writeln!(out, "{line}").unwrap();
        for s in shown(&suggestions(corpus, text, query.trim())) {
            writeln!(out, "  {s}").unwrap();
        }
    }
    expect_file![repo_root().join("tests/corpus/suggestions.snap")].assert_eq(&out);
}

#[test]
fn a_theme_is_offered_for_a_word_of_its_label() {
    let corpus = &seed_corpus().corpus;
    let first = &suggestions(corpus, "diplomacy", "")[0];
    assert_eq!((first.facet, first.value.as_str(), first.noun), (Some("theme"), "diplomacy", "Theme"));
    assert_eq!(first.count as usize, evaluate(corpus, &Query::parse("theme=diplomacy")).passages.len());
}

#[test]
fn a_theme_is_offered_for_one_of_its_cue_words() {
    let corpus = &seed_corpus().corpus;
    let offered = suggestions(corpus, "sanctions", "");
    assert!(offered.iter().any(|s| s.value == "trade"), "{:?}", shown(&offered));
}

#[test]
fn a_person_is_offered_for_the_start_of_a_name() {
    let corpus = &seed_corpus().corpus;
    let first = &suggestions(corpus, "pu", "")[0];
    assert_eq!((first.noun, first.label.as_str()), ("Person", "Vladimir Putin"));
    let whole = &suggestions(corpus, "vladimir pu", "")[0];
    assert_eq!((whole.label.as_str(), whole.text.as_str()), ("Vladimir Putin", ""), "both typed words are taken out");
}

#[test]
fn other_names_match_whole_words_only() {
    let corpus = &seed_corpus().corpus;
    // "ch" starts cue words of several themes; only labels are matched by their start.
    assert!(suggestions(corpus, "ch", "").iter().all(|s| s.noun != "Theme"), "{:?}", shown(&suggestions(corpus, "ch", "")));
}

#[test]
fn counts_are_what_choosing_gives_under_the_current_filters() {
    let corpus = &seed_corpus().corpus;
    // A completion chosen is searched as a whole word, its other forms too (`trad`: `trade`
    // finds `trading`).
    let cases = [("putin", "theme=trade"), ("diplomacy", "entity=china"), ("future", "theme=forecasts"), ("trade ch", ""), ("trad", ""), ("sanc", ""), ("econ", "theme=trade"), ("partn", "")];
    for (text, filters) in cases {
        let query = Query::parse(filters);
        for s in suggest(corpus, text, &query) {
            let chosen = s.apply(&query);
            let total = evaluate(corpus, &chosen).passages.len() as u32;
            if s.facet.is_some() {
                assert_eq!(s.count, total, "{text} under {filters}: {} {}", s.noun, s.label);
            } else {
                assert_eq!(s.count, total, "{text}: completing to {}", s.label);
            }
        }
    }
}

#[test]
fn values_are_ranked_by_fit_then_count() {
    let corpus = &seed_corpus().corpus;
    let offered = suggestions(corpus, "future", "");
    let sections: Vec<u32> = offered.iter().filter(|s| s.noun == "Section").map(|s| s.count).collect();
    assert!(sections.windows(2).all(|w| w[0] >= w[1]), "{:?}", shown(&offered));
    let theme_at = offered.iter().position(|s| s.noun == "Theme").unwrap();
    assert!(offered[..theme_at].iter().all(|s| s.noun == "Section"), "a label fits better than a cue word: {:?}", shown(&offered));
}

#[test]
fn chosen_values_and_empty_ones_are_not_offered() {
    let corpus = &seed_corpus().corpus;
    assert!(suggestions(corpus, "putin", "entity=vladimir-putin").iter().all(|s| s.value != "vladimir-putin"));
    for s in suggestions(corpus, "putin", "theme=media") {
        assert!(s.count > 0, "{s:?}");
    }
}

#[test]
fn completions_follow_the_values_most_passages_first() {
    let corpus = &seed_corpus().corpus;
    let offered = suggestions(corpus, "trade ch", "");
    let words: Vec<&Suggestion> = offered.iter().filter(|s| s.facet.is_none()).collect();
    assert!(!words.is_empty());
    assert!(offered.iter().skip_while(|s| s.facet.is_some()).all(|s| s.facet.is_none()), "values first, then words");
    assert!(words.windows(2).all(|w| w[0].count >= w[1].count));
    assert!(words.iter().all(|w| w.label.starts_with("ch") && w.text == format!("trade {} ", w.label)));
    assert!(words.iter().all(|w| !w.label.contains("russia")), "a joined compound is not a word to offer");
}

#[test]
fn nothing_is_offered_inside_a_phrase_an_exclusion_or_for_one_letter() {
    let corpus = &seed_corpus().corpus;
    for text in ["\"strategic pa", "china -ga", "x", ""] {
        assert!(suggestions(corpus, text, "").is_empty(), "{text:?}: {:?}", shown(&suggestions(corpus, text, "")));
    }
}

#[test]
fn an_empty_search_names_what_each_part_gives_alone() {
    let corpus = &seed_corpus().corpus;
    let query = Query::parse("q=putin+&theme=trade&theme=media");
    assert!(evaluate(corpus, &query).passages.is_empty(), "the case is empty");
    let why = explain(corpus, &query);
    let labels: Vec<&str> = why.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["putin", "Trade & economy", "Media & narratives"], "in the order they stand");
    for part in &why.parts {
        assert_eq!(part.without as usize, evaluate(corpus, &part.removed).passages.len());
        assert!(part.alone > 0, "{part:?}");
    }
    assert_eq!(why.parts[0].alone as usize, evaluate(corpus, &Query::parse("q=putin+")).passages.len());
}

#[test]
fn an_empty_search_offers_the_theme_its_word_names() {
    let corpus = &seed_corpus().corpus;
    let query = Query::parse("q=diplomacy+");
    if evaluate(corpus, &query).passages.is_empty() {
        let why = explain(corpus, &query);
        assert!(why.parts.is_empty(), "one part: nothing to compare");
        assert_eq!(why.offers[0].value, "diplomacy");
        assert_eq!(why.offers[0].apply(&query).to_query_string(), "theme=diplomacy");
    }
    let question = Query::parse("q=what+do+experts+forecast+about+the+relationship%3F");
    let why = explain(corpus, &question);
    assert!(why.offers.iter().any(|o| o.value == "forecasts"), "{:?}", shown(&why.offers));
    assert!(explain(corpus, &Query::parse("q=putin+")).parts.is_empty(), "nothing to explain when something matches");
}
