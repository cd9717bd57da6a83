//! Queries: a snapshot of `tests/corpus/queries.txt`, and disjunctive counts checked against
//! a brute-force oracle over many filter combinations.

use std::fmt::Write;

use expect_test::expect_file;
use loupe_corpus::model::{Corpus, EntityKind};
use loupe_corpus::query::{evaluate, Facet, Query, QueryResult};

use crate::{repo_root, seed_corpus};

#[test]
fn query_snapshot() {
    let corpus = &seed_corpus().corpus;
    let queries = std::fs::read_to_string(repo_root().join("tests/corpus/queries.txt")).unwrap();
    let mut out = String::new();
    for line in queries.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let query = Query::parse(line);
        let result = QueryResult::new(corpus, &evaluate(corpus, &query));
        writeln!(out, "query {line}\n  canonical: {}\n  total: {}\n  passages: {}", query.known_only(corpus).to_query_string(), result.total, result.passages.join(" ")).unwrap();
        for (facet, counts) in &result.facets {
            let shown: Vec<String> = counts.iter().filter(|(_, c)| **c > 0).map(|(id, c)| format!("{id}={c}")).collect();
            writeln!(out, "  {facet}: {}", shown.join(" ")).unwrap();
        }
        let periods: Vec<String> = result.dates.periods.iter().map(|(p, c)| format!("{p}={c}")).collect();
        writeln!(out, "  dates ({}): {} undated={}", result.dates.scale, periods.join(" "), result.dates.undated).unwrap();
    }
    expect_file![repo_root().join("tests/corpus/queries.snap")].assert_eq(&out);
}

/// Whether a passage satisfies a query, straight from the definition: OR within a facet (with
/// entities split by kind), AND across.
/// A facet, or for entities a facet and a kind: the unit that is OR-ed within.
type Group = (Facet, Option<EntityKind>);

fn oracle_matches(corpus: &Corpus, query: &Query, passage: usize) -> bool {
    let p = &corpus.passages[passage];
    let mut groups: Vec<(Group, Vec<bool>)> = Vec::new();
    // Looked up here, not through the facet table the engine uses.
    let entity = |id: &str| corpus.entities.iter().position(|e| e.id == id).map(|e| e as u32);
    for (facet, value) in query.pairs() {
        let hit = match facet {
            Facet::Theme => corpus.themes.iter().position(|t| t.id == value).map(|t| p.themes.iter().any(|h| h.theme == t as u32)),
            Facet::Entity => entity(value).map(|e| p.entities.contains(&e)),
            Facet::Voice => entity(value).map(|e| p.voices.contains(&e)),
            Facet::Section => corpus.sections.iter().position(|s| s.id == value).map(|s| p.section == s as u32),
            Facet::Document => corpus.documents.iter().position(|d| d.id == value).map(|d| p.document == d as u32),
        };
        let Some(hit) = hit else { continue };
        let kind = (facet == Facet::Entity).then(|| corpus.entities[entity(value).unwrap() as usize].kind);
        match groups.iter_mut().find(|(g, _)| *g == (facet, kind)) {
            Some((_, hits)) => hits.push(hit),
            None => groups.push(((facet, kind), vec![hit])),
        }
    }
    groups.iter().all(|(_, hits)| hits.iter().any(|h| *h))
}

