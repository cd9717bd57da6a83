//! Tagging against independent human readings: the seed (`tests/corpus/seed-annotation.toml`)
//! and the development set (`tests/corpus/dev/`, read in `tests/corpus/dev-annotation.toml`).
//! `cargo test -p loupe-corpus --test it annotation -- --nocapture` prints the scores.

use std::collections::{BTreeMap, BTreeSet};

use loupe_corpus::model::{Corpus, EntityKind};
use loupe_corpus::query::Facet;
use serde::Deserialize;

use crate::{compile_dir, repo_root, seed_corpus};

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

#[derive(Deserialize)]
struct DevSet {
    article: Vec<DevArticle>,
}

#[derive(Deserialize)]
struct DevArticle {
    file: String,
    themes: BTreeMap<String, Vec<usize>>,
    entities: DevEntities,
}

#[derive(Deserialize)]
struct DevEntities {
    people: Vec<Vec<String>>,
    organisations: Vec<Vec<String>>,
    places: Vec<Vec<String>>,
}

/// Passages agreed on, tagged only, annotated only.
#[derive(Default, Clone, Copy)]
struct Counts {
    hits: usize,
    tagged: usize,
    annotated: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.hits += other.hits;
        self.tagged += other.tagged;
        self.annotated += other.annotated;
    }

    fn precision(&self) -> f64 {
        if self.tagged == 0 { 1.0 } else { self.hits as f64 / self.tagged as f64 }
    }

    fn recall(&self) -> f64 {
        if self.annotated == 0 { 1.0 } else { self.hits as f64 / self.annotated as f64 }
    }
}

/// Per theme: how the tagged passages (1-based positions among `passages`) meet the annotated ones.
fn theme_counts(corpus: &Corpus, passages: &[usize], annotated: &BTreeMap<String, Vec<usize>>, themes: &[String]) -> BTreeMap<String, Counts> {
    themes
        .iter()
        .map(|theme| {
            let t = Facet::Theme.index_of(corpus, theme).unwrap_or_else(|| panic!("unknown theme `{theme}`"));
            let expected: BTreeSet<usize> = annotated.get(theme).into_iter().flatten().copied().collect();
            let got: BTreeSet<usize> =
                passages.iter().enumerate().filter(|(_, &p)| corpus.passages[p].themes.iter().any(|h| h.theme == t)).map(|(n, _)| n + 1).collect();
            (theme.clone(), Counts { hits: expected.intersection(&got).count(), tagged: got.len(), annotated: expected.len() })
        })
        .collect()
}

fn theme_report(title: &str, counts: &BTreeMap<String, Counts>) -> (String, Counts) {
    let mut total = Counts::default();
    let mut out = format!("{title}\n");
    for (theme, c) in counts {
        total.add(*c);
        out.push_str(&format!(
            "  {theme:<10} precision {:.2} recall {:.2}  ({} agreed, {} tagged, {} annotated)\n",
            c.precision(),
            c.recall(),
            c.hits,
            c.tagged,
            c.annotated
        ));
    }
    out.push_str(&format!("  {:<10} precision {:.2} recall {:.2}\n", "micro", total.precision(), total.recall()));
    (out, total)
}

/// A mention's words as they stand, without a possessive ending.
fn surface(text: &str) -> &str {
    text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")).unwrap_or(text)
}

/// The entities a form resolves to in the given passages: mentions whose words are the form, or
/// end with it after a title (`Prime Minister Nikol Pashinyan`), in any letter case (the
/// annotation writes a dateline's `BRUSSELS` as `Brussels`).
fn resolve_form(corpus: &Corpus, passages: &[usize], form: &str) -> BTreeSet<u32> {
    passages
        .iter()
        .flat_map(|&p| {
            let passage = &corpus.passages[p];
            passage.mentions.iter().filter_map(move |m| {
                let words = surface(m.span.slice(&passage.text)).to_lowercase();
                let form = form.to_lowercase();
                let fits = words == form || words.strip_suffix(&form).is_some_and(|head| head.ends_with(' '));
                fits.then_some(m.entity)
            })
        })
        .collect()
}

