//! Golden bytes of the corpus format: a tiny hand-made corpus must encode to the bytes recorded
//! for the current [`FORMAT_VERSION`] in `tests/corpus/format-v<N>.hex`. A layout change without
//! a version bump fails here; a bump records a new file (`UPDATE_EXPECT=1`), and a recorded
//! file is never rewritten.

use loupe_corpus::encode::{decode, encode, FORMAT_VERSION};
use loupe_corpus::model::{Corpus, Document, Entity, EntityKind, Evidence, Passage, Section, Span, Theme, ThemeHit};

use crate::repo_root;

fn tiny() -> Corpus {
    let document = Document { id: "memo".into(), title: "A memo".into(), date: "2024-02-01".into(), source: "Desk".into(), url: String::new(), source_file: "memo.txt".into() };
    let sections = vec![
        Section { id: "memo/".into(), document: 0, heading: String::new(), line: 0 },
        Section { id: "memo/trade-talks".into(), document: 0, heading: "Trade talks".into(), line: 3 },
    ];
    let text = "Beijing may expand trade with Moscow.";
    let evidence = vec![
        Evidence { rule: "cue".into(), text: "trade".into(), weight: 2, spans: vec![Span::new(19, 24)] },
        Evidence { rule: "modal".into(), text: "may … expand".into(), weight: 1, spans: vec![Span::new(8, 11), Span::new(12, 18)] },
    ];
    let passages = vec![
        Passage { id: "memo-p1".into(), document: 0, section: 0, line: 2, text: "Opening words.".into(), sentences: Vec::new(), themes: Vec::new(), mentions: Vec::new(), entities: Vec::new(), voices: Vec::new() },
        Passage {
            id: "memo-p2".into(),
            document: 0,
            section: 1,
            line: 5,
            text: text.into(),
            sentences: Vec::new(),
            themes: vec![ThemeHit { theme: 0, score: 3, evidence }],
            mentions: Vec::new(),
            entities: vec![0, 1],
            voices: vec![0],
        },
    ];
    let themes = vec![Theme { id: "trade".into(), label: "Trade".into(), description: "Goods".into(), colour: "#336699".into(), cues: vec!["trade".into()] }];
    let entities = vec![
        Entity { id: "china".into(), name: "China".into(), kind: EntityKind::Place, aliases: vec!["Beijing".into()], origin: "gazetteer".into() },
        Entity { id: "russia".into(), name: "Russia".into(), kind: EntityKind::Place, aliases: vec!["Moscow".into()], origin: "gazetteer".into() },
    ];
    Corpus::new(vec![document], sections, passages, themes, entities, vec!["with".into()])
}

#[test]
fn the_layout_of_a_version_never_changes() {
    let bytes = encode(&tiny());
    assert_eq!(decode(&bytes).unwrap(), tiny());
    let hex: String = bytes.chunks(32).map(|row| row.iter().map(|b| format!("{b:02x}")).collect::<String>() + "\n").collect();
    let file = repo_root().join(format!("tests/corpus/format-v{FORMAT_VERSION}.hex"));
    match std::fs::read_to_string(&file) {
        Ok(recorded) => assert_eq!(hex, recorded, "the corpus layout changed: bump FORMAT_VERSION in encode.rs and record the new version"),
        Err(_) if std::env::var_os("UPDATE_EXPECT").is_some() => std::fs::write(&file, hex).unwrap(),
        Err(e) => panic!("{}: {e}: record this version's bytes with UPDATE_EXPECT=1", file.display()),
    }
}

/// The page decodes its placed corpus without copying the text: the passages point into the
/// bytes, and the corpus is the one a copying decode gives.
#[test]
fn a_placed_corpus_is_decoded_without_copying_its_text() {
    use std::borrow::Cow;
    let bytes: &'static [u8] = Box::leak(encode(&tiny()).into_boxed_slice());
    let corpus = loupe_corpus::encode::decode_static(bytes).unwrap();
    assert_eq!(corpus, tiny());
    let placed = bytes.as_ptr_range();
    for passage in &corpus.passages {
        assert!(matches!(passage.text, Cow::Borrowed(_)), "{} is a copy", passage.id);
        assert!(placed.contains(&passage.text.as_ptr()), "{} points outside the bytes", passage.id);
    }
}
