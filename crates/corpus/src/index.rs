//! The index: facet postings (value → passages) and term postings (stem → passages, positions).

use serde::{Deserialize, Serialize};

use crate::model::{Corpus, Passage};
use crate::text::Analyzer;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Sorted by `term`, for binary search.
    pub terms: Vec<TermPostings>,
    /// Number of words in each passage, by passage position (BM25's document length).
    pub passage_lengths: Vec<u32>,
    pub facets: FacetPostings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermPostings {
    pub term: String,
    /// Ascending by passage.
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting {
    pub passage: u32,
    /// Word positions within the passage, ascending.
    pub positions: Vec<u32>,
}

/// For each facet, one ascending list of passage positions per value (indexed like the
/// corpus's `themes`, `entities`, `sections` and `documents`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetPostings {
    pub theme: Vec<Vec<u32>>,
    pub entity: Vec<Vec<u32>>,
    pub voice: Vec<Vec<u32>>,
    pub section: Vec<Vec<u32>>,
    pub document: Vec<Vec<u32>>,
}

impl Index {
    /// Builds every posting list from the corpus's passages.
    pub fn build(corpus: &Corpus) -> Index {
        let analyzer = Analyzer::default();
        let mut by_term: std::collections::BTreeMap<String, Vec<Posting>> = Default::default();
        let mut passage_lengths = Vec::with_capacity(corpus.passages.len());
        for (p, passage) in corpus.passages.iter().enumerate() {
            let terms = analyzer.terms(&passage.text);
            passage_lengths.push(terms.len() as u32);
            for (position, (term, _)) in terms.into_iter().enumerate() {
                let postings = by_term.entry(term).or_default();
                match postings.last_mut() {
                    Some(last) if last.passage == p as u32 => last.positions.push(position as u32),
                    _ => postings.push(Posting { passage: p as u32, positions: vec![position as u32] }),
                }
            }
        }
        let terms = by_term.into_iter().map(|(term, postings)| TermPostings { term, postings }).collect();
        Index { terms, passage_lengths, facets: FacetPostings::build(corpus) }
    }

    pub fn postings(&self, term: &str) -> Option<&[Posting]> {
        self.terms
            .binary_search_by(|t| t.term.as_str().cmp(term))
            .ok()
            .map(|i| self.terms[i].postings.as_slice())
    }
}

impl FacetPostings {
    fn build(corpus: &Corpus) -> FacetPostings {
        let mut facets = FacetPostings {
            theme: vec![Vec::new(); corpus.themes.len()],
            entity: vec![Vec::new(); corpus.entities.len()],
            voice: vec![Vec::new(); corpus.entities.len()],
            section: vec![Vec::new(); corpus.sections.len()],
            document: vec![Vec::new(); corpus.documents.len()],
        };
        for (p, passage) in corpus.passages.iter().enumerate() {
            let p = p as u32;
            let Passage { themes, entities, voices, section, document, .. } = passage;
            for hit in themes {
                facets.theme[hit.theme as usize].push(p);
            }
            for &e in entities {
                facets.entity[e as usize].push(p);
            }
            for &v in voices {
                facets.voice[v as usize].push(p);
            }
            facets.section[*section as usize].push(p);
            facets.document[*document as usize].push(p);
        }
        facets
    }
}
