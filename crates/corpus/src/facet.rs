//! The facets a reader filters by, as one table: per facet its URL key, JSON name, the noun a
//! reader knows it by, and how to reach its values' ids, labels, other names and postings.
//! The query, the labels, the chips, the suggestions and the ranking all read this table.

use crate::index::FacetPostings;
use crate::model::{Corpus, EntityKind};

/// A facet of the query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Theme,
    Entity,
    Voice,
    Section,
    Document,
}

/// One row of [`TABLE`]: everything that differs between facets.
struct Row {
    key: &'static str,
    name: &'static str,
    /// What one value is called ("Theme"); entities use their kind's noun instead.
    noun: &'static str,
    len: fn(&Corpus) -> usize,
    id: fn(&Corpus, usize) -> &str,
    label: fn(&Corpus, usize) -> &str,
    /// Other words a reader may know the value by: an entity's aliases, a theme's cues.
    other_names: fn(&Corpus, usize) -> &[String],
    postings: fn(&FacetPostings) -> &[Vec<u32>],
}

const NONE: &[String] = &[];

/// Indexed by `Facet as usize`.
const TABLE: [Row; 5] = [
    Row {
        key: "theme",
        name: "theme",
        noun: "Theme",
        len: |c| c.themes.len(),
        id: |c, i| &c.themes[i].id,
        label: |c, i| &c.themes[i].label,
        other_names: |c, i| &c.themes[i].cues,
        postings: |f| &f.theme,
    },
    Row {
        key: "entity",
        name: "entity",
        noun: "Name",
        len: |c| c.entities.len(),
        id: |c, i| &c.entities[i].id,
        label: |c, i| &c.entities[i].name,
        other_names: |c, i| &c.entities[i].aliases,
        postings: |f| &f.entity,
    },
    Row {
        key: "voice",
        name: "voice",
        noun: "Quoted",
        len: |c| c.entities.len(),
        id: |c, i| &c.entities[i].id,
        label: |c, i| &c.entities[i].name,
        other_names: |c, i| &c.entities[i].aliases,
        postings: |f| &f.voice,
    },
    Row {
        key: "section",
        name: "section",
        noun: "Section",
        len: |c| c.sections.len(),
        id: |c, i| &c.sections[i].id,
        label: |c, i| &c.sections[i].heading,
        other_names: |_, _| NONE,
        postings: |f| &f.section,
    },
    Row {
        key: "doc",
        name: "document",
        noun: "Document",
        len: |c| c.documents.len(),
        id: |c, i| &c.documents[i].id,
        label: |c, i| &c.documents[i].title,
        other_names: |_, _| NONE,
        postings: |f| &f.document,
    },
];

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Theme, Facet::Entity, Facet::Voice, Facet::Section, Facet::Document];

    fn row(self) -> &'static Row {
        &TABLE[self as usize]
    }

    /// The key in the URL query string.
    pub fn key(self) -> &'static str {
        self.row().key
    }

    /// The name in JSON output.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// How many positions the facet's value list has (see [`Facet::is_value`]).
    pub fn len(self, corpus: &Corpus) -> usize {
        (self.row().len)(corpus)
    }

    /// The id (for URLs and JSON) of the value at a position.
    pub fn id(self, corpus: &Corpus, value: u32) -> &str {
        (self.row().id)(corpus, value as usize)
    }

    /// The value's own name: a theme's label, an entity's name, a heading, a title.
    pub fn label(self, corpus: &Corpus, value: u32) -> &str {
        (self.row().label)(corpus, value as usize)
    }

    /// Other words the value is known by: an entity's aliases, a theme's cue phrases.
    pub fn other_names(self, corpus: &Corpus, value: u32) -> &[String] {
        (self.row().other_names)(corpus, value as usize)
    }

    /// The passages carrying the value, ascending.
    pub fn postings(self, corpus: &Corpus, value: u32) -> &[u32] {
        (self.row().postings)(&corpus.facets).get(value as usize).map_or(&[], Vec::as_slice)
    }

    /// The position of a value by its id.
    pub fn index_of(self, corpus: &Corpus, id: &str) -> Option<u32> {
        (0..self.len(corpus)).find(|&i| (self.row().id)(corpus, i) == id).map(|i| i as u32)
    }

    /// Whether a position is a value of the facet: every entity is an `entity` value, but only
    /// the entities quoted somewhere are `voice` values.
    pub fn is_value(self, corpus: &Corpus, value: u32) -> bool {
        self != Facet::Voice || !self.postings(corpus, value).is_empty()
    }

    /// Every position that is a value of the facet.
    pub fn values(self, corpus: &Corpus) -> impl Iterator<Item = u32> + '_ {
        (0..self.len(corpus) as u32).filter(move |&v| self.is_value(corpus, v))
    }

    /// The entity kind of an entity value (`None` for other facets): entity kinds are OR-ed
    /// within and AND-ed across, like facets.
    pub fn entity_kind(self, corpus: &Corpus, value: u32) -> Option<EntityKind> {
        (self == Facet::Entity).then(|| corpus.entities[value as usize].kind)
    }

    /// What kind of thing a value is, for programs: an entity's kind (`person`, `organisation`,
    /// `place`, `other`) for entity and voice values, else the facet's JSON name.
    pub fn kind(self, corpus: &Corpus, value: u32) -> &'static str {
        match self {
            Facet::Entity | Facet::Voice => corpus.entities[value as usize].kind.as_str(),
            _ => self.name(),
        }
    }

    /// What one value is called, for a reader: "Theme", "Person", "Place", "Quoted", "Section".
    pub fn noun(self, corpus: &Corpus, value: u32) -> &'static str {
        self.entity_kind(corpus, value).map_or(self.row().noun, EntityKind::noun)
    }

    /// The label shown for a value outside its facet group (chips, suggestions, explanations):
    /// a voice says it is quoted; a section names its document when there are several.
    pub fn display_label(self, corpus: &Corpus, value: u32) -> String {
        let label = self.label(corpus, value);
        match self {
            Facet::Voice => format!("quoted: {label}"),
            Facet::Section if corpus.documents.len() > 1 => {
                let document = corpus.sections[value as usize].document;
                format!("{} — {label}", corpus.documents[document as usize].title)
            }
            _ => label.to_string(),
        }
    }
}
