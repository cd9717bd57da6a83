//! The site builder through the `loupe` command, on a small stand-in app template (a valid wasm
//! module with a corpus slot, Trunk-shaped file names, a loader, a service worker, the place of
//! the prerendered page): a site is built and rebuilt over itself, its first page is the app's
//! default view, and each kind of bad input ends with a message and status 2, with nothing
//! written or deleted.

use std::path::{Path, PathBuf};
use std::process::Command;

use loupe_corpus::encode::{encode, FORMAT_VERSION};
use loupe_corpus::site::{engine, page, wasm, MARKER};
use loupe_corpus::slot::{self, Slot};
use wasm_encoder::{ConstExpr, CustomSection, DataSection, MemorySection, MemoryType, Module};

use crate::repo_root;

const WASM: &str = "loupe-app-0123456789abcdef_bg.wasm";
const JS: &str = "loupe-app-0123456789abcdef.js";
const CSS: &str = "main-00112233aabbccdd.css";

/// A wasm module shaped like the app: one memory of `pages` (and `maximum`), some data holding
/// the empty corpus slot, and the corpus format section.
fn app_module(format: u16, pages: u64, maximum: Option<u64>) -> Vec<u8> {
    let slot = Slot::EMPTY;
    let mut data_bytes = b"rodata before the slot ".to_vec();
    data_bytes.extend_from_slice(&slot.magic);
    data_bytes.extend_from_slice(&slot.offset.to_le_bytes());
    data_bytes.extend_from_slice(&slot.len.to_le_bytes());
    data_bytes.extend_from_slice(b" and after it");
    let mut memories = MemorySection::new();
    memories.memory(MemoryType { minimum: pages, maximum, memory64: false, shared: false, page_size_log2: None });
    let mut data = DataSection::new();
    data.active(0, &ConstExpr::i32_const(1024), data_bytes);
    let mut module = Module::new();
    module.section(&memories).section(&data);
    module.section(&CustomSection { name: slot::FORMAT_SECTION.into(), data: format.to_le_bytes().as_slice().into() });
    module.finish()
}

/// A folder holding a stand-in template around `module`.
fn template(name: &str, module: Vec<u8>) -> PathBuf {
    let dir = scratch(name).join("template");
    std::fs::create_dir_all(&dir).unwrap();
    let loader = format!("import init from './{JS}'; await init({{ module_or_path: './{WASM}' }});");
    let index = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  \
         <link rel=\"modulepreload\" href=\"./{JS}\" crossorigin=\"anonymous\" integrity=\"sha384-stale\">\n  \
         <link rel=\"stylesheet\" href=\"./{CSS}\" integrity=\"sha384-stale\">\n  \
         <script type=\"module\">{loader}</script>\n</head>\n\
         <body><div id=\"prerendered\">{}{}</div></body>\n</html>\n",
        page::START,
        page::END
    );
    std::fs::write(dir.join("index.html"), index).unwrap();
    std::fs::write(dir.join(WASM), module).unwrap();
    std::fs::write(dir.join(CSS), "/* the page */\n.card {\n  color: #ff0000;\n}\n").unwrap();
    std::fs::write(dir.join(JS), "export default async function init() {}\n").unwrap();
    std::fs::write(dir.join("sw.js"), "const BUILD = '__LOUPE_BUILD__', PRECACHE = __LOUPE_PRECACHE__;\nself.addEventListener('install', () => caches.open(BUILD));\n").unwrap();
    dir
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `loupe build`; returns its exit status and stderr.
fn loupe_build(template: &Path, seeds: &Path, out: &Path) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(["build", "--template"])
        .arg(template)
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(out)
        .env_remove("LOUPE_SEEDS")
        .output()
        .unwrap();
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn the_wasm(site: &Path) -> Vec<u8> {
    let name = listing(site).into_iter().find(|n| n.ends_with(".wasm") && !engine::is_engine_file(n)).expect("a wasm file");
    std::fs::read(site.join(name)).unwrap()
}

