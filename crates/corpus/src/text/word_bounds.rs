//! UAX #29 word boundaries over the compact Word_Break table of `tables.rs`.
//!
//! The rules are those of `unicode-segmentation`'s forward iterator (its state machine, which
//! passes Unicode's WordBreakTest), so that the segments are the same as its
//! `split_word_bound_indices`: the tests compare the two. WB4 (Extend, Format and ZWJ join what
//! precedes them) is applied by skipping those characters, WB3c by remembering whether the
//! character before was a ZWJ, and WB6/7, WB7b/c and WB11/12, which look one letter or digit
//! ahead, by going back to the separator when that letter or digit is missing.

use std::sync::OnceLock;

use super::{leb128, tables};

/// A Word_Break value (Format is merged into Extend: the rules never tell them apart).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Wb {
    Any,
    ALetter,
    HebrewLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    Extend,
    Zwj,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    DoubleQuote,
    Cr,
    Lf,
    Newline,
    WSegSpace,
    RegionalIndicator,
}

/// The table's values, in the order of the generator's list; its three more values are
/// Extended_Pictographic characters whose Word_Break is Any (18) or ALetter (19), and 20 where
/// `char::is_alphabetic` tells the value (ALetter if alphabetic, else Any).
const VALUES: [Wb; 18] = {
    use Wb::*;
    [
        Any,
        ALetter,
        HebrewLetter,
        Numeric,
        Katakana,
        ExtendNumLet,
        Extend,
        Zwj,
        MidLetter,
        MidNum,
        MidNumLet,
        SingleQuote,
        DoubleQuote,
        Cr,
        Lf,
        Newline,
        WSegSpace,
        RegionalIndicator,
    ]
};
const PICTOGRAPHIC: u8 = 18;
const PICTOGRAPHIC_LETTER: u8 = 19;

/// The runs of the table, decoded once: `start << 5 | value`.
fn runs() -> &'static [u32] {
    static RUNS: OnceLock<Vec<u32>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let mut starts = tables::WB_STARTS.iter();
        let mut start = 0;
        tables::WB_CATEGORIES
            .iter()
            .map(|&value| {
                start += leb128(&mut starts);
                start << 5 | u32::from(value)
            })
            .collect()
    })
}

/// The table's value for `c`.
fn value(c: char) -> u8 {
    let runs = runs();
    // The first run starts at U+0000, so `i` is at least 1.
    let i = runs.partition_point(|&run| run >> 5 <= c as u32);
    (runs[i - 1] & 31) as u8
}

fn category(c: char) -> Wb {
    if c.is_ascii_alphabetic() {
        // Most characters: no table search.
        return Wb::ALetter;
    }
    match value(c) {
        PICTOGRAPHIC => Wb::Any,
        PICTOGRAPHIC_LETTER => Wb::ALetter,
        v if v > PICTOGRAPHIC_LETTER => match c.is_alphabetic() {
            true => Wb::ALetter,
            false => Wb::Any,
        },
        v => VALUES[v as usize],
    }
}

fn is_pictographic(c: char) -> bool {
    matches!(value(c), PICTOGRAPHIC | PICTOGRAPHIC_LETTER)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Letter,
    HLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    RegionalHalf,
    RegionalFull,
    /// After Extend/Format/ZWJ characters that began a segment (or followed its first
    /// character), or after a separator that needs a letter or digit next.
    Pending(Need),
    Zwj,
    Emoji,
    WSegSpace,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Nothing more joins.
    Nothing,
    /// A letter after MidLetter, MidNumLet or a single quote (WB6/7), else go back.
    Letter,
    /// A Hebrew letter after a double quote (WB7b/c), else go back.
    HebrewLetter,
    /// A letter may follow a Hebrew letter's single quote (WB7a keeps the quote either way).
    MaybeLetter,
    /// A digit after MidNum, MidNumLet or a single quote (WB11/12), else go back.
    Numeric,
}

/// The word-bound segments of `text` with their byte offsets, like `unicode-segmentation`'s
/// `split_word_bound_indices`.
pub(super) fn split(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start == text.len() {
            return None;
        }
        let len = first_segment_len(&text[start..]);
        let segment = (start, &text[start..start + len]);
        start += len;
        Some(segment)
    })
}

