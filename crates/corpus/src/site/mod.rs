//! The site builder behind `loupe build`, `loupe serve` and Trunk's hook: a compiled corpus
//! placed into a prebuilt app (the template) makes a complete, deployable site, with no Rust
//! toolchain, Trunk, wasm-bindgen or wasm-opt at build time.

pub mod compress;
pub mod engine;
mod finish;
pub mod minify;
pub mod page;
pub mod serve;
pub mod template;
pub mod wasm;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use template::Template;

use crate::compile::{compile_dir, Compiled};

/// Renders the app's default view as HTML over an encoded corpus, with the app's own components
/// (`loupe_app::prerender`, which the `loupe` command links; this crate cannot, as the app
/// depends on it). The error says why the corpus could not be read.
pub type Prerender = fn(&[u8]) -> Result<String, String>;

/// A site's files by path relative to its root (`/`-separated).
pub type Files = BTreeMap<String, Vec<u8>>;

/// The file that marks a folder as a Loupe build, which `loupe build --out` may replace.
pub const MARKER: &str = ".loupe-build";
const MARKER_TEXT: &str = "A site made by Loupe; a later `loupe build --out` may replace this folder.\n";

#[derive(Debug)]
pub enum Error {
    /// No template could be found or prepared.
    NoTemplate(String),
    /// The template's wasm is not a valid module.
    DamagedTemplate(String),
    /// The template is not a Loupe app (no corpus slot, no index.html, …).
    NotAnApp(String),
    FormatMismatch { template: u16, binary: u16 },
    /// Bytes of the corpus, the memory's maximum and what the app itself takes.
    CorpusTooLarge { corpus: u64, memory: u64, app: u64 },
    /// Nothing in the seeds folder could be compiled (its diagnostics say why).
    NoCorpus(PathBuf),
    /// The output folder holds something that is not a Loupe build.
    OutputTaken(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = |bytes: &u64| *bytes as f64 / 1_048_576.0;
        match self {
            Error::NoTemplate(why) => write!(f, "no app template: {why}"),
            Error::DamagedTemplate(why) => write!(f, "the app template's wasm is damaged ({why}); prepare the template again"),
            Error::NotAnApp(why) => write!(f, "the app template is not a Loupe app: {why}"),
            Error::FormatMismatch { template, binary } => write!(
                f,
                "the app template reads corpus format version {template}, this loupe writes version {binary}: \
                 use a template made from the same Loupe version (prepare it again)"
            ),
            Error::CorpusTooLarge { corpus, memory, app } => write!(
                f,
                "the corpus ({:.1} MB) is too large for the app's memory: {:.1} MB at most, of which the app takes {:.1} MB \
                 and decoding needs as much again as the corpus",
                mb(corpus),
                mb(memory),
                mb(app)
            ),
            Error::NoCorpus(seeds) => write!(f, "nothing could be compiled from {}; nothing was written", seeds.display()),
            Error::OutputTaken(out) => write!(
                f,
                "{} is neither empty nor an earlier Loupe build (it has no {MARKER}); nothing was written or deleted: \
                 choose another folder with --out",
                out.display()
            ),
            Error::Io(path, e) => write!(f, "{}: {e}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// Compiles `seeds` and builds the site from it; the compiler's diagnostics come back either
/// way. Documents with errors are left out and the rest builds.
pub fn from_seeds(template: &Template, seeds: &Path) -> (Compiled, Result<Files, Error>) {
    let compiled = compile_dir(seeds);
    if compiled.corpus.passages.is_empty() {
        return (compiled, Err(Error::NoCorpus(seeds.to_path_buf())));
    }
    let files = build(template, &crate::encode::encode(&compiled.corpus));
    (compiled, files)
}

/// The template's files with `corpus` placed into its app wasm (and its engine module's),
/// finished for deployment.
pub fn build(template: &Template, corpus: &[u8]) -> Result<Files, Error> {
    let mut files = template.files.clone();
    if let Some(prerender) = template.prerender {
        let html = prerender(corpus).map_err(|e| Error::NotAnApp(format!("its page cannot be rendered: {e}")))?;
        page::place(&mut files, &html)?;
    }
    engine::place(&mut files, corpus)?;
    let (name, module) = template.app_wasm()?;
    let placed = wasm::place(module, corpus)?;
    let name = name.to_string();
    finish::finish(&mut files, &name, placed)?;
    Ok(files)
}

/// Writes `files` as the folder `out`, all or nothing: into a folder beside it first, which
/// then takes its place. `out` must be missing, empty or an earlier Loupe build.
pub fn write(files: &Files, out: &Path) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| Error::Io(path, e)
    };
    let replaces = match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() && !out.join(MARKER).is_file() {
                return Err(Error::OutputTaken(out.to_path_buf()));
            }
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Err(Error::OutputTaken(out.to_path_buf())),
        Err(e) => return Err(Error::Io(out.to_path_buf(), e)),
    };
    let name = out.file_name().ok_or_else(|| Error::OutputTaken(out.to_path_buf()))?.to_string_lossy();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let staging = parent.join(format!(".{name}.loupe-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.loupe-old-{}", std::process::id()));
    let result = (|| {
        write_files(files, &staging)?;
        if replaces {
            std::fs::rename(out, &old).map_err(io(out))?;
        }
        std::fs::rename(&staging, out).map_err(io(out))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        if replaces && !out.exists() {
            let _ = std::fs::rename(&old, out);
        }
    }
    result?;
    if replaces {
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(())
}

/// Writes `files` and the marker into the folder `dir`, which must not exist yet.
fn write_files(files: &Files, dir: &Path) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| Error::Io(path, e)
    };
    std::fs::create_dir(dir).map_err(io(dir))?;
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    let marker = dir.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(io(&marker))
}

/// Turns the folder `dir`, which held `old`, into the site `files` in place (for Trunk's
/// `post_build` hook, whose staging folder is not ours to replace).
pub fn rewrite(dir: &Path, old: &Template, files: &Files) -> Result<(), Error> {
    for name in old.files.keys().filter(|n| !files.contains_key(*n)) {
        let path = dir.join(name);
        std::fs::remove_file(&path).map_err(|e| Error::Io(path, e))?;
    }
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| Error::Io(path, e))?;
    }
    let marker = dir.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(|e| Error::Io(marker, e))
}
