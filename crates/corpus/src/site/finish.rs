//! Finishing a site whose wasm changed: content-hashed names recomputed for the new wasm (and
//! the files that name it), the stylesheet inlined into `index.html`, `integrity` attributes
//! recomputed, the strict CSP pinned into `index.html` (its inline scripts and styles allowed by
//! their hashes), and the service worker's precache list and build version. It is the one
//! implementation: Trunk's `post_build` hook runs it too (`loupe place`).

use base64::Engine;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::{Error, Files};

pub const INDEX: &str = "index.html";
pub const WORKER: &str = "sw.js";

/// The policy Loupe runs under, allowing the inline scripts and styles whose hashes are given;
/// README.md explains each part.
fn policy(scripts: &[String], styles: &[String]) -> String {
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", scripts.join(" ")),
        format!("style-src 'self' {}", styles.join(" ")).trim_end().to_string(),
        "style-src-attr 'unsafe-inline'".into(),
        "img-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "manifest-src 'self'".into(),
        "worker-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// Replaces the wasm file `old_name` by `wasm`, minifies the JavaScript and CSS (`minify.rs`),
/// gives the wasm and each minified file that has a content hash in its name a name with its new
/// hash (the wasm's JS glue shares the wasm's) and rewrites every mention of the old names; then
/// inlines the stylesheet, and recomputes integrity attributes, the CSP and the service worker.
pub fn finish(files: &mut Files, old_name: &str, wasm: Vec<u8>) -> Result<(), Error> {
    files.insert(old_name.to_string(), wasm);
    let minified = |name: &str| name != WORKER && !super::engine::is_engine_file(name);
    super::minify::site(files, minified)?;
    let wasm_stem = old_name.strip_suffix("_bg.wasm").unwrap_or(old_name.trim_end_matches(".wasm"));
    let mut renames: Vec<(String, String)> = rehashed(wasm_stem, &files[old_name]).into_iter().collect();
    for (name, bytes) in files.iter() {
        let minifiable = name.ends_with(".js") || name.ends_with(".mjs") || name.ends_with(".css");
        if minifiable && minified(name) && !name.contains(wasm_stem) {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
            renames.extend(rehashed(stem, bytes));
        }
    }
    for (old, new) in renames {
        let names: Vec<String> = files.keys().filter(|n| n.contains(&old)).cloned().collect();
        for name in names {
            let bytes = files.remove(&name).expect("listed above");
            files.insert(name.replace(&old, &new), bytes);
        }
        for (name, bytes) in files.iter_mut() {
            if is_text(name) {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    if text.contains(&old) {
                        *bytes = text.replace(&old, &new).into_bytes();
                    }
                }
            }
        }
    }
    let index = files.get(INDEX).ok_or_else(|| Error::NotAnApp(format!("the template has no {INDEX}")))?;
    let index = String::from_utf8(index.clone()).map_err(|_| Error::NotAnApp(format!("its {INDEX} is not UTF-8")))?;
    let index = inline_stylesheets(&index, files);
    let index = pin_csp(&with_integrity(&index, files)?);
    files.insert(INDEX.into(), index.into_bytes());
    write_worker(files)
}

/// For a file name stem `<name>-<hex>` (Trunk's hashed names, such as `shell-62bb3af2409052c6`
/// or `loupe-app-7a48882ee4558222_bg` without its `_bg`), the stem with the hash of `bytes`
/// instead, when it differs.
fn rehashed(stem: &str, bytes: &[u8]) -> Option<(String, String)> {
    let (name, hash) = stem.rsplit_once('-')?;
    if hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let new = format!("{name}-{}", &hex(&Sha256::digest(bytes))[..hash.len().min(64)]);
    (new != stem).then(|| (stem.to_string(), new))
}

fn is_text(name: &str) -> bool {
    [".html", ".js", ".mjs", ".css", ".json", ".webmanifest"].iter().any(|ext| name.ends_with(ext))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The value of attribute `name` in the tag text `tag` (double-quoted, as Trunk writes them),
/// with its byte range.
fn attribute(tag: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(&format!("{name}=\"")) {
        let at = from + found;
        let before = tag[..at].chars().next_back();
        let start = at + name.len() + 2;
        if before.is_some_and(char::is_whitespace) {
            let end = start + tag[start..].find('"')?;
            return Some((start, end));
        }
        from = start;
    }
    None
}

/// Tags of `html` named `name` (`<name …>`): their byte ranges, `<` to `>` inclusive.
fn tags(html: &str, name: &str) -> Vec<(usize, usize)> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find(&open) {
        let start = from + found;
        let after = html[start + open.len()..].chars().next();
        let Some(end) = html[start..].find('>').map(|e| start + e + 1) else { break };
        if after.is_some_and(|c| c.is_whitespace() || c == '>') {
            out.push((start, end));
        }
        from = end;
    }
    out
}

