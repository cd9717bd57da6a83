//! The compiled corpus: documents, sections, passages, themes, entities and the index.
//!
//! Everything is addressed by position (`u32` indexes into the vectors here); string ids are
//! for URLs and JSON. Passages are stored in corpus order: document order, then source order.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::dates::Timeline;
use crate::guide::NameWords;
use crate::index::{FacetPostings, Index, LazyIndex};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub sections: Vec<Section>,
    pub passages: Vec<Passage>,
    pub themes: Vec<Theme>,
    pub entities: Vec<Entity>,
    /// Folded words a search of several words ignores (`what`, `about`), sorted.
    pub stop_words: Vec<String>,
    /// Facet value → passages; built with the corpus (compiled or decoded), cheap.
    pub facets: FacetPostings,
    /// The word index, built from the passages' text on first use (the first search), never
    /// encoded: a reader who only filters never pays for it, and the page's bytes stay text.
    index: LazyIndex,
    /// The suggested values' names cut into words, made on the first suggestion.
    name_words: OnceLock<NameWords>,
    /// The documents' dates and the periods they fall in, made on the first query: every
    /// query counts its passages per period, and reading every date costs more than a tenth of
    /// a search at 1,000 articles.
    timeline: OnceLock<Timeline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable slug, used in URLs (`doc=`) and passage ids.
    pub id: String,
    pub title: String,
    /// ISO 8601 date (`YYYY-MM-DD`), from the sidecar or the text; empty when unknown.
    pub date: String,
    pub source: String,
    pub url: String,
    /// File name inside the seeds folder.
    pub source_file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// `<document id>/<heading slug>`, unique across the corpus.
    pub id: String,
    pub document: u32,
    pub heading: String,
    /// 1-based source line of the heading; 0 for the opening section, which has none.
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// `<document id>-p<n>`, n counting the document's passages from 1.
    pub id: String,
    pub document: u32,
    pub section: u32,
    /// 1-based source line where the paragraph starts.
    pub line: u32,
    /// Owned when compiled; borrowed from the placed corpus bytes when the page decodes them.
    pub text: Cow<'static, str>,
    /// Byte ranges of the sentences in `text`; build time only (not encoded, empty when decoded).
    pub sentences: Vec<Span>,
    pub themes: Vec<ThemeHit>,
    /// Build time only (not encoded, empty when decoded).
    pub mentions: Vec<Mention>,
    /// Entities named in the passage, ascending, without repeats.
    pub entities: Vec<u32>,
    /// Entities quoted or credited with a statement in the passage, ascending, without repeats.
    pub voices: Vec<u32>,
}

/// A byte range `[start, end)` in a passage's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start: start as u32, end: end as u32 }
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeHit {
    pub theme: u32,
    pub score: u32,
    pub evidence: Vec<Evidence>,
}

/// Why a passage carries a theme: the words that triggered it and the rule that counted them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The rule, as named in `themes.toml` (`cue`, `modal`, `modal+verb`, `modal+context`, ...).
    pub rule: String,
    /// The words as they stand in the passage (`warn … may` for a construction).
    pub text: String,
    pub weight: u32,
    /// Where the words stand in the passage, for highlighting.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: u32,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
    /// CSS colour, `#rrggbb`.
    pub colour: String,
    /// The cue phrases that detect it, as written in `themes.toml`: search suggestions offer
    /// the theme for them (`forecast` → Expert forecasts).
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Person, EntityKind::Organisation, EntityKind::Place, EntityKind::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// What one entity of the kind is called, for a reader.
    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organisation => "Organisation",
            EntityKind::Place => "Place",
            EntityKind::Other => "Name",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Every other form the corpus or the gazetteer uses for it.
    pub aliases: Vec<String>,
    /// `gazetteer`, or the detection rule that found it in the text.
    pub origin: String,
}

impl Corpus {
    /// A corpus of these parts, its facet postings built and its word index left for first use.
    pub fn new(documents: Vec<Document>, sections: Vec<Section>, passages: Vec<Passage>, themes: Vec<Theme>, entities: Vec<Entity>, stop_words: Vec<String>) -> Self {
        let mut corpus = Corpus { documents, sections, passages, themes, entities, stop_words, ..Corpus::default() };
        corpus.facets = FacetPostings::build(&corpus);
        corpus
    }

    /// The word index, built on the first call (or finished, when [`Corpus::index_step`] began it).
    pub fn index(&self) -> &Index {
        self.index.get(self)
    }

    /// Indexes up to `passages` more passages ahead of the first search; true once the index is
    /// done. The page calls it in its idle moments, so no single task builds the whole index.
    pub fn index_step(&self, passages: usize) -> bool {
        self.index.step(self, passages)
    }

    /// The suggested values' names as folded words and stems (see [`NameWords`]), made once.
    pub fn name_words(&self) -> &NameWords {
        self.name_words.get_or_init(|| NameWords::new(self))
    }

    /// The whole corpus's [`Timeline`], made once.
    pub fn timeline(&self) -> &Timeline {
        self.timeline.get_or_init(|| Timeline::new(self))
    }

    pub fn passage_index(&self, id: &str) -> Option<u32> {
        self.passages.iter().position(|p| p.id == id).map(|i| i as u32)
    }
}
