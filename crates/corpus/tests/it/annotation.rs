//! The seed tagged against an independent human reading (`tests/corpus/seed-annotation.toml`).

use std::collections::{BTreeMap, BTreeSet};

use loupe_corpus::query::Facet;
use serde::Deserialize;

use crate::{repo_root, seed_corpus};

#[derive(Deserialize)]
struct Annotation {
    themes: BTreeMap<String, Vec<usize>>,
    entities: Entities,
}

#[derive(Deserialize)]
struct Entities {
    people: Vec<Vec<String>>,
    organisations: Vec<Vec<String>>,
    voices: BTreeMap<String, Vec<String>>,
}

fn annotation() -> Annotation {
    let text = std::fs::read_to_string(repo_root().join("tests/corpus/seed-annotation.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn themes_reach_precision_and_recall_of_085() {
    let corpus = seed_corpus().corpus;
    let mut report = Vec::new();
    for (theme, expected) in annotation().themes {
        let t = Facet::Theme.index_of(&corpus, &theme).unwrap();
        let expected: BTreeSet<usize> = expected.into_iter().collect();
        let got: BTreeSet<usize> =
            corpus.passages.iter().enumerate().filter(|(_, p)| p.themes.iter().any(|h| h.theme == t)).map(|(i, _)| i + 1).collect();
        let hits = expected.intersection(&got).count() as f64;
        let (precision, recall) = (hits / got.len().max(1) as f64, hits / expected.len() as f64);
        report.push(format!("{theme}: precision {precision:.2} recall {recall:.2} (tagged {got:?}, annotated {expected:?})"));
        assert!(precision >= 0.85 && recall >= 0.85, "{}", report.join("\n"));
    }
    println!("{}", report.join("\n"));
}

/// Which entity each surface form in the corpus resolved to.
fn resolved_forms() -> BTreeMap<String, BTreeSet<String>> {
    let corpus = seed_corpus().corpus;
    let mut forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in &corpus.passages {
        for m in &p.mentions {
            let entity = &corpus.entities[m.entity as usize];
            forms.entry(m.span.slice(&p.text).to_string()).or_default().insert(entity.id.clone());
            forms.entry(entity.name.clone()).or_default().insert(entity.id.clone());
            for alias in &entity.aliases {
                forms.entry(alias.clone()).or_default().insert(entity.id.clone());
            }
        }
    }
    forms
}

#[test]
fn every_person_and_organisation_is_found_and_merged() {
    let forms = resolved_forms();
    let corpus = seed_corpus().corpus;
    let a = annotation();
    for (kind, groups) in [("person", &a.entities.people), ("organisation", &a.entities.organisations)] {
        for group in groups {
            let ids: BTreeSet<&String> =
                group.iter().map(|form| forms.get(form).and_then(|ids| ids.iter().next()).unwrap_or_else(|| panic!("`{form}` not found"))).collect();
            assert_eq!(ids.len(), 1, "{group:?} resolved to several entities: {ids:?}");
            let id = ids.into_iter().next().unwrap();
            let entity = &corpus.entities[Facet::Entity.index_of(&corpus, id).unwrap() as usize];
            let expected_kind = if entity.kind.as_str() == "other" { "other" } else { kind };
            assert_eq!(entity.kind.as_str(), expected_kind, "{group:?}");
        }
    }
}

#[test]
fn voices_match_the_annotation() {
    let corpus = seed_corpus().corpus;
    let forms = resolved_forms();
    let expected: BTreeMap<usize, BTreeSet<String>> = annotation()
        .entities
        .voices
        .into_iter()
        .map(|(p, names)| (p.parse().unwrap(), names.iter().map(|n| forms[n].iter().next().unwrap().clone()).collect()))
        .collect();
    let got: BTreeMap<usize, BTreeSet<String>> = corpus
        .passages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.voices.is_empty())
        .map(|(i, p)| (i + 1, p.voices.iter().map(|&v| corpus.entities[v as usize].id.clone()).collect()))
        .collect();
    assert_eq!(got, expected);
}
