//! Loupe's corpus core: turns `seeds/` into an indexed corpus and answers queries over it.
//!
//! The same crate serves the wasm app (decode + query) and the native `loupe` command (compile +
//! encode, and the site builder that places the corpus into the prebuilt app), so the page and
//! the command always give the same answer.

pub mod api;
pub mod dates;
pub mod diag;
pub mod encode;
pub mod export;
pub mod facet;
pub mod guide;
pub mod highlight;
pub mod index;
pub mod json;
pub mod model;
pub mod query;
pub mod search;
pub mod slot;
pub mod sort;
pub mod text;
pub mod views;

#[cfg(feature = "compile")]
pub mod compile;
#[cfg(feature = "compile")]
pub mod parse;
// Native only: a wasm build of the whole workspace's default members (Trunk's `cargo build --bin
// loupe-app`) unifies this crate's features, `cli` included, and the minifier's crates are not
// even dependencies on wasm.
#[cfg(all(feature = "cli", not(target_family = "wasm")))]
pub mod site;
#[cfg(feature = "compile")]
pub mod tag;
#[cfg(feature = "compile")]
pub mod vocab;

pub use diag::{Diagnostic, Severity};
pub use model::Corpus;
pub use query::{Query, QueryResult};
