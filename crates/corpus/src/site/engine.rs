//! The headless engine module in a site: `loupe-engine.js` (wasm-bindgen's `--target web` glue
//! of `crates/engine`, which Trunk builds into the template beside the app) and its wasm, at
//! stable names so that host pages can import them. Placing a corpus fills the engine's slot
//! as it fills the app's, and gives the glue its `load()` (`crates/engine/load.js`), both
//! minified: the glue with the names `load()` shares with it kept, then a marker line, then
//! `load()`, so that a later placement finds and replaces it.

use super::{minify, wasm, Error, Files};

/// The module a host page imports.
pub const JS: &str = "loupe-engine.js";
/// Its wasm, which the glue fetches relative to its own URL.
pub const WASM: &str = "loupe-engine_bg.wasm";

/// `load()`, appended to the glue after the line [`LOAD_MARKER`].
const LOAD: &str = include_str!("../../../engine/load.js");
pub const LOAD_MARKER: &str = "// loupe-engine: load()";

/// Whether a site file belongs to the engine module (its JS, wasm and types), which the app
/// itself never loads.
pub fn is_engine_file(name: &str) -> bool {
    name.starts_with("loupe-engine")
}

/// Places `corpus` into the engine module of `files`, if the template has one, and gives its
/// glue the current `load()` (replacing the one an earlier placement appended), minified.
pub fn place(files: &mut Files, corpus: &[u8]) -> Result<(), Error> {
    let Some(module) = files.get(WASM) else { return Ok(()) };
    let placed = wasm::place(module, corpus)?;
    files.insert(WASM.into(), placed);
    let glue = files.get(JS).ok_or_else(|| Error::NotAnApp(format!("it has {WASM} but not {JS}")))?;
    let glue = std::str::from_utf8(glue).map_err(|_| Error::NotAnApp(format!("its {JS} is not UTF-8")))?;
    let glue = glue.find(LOAD_MARKER).map_or(glue, |at| &glue[..at]);
    let not_minified = |why: String| Error::NotAnApp(format!("its {JS} cannot be minified: {why}"));
    let shared = minify::top_level_names(LOAD).map_err(not_minified)?;
    let glue = minify::js(glue, &shared).map_err(not_minified)?;
    let load = minify::js(LOAD, &shared).map_err(not_minified)?;
    files.insert(JS.into(), format!("{}\n{LOAD_MARKER}\n{load}", glue.trim_end()).into_bytes());
    Ok(())
}
