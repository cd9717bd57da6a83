//! One tokenizer and stemmer for build time and query time, plus sentence splitting and slugs.
//!
//! Words are Unicode (UAX #29) word segments that hold a letter or digit. A term is a word
//! lower-cased, with curly apostrophes folded to straight ones, a possessive `'s` dropped, and
//! then English Snowball-stemmed. The index and the query parser both call [`terms`], so they
//! cannot disagree.

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::Span;

mod tables;
#[cfg(test)]
mod unicode_tests;
mod word_bounds;

/// A word as it stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// Starts with an upper-case letter or a digit (`Wang`, `BRICS`, `20th`).
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

/// Segments of `text` (UAX #29 word bounds), whitespace dropped: words and punctuation marks.
pub fn segments(text: &str) -> impl Iterator<Item = Word<'_>> {
    word_bounds::split(text).filter(|(_, s)| !s.trim().is_empty()).map(|(start, s)| Word {
        text: s,
        start,
        end: start + s.len(),
    })
}

/// The words of `text`: segments holding at least one letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    segments(text).filter(|w| is_word(w.text))
}

/// Whether the text between two words joins them into a compound (`multi-polar`).
pub fn is_hyphen(between: &str) -> bool {
    matches!(between, "-" | "\u{2010}")
}

pub fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// Lower-cases a word, strips Latin diacritics (`é` → `e`, `ß` → `ss`), folds `’` to `'` and
/// drops a possessive `'s` or trailing `'`.
pub fn fold(word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    for c in word.chars().flat_map(lowercase) {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => lower.push('\''),
            c => push_without_diacritic(&mut lower, c),
        }
    }
    let trimmed = lower.strip_suffix("'s").unwrap_or(&lower);
    trimmed.trim_end_matches('\'').to_string()
}

/// The lower case of `c`, as `char::to_lowercase` gives it, from the compact table of
/// `tables.rs` rather than the standard library's larger one.
pub(crate) fn lowercase(c: char) -> impl Iterator<Item = char> {
    let (first, second) = match c {
        'A'..='Z' => (c.to_ascii_lowercase(), None),
        '\0'..='\u{7F}' => (c, None),
        // SpecialCasing's one unconditional mapping to more than one character.
        '\u{130}' => ('i', Some('\u{307}')),
        _ => (lowercase_simple(c), None),
    };
    std::iter::once(first).chain(second)
}

/// The simple lower-case mapping of `c` (UnicodeData's). The table is short and read in
/// order, only for letters (`’` and the like never reach it).
fn lowercase_simple(c: char) -> char {
    let code = c as u32;
    if !c.is_alphabetic() {
        return c;
    }
    let mut bytes = tables::LOWER_RUNS.iter();
    let mut end = 0;
    while bytes.len() > 0 {
        let start = end + leb128(&mut bytes);
        let length_stride = leb128(&mut bytes);
        let zigzag = leb128(&mut bytes);
        if start > code {
            break;
        }
        let (len, stride) = (length_stride >> 1, (length_stride & 1) + 1);
        end = start + (len - 1) * stride + 1;
        if code < end && (code - start).is_multiple_of(stride) {
            let delta = (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32);
            return char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c);
        }
    }
    c
}

/// One LEB128-coded number (seven bits a byte, low bits first) of the generated tables.
fn leb128(bytes: &mut std::slice::Iter<'_, u8>) -> u32 {
    let mut n = 0;
    let mut shift = 0;
    for &b in bytes.by_ref() {
        n |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// Lower-case Latin letters with diacritics (U+00E0–U+024F) and their bases, in step. A small
/// table rather than full Unicode decomposition keeps the wasm bundle lean; other scripts are
/// kept as written.
const ACCENTED: &str = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøđħłŀŧı";
const UNACCENTED: &str = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyodhllti";

fn push_without_diacritic(out: &mut String, c: char) {
    match c {
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'þ' => out.push_str("th"),
        'ð' => out.push('d'),
        c if (c as u32) >= 0xE0 && (c as u32) <= 0x24F => match ACCENTED.chars().position(|a| a == c) {
            Some(i) => out.push(UNACCENTED.as_bytes()[i] as char),
            None => out.push(c),
        },
        c => out.push(c),
    }
}

/// Reusable English Snowball stemmer.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English) }
    }
}

