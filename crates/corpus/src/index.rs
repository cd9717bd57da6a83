//! The index: facet postings (value → passages) and term postings (folded word → passages and
//! positions), grouped into stem families for stemmed search.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Corpus, Passage};
use crate::text::{self, Analyzer};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Every folded word of the corpus, sorted by `term` for binary and prefix search.
    pub terms: Vec<TermPostings>,
    /// Stem → positions in `terms` of the words with that stem; sorted by stem.
    pub families: Vec<StemFamily>,
    /// Number of words in each passage, by passage position (BM25's document length).
    pub passage_lengths: Vec<u32>,
    pub facets: FacetPostings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermPostings {
    /// The folded word (`russia` for `Russia’s`); hyphenated compounds also appear joined
    /// (`multipolar` for `multi-polar`).
    pub term: String,
    /// Ascending by passage.
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StemFamily {
    pub stem: String,
    pub terms: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting {
    pub passage: u32,
    /// Word positions within the passage (indexes into `text::words`), ascending.
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

/// The searchable terms of a text: each word folded, at its position, plus each hyphenated
/// pair joined (`multi-polar` → `multipolar`) at the position of its second word.
pub fn search_terms(text: &str) -> Vec<(String, u32)> {
    let words: Vec<text::Word> = text::words(text).collect();
    let mut terms = Vec::with_capacity(words.len() + 4);
    for (i, word) in words.iter().enumerate() {
        let folded = text::fold(word.text);
        if i > 0 {
            let previous = &words[i - 1];
            if matches!(&text[previous.end..word.start], "-" | "\u{2010}") {
                terms.push((format!("{}{}", text::fold(previous.text), folded), i as u32));
            }
        }
        terms.push((folded, i as u32));
    }
    terms
}

impl Index {
    /// Builds every posting list from the corpus's passages.
    pub fn build(corpus: &Corpus) -> Index {
        let analyzer = Analyzer::default();
        let mut by_term: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let mut passage_lengths = Vec::with_capacity(corpus.passages.len());
        for (p, passage) in corpus.passages.iter().enumerate() {
            let terms = search_terms(&passage.text);
            // The last term is always the last word, so its position gives the word count.
            passage_lengths.push(terms.last().map_or(0, |(_, position)| position + 1));
            for (term, position) in terms {
                let postings = by_term.entry(term).or_default();
                match postings.last_mut() {
                    Some(last) if last.passage == p as u32 => last.positions.push(position),
                    _ => postings.push(Posting { passage: p as u32, positions: vec![position] }),
                }
            }
        }
        let terms: Vec<TermPostings> = by_term.into_iter().map(|(term, postings)| TermPostings { term, postings }).collect();
        let mut families: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (i, t) in terms.iter().enumerate() {
            families.entry(analyzer.stem(&t.term)).or_default().push(i as u32);
        }
        let families = families.into_iter().map(|(stem, terms)| StemFamily { stem, terms }).collect();
        Index { terms, families, passage_lengths, facets: FacetPostings::build(corpus) }
    }

    /// Position of a folded word in `terms`.
    pub fn term(&self, folded: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.term.as_str().cmp(folded)).ok().map(|i| i as u32)
    }

    /// Positions in `terms` of the words with this stem.
    pub fn family(&self, stem: &str) -> &[u32] {
        self.families
            .binary_search_by(|f| f.stem.as_str().cmp(stem))
            .map_or(&[], |i| self.families[i].terms.as_slice())
    }

    /// Positions in `terms` of the words starting with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.terms.partition_point(|t| t.term.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.term.starts_with(prefix));
        start as u32..end as u32
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
