//! The index: facet postings (value → passages) and term postings (folded word → passages and
//! positions), grouped into stem families for stemmed search. Neither is encoded: both are built
//! from the passages, facets when the corpus is made, words on the first search.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::model::{Corpus, Passage};
use crate::text::{self, Analyzer};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    /// Every folded word of the corpus, sorted by `term` for binary and prefix search.
    pub terms: Vec<TermPostings>,
    /// Stem → positions in `terms` of the words with that stem; sorted by stem.
    pub families: Vec<StemFamily>,
    /// Number of words in each passage, by passage position (BM25's document length).
    pub passage_lengths: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermPostings {
    /// The folded word (`russia` for `Russia’s`); hyphenated compounds also appear joined
    /// (`multipolar` for `multi-polar`).
    pub term: String,
    /// Ascending by passage.
    pub postings: Vec<Posting>,
    /// Only ever a hyphenated pair joined, never a word as written: not offered as a
    /// completion.
    pub joined: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StemFamily {
    pub stem: String,
    pub terms: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub passage: u32,
    /// Word positions within the passage (indexes into `text::words`), ascending.
    pub positions: Vec<u32>,
}

/// For each facet, one ascending list of passage positions per value (indexed like the
/// corpus's `themes`, `entities`, `sections` and `documents`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetPostings {
    pub theme: Vec<Vec<u32>>,
    pub entity: Vec<Vec<u32>>,
    pub voice: Vec<Vec<u32>>,
    pub section: Vec<Vec<u32>>,
    pub document: Vec<Vec<u32>>,
}

/// A searchable term of a text at a word position; `joined` for a hyphenated pair joined.
#[derive(Clone)]
pub struct SearchTerm {
    pub term: String,
    pub position: u32,
    pub joined: bool,
}

/// The searchable terms of a text: each word folded, at its position, plus each hyphenated
/// pair joined (`multi-polar` → `multipolar`) at the positions of both its words, so a search
/// for the joined form marks the whole compound.
pub fn search_terms(text: &str) -> Vec<SearchTerm> {
    let words: Vec<text::Word> = text::words(text).collect();
    let mut terms = Vec::with_capacity(words.len() + 4);
    for (i, word) in words.iter().enumerate() {
        let (term, position) = (text::fold(word.text), i as u32);
        if i > 0 && text::is_hyphen(&text[words[i - 1].end..word.start]) {
            let joined = format!("{}{term}", text::fold(words[i - 1].text));
            terms.push(SearchTerm { term: joined.clone(), position: position - 1, joined: true });
            terms.push(SearchTerm { term: joined, position, joined: true });
        }
        terms.push(SearchTerm { term, position, joined: false });
    }
    terms
}

/// An index being built passage by passage, so the work can be spread over idle moments: a
/// section heading's words are posted for each passage of the section with no position (they
/// match, but mark nothing and add no term frequency).
#[derive(Default)]
struct IndexBuilder {
    /// Term → its postings, whether it is only ever a joined pair, and its stem.
    by_term: HashMap<String, (Vec<Posting>, bool, String)>,
    passage_lengths: Vec<u32>,
    /// Each section's heading terms (empty for a section at line 0, which has no heading).
    heading_terms: Option<Vec<Vec<SearchTerm>>>,
    analyzer: Analyzer,
}