#[test]
fn counts_equal_a_brute_force_oracle() {
    let corpus = &seed_corpus().corpus;
    let themes: Vec<&str> = corpus.themes.iter().map(|t| t.id.as_str()).collect();
    let entities: Vec<&str> = corpus.entities.iter().map(|e| e.id.as_str()).collect();
    let mut checked = 0;
    for (i, a) in themes.iter().enumerate() {
        for b in themes.iter().skip(i) {
            for e in entities.iter().step_by(3) {
                for f in entities.iter().skip(1).step_by(5) {
                    let query = Query::parse(&format!("theme={a}&theme={b}&entity={e}&entity={f}&voice=wang-yi"));
                    let evaluation = evaluate(corpus, &query);
                    let expected: Vec<u32> = (0..corpus.passages.len()).filter(|&p| oracle_matches(corpus, &query, p)).map(|p| p as u32).collect();
                    assert_eq!(evaluation.passages, expected, "{query:?}");
                    assert!((0..corpus.passages.len() as u32).all(|p| evaluation.contains(p) == expected.contains(&p)), "{query:?}");
                    for (facet, counts) in &evaluation.counts(corpus).facets {
                        for (value, &count) in counts.iter().enumerate() {
                            assert_eq!(evaluation.count(corpus, *facet, value as u32), count, "{facet:?} value {value} alone under {query:?}");
                            let kind = (*facet == Facet::Entity).then(|| corpus.entities[value].kind);
                            let mut with_value = query.clone();
                            with_value.filters.retain(|(f, id)| match kind {
                                Some(kind) => *f != Facet::Entity || corpus.entities.iter().find(|e| e.id == *id).unwrap().kind != kind,
                                None => f != facet,
                            });
                            let id = facet.id(corpus, value as u32).to_string();
                            with_value.filters.push((*facet, id));
                            let expected = (0..corpus.passages.len()).filter(|&p| oracle_matches(corpus, &with_value, p)).count();
                            assert_eq!(count as usize, expected, "{facet:?} value {value} under {query:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} counts checked");
}

#[test]
fn query_strings_round_trip() {
    let query = Query::parse("theme=trade&entity=wang-yi&theme=forecasts&section=a%2Fb&q=two+words%26more&doc=x%20y");
    assert_eq!(query.to_query_string(), "q=two%20words%26more&theme=trade&entity=wang-yi&theme=forecasts&section=a/b&doc=x%20y", "filters stay in the order chosen");
    assert_eq!(Query::parse(&query.to_query_string()), query);
    let view = Query::parse("view=matrix&theme=trade&view=bogus&view=map");
    assert_eq!(view.to_query_string(), "theme=trade&view=map", "the last valid view wins; a bad one reads as the list");
    assert_eq!(Query::parse("view=list").to_query_string(), "");
    assert_eq!(Query::parse("embed=1&theme=trade&view=map").to_query_string(), "theme=trade&view=map&embed=1");
    assert_eq!(Query::parse("embed=0&theme=trade").to_query_string(), "theme=trade");
}

/// `api::facets` (what `loupe facets` and the engine's `facets()` answer) lists every value the
/// unfiltered query counts, with the same count, and labels and kinds from the corpus.
#[test]
fn filters_only_keeps_the_filters_and_dates_and_drops_the_text_and_view() {
    for (query, filters) in [
        ("q=china+trade&theme=trade&entity=russia&view=kwic&embed=1", "theme=trade&entity=russia"),
        ("from=2023-02&to=2024&undated=0&q=gas", "from=2023-02&to=2024&undated=0"),
        ("q=china&view=map", ""),
        ("entity=russia&theme=trade", "entity=russia&theme=trade"),
    ] {
        assert_eq!(Query::parse(query).filters_only().to_query_string(), filters, "{query}");
    }
}

#[test]
fn facets_agree_with_the_unfiltered_query() {
    let corpus = &seed_corpus().corpus;
    let all = loupe_corpus::api::query(corpus, "");
    let values = loupe_corpus::api::facets(corpus);
    let listed: usize = all.facets.values().map(|counts| counts.len()).sum();
    assert_eq!(values.len(), listed);
    for v in &values {
        let facet = Facet::from_key(v.facet).unwrap();
        assert_eq!(all.facets[facet.name()][v.value] as usize, v.count, "{} {}", v.facet, v.value);
    }
    let putin = values.iter().find(|v| v.facet == "entity" && v.value == "vladimir-putin").unwrap();
    assert_eq!((putin.label, putin.kind), ("Vladimir Putin", "person"));
    let trade = values.iter().find(|v| v.facet == "theme" && v.value == "trade").unwrap();
    assert_eq!(trade.kind, "theme");
    assert!(values.iter().any(|v| v.facet == "doc" && v.kind == "document"));
}

/// `url_keys` lists what `Query::parse` reads: each key, with a value of its kind, changes the
/// query; a key of another site (a link tracker's) does not.
#[test]
fn url_keys_are_the_keys_a_query_reads() {
    let sample = |key: &str| match key {
        "view" => "map",
        "embed" => "1",
        "from" | "to" => "2023",
        "undated" => "0",
        _ => "x",
    };
    for key in loupe_corpus::query::url_keys() {
        assert_ne!(Query::parse(&format!("{key}={}", sample(key))), Query::default(), "{key}");
    }
    for other in ["utm_source=newsletter", "fbclid=abc", "ref=home"] {
        assert_eq!(Query::parse(other), Query::default(), "{other}");
    }
}