/// `index.html` with each stylesheet it links that is a file of the site inlined as a `<style>`,
/// and those files dropped from the site: the first paint waits for the page's styles, and so no
/// longer for a second request. A sheet that could close its `<style>` early stays linked.
fn inline_stylesheets(index: &str, files: &mut Files) -> String {
    let mut html = index.to_string();
    for (start, end) in tags(index, "link").into_iter().rev() {
        let tag = &index[start..end];
        let Some((h0, h1)) = attribute(tag, "href").filter(|_| attribute(tag, "rel").is_some_and(|(r0, r1)| &tag[r0..r1] == "stylesheet")) else { continue };
        let name = tag[h0..h1].trim_start_matches("./");
        let Some(Ok(css)) = files.get(name).map(|bytes| std::str::from_utf8(bytes)) else { continue };
        if css.to_ascii_lowercase().contains("</style") {
            continue;
        }
        html.replace_range(start..end, &format!("<style>{css}</style>"));
        files.remove(name);
    }
    html
}

/// `index.html` with every `integrity` attribute of a `<link>` or `<script>` recomputed from
/// the file it names.
fn with_integrity(index: &str, files: &Files) -> Result<String, Error> {
    let mut edits = Vec::new();
    for (start, end) in tags(index, "link").into_iter().chain(tags(index, "script")) {
        let tag = &index[start..end];
        let Some((i0, i1)) = attribute(tag, "integrity") else { continue };
        let Some((h0, h1)) = attribute(tag, "href").or_else(|| attribute(tag, "src")) else { continue };
        let target = tag[h0..h1].trim_start_matches("./").trim_start_matches('/');
        let bytes = files.get(target).ok_or_else(|| Error::NotAnApp(format!("{INDEX} names {target}, which the template lacks")))?;
        let integrity = match tag[i0..i1].split_once('-').map(|(algorithm, _)| algorithm) {
            Some("sha256") => format!("sha256-{}", b64(&Sha256::digest(bytes))),
            Some("sha512") => format!("sha512-{}", b64(&Sha512::digest(bytes))),
            _ => format!("sha384-{}", b64(&Sha384::digest(bytes))),
        };
        edits.push((start + i0, start + i1, integrity));
    }
    edits.sort();
    let mut out = index.to_string();
    for (start, end, value) in edits.into_iter().rev() {
        out.replace_range(start..end, &value);
    }
    Ok(out)
}

/// `index.html` with the CSP `<meta>` (re)written right after `<meta charset="utf-8">`.
fn pin_csp(index: &str) -> String {
    let mut html = index.to_string();
    if let Some((start, end)) = tags(&html, "meta").into_iter().find(|&(s, e)| html[s..e].contains("http-equiv=\"Content-Security-Policy\"")) {
        let start = html[..start].trim_end().len();
        html.replace_range(start..end, "");
    }
    let hashes = |name: &str| -> Vec<String> {
        let close = format!("</{name}>");
        tags(&html, name)
            .into_iter()
            .filter(|&(s, e)| attribute(&html[s..e], "src").is_none())
            .filter_map(|(_, e)| html[e..].find(&close).map(|c| &html[e..e + c]))
            .map(|body| format!("'sha256-{}'", b64(&Sha256::digest(body.as_bytes()))))
            .collect()
    };
    let policy = policy(&hashes("script"), &hashes("style"));
    let charset = "<meta charset=\"utf-8\">";
    html.replacen(charset, &format!("{charset}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"), 1)
}

/// Writes the service worker: its first line, the build's data (the precache list: every file
/// but the worker, dot files and the headless engine's, which the app never loads; sorted; and
/// the build version, a hash of their names and contents), then the rest of the template's
/// worker, minified.
fn write_worker(files: &mut Files) -> Result<(), Error> {
    let listed: Vec<&String> = files
        .keys()
        .filter(|n| n.as_str() != WORKER && !super::engine::is_engine_file(n) && !n.split('/').any(|part| part.starts_with('.')))
        .collect();
    let mut hash = Sha256::new();
    for name in &listed {
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(&files[*name]);
    }
    let build = &hex(&hash.finalize())[..16];
    let precache: Vec<String> = std::iter::once("./".to_string()).chain(listed.iter().map(|n| format!("./{n}"))).collect();
    let precache = serde_json::to_string(&precache).expect("strings always serialise");
    let worker = files.get(WORKER).ok_or_else(|| Error::NotAnApp(format!("the template has no {WORKER}")))?;
    let worker = std::str::from_utf8(worker).map_err(|_| Error::NotAnApp(format!("its {WORKER} is not UTF-8")))?;
    let code = match worker.split_once('\n') {
        Some((data, code)) if data.starts_with("const BUILD") => code,
        _ => return Err(Error::NotAnApp(format!("its {WORKER} does not start with a line `const BUILD = …, PRECACHE = …;`"))),
    };
    let code = super::minify::js(code, &[]).map_err(|why| Error::NotAnApp(format!("its {WORKER} cannot be minified: {why}")))?;
    files.insert(WORKER.into(), format!("const BUILD='{build}',PRECACHE={precache};\n{code}").into_bytes());
    Ok(())
}

