//! The generated tables against their oracles: `char::to_lowercase` for every character, and
//! `unicode-segmentation`'s word bounds on every character, random mixed-script text and every
//! seed and test corpus file.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::{lowercase, tables, word_bounds};

fn oracle(text: &str) -> Vec<(usize, &str)> {
    text.split_word_bound_indices().collect()
}

fn ours(text: &str) -> Vec<(usize, &str)> {
    word_bounds::split(text).collect()
}

#[test]
fn the_tables_and_the_oracles_share_a_unicode_version() {
    assert_eq!(
        tables::UNICODE_VERSION,
        char::UNICODE_VERSION,
        "regenerate tables.rs for Rust's Unicode version"
    );
    let (major, minor, update) = unicode_segmentation::UNICODE_VERSION;
    assert_eq!(
        tables::UNICODE_VERSION,
        (major as u8, minor as u8, update as u8)
    );
}

#[test]
fn lowercase_is_char_to_lowercase_for_every_character() {
    let mut differences = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        if !lowercase(c).eq(c.to_lowercase()) {
            differences.push(c);
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences, the first {:?}",
        differences.len(),
        &differences[..differences.len().min(20)]
    );
}

#[test]
fn every_character_splits_as_the_oracle_splits_it() {
    // Each character between letters, digits, itself, a Hebrew letter, after a ZWJ and before
    // an emoji, in one string: a Word_Break or Extended_Pictographic value that differs from
    // the oracle's changes a bound in it.
    // Planes 4 to 13 have no character assigned and 15 and 16 are private use: every 61st of
    // their code points is enough (all are Any to both).
    let sampled = |&code: &u32| matches!(code >> 16, 0..=3 | 14) || code % 61 == 0;
    let mut failures = Vec::new();
    let mut text = String::new();
    for c in (0..=0x10FFFF).filter(sampled).filter_map(char::from_u32) {
        text.clear();
        for part in [
            "a",
            "b 1",
            "2 ",
            "",
            " \u{5D0}",
            "\u{5D1} \u{200D}",
            " \u{1F600}\u{200D}",
            "\u{301}!",
            "\r",
        ] {
            text.push_str(part);
            text.push(c);
        }
        if ours(&text) != oracle(&text) {
            failures.push(c);
        }
    }
    assert!(
        failures.is_empty(),
        "{} characters differ, the first {:?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
}

/// Characters of many scripts and every Word_Break value: ASCII, apostrophes, hyphens, Latin
/// with combining marks, Hebrew with its quotes, Arabic, Devanagari with a virama, Thai, CJK,
/// kana, emoji with ZWJ and VS16, flags, line ends and spaces. All are assigned in Unicode 17,
/// the version of both the tables and the oracle.
const ALPHABET: &[&str] = &[
    "a",
    "Z",
    "e",
    "x",
    "0",
    "7",
    "_",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "'",
    "\"",
    "-",
    "/",
    "(",
    ")",
    "@",
    "#",
    "$",
    "%",
    "\u{2019}",
    "\u{2018}",
    "\u{2010}",
    "\u{2013}",
    "\u{2014}",
    "\u{2024}",
    "\u{FE52}",
    "\u{FF0E}",
    "\u{00B7}",
    "\u{0387}",
    "é",
    "ß",
    "İ",
    "ı",
    "\u{0301}",
    "\u{0308}",
    "\u{0327}",
    "Å",
    "\u{00AD}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{05D0}",
    "\u{05D1}",
    "\u{05E9}",
    "\u{05F3}",
    "\u{05F4}",
    "\u{05B0}",
    "\u{FB1D}",
    "\u{0627}",
    "\u{0644}",
    "\u{0645}",
    "\u{064E}",
    "\u{0660}",
    "\u{066B}",
    "\u{066C}",
    "\u{060C}",
    "\u{0640}",
    "\u{0915}",
    "\u{094D}",
    "\u{0937}",
    "\u{093F}",
    "\u{0966}",
    "\u{0964}",
    "\u{0E01}",
    "\u{0E32}",
    "\u{0E31}",
    "\u{0E50}",
    "\u{4E2D}",
    "\u{6587}",
    "\u{3002}",
    "\u{3001}",
    "\u{FF11}",
    "\u{3042}",
    "\u{30A2}",
    "\u{30FC}",
    "\u{3099}",
    "\u{309B}",
    "\u{31F0}",
    "\u{FF71}",
    "\u{3005}",
    "\u{1F600}",
    "\u{1F44D}",
    "\u{1F3FD}",
    "\u{2764}",
    "\u{FE0F}",
    "\u{200D}",
    "\u{1F468}",
    "\u{1F469}",
    "\u{00A9}",
    "\u{24C2}",
    "\u{1F170}",
    "\u{1F1FA}",
    "\u{1F1F8}",
    "\u{1F1EC}",
    "\u{1F1E7}",
    "\r",
    "\n",
    "\r\n",
    "\u{0085}",
    "\u{2028}",
    "\u{000B}",
    " ",
    "  ",
    "\u{00A0}",
    "\u{3000}",
    "\u{2009}",
    "\t",
    "\u{202F}",
];

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mixed_text_splits_as_the_oracle_splits_it(text in mixed_text()) {
        prop_assert_eq!(ours(&text), oracle(&text));
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn seeds_and_test_corpora_split_as_the_oracle_splits_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    files_under(&root.join("seeds"), &mut files);
    files_under(&root.join("tests/corpus"), &mut files);
    let mut compared = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(ours(&text), oracle(&text), "{}", file.display());
        compared += 1;
    }
    assert!(compared > 30, "only {compared} files");
}