impl Analyzer {
    /// The index term of one word: folded, then stemmed.
    pub fn term(&self, word: &str) -> String {
        self.stem(&fold(word))
    }

    /// The stem of an already folded word.
    pub fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }

    /// The terms of `text` with the spans of their words, in order.
    pub fn terms(&self, text: &str) -> Vec<(String, Span)> {
        words(text).map(|w| (self.term(w.text), w.span())).collect()
    }
}

/// Splits a paragraph into sentences: after `.`, `?` or `!` (and any closing quotes or
/// brackets) followed by white space and a capital, digit or opening quote — unless the full
/// stop closes an initial (`S.`) or a listed abbreviation (`Dr.`, `Prof.`).
pub fn sentences(text: &str) -> Vec<Span> {
    const ABBREVIATIONS: &[&str] =
        &["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Col", "Lt", "Sgt", "Rev", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "U.S", "U.K", "e.g", "i.e"];
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '.' | '?' | '!') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let next_is_space = chars.get(j).is_some_and(|&(_, c)| c.is_whitespace());
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = chars.get(k).is_some_and(|&(_, c)| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'' | '(')
            });
            let word_before = text[start..pos].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let closes_abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word_before)
                    || (word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase)));
            if next_is_space && next_starts && !closes_abbreviation {
                spans.push(Span::new(start, end));
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    let rest = text[start..].trim_end();
    if !rest.is_empty() {
        spans.push(Span::new(start, start + rest.len()));
    }
    spans
}

/// A URL- and id-safe slug: lower-case ASCII letters and digits joined by single hyphens.
/// Letters outside ASCII are kept when alphanumeric, so non-Latin titles still get a slug.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in words(text) {
        let folded = fold(word.text).replace('\'', "");
        let cleaned: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if cleaned.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&cleaned);
    }
    out
}

/// Longest document slug, in words.
const SLUG_WORDS: usize = 5;

/// A document's id when its sidecar gives none: the first words of its title's slug.
pub fn document_slug(title: &str) -> String {
    let full = slug(title);
    let words: Vec<&str> = full.split('-').take(SLUG_WORDS).collect();
    if words.is_empty() || words == [""] { "document".to_string() } else { words.join("-") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_hyphens_and_keep_possessives_together() {
        let got: Vec<&str> = words("China’s multi-polar world, 20th CPC (RSIS).").map(|w| w.text).collect();
        assert_eq!(got, ["China’s", "multi", "polar", "world", "20th", "CPC", "RSIS"]);
    }

    #[test]
    fn terms_fold_apostrophes_and_stem() {
        let a = Analyzer::default();
        let got: Vec<String> = a.terms("Russia’s trading predicts Experts").into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["russia", "trade", "predict", "expert"]);
        assert_eq!(a.term("Russia's"), a.term("Russia’s"));
        assert_eq!(fold("Zürich’s"), "zurich");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ŁÓDŹ"), "lodz");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(ACCENTED.chars().count(), UNACCENTED.len(), "the diacritic table's two rows stay in step");
    }

    #[test]
    fn sentences_respect_initials_and_abbreviations() {
        let text = "He studied at the S. Rajaratnam School. Dr. Smith agreed! “Yes,” she said. Done";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["He studied at the S. Rajaratnam School.", "Dr. Smith agreed!", "“Yes,” she said.", "Done"]);
    }

    #[test]
    fn slugs_are_ascii_friendly() {
        assert_eq!(slug("What’s Next After the Ukraine Conflict?"), "what-next-after-the-ukraine-conflict");
        assert_eq!(slug("China-Russia  Ties"), "china-russia-ties");
    }
}
