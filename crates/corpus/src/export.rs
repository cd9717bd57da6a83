//! The JSON shape of `loupe export`: the compiled corpus with ids instead of positions.

use serde::Serialize;

use crate::model::{Corpus, Document};

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub documents: Vec<ExportDocument<'a>>,
    pub sections: Vec<ExportSection<'a>>,
    pub themes: Vec<ExportTheme<'a>>,
    pub entities: Vec<ExportEntity<'a>>,
    pub passages: Vec<ExportPassage<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportDocument<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: &'a str,
    pub source: &'a str,
    pub url: &'a str,
    pub source_file: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportSection<'a> {
    pub id: &'a str,
    pub document: &'a str,
    pub heading: &'a str,
    pub line: u32,
}

#[derive(Debug, Serialize)]
pub struct ExportTheme<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub description: &'a str,
    pub colour: &'a str,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct ExportEntity<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub aliases: &'a [String],
    pub origin: &'a str,
    pub count: usize,
    pub voice_count: usize,
}

#[derive(Debug, Serialize)]
pub struct ExportPassage<'a> {
    pub id: &'a str,
    pub document: &'a str,
    /// The document's date (`YYYY-MM-DD`), empty when it has none.
    pub date: &'a str,
    pub section: &'a str,
    pub line: u32,
    pub text: &'a str,
    pub themes: Vec<ExportThemeHit<'a>>,
    pub entities: Vec<&'a str>,
    pub voices: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportThemeHit<'a> {
    pub id: &'a str,
    pub score: u32,
    pub evidence: Vec<ExportEvidence<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportEvidence<'a> {
    pub rule: &'a str,
    pub text: &'a str,
    pub weight: u32,
}

impl<'a> ExportDocument<'a> {
    pub fn new(d: &'a Document) -> Self {
        ExportDocument { id: &d.id, title: &d.title, date: &d.date, source: &d.source, url: &d.url, source_file: &d.source_file }
    }
}

impl<'a> Export<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let facets = &corpus.facets;
        let entity_id = |e: &u32| corpus.entities[*e as usize].id.as_str();
        Export {
            documents: corpus.documents.iter().map(ExportDocument::new).collect(),
            sections: corpus
                .sections
                .iter()
                .map(|s| ExportSection { id: &s.id, document: &corpus.documents[s.document as usize].id, heading: &s.heading, line: s.line })
                .collect(),
            themes: corpus
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| ExportTheme { id: &t.id, label: &t.label, description: &t.description, colour: &t.colour, count: facets.theme[i].len() })
                .collect(),
            entities: corpus
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| ExportEntity {
                    id: &e.id,
                    name: &e.name,
                    kind: e.kind.as_str(),
                    aliases: &e.aliases,
                    origin: &e.origin,
                    count: facets.entity[i].len(),
                    voice_count: facets.voice[i].len(),
                })
                .collect(),
            passages: corpus
                .passages
                .iter()
                .map(|p| ExportPassage {
                    id: &p.id,
                    document: &corpus.documents[p.document as usize].id,
                    date: &corpus.documents[p.document as usize].date,
                    section: &corpus.sections[p.section as usize].id,
                    line: p.line,
                    text: &p.text,
                    themes: p
                        .themes
                        .iter()
                        .map(|hit| ExportThemeHit {
                            id: &corpus.themes[hit.theme as usize].id,
                            score: hit.score,
                            evidence: hit.evidence.iter().map(|e| ExportEvidence { rule: &e.rule, text: &e.text, weight: e.weight }).collect(),
                        })
                        .collect(),
                    entities: p.entities.iter().map(entity_id).collect(),
                    voices: p.voices.iter().map(entity_id).collect(),
                })
                .collect(),
        }
    }
}
