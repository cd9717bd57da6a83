//! The headless engine module in a site: `loupe-engine.js` (wasm-bindgen's `--target web` glue
//! of `crates/engine`, which Trunk builds into the template beside the app) and its wasm, at
//! stable names so that host pages can import them. Placing a corpus fills the engine's slot
//! as it fills the app's, and gives the glue its `load()` (`crates/engine/load.js`).

use super::{wasm, Error, Files};

/// The module a host page imports.
pub const JS: &str = "loupe-engine.js";
/// Its wasm, which the glue fetches relative to its own URL.
pub const WASM: &str = "loupe-engine_bg.wasm";

/// `load()`, appended to the glue; it starts with [`LOAD_MARKER`].
const LOAD: &str = include_str!("../../../engine/load.js");
const LOAD_MARKER: &str = "// loupe-engine: load()";

/// Whether a site file belongs to the engine module (its JS, wasm and types), which the app
/// itself never loads.
pub fn is_engine_file(name: &str) -> bool {
    name.starts_with("loupe-engine")
}

/// Places `corpus` into the engine module of `files`, if the template has one, and gives its
/// glue the current `load()` (replacing the one an earlier placement appended).
pub fn place(files: &mut Files, corpus: &[u8]) -> Result<(), Error> {
    let Some(module) = files.get(WASM) else { return Ok(()) };
    let placed = wasm::place(module, corpus)?;
    files.insert(WASM.into(), placed);
    let glue = files.get(JS).ok_or_else(|| Error::NotAnApp(format!("it has {WASM} but not {JS}")))?;
    let glue = std::str::from_utf8(glue).map_err(|_| Error::NotAnApp(format!("its {JS} is not UTF-8")))?;
    let glue = glue.find(LOAD_MARKER).map_or(glue, |at| &glue[..at]);
    let glue = format!("{}\n\n{LOAD}", glue.trim_end());
    files.insert(JS.into(), glue.into_bytes());
    Ok(())
}