/// The byte length of the first segment of a non-empty `s`.
fn first_segment_len(s: &str) -> usize {
    let next_category = |idx: usize| s[idx..].chars().nth(1).map(category);
    let mut take_current = true;
    let mut idx = 0;
    let mut save_idx = 0;
    let mut state = State::Start;
    let mut cat = Wb::Any;
    let mut skipped_extend = false;
    for (at, c) in s.char_indices() {
        idx = at;
        let after_zwj = cat == Wb::Zwj;
        cat = category(c);
        // WB4: Extend, Format and ZWJ join what precedes them (but not sot: see `Start`).
        if state != State::Start && matches!(cat, Wb::Extend | Wb::Zwj) {
            skipped_extend = true;
            continue;
        }
        // WB3c: ZWJ × Extended_Pictographic, which WB4's skipping would otherwise hide.
        if after_zwj && is_pictographic(c) {
            state = State::Emoji;
            continue;
        }
        state = match state {
            State::Start => match cat {
                // WB3: CR × LF; WB3a: break after CR, LF, Newline.
                Wb::Cr => {
                    if next_category(idx) == Some(Wb::Lf) {
                        idx += 1;
                    }
                    break;
                }
                Wb::Lf | Wb::Newline => break,
                Wb::ALetter => State::Letter,
                Wb::HebrewLetter => State::HLetter,
                Wb::Numeric => State::Numeric,
                Wb::Katakana => State::Katakana,
                Wb::ExtendNumLet => State::ExtendNumLet,
                Wb::RegionalIndicator => State::RegionalHalf,
                Wb::Zwj => State::Zwj,
                Wb::WSegSpace => State::WSegSpace,
                _ => match next_category(idx) {
                    // WB4 at the start: the Extend/Format/ZWJ run joins the first character.
                    Some(Wb::Extend | Wb::Zwj) => State::Pending(Need::Nothing),
                    // WB999
                    _ => break,
                },
            },
            // WB3d: whitespace runs, unless WB4 joined something to them.
            State::WSegSpace if cat == Wb::WSegSpace && !skipped_extend => State::WSegSpace,
            State::Letter | State::HLetter => match cat {
                Wb::ALetter => State::Letter,            // WB5
                Wb::HebrewLetter => State::HLetter,      // WB5
                Wb::Numeric => State::Numeric,           // WB9
                Wb::ExtendNumLet => State::ExtendNumLet, // WB13a
                Wb::DoubleQuote if state == State::HLetter => {
                    save_idx = idx;
                    State::Pending(Need::HebrewLetter) // WB7b
                }
                Wb::SingleQuote if state == State::HLetter => State::Pending(Need::MaybeLetter), // WB7a
                Wb::MidLetter | Wb::MidNumLet | Wb::SingleQuote => {
                    save_idx = idx;
                    State::Pending(Need::Letter) // WB6
                }
                _ => {
                    take_current = false;
                    break;
                }
            },
            State::Numeric => match cat {
                Wb::Numeric => State::Numeric,           // WB8
                Wb::ALetter => State::Letter,            // WB10
                Wb::HebrewLetter => State::HLetter,      // WB10
                Wb::ExtendNumLet => State::ExtendNumLet, // WB13a
                Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote => {
                    save_idx = idx;
                    State::Pending(Need::Numeric) // WB12
                }
                _ => {
                    take_current = false;
                    break;
                }
            },
            State::Katakana => match cat {
                Wb::Katakana => State::Katakana,         // WB13
                Wb::ExtendNumLet => State::ExtendNumLet, // WB13a
                _ => {
                    take_current = false;
                    break;
                }
            },
            State::ExtendNumLet => match cat {
                Wb::ExtendNumLet => State::ExtendNumLet, // WB13a
                Wb::ALetter => State::Letter,            // WB13b
                Wb::HebrewLetter => State::HLetter,      // WB13b
                Wb::Numeric => State::Numeric,           // WB13b
                Wb::Katakana => State::Katakana,         // WB13b
                _ => {
                    take_current = false;
                    break;
                }
            },
            // WB15/16: regional indicators pair up.
            State::RegionalHalf if cat == Wb::RegionalIndicator => State::RegionalFull,
            State::Pending(need) => match (need, cat) {
                (Need::Numeric, Wb::Numeric) => State::Numeric, // WB11
                (Need::Letter | Need::MaybeLetter, Wb::ALetter) => State::Letter, // WB7
                // WB7, WB7c
                (Need::Letter | Need::MaybeLetter | Need::HebrewLetter, Wb::HebrewLetter) => {
                    State::HLetter
                }
                (Need::Nothing | Need::MaybeLetter, _) => {
                    take_current = false;
                    break;
                }
                _ => break, // go back to the separator, below
            },
            // WB999 (after a ZWJ, an emoji sequence, a flag, whitespace)
            _ => {
                take_current = false;
                break;
            }
        };
    }
    if matches!(
        state,
        State::Pending(Need::Letter | Need::HebrewLetter | Need::Numeric)
    ) {
        // The letter or digit that the separator needed is missing: it ends the segment.
        idx = save_idx;
        take_current = false;
    }
    if take_current {
        idx += s[idx..].chars().next().map_or(0, char::len_utf8);
    }
    idx
}
