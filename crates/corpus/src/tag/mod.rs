//! Tagging: themes with their evidence (`themes`), entity mentions and voices (`entities`).
//!
//! Everything the taggers know about English comes from `themes.toml` and `entities.toml`;
//! the code holds only the shape of the rules.

mod entities;
mod themes;

pub use entities::{DocumentState, EntityRecord, EntityTagger, PassageEntities};
pub use themes::{stem_collisions, StemCollision, ThemeTagger};

use crate::model::Span;

/// Index of the sentence holding byte `offset` (the last one past the end).
fn sentence_of(sentences: &[Span], offset: usize) -> usize {
    sentences.partition_point(|s| s.end as usize <= offset).min(sentences.len().saturating_sub(1))
}
