//! Minified JavaScript and CSS in every site, before names, integrity attributes, the pinned CSP,
//! the service worker's build and the precompressed copies are computed from them
//! (`finish.rs`). JavaScript goes through Oxc's minifier (parse, compress, mangle local names,
//! print without whitespace), CSS through Lightning CSS, the minifier Trunk itself uses for CSS
//! (Trunk's JavaScript minifier, minify-js 0.5, cannot parse wasm-bindgen's `export default`
//! glue and drops getters). Property names are never mangled: the names JavaScript reads from
//! wasm-bindgen's exports (`window.wasmBindings.loupeQuery`, the engine's `load()`) and from
//! messages survive. Minifying a minified file gives it back, so any Loupe site serves as a
//! template for another.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

use super::{Error, Files};

/// `text` (a classic script, or a module when it has `import`, `export` or `import.meta`)
/// minified; top-level names named in `keep` are neither renamed nor taken by a renamed one.
pub fn js(text: &str, keep: &[String]) -> Result<String, String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, SourceType::unambiguous()).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        let why = parsed.diagnostics.first().map_or_else(|| "it cannot be parsed".to_string(), |d| d.to_string());
        return Err(why);
    }
    let mut program = parsed.program;
    let mangle = MangleOptions { reserved: keep.iter().map(|name| name.as_str().into()).collect(), ..MangleOptions::default() };
    let options = MinifierOptions { mangle: Some(mangle), compress: Some(CompressOptions::smallest()), ..MinifierOptions::default() };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    let code = Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .with_private_member_mappings(minified.class_private_mappings)
        .build(&program)
        .code;
    Ok(code)
}

/// The names a script's top level declares or reads without declaring: what code joined to it
/// shares with it.
pub fn top_level_names(text: &str) -> Result<Vec<String>, String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, text, SourceType::unambiguous()).parse();
    if parsed.panicked || !parsed.diagnostics.is_empty() {
        return Err(parsed.diagnostics.first().map_or_else(|| "it cannot be parsed".to_string(), |d| d.to_string()));
    }
    let scoping = SemanticBuilder::new().build(&parsed.program).semantic.into_scoping();
    let mut names: Vec<String> = scoping.root_unresolved_references().keys().map(|name| name.to_string()).collect();
    names.extend(scoping.get_bindings(scoping.root_scope_id()).keys().map(|name| name.to_string()));
    names.sort();
    names.dedup();
    Ok(names)
}

/// `text` minified as CSS, for the browsers Lightning CSS assumes by default (nothing is lowered).
pub fn css(text: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(text, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet.minify(MinifyOptions::default()).map_err(|e| e.to_string())?;
    let printed = sheet.to_css(PrinterOptions { minify: true, ..PrinterOptions::default() }).map_err(|e| e.to_string())?;
    Ok(printed.code)
}

/// Minifies each `.js` and `.css` file of `files` that `chosen` picks (the others are made of
/// parts minified apart: the service worker, the engine module).
pub fn site(files: &mut Files, chosen: impl Fn(&str) -> bool) -> Result<(), Error> {
    for (name, bytes) in files.iter_mut().filter(|(name, _)| chosen(name)) {
        let minify: fn(&str) -> Result<String, String> = if name.ends_with(".js") || name.ends_with(".mjs") {
            |text| js(text, &[])
        } else if name.ends_with(".css") {
            css
        } else {
            continue;
        };
        let text = std::str::from_utf8(bytes).map_err(|_| Error::NotAnApp(format!("its {name} is not UTF-8")))?;
        *bytes = minify(text).map_err(|why| Error::NotAnApp(format!("its {name} cannot be minified: {why}")))?.into_bytes();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_without_renaming_what_others_read() {
        let module = "export function loupeQuery(query) { const longName = query + 1; return longName; }\n\
                      function helper(value) { return value * 2; }\nexport default helper;\n";
        let out = js(module, &[]).unwrap();
        assert!(out.len() < module.len() && out.contains("loupeQuery") && !out.contains("longName"), "{out}");
        let kept = js(module, &["helper".to_string()]).unwrap();
        assert!(kept.contains("helper"), "{kept}");
        assert_eq!(js(&out, &[]).unwrap(), out, "minifying twice changes nothing");
        let script = "var globalName = 1; window.wasmBindings.loupeQuery('x'); message.data.type;";
        let out = js(script, &[]).unwrap();
        assert!(out.contains("globalName") && out.contains(".loupeQuery(") && out.contains(".data.type"), "{out}");
        assert!(js("export {", &[]).is_err());
    }

    #[test]
    fn names_a_script_shares() {
        let names = top_level_names("let cache; export function load() { return init().then(() => loupeQuery(cache)); }").unwrap();
        assert_eq!(names, ["cache", "init", "load", "loupeQuery"]);
    }

    #[test]
    fn css_shrinks_and_stays_css() {
        let out = css("/* note */\n.card {\n  color: var(--loupe-text);\n  margin: 0px 0px;\n}\n@media (prefers-color-scheme: dark) { .card { color: white; } }\n").unwrap();
        assert!(!out.contains("note") && out.contains(".card{") && out.contains("var(--loupe-text)"), "{out}");
        assert_eq!(css(&out).unwrap(), out);
    }
}