/// Groups found (every form resolves) and merged (to one entity of the right kind), and the
/// groups that were not, for the report.
fn entity_recall(corpus: &Corpus, passages: &[usize], groups: &[Vec<String>], kinds: &[EntityKind]) -> (usize, Vec<String>) {
    let mut found = 0;
    let mut missed = Vec::new();
    for group in groups {
        let resolved: Vec<BTreeSet<u32>> = group.iter().map(|form| resolve_form(corpus, passages, form)).collect();
        let common: Option<u32> = resolved.first().and_then(|first| first.iter().copied().find(|e| resolved.iter().all(|r| r.contains(e))));
        match common {
            Some(e) if kinds.contains(&corpus.entities[e as usize].kind) => found += 1,
            Some(e) => missed.push(format!("{group:?} (kind {})", corpus.entities[e as usize].kind.as_str())),
            None => {
                let shown: Vec<String> = group
                    .iter()
                    .zip(&resolved)
                    .map(|(form, ids)| {
                        let ids: Vec<&str> = ids.iter().map(|&e| corpus.entities[e as usize].id.as_str()).collect();
                        format!("{form}→{ids:?}")
                    })
                    .collect();
                missed.push(shown.join(" "));
            }
        }
    }
    (found, missed)
}

const THEMES: [&str; 7] = ["trade", "energy", "diplomacy", "security", "forecasts", "media", "peace"];

/// What the development set scores: theme counts, and (found, total) for people and
/// organisations and for places, with a readable report.
struct DevScores {
    themes: BTreeMap<String, Counts>,
    named: (usize, usize),
    places: (usize, usize),
    report: String,
}

/// Scores one annotated folder. `show_misses`: the report also lists each passage and name the tagger got wrong (never for the
/// held-out set, whose lines nobody tuning the tagger may read).
fn dev_scores(folder: &str, annotation_file: &str, show_misses: bool) -> DevScores {
    let compiled = compile_dir(&repo_root().join(folder));
    let corpus = &compiled.corpus;
    let text = std::fs::read_to_string(repo_root().join(annotation_file)).unwrap();
    let set: DevSet = toml::from_str(&text).unwrap();
    let themes: Vec<String> = THEMES.iter().map(|t| t.to_string()).collect();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut named, mut places) = ((0, 0), (0, 0));
    let mut misses = String::new();
    for article in &set.article {
        let document = corpus.documents.iter().position(|d| d.source_file == article.file).unwrap_or_else(|| panic!("{} not compiled", article.file));
        let passages: Vec<usize> = (0..corpus.passages.len()).filter(|&p| corpus.passages[p].document == document as u32).collect();
        for (theme, c) in theme_counts(corpus, &passages, &article.themes, &themes) {
            counts.entry(theme).or_default().add(c);
        }
        if show_misses {
            misses.push_str(&theme_misses(corpus, &passages, &article.file, &article.themes));
        }
        let e = &article.entities;
        let groups = [
            (&e.people, &[EntityKind::Person][..], false),
            (&e.organisations, &[EntityKind::Organisation, EntityKind::Other][..], false),
            (&e.places, &[EntityKind::Place][..], true),
        ];
        for (list, kinds, is_place) in groups {
            let (found, missed) = entity_recall(corpus, &passages, list, kinds);
            let tally = if is_place { &mut places } else { &mut named };
            tally.0 += found;
            tally.1 += list.len();
            if show_misses {
                missed.iter().for_each(|m| misses.push_str(&format!("  missed in {}: {m}\n", article.file)));
            }
        }
    }
    let (mut report, _) = theme_report(&format!("{folder}: themes over {} articles", set.article.len()), &counts);
    report.push_str(&format!("  people and organisations found and merged: {}/{} = {:.2}\n", named.0, named.1, ratio(named)));
    report.push_str(&format!("  places found and merged: {}/{} = {:.2}\n", places.0, places.1, ratio(places)));
    report.push_str(&misses);
    DevScores { themes: counts, named, places, report }
}

/// Each passage where tagger and annotation disagree on a theme: `+` tagged only, `-` annotated
/// only, with the evidence that fired (for a `-`, the theme's evidence is empty unless it fell
/// short of the threshold, which the tagger does not keep) and the passage's opening words.
fn theme_misses(corpus: &Corpus, passages: &[usize], file: &str, annotated: &BTreeMap<String, Vec<usize>>) -> String {
    let mut out = String::new();
    for theme in THEMES {
        let t = Facet::Theme.index_of(corpus, theme).unwrap();
        let expected: BTreeSet<usize> = annotated.get(theme).into_iter().flatten().copied().collect();
        for (n, &p) in passages.iter().enumerate() {
            let passage = &corpus.passages[p];
            let hit = passage.themes.iter().find(|h| h.theme == t);
            let sign = match (hit.is_some(), expected.contains(&(n + 1))) {
                (true, false) => '+',
                (false, true) => '-',
                _ => continue,
            };
            let evidence: Vec<String> = hit.iter().flat_map(|h| h.evidence.iter().map(|e| format!("{}:{}", e.rule, e.text))).collect();
            let opening: String = passage.text.chars().take(90).collect();
            out.push_str(&format!("  theme {sign}{theme} {file} p{}: {evidence:?} «{opening}…»\n", n + 1));
        }
    }
    out
}

