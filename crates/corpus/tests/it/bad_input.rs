//! Bad seed files: each gets a diagnostic naming the file (and line), nothing panics, and the
//! valid documents still compile.

use std::path::{Path, PathBuf};

use expect_test::expect;
use loupe_corpus::compile::compile_dir;
use loupe_corpus::query::Facet;

use crate::repo_root;

/// A fresh folder holding the seed vocabularies, one good article and the given files.
fn seeds_with(name: &str, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-bad-input-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for vocabulary in ["themes.toml", "entities.toml"] {
        std::fs::copy(repo_root().join("seeds").join(vocabulary), dir.join(vocabulary)).unwrap();
    }
    std::fs::write(dir.join("good.txt"), "A Good Article\nTrade between the two countries grew, officials said.\n").unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

fn diagnostics_of(dir: &Path) -> (String, Vec<String>) {
    let compiled = compile_dir(dir);
    let shown = compiled.diagnostics.iter().map(|d| d.to_string().replace(&dir.display().to_string(), "<seeds>")).collect::<Vec<_>>().join("\n");
    (shown, compiled.corpus.documents.iter().map(|d| d.source_file.clone()).collect())
}

#[test]
fn each_bad_file_is_named_and_the_rest_compiles() {
    let mut long_line = b"word ".repeat(1_000_000);
    long_line.push(b'\n');
    let dir = seeds_with(
        "files",
        &[
            ("empty.txt", Vec::new()),
            ("latin1.txt", b"Title\nCaf\xe9 society met in Paris.\n".to_vec()),
            ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec()),
            ("huge.txt", long_line),
            ("crlf.txt", b"A Title\r\nOne paragraph here.\r\nAnother one.\r\n".to_vec()),
            ("bom.txt", b"\xEF\xBB\xBFA Title\nOne paragraph.\n".to_vec()),
            ("only-heading.txt", b"Just A Heading\n".to_vec()),
            ("bad.toml", b"title = \"x\"\n".to_vec()),
        ],
    );
    let (shown, documents) = diagnostics_of(&dir);
    expect![[r#"
        <seeds>/bad.toml: warning: ignored: documents are `*.txt`, metadata `<document>.toml`
        <seeds>/binary.txt:3: error: binary file (it contains NUL bytes); seeds must be UTF-8 text
        <seeds>/bom.txt:1: warning: byte-order mark (BOM) at the start of the file; it was ignored
        <seeds>/crlf.txt:1: warning: Windows (CRLF) or old Mac (CR) line ends; they were read as plain line ends
        <seeds>/empty.txt: error: file is empty; it holds no passages
        <seeds>/huge.txt:1: error: line is 5000000 bytes long; the limit is 200000 (is this a text article?)
        <seeds>/latin1.txt:2: error: not valid UTF-8 (byte 10 is not part of a UTF-8 character); save the file as UTF-8
        <seeds>/only-heading.txt: error: no paragraphs found: the file holds only headings"#]]
    .assert_eq(&shown);
    assert_eq!(documents, ["bom.txt", "crlf.txt", "good.txt"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn malformed_vocabulary_and_sidecar_name_file_and_line() {
    let dir = seeds_with(
        "toml",
        &[("good.toml", b"title = \"Good\"\ndate = 2024-01-01x\n".to_vec()), ("entities.toml", b"[rules]\ntitles = [\"Dr\"\n".to_vec())],
    );
    let (shown, documents) = diagnostics_of(&dir);
    assert!(shown.starts_with("<seeds>/entities.toml:2: error: invalid TOML"), "{shown}");
    assert!(documents.is_empty(), "no corpus without its vocabulary");
    std::fs::write(dir.join("entities.toml"), std::fs::read(repo_root().join("seeds/entities.toml")).unwrap()).unwrap();
    let (shown, documents) = diagnostics_of(&dir);
    assert!(shown.starts_with("<seeds>/good.toml:2: error: invalid metadata"), "{shown}");
    assert_eq!(documents, ["good.txt"], "a bad sidecar loses its metadata, not its document");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_folder_is_one_clear_error() {
    let compiled = compile_dir(std::path::Path::new("/nonexistent/loupe-seeds"));
    assert_eq!(compiled.diagnostics.len(), 1);
    assert!(compiled.diagnostics[0].to_string().starts_with("/nonexistent/loupe-seeds: error: cannot read the seeds folder"));
}

#[test]
fn bad_tagging_rules_and_gazetteer_rows_are_named_and_left_out() {
    let mut themes = std::fs::read_to_string(repo_root().join("seeds/themes.toml")).unwrap();
    themes.push_str(
        r##"
[[theme]]
id = "test-rules"
label = "Test"
description = "Bad rules beside a good one."
colour = "#000000"
[theme.cues]
"harbour" = 2
"—" = 2
"tide" = { weight = 2, unless = [] }
"storm" = { weight = 2, unless = ["storm"] }

[[theme.frames]]
name = "no-partners"
triggers = ["sail"]
weight = 2

[[theme.frames]]
name = "bad-distance"
triggers = ["sail"]
partners = ["port"]
within = 0
weight = 2
"##,
    );
    let mut entities = std::fs::read_to_string(repo_root().join("seeds/entities.toml")).unwrap();
    entities.push_str("\n[[entity]]\nid = \"kindless\"\nname = \"Kindless\"\n");
    let places = "# name, kind, country, population, forms\nGoodtown\tcity\tXX\t20000\t\nNo Kind Town\n";
    let dir = seeds_with(
        "rules",
        &[
            ("themes.toml", themes.into_bytes()),
            ("entities.toml", entities.into_bytes()),
            ("places.tsv", places.as_bytes().to_vec()),
            ("port.txt", b"Port News\nThe harbour at the port of Goodtown was busy.\n".to_vec()),
        ],
    );
    let (shown, documents) = diagnostics_of(&dir);
    let lines = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap().lines().count();
    let (themes_lines, entities_lines) = (lines("themes.toml"), lines("entities.toml"));
    let expected = [
        format!("<seeds>/entities.toml:{}: error: entity `kindless` has no kind (person, organisation, place or other); it is left out", entities_lines - 1),
        "<seeds>/places.tsv:3: error: `No Kind Town` has no kind (country, capital, region, city, water, land, area, company or organisation); the row is left out".to_string(),
        format!("<seeds>/themes.toml:{}: error: cue `storm` is vetoed by its own word `storm` in `unless`, so it can never match; it is left out", themes_lines - 12),
        format!("<seeds>/themes.toml:{}: error: cue `tide` has an `unless` that names no word; it is left out", themes_lines - 13),
        format!("<seeds>/themes.toml:{}: error: cue `—` has no words, so it can never match; it is left out", themes_lines - 14),
        format!("<seeds>/themes.toml:{}: error: frame rule `no-partners` needs `partners`, a list of words or phrases; it is left out", themes_lines - 10),
        format!("<seeds>/themes.toml:{}: error: frame rule `bad-distance`: `within` must be a positive number of words; it is left out", themes_lines - 5),
    ];
    let mut got: Vec<&str> = shown.lines().collect();
    got.sort();
    let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(got, expected);
    assert_eq!(documents, ["good.txt", "port.txt"], "the rest still compiles");
    let corpus = loupe_corpus::compile::compile_dir(&dir).corpus;
    let port = corpus.passages.iter().find(|p| p.text.contains("harbour")).unwrap();
    let theme = Facet::Theme.index_of(&corpus, "test-rules").unwrap();
    assert!(port.themes.iter().any(|h| h.theme == theme), "the good cue of a theme with bad ones still counts");
    let named: Vec<&str> = port.entities.iter().map(|&e| corpus.entities[e as usize].name.as_str()).collect();
    assert_eq!(named, ["Goodtown"], "good gazetteer rows still count");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_company_row_without_a_kind_is_named_and_the_rest_compiles() {
    let companies = "# name, kind, country, population, forms\nZentrocorp\tcompany\t\t\tZentrocorp plc\nNo Kind Holdings\n";
    let dir = seeds_with(
        "companies",
        &[
            ("companies.tsv", companies.as_bytes().to_vec()),
            ("deal.txt", b"Deal News\nThe ministry signed a supply deal with Zentrocorp this year.\n".to_vec()),
        ],
    );
    let (shown, documents) = diagnostics_of(&dir);
    assert_eq!(shown, "<seeds>/companies.tsv:3: error: `No Kind Holdings` has no kind (country, capital, region, city, water, land, area, company or organisation); the row is left out");
    assert_eq!(documents, ["deal.txt", "good.txt"], "the rest still compiles");
    let corpus = loupe_corpus::compile::compile_dir(&dir).corpus;
    let deal = corpus.passages.iter().find(|p| p.text.contains("supply deal")).unwrap();
    let named: Vec<(&str, &str)> = deal.entities.iter().map(|&e| (corpus.entities[e as usize].name.as_str(), corpus.entities[e as usize].kind.as_str())).collect();
    assert_eq!(named, [("Zentrocorp", "organisation")], "good company rows still count");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_wordnet_row_of_an_unknown_kind_is_named_and_the_rest_compiles() {
    let wordnet = "# name, kind, country, population, forms\nZendmere\twater\t\t\tZendmere Sea\nZendbay\tbay\t\t\t\n";
    let dir = seeds_with(
        "wordnet",
        &[
            ("wordnet.tsv", wordnet.as_bytes().to_vec()),
            ("strait.txt", b"Strait News\nTankers sailed through the Zendmere this year.\n".to_vec()),
        ],
    );
    let (shown, documents) = diagnostics_of(&dir);
    assert_eq!(shown, "<seeds>/wordnet.tsv:3: error: `Zendbay`: kind `bay` must be country, capital, region, city, water, land, area, company or organisation; the row is left out");
    assert_eq!(documents, ["good.txt", "strait.txt"], "the rest still compiles");
    let corpus = loupe_corpus::compile::compile_dir(&dir).corpus;
    let strait = corpus.passages.iter().find(|p| p.text.contains("Tankers")).unwrap();
    let named: Vec<(&str, &str)> = strait.entities.iter().map(|&e| (corpus.entities[e as usize].name.as_str(), corpus.entities[e as usize].kind.as_str())).collect();
    assert_eq!(named, [("Zendmere", "place")], "good WordNet rows still count");
    std::fs::remove_dir_all(dir).unwrap();
}
