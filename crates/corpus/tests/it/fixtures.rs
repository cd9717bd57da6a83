//! Snapshot tests: the seed and each folder under `tests/corpus/` are compiled and rendered as
//! text into `tests/corpus/<name>.snap` (regenerate with `UPDATE_EXPECT=1 cargo test`).

use expect_test::expect_file;
use loupe_corpus::compile::Compiled;
use std::fmt::Write;

use crate::{compile_dir, repo_root, seed_corpus};

/// A readable rendering of everything the compiler decided.
pub fn render(compiled: &Compiled) -> String {
    let c = &compiled.corpus;
    let mut out = String::new();
    for d in &compiled.diagnostics {
        writeln!(out, "diagnostic {d}").unwrap();
    }
    for d in &c.documents {
        writeln!(out, "document {} {:?} date={} source={:?} url={:?} file={}", d.id, d.title, d.date, d.source, d.url, d.source_file).unwrap();
    }
    for s in &c.sections {
        writeln!(out, "section {} {:?} line={}", s.id, s.heading, s.line).unwrap();
    }
    for e in &c.entities {
        writeln!(out, "entity {} {} {:?} aliases={:?} origin={}", e.id, e.kind.as_str(), e.name, e.aliases, e.origin).unwrap();
    }
    for p in &c.passages {
        writeln!(out, "passage {} line={} section={}", p.id, p.line, c.sections[p.section as usize].id).unwrap();
        writeln!(out, "  text: {}", p.text).unwrap();
        writeln!(out, "  sentences: {}", p.sentences.len()).unwrap();
        for hit in &p.themes {
            let evidence: Vec<String> = hit.evidence.iter().map(|e| format!("{}:{}", e.rule, e.text)).collect();
            writeln!(out, "  theme {} score={} [{}]", c.themes[hit.theme as usize].id, hit.score, evidence.join(", ")).unwrap();
        }
        let names = |ids: &[u32]| ids.iter().map(|&e| c.entities[e as usize].id.as_str()).collect::<Vec<_>>().join(" ");
        writeln!(out, "  entities: {}", names(&p.entities)).unwrap();
        writeln!(out, "  voices: {}", names(&p.voices)).unwrap();
    }
    out
}

#[test]
fn seed_corpus_snapshot() {
    expect_file![repo_root().join("tests/corpus/seed.snap")].assert_eq(&render(seed_corpus()));
}

/// Every folder under `tests/corpus/` is a fixture: unseen articles, hard-wrapped Markdown with a
/// sidecar, markup kept as text, the search fixture. Each compiles to `tests/corpus/<folder>.snap`.
#[test]
fn fixture_folder_snapshots() {
    let root = repo_root().join("tests/corpus");
    let mut folders: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    folders.sort();
    assert!(folders.len() >= 5, "fixtures: {folders:?}");
    for folder in folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        expect_file![root.join(format!("{name}.snap"))].assert_eq(&render(compile_dir(&folder)));
    }
}

/// The encoded corpus decodes to the compiled one, less what only the build uses (mentions and
/// sentence spans), for the seed and every fixture (odd ids, hostile text, spans inside words).
#[test]
fn encoded_corpus_round_trips() {
    let root = repo_root().join("tests/corpus");
    let folders = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir());
    for compiled in std::iter::once(seed_corpus()).chain(folders.map(|f| compile_dir(&f))) {
        let mut corpus = compiled.corpus.clone();
        let bytes = loupe_corpus::encode::encode(&corpus);
        for p in &mut corpus.passages {
            p.mentions.clear();
            p.sentences.clear();
        }
        // Both sides with what they make on first use made (other tests may have made the
        // compiled one's): the word index, the suggestions' name words, the timeline.
        let decoded = loupe_corpus::encode::decode(&bytes).unwrap();
        for side in [&decoded, &corpus] {
            side.index();
            side.name_words();
            side.timeline();
        }
        assert_eq!(decoded, corpus);
    }
}