fn ratio((found, total): (usize, usize)) -> f64 {
    found as f64 / total.max(1) as f64
}

fn seed_theme_counts() -> BTreeMap<String, Counts> {
    let corpus = &seed_corpus().corpus;
    let a = annotation();
    let passages: Vec<usize> = (0..corpus.passages.len()).collect();
    let themes: Vec<String> = a.themes.keys().cloned().collect();
    theme_counts(corpus, &passages, &a.themes, &themes)
}

/// The seed's theme scores today: none may fall.
const SEED_FLOOR: [(&str, f64, f64); 3] = [("diplomacy", 0.94, 1.0), ("forecasts", 1.0, 1.0), ("trade", 1.0, 1.0)];

#[test]
fn seed_themes_keep_their_scores() {
    let counts = seed_theme_counts();
    let (report, _) = theme_report("seed: themes", &counts);
    println!("{report}");
    for (theme, precision, recall) in SEED_FLOOR {
        let c = counts[theme];
        assert!(c.precision() >= precision && c.recall() >= recall, "{theme} fell:\n{report}");
    }
}

/// The floors the development set must hold: micro precision and recall, the lowest theme's
/// precision and recall, people and organisations, places. They only rise while the set stays
/// the same. Eight harder articles joined it, four at a time, each annotated before the tagger ran on it:
/// people and organisations went from 110/119 over twelve articles to 149/164 over sixteen and
/// 186/214 = 0.869 over twenty, places from 159/171 to 214/230 and 267/294 = 0.908, so those
/// floors were set anew (issue 13's targets stay 0.95 and 0.90). Rules that each hold at several
/// places of the set (and vocabulary) then took people and organisations to 197/214 = 0.921, and
/// a packaged list of company and brand names (`seeds/brands.tsv`) to 200/214 = 0.935. Names
/// compared in any letter case (270/294 places), datelines as places, whole-name initials with
/// their connectors, name suffixes, a copula before a role and acronyms of up to eight letters
/// took them to 204/214 = 0.953 and 273/294 = 0.929: issue 13's targets, and the floors now.
const DEV_FLOOR: (f64, f64, f64, f64, f64, f64) = (0.90, 0.90, 0.80, 0.80, 0.95, 0.92);

#[test]
fn development_set_scores() {
    let scores = dev_scores("tests/corpus/dev", "tests/corpus/dev-annotation.toml", true);
    println!("{}", scores.report);
    let mut total = Counts::default();
    scores.themes.values().for_each(|c| total.add(*c));
    let lowest_precision = scores.themes.values().map(Counts::precision).fold(1.0, f64::min);
    let lowest_recall = scores.themes.values().map(Counts::recall).fold(1.0, f64::min);
    let (micro_p, micro_r, min_p, min_r, named, places) = DEV_FLOOR;
    assert!(total.precision() >= micro_p && total.recall() >= micro_r, "{}", scores.report);
    assert!(lowest_precision >= min_p && lowest_recall >= min_r, "{}", scores.report);
    assert!(ratio(scores.named) >= named && ratio(scores.places) >= places, "{}", scores.report);
}

/// The held-out set: articles no rule was written against. Its scores are printed, never
/// asserted, so that nobody tunes on them.
#[test]
fn held_out_set_scores() {
    let scores = dev_scores("tests/corpus/heldout", "tests/corpus/heldout-annotation.toml", false);
    println!("{}", scores.report);
}

/// Which entity each surface form in the corpus resolved to.
fn resolved_forms() -> BTreeMap<String, BTreeSet<String>> {
    let corpus = &seed_corpus().corpus;
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
    let corpus = &seed_corpus().corpus;
    let a = annotation();
    for (kind, groups) in [("person", &a.entities.people), ("organisation", &a.entities.organisations)] {
        for group in groups {
            let ids: BTreeSet<&String> =
                group.iter().map(|form| forms.get(form).and_then(|ids| ids.iter().next()).unwrap_or_else(|| panic!("`{form}` not found"))).collect();
            assert_eq!(ids.len(), 1, "{group:?} resolved to several entities: {ids:?}");
            let id = ids.into_iter().next().unwrap();
            let entity = &corpus.entities[Facet::Entity.index_of(corpus, id).unwrap() as usize];
            let expected_kind = if entity.kind.as_str() == "other" { "other" } else { kind };
            assert_eq!(entity.kind.as_str(), expected_kind, "{group:?}");
        }
    }
}

#[test]
fn voices_match_the_annotation() {
    let corpus = &seed_corpus().corpus;
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