#[test]
fn a_site_carries_the_seed_corpus_and_can_be_built_again() {
    let template = template("ok", app_module(FORMAT_VERSION, 17, None));
    let seeds = repo_root().join("seeds");
    let out = template.parent().unwrap().join("site");
    let (status, stderr) = loupe_build(&template, &seeds, &out);
    assert_eq!(status, Some(0), "{stderr}");

    let expected = encode(&loupe_corpus::compile::compile_dir(&seeds).corpus);
    let module = the_wasm(&out);
    wasmparser::Validator::new().validate_all(&module).expect("a valid module");
    assert_eq!(wasm::placed_corpus(&module).unwrap(), Some(expected.as_slice()), "the seed corpus, placed whole");
    let names = listing(&out);
    assert!(names.contains(&MARKER.to_string()) && !names.contains(&WASM.to_string()) && !names.contains(&JS.to_string()), "{names:?}");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Content-Security-Policy") && !index.contains("sha384-stale") && !index.contains("0123456789abcdef"), "{index}");
    let worker = std::fs::read_to_string(out.join("sw.js")).unwrap();
    assert!(!worker.contains("__LOUPE_") && worker.contains(".wasm\""), "{worker}");
    let glue = names.iter().find(|n| n.ends_with(".js") && n.starts_with("loupe-app-")).expect("the glue");
    assert_eq!(std::fs::read_to_string(out.join(glue)).unwrap(), "export default async function e(){}", "minified");
    assert!(!names.iter().any(|n| n.ends_with(".css")), "the stylesheet is no file of the site: {names:?}");
    assert!(index.contains("<style>.card{color:red}</style>") && !index.contains(CSS), "minified, inlined into the page: {index}");
    // The first page: the app's default view of the seed, its first passages drawn.
    let corpus = loupe_corpus::compile::compile_dir(&seeds).corpus;
    let prerendered = prerendered(&index);
    let first_passage = &corpus.passages[0];
    assert!(prerendered.contains(&format!("data-passage=\"{}\"", first_passage.id)), "{prerendered}");
    assert!(prerendered.contains(&corpus.documents[0].title.replace('&', "&amp;")), "the heading names the document: {prerendered}");
    assert!(prerendered.contains("19 passages in 1 document"), "{prerendered}");
    let first: std::collections::HashMap<&str, String> =
        ["index.html", "sw.js"].into_iter().map(|n| (n, std::fs::read_to_string(out.join(n)).unwrap())).collect();

    // An earlier build is replaced; a site is itself a template (its corpus is replaced, not added).
    let (status, stderr) = loupe_build(&out, &seeds, &out);
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(the_wasm(&out), module, "the same seeds give the same wasm");
    assert_eq!(listing(&out), names, "the same names: minified files minify to themselves");
    for name in ["index.html", "sw.js"] {
        assert_eq!(std::fs::read_to_string(out.join(name)).unwrap(), *first.get(name).unwrap(), "{name} is the same");
    }
    std::fs::remove_dir_all(template.parent().unwrap()).unwrap();
}

/// What `index.html` holds between the prerendered page's markers.
fn prerendered(index: &str) -> &str {
    let start = index.find(page::START).expect("the page's start") + page::START.len();
    let end = index.find(page::END).expect("the page's end");
    &index[start..end]
}

#[test]
fn the_first_page_renders_corpus_text_as_text() {
    let template = template("hostile", app_module(FORMAT_VERSION, 17, None));
    let out = template.parent().unwrap().join("site");
    let (status, stderr) = loupe_build(&template, &repo_root().join("tests/corpus/hostile"), &out);
    assert_eq!(status, Some(0), "{stderr}");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let page = prerendered(&index);
    assert!(page.contains("data-passage"), "the hostile passages are drawn: {page}");
    for markup in ["<script", "<img", "<style", "<b>", "<a href=javascript"] {
        assert!(!page.contains(markup), "{markup} in the page: {page}");
    }
    assert!(page.contains("&lt;script&gt;") || page.contains("&lt;script>"), "the text shows its markup as text: {page}");
    std::fs::remove_dir_all(template.parent().unwrap()).unwrap();
}

#[test]
fn the_engine_module_gets_the_same_corpus_and_its_load_once() {
    let template = template("engine", app_module(FORMAT_VERSION, 17, None));
    std::fs::write(template.join(engine::WASM), app_module(FORMAT_VERSION, 2, None)).unwrap();
    std::fs::write(template.join(engine::JS), "async function __wbg_init() {}\nexport default __wbg_init;\n").unwrap();
    let seeds = repo_root().join("seeds");
    let out = template.parent().unwrap().join("site");
    let mut first_glue = String::new();
    for _ in 0..2 {
        // The second time, the site is its own template: its glue already has a `load()`.
        let from = if out.exists() { out.clone() } else { template.clone() };
        let (status, stderr) = loupe_build(&from, &seeds, &out);
        assert_eq!(status, Some(0), "{stderr}");
        let expected = encode(&loupe_corpus::compile::compile_dir(&seeds).corpus);
        let module = std::fs::read(out.join(engine::WASM)).unwrap();
        assert_eq!(wasm::placed_corpus(&module).unwrap(), Some(expected.as_slice()), "the engine holds the corpus");
        let glue = std::fs::read_to_string(out.join(engine::JS)).unwrap();
        assert!(glue.starts_with("async function __wbg_init()") && glue.matches("export function load()").count() == 1, "{glue}");
        assert_eq!(glue.matches(engine::LOAD_MARKER).count(), 1, "one load(), after the marker: {glue}");
        assert!(!glue.contains("Fetches and starts") && !glue.contains("\n  "), "load() is minified: {glue}");
        if from == out {
            assert_eq!(glue, first_glue, "a site made from a site has the same engine module");
        }
        first_glue = glue.clone();
        let worker = std::fs::read_to_string(out.join("sw.js")).unwrap();
        assert!(!worker.contains("loupe-engine"), "the app never loads the engine: {worker}");
    }
    std::fs::remove_dir_all(template.parent().unwrap()).unwrap();
}

