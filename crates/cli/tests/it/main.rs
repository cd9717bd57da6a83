//! Tests of the `loupe` command as a curator runs it (the binary itself): its output piped, its
//! checks' messages, and the sites it builds.

mod check;
mod command;
mod site;

use std::path::{Path, PathBuf};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root exists")
}

/// A copy of the fixture folder `fixture` (under `tests/corpus/`) with the real vocabularies
/// from `seeds/` where it has none, in a fresh temporary folder named after `name`.
pub fn seeds_copy(fixture: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo_root().join("tests/corpus").join(fixture)).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    for vocabulary in loupe_corpus::vocab::FILES {
        if !dir.join(vocabulary).exists() {
            std::fs::copy(repo_root().join("seeds").join(vocabulary), dir.join(vocabulary)).unwrap();
        }
    }
    dir
}
