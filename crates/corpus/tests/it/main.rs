//! Integration tests of the corpus core, compiled as one binary: data-driven snapshots of whole
//! fixture folders, queries, bad input, and agreement with the human annotation of the seed.

mod annotation;
mod bad_input;
mod dates;
mod fixtures;
mod format;
mod guide;
mod hostile;
mod json;
mod queries;
mod search;
mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use loupe_corpus::compile::{compile_files, Compiled, SeedFile};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root exists")
}

/// Reads every file of `dir`, adding the real vocabularies (and world gazetteer) from `seeds/`
/// unless `dir` has its own.
pub fn load(dir: &Path) -> Vec<SeedFile> {
    let mut files: Vec<SeedFile> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| SeedFile { name: e.file_name().to_string_lossy().into_owned(), bytes: std::fs::read(e.path()).unwrap() })
        .collect();
    for vocabulary in loupe_corpus::vocab::FILES {
        if !files.iter().any(|f| f.name == vocabulary) {
            let bytes = std::fs::read(repo_root().join("seeds").join(vocabulary)).unwrap();
            files.push(SeedFile { name: vocabulary.to_string(), bytes });
        }
    }
    files
}

/// The compiled corpus of a fixture folder, compiled once per test binary: the world gazetteer
/// makes each compile cost most of a second in a debug build, and many tests share a folder.
pub fn compile_dir(dir: &Path) -> &'static Compiled {
    static COMPILED: Mutex<BTreeMap<PathBuf, &'static Compiled>> = Mutex::new(BTreeMap::new());
    if let Some(&compiled) = COMPILED.lock().unwrap_or_else(PoisonError::into_inner).get(dir) {
        return compiled;
    }
    // Compiled outside the lock, so tests over different folders compile side by side.
    let compiled: &'static Compiled = Box::leak(Box::new(compile_files(&load(dir))));
    COMPILED.lock().unwrap_or_else(PoisonError::into_inner).entry(dir.to_path_buf()).or_insert(compiled)
}

pub fn seed_corpus() -> &'static Compiled {
    compile_dir(&repo_root().join("seeds"))
}