/// Each case: a message naming the problem, status 2, and the output folder untouched.
fn refused(name: &str, module: Vec<u8>, seeds: &Path, message: &str) {
    let template = template(name, module);
    let root = template.parent().unwrap().to_path_buf();
    let out = root.join("out");
    let (status, stderr) = loupe_build(&template, seeds, &out);
    assert_eq!(status, Some(2), "{name}: {stderr}");
    assert!(stderr.contains(message), "{name}: {stderr}");
    assert_eq!(listing(&root), ["template"], "{name}: nothing written beside it");
    std::fs::remove_dir_all(root).unwrap();
}

#[test]
fn a_template_of_another_corpus_format_is_refused() {
    let seeds = repo_root().join("seeds");
    refused("format", app_module(FORMAT_VERSION + 1, 17, None), &seeds, &format!("reads corpus format version {}", FORMAT_VERSION + 1));
}

#[test]
fn a_damaged_template_is_refused() {
    let seeds = repo_root().join("seeds");
    let module = app_module(FORMAT_VERSION, 17, None);
    refused("cut", module[..module.len() - 5].to_vec(), &seeds, "wasm is damaged");
    let mut bad = module.clone();
    bad[4] = 9; // the binary format version
    refused("version", bad, &seeds, "wasm is damaged");
    refused("no-slot", module.iter().map(|&b| if b == b':' { b';' } else { b }).collect(), &seeds, "has no corpus slot");
}

#[test]
fn a_corpus_too_large_for_the_memory_is_refused() {
    let seeds = repo_root().join("seeds");
    refused("large", app_module(FORMAT_VERSION, 17, Some(18)), &seeds, "too large for the app's memory");
}

#[test]
fn seeds_without_a_document_write_nothing() {
    let seeds = scratch("empty-seeds");
    std::fs::copy(repo_root().join("seeds/themes.toml"), seeds.join("themes.toml")).unwrap();
    refused("no-documents", app_module(FORMAT_VERSION, 17, None), &seeds, "nothing could be compiled");
    std::fs::remove_dir_all(seeds).unwrap();
}

#[test]
fn seeds_with_errors_still_build_the_rest_and_fail() {
    let seeds = scratch("bad-seeds");
    for entry in std::fs::read_dir(repo_root().join("seeds")).unwrap().flatten() {
        std::fs::copy(entry.path(), seeds.join(entry.file_name())).unwrap();
    }
    std::fs::write(seeds.join("broken.txt"), b"A Title\nCaf\xe9 society met in Paris.\n").unwrap();
    let template = template("bad-seeds-site", app_module(FORMAT_VERSION, 17, None));
    let out = template.parent().unwrap().join("out");
    let (status, stderr) = loupe_build(&template, &seeds, &out);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains(&format!("{}:2: error: not valid UTF-8", seeds.join("broken.txt").display())), "{stderr}");
    let placed = wasm::placed_corpus(&the_wasm(&out)).unwrap().map(<[u8]>::to_vec);
    let corpus = loupe_corpus::encode::decode(&placed.unwrap()).unwrap();
    assert_eq!(corpus.documents.len(), 1, "the seed article is built");
    std::fs::remove_dir_all(template.parent().unwrap()).unwrap();
    std::fs::remove_dir_all(seeds).unwrap();
}

#[test]
fn an_output_folder_that_is_not_a_loupe_build_is_left_alone() {
    let template = template("taken", app_module(FORMAT_VERSION, 17, None));
    let root = template.parent().unwrap().to_path_buf();
    let out = root.join("precious");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let (status, stderr) = loupe_build(&template, &repo_root().join("seeds"), &out);
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains("is neither empty nor an earlier Loupe build"), "{stderr}");
    assert_eq!(listing(&out), ["notes.txt"]);
    assert_eq!(listing(&root), ["precious", "template"]);
    std::fs::remove_dir_all(root).unwrap();
}