/// Integrity values are checked by the browser; these pin the shapes the scanner relies on.
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn site(index: &str) -> Files {
        let mut files = BTreeMap::new();
        files.insert(INDEX.into(), index.as_bytes().to_vec());
        files.insert("app-00ff_bg.wasm".into(), b"old".to_vec());
        files.insert("app-00ff.js".into(), b"import('./app-00ff_bg.wasm')".to_vec());
        files.insert(WORKER.into(), b"const BUILD = 'x', PRECACHE = [];\nself.addEventListener('install', () => caches.open(BUILD));\n".to_vec());
        files.insert("shell-abcd.js".into(), b"(function () {\n  var longName = 'shell';\n  console.log(longName);\n})();\n".to_vec());
        files.insert(".loupe-build".into(), b"".to_vec());
        files
    }

    #[test]
    fn renames_rehashes_and_pins() {
        let index = "<html><head>\n  <meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"old\">\n  \
                     <link rel=\"modulepreload\" href=\"./app-00ff.js\" integrity=\"sha384-old\">\n  \
                     <script type=\"module\">import './app-00ff.js';</script>\n  <script src=\"./shell-abcd.js\" integrity=\"sha384-old\"></script>\n</head></html>";
        let mut files = site(index);
        finish(&mut files, "app-00ff_bg.wasm", b"new".to_vec()).unwrap();
        let hash = &hex(&Sha256::digest(b"new"))[..4];
        let js = format!("app-{hash}.js");
        assert_eq!(files[&format!("app-{hash}_bg.wasm")], b"new");
        assert_eq!(String::from_utf8_lossy(&files[&js]), format!("import(`./app-{hash}_bg.wasm`);"));
        let index = String::from_utf8(files[INDEX].clone()).unwrap();
        assert_eq!(index.matches("Content-Security-Policy").count(), 1);
        let loader = format!("import './app-{hash}.js';");
        assert!(index.contains(&format!("'sha256-{}'", b64(&Sha256::digest(loader.as_bytes())))), "{index}");
        assert!(index.contains(&format!("integrity=\"sha384-{}\"", b64(&Sha384::digest(&files[&js])))), "{index}");
        let shell = files.keys().find(|n| n.starts_with("shell-")).unwrap().clone();
        assert_eq!(shell, format!("shell-{}.js", &hex(&Sha256::digest(&files[&shell]))[..4]));
        assert_eq!(String::from_utf8_lossy(&files[&shell]), "(function(){console.log(`shell`)})();");
        assert!(index.contains(&format!("src=\"./{shell}\" integrity=\"sha384-{}\"", b64(&Sha384::digest(&files[&shell])))), "{index}");
        let worker = String::from_utf8(files[WORKER].clone()).unwrap();
        assert!(worker.starts_with("const BUILD='") && worker.ends_with("\nself.addEventListener(`install`,()=>caches.open(BUILD));"), "{worker}");
        assert!(worker.contains(&format!("\"./{js}\"")) && !worker.contains(".loupe-build") && !worker.contains("\"./sw.js\""), "{worker}");
    }

    #[test]
    fn inlines_the_stylesheet_and_pins_its_hash() {
        let index = "<html><head>\n  <meta charset=\"utf-8\">\n  <link rel=\"stylesheet\" href=\"./main-1234.css\" integrity=\"sha384-old\"/>\n  \
                     <link rel=\"stylesheet\" href=\"./odd-5678.css\" integrity=\"sha384-old\"/>\n</head></html>";
        let mut files = site(index);
        files.insert("main-1234.css".into(), b"/* the page */\n.card {\n  color: #ff0000;\n}\n".to_vec());
        files.insert("odd-5678.css".into(), b".a::after { content: '</style>'; }".to_vec());
        finish(&mut files, "app-00ff_bg.wasm", b"new".to_vec()).unwrap();
        let index = String::from_utf8(files[INDEX].clone()).unwrap();
        assert!(index.contains("<style>.card{color:red}</style>"), "minified, then inlined: {index}");
        assert!(!files.keys().any(|n| n.starts_with("main-")), "the inlined sheet is no file of the site: {:?}", files.keys());
        let style_src = format!("style-src 'self' 'sha256-{}';", b64(&Sha256::digest(b".card{color:red}")));
        assert!(index.contains(&style_src), "{index}");
        let odd = files.keys().find(|n| n.starts_with("odd-")).expect("a sheet that could close its <style> early stays a file").clone();
        assert!(index.contains(&format!("href=\"./{odd}\"")), "and stays linked: {index}");
        let worker = String::from_utf8(files[WORKER].clone()).unwrap();
        assert!(!worker.contains("main-") && worker.contains(&odd), "{worker}");
    }
}