impl IndexBuilder {
    /// Indexes up to `passages` more passages; true once every passage is indexed.
    fn step(&mut self, corpus: &Corpus, passages: usize) -> bool {
        let headings = self.heading_terms.get_or_insert_with(|| {
            corpus.sections.iter().map(|s| if s.line == 0 { Vec::new() } else { search_terms(&s.heading) }).collect()
        });
        let start = self.passage_lengths.len();
        let end = corpus.passages.len().min(start.saturating_add(passages));
        for (p, passage) in corpus.passages.iter().enumerate().take(end).skip(start) {
            let p = p as u32;
            let terms = search_terms(&passage.text);
            // The last term is always the last word, so its position gives the word count.
            self.passage_lengths.push(terms.last().map_or(0, |t| t.position + 1));
            let headed = headings.get(passage.section as usize).into_iter().flatten();
            for (SearchTerm { term, position, joined }, in_heading) in terms.into_iter().map(|t| (t, false)).chain(headed.map(|t| (t.clone(), true))) {
                let analyzer = &self.analyzer;
                let (postings, only_joined, _) =
                    self.by_term.entry(term).or_insert_with_key(|term| (Vec::new(), true, analyzer.stem(term)));
                *only_joined &= joined;
                match postings.last_mut() {
                    Some(last) if last.passage == p => {
                        if !in_heading {
                            last.positions.push(position);
                        }
                    }
                    _ => postings.push(Posting { passage: p, positions: if in_heading { Vec::new() } else { vec![position] } }),
                }
            }
        }
        end == corpus.passages.len()
    }

    /// Indexes the passages left and sorts the words and their stem families.
    fn finish(mut self, corpus: &Corpus) -> Index {
        while !self.step(corpus, usize::MAX) {}
        let mut terms: Vec<(TermPostings, String)> = self
            .by_term
            .into_iter()
            .map(|(term, (postings, joined, stem))| (TermPostings { term, postings, joined }, stem))
            .collect();
        crate::sort::sort_by(&mut terms, |a, b| a.0.term.cmp(&b.0.term));
        // Sorted stably by stem, each family's words stay in `terms` order.
        let mut stems: Vec<(String, u32)> = terms.iter_mut().enumerate().map(|(i, (_, stem))| (std::mem::take(stem), i as u32)).collect();
        crate::sort::sort_by(&mut stems, |a, b| a.0.cmp(&b.0));
        let mut families: Vec<StemFamily> = Vec::new();
        for (stem, term) in stems {
            match families.last_mut() {
                Some(family) if family.stem == stem => family.terms.push(term),
                _ => families.push(StemFamily { stem, terms: vec![term] }),
            }
        }
        Index { terms: terms.into_iter().map(|(t, _)| t).collect(), families, passage_lengths: self.passage_lengths }
    }
}

/// A corpus's word index: built whole on first use, or ahead of it in steps (the page's idle
/// moments) that the first use finishes from where they stopped.
#[derive(Default)]
pub struct LazyIndex {
    done: OnceLock<Index>,
    building: Mutex<Option<IndexBuilder>>,
}

impl LazyIndex {
    /// The index, finishing (or doing) the build on the first call.
    pub fn get(&self, corpus: &Corpus) -> &Index {
        self.done.get_or_init(|| {
            // Taken out of the lock before the work: a step never waits on `done` while holding it.
            let started = self.building.lock().unwrap_or_else(PoisonError::into_inner).take();
            started.unwrap_or_default().finish(corpus)
        })
    }

    /// Indexes up to `passages` more passages ahead of first use; true once the index is done.
    pub fn step(&self, corpus: &Corpus, passages: usize) -> bool {
        if self.done.get().is_some() {
            return true;
        }
        let mut building = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        if !building.get_or_insert_with(IndexBuilder::default).step(corpus, passages) {
            return false;
        }
        let builder = building.take();
        drop(building);
        if let Some(builder) = builder {
            let _ = self.done.set(builder.finish(corpus));
        }
        self.done.get().is_some()
    }
}

impl Clone for LazyIndex {
    /// The built index, if any (a build in progress starts over).
    fn clone(&self) -> Self {
        Self { done: self.done.clone(), building: Mutex::default() }
    }
}

impl PartialEq for LazyIndex {
    fn eq(&self, other: &Self) -> bool {
        self.done.get() == other.done.get()
    }
}

impl std::fmt::Debug for LazyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("LazyIndex").field(&self.done.get()).finish()
    }
}

impl Index {
    /// Builds every posting list from the corpus's passages, at once.
    pub fn build(corpus: &Corpus) -> Index {
        IndexBuilder::default().finish(corpus)
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
    pub(crate) fn build(corpus: &Corpus) -> FacetPostings {
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
