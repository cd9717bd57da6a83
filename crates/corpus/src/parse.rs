//! Text → documents, sections (headings) and passages (paragraphs), with diagnostics for bad
//! input. Nothing here panics on any byte sequence: a file that cannot be read becomes an
//! error diagnostic and the other documents still compile.

use serde::Deserialize;
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::text::{self, words};
use crate::vocab::line_of;

/// Longest line accepted, in bytes. Longer ones are almost always a mangled or binary file.
pub const MAX_LINE_BYTES: usize = 200_000;
/// Longest heading, in characters and in words.
const MAX_HEADING_CHARS: usize = 100;
const MAX_HEADING_WORDS: usize = 14;

/// Optional `<stem>.toml` next to `<stem>.txt`, as read by [`read_sidecar`].
#[derive(Debug, Clone, Default)]
pub struct Sidecar {
    pub id: Option<String>,
    pub title: Option<String>,
    /// A calendar date, `YYYY-MM-DD` (checked).
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// The sidecar as written: its date may be a string or a TOML date, and may be wrong.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarFile {
    id: Option<String>,
    title: Option<String>,
    date: Option<Spanned<toml::Value>>,
    source: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDocument {
    pub source_file: String,
    pub title: String,
    pub date: String,
    pub source: String,
    pub url: String,
    /// The sidecar's id, if it gives one; otherwise the compiler derives a slug from the title.
    pub id: Option<String>,
    pub sections: Vec<ParsedSection>,
    pub passages: Vec<ParsedPassage>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSection {
    pub heading: String,
    /// 0 for the opening section, which has no heading line.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPassage {
    pub section: usize,
    pub line: usize,
    pub text: String,
}

/// Decodes a seed file's bytes into text: UTF-8 only, BOM stripped, CRLF normalised.
/// Returns the text with any warnings, or the error that makes the file unusable.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let mut warnings = Vec::new();
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        warnings.push(Diagnostic::warning(file, Some(1), "byte-order mark (BOM) at the start of the file; it was ignored"));
        bytes = rest;
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Diagnostic::error(file, Some(line), "binary file (it contains NUL bytes); seeds must be UTF-8 text"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(Diagnostic::error(file, Some(line), format!("not valid UTF-8 (byte {} is not part of a UTF-8 character); save the file as UTF-8", e.valid_up_to() + 1)));
        }
    };
    if let Some((n, line)) = text.split('\n').enumerate().find(|(_, l)| l.len() > MAX_LINE_BYTES) {
        return Err(Diagnostic::error(file, Some(n + 1), format!("line is {} bytes long; the limit is {MAX_LINE_BYTES} (is this a text article?)", line.len())));
    }
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if controls * 100 > text.chars().count().max(1) {
        return Err(Diagnostic::error(file, None, "binary file (too many control characters); seeds must be UTF-8 text"));
    }
    let text = if text.contains('\r') {
        let line = line_of(text, text.find('\r').unwrap_or(0));
        warnings.push(Diagnostic::warning(file, Some(line), "Windows (CRLF) or old Mac (CR) line ends; they were read as plain line ends"));
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error(file, None, "file is empty; it holds no passages"));
    }
    Ok((text, warnings))
}

/// Reads a sidecar's metadata, with the errors that made it leave something out: invalid TOML
/// leaves out the whole sidecar, a date that is not a calendar date leaves out the date (then
/// the text's date is used).
pub fn read_sidecar(file: &str, source: &str) -> (Sidecar, Vec<Diagnostic>) {
    let raw: SidecarFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map(|s| line_of(source, s.start));
            return (Sidecar::default(), vec![Diagnostic::error(file, line, format!("invalid metadata: {}", e.message()))]);
        }
    };
    let mut problems = Vec::new();
    let date = raw.date.and_then(|date| {
        let line = line_of(source, date.span().start);
        let written = match date.get_ref() {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let day = crate::dates::Day::parse(&written);
        if day.is_none() {
            let message = format!("date {written:?} is not a calendar date: write it as \"YYYY-MM-DD\" (e.g. \"2023-02-24\"); the date is read from the text instead");
            problems.push(Diagnostic::error(file, Some(line), message));
        }
        day.map(|d| d.iso())
    });
    (Sidecar { id: raw.id, title: raw.title, date, source: raw.source, url: raw.url }, problems)
}

/// Splits a document's text into sections and passages and fills in its metadata.
pub fn parse_document(source_file: &str, text: &str, sidecar: &Sidecar) -> ParsedDocument {
    let blocks = paragraphs(text);
    let mut sections = vec![ParsedSection { heading: String::new(), line: 0 }];
    let mut passages = Vec::new();
    let mut title_from_text = None;
    for (index, (line, paragraph)) in blocks.into_iter().enumerate() {
        let heading = heading_text(&paragraph);
        match heading {
            Some(heading) if index == 0 && sidecar.title.is_none() => title_from_text = Some(heading),
            Some(heading) => sections.push(ParsedSection { heading, line }),
            None => passages.push(ParsedPassage { section: sections.len() - 1, line, text: paragraph }),
        }
    }
    let title = sidecar
        .title
        .clone()
        .or(title_from_text)
        .unwrap_or_else(|| derive_title(passages.first().map_or("", |p| p.text.as_ref()), source_file));
    let opening = sections.first_mut().expect("the opening section is always there");
    opening.heading = "Opening".to_string();
    if !passages.iter().any(|p| p.section == 0) && sections.len() > 1 {
        sections.remove(0);
        passages.iter_mut().for_each(|p| p.section -= 1);
    }
    ParsedDocument {
        source_file: source_file.to_string(),
        title,
        date: sidecar.date.clone().or_else(|| find_date(text)).unwrap_or_default(),
        source: sidecar.source.clone().unwrap_or_default(),
        url: sidecar.url.clone().unwrap_or_default(),
        id: sidecar.id.clone(),
        sections,
        passages,
    }
}

/// The paragraphs of a text with their 1-based first lines. Each non-blank line is a
/// paragraph, unless the text is hard-wrapped (blank lines between blocks of several short
/// lines), in which case each block is one paragraph with its lines joined.
fn paragraphs(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (n, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current.get_or_insert_with(|| (n + 1, Vec::new())).1.push(line.trim());
        }
    }
    blocks.extend(current);
    let multi_line: Vec<&str> = blocks.iter().filter(|(_, b)| b.len() > 1).flat_map(|(_, b)| b.iter().copied()).collect();
    let hard_wrapped = !multi_line.is_empty()
        && blocks.len() > 1
        && multi_line.iter().map(|l| l.chars().count()).sum::<usize>() / multi_line.len() < 100;
    if hard_wrapped {
        blocks
            .into_iter()
            .map(|(line, block)| (line, block.join(" ")))
            .collect()
    } else {
        blocks
            .into_iter()
            .flat_map(|(line, block)| block.into_iter().enumerate().map(move |(i, l)| (line + i, l.to_string())))
            .collect()
    }
}

/// The heading a line stands for, if it is one: a Markdown `#` line, or a short line that
/// starts with a capital or digit and does not end like a sentence (`.`, `,`, `;`, `:`);
/// a closing `?` or `!` is allowed. A title-cased line (every word of four letters or more
/// capitalised) is a headline up to the character limit, however many words. A line opening with an interview turn's one-letter label
/// (`Q:`, `A:`) is a turn, however short, never a heading.
pub fn heading_text(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix('#') {
        let heading = rest.trim_start_matches('#').trim();
        return (!heading.is_empty()).then(|| heading.to_string());
    }
    let first = line.chars().next()?;
    let last = line.chars().last()?;
    let word_count = words(line).count();
    let title_cased = words(line).filter(|w| w.text.chars().count() >= 4).all(|w| w.text.chars().next().is_some_and(char::is_uppercase));
    let short = line.chars().count() <= MAX_HEADING_CHARS && word_count >= 1 && (word_count <= MAX_HEADING_WORDS || title_cased);
    let starts_like_heading = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '“' | '"' | '‘' | '\'');
    let ends_like_sentence = matches!(last, '.' | ',' | ';' | ':' | '…' | '-' | '–' | '—');
    let has_inner_sentence = text::sentences(line).len() > 1;
    let mut opening = line.chars();
    let turn_label = opening.next().is_some_and(char::is_uppercase) && opening.next() == Some(':');
    (short && starts_like_heading && !ends_like_sentence && !has_inner_sentence && !turn_label).then(|| line.to_string())
}

/// A readable title from the first paragraph: its first clause, without a leading dateline.
fn derive_title(first_paragraph: &str, source_file: &str) -> String {
    let without_date = strip_dateline(first_paragraph);
    let first_sentence = text::sentences(without_date).first().map_or(without_date, |s| s.slice(without_date));
    let clause = first_sentence
        .split([',', ';', ':', '—', '–'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', '?', '!']);
    let clause_words = words(clause).count();
    if (3..=12).contains(&clause_words) {
        return clause.to_string();
    }
    let sentence_words: Vec<&str> = first_sentence.split_whitespace().collect();
    if sentence_words.is_empty() {
        return source_file.trim_end_matches(".txt").to_string();
    }
    if sentence_words.len() <= 12 {
        return first_sentence.trim_end_matches(['.', '?', '!']).to_string();
    }
    format!("{}…", sentence_words[..10].join(" ").trim_end_matches([',', ';', ':']))
}

/// Drops a leading `24th February 2023 –` (a date followed by a dash) from a paragraph.
fn strip_dateline(paragraph: &str) -> &str {
    let head: String = paragraph.chars().take(60).collect();
    if find_date(&head).is_none() {
        return paragraph;
    }
    match paragraph.char_indices().take(60).find(|(_, c)| matches!(c, '–' | '—' | '-')) {
        Some((at, dash)) if paragraph[..at].trim_end().ends_with(|c: char| c.is_ascii_digit()) => {
            paragraph[at + dash.len_utf8()..].trim_start()
        }
        _ => paragraph,
    }
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/// `YYYY-MM-DD` when the numbers make a calendar date.
fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    let day = crate::dates::Day { year: u16::try_from(year).ok()?, month: u8::try_from(month).ok()?, day: u8::try_from(day).ok()? };
    crate::dates::Day::is_valid(day.year, day.month, day.day).then(|| day.iso())
}

/// The first calendar date stated near the start of a text, as `YYYY-MM-DD`: `24th February
/// 2023`, `February 24, 2023` or `2023-02-24` (`31 February 2023` is no date).
pub fn find_date(text: &str) -> Option<String> {
    let head: String = text.chars().take(300).collect();
    let tokens: Vec<&str> = words(&head).map(|w| w.text).take(60).collect();
    let day_of = |t: &str| -> Option<u32> {
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let suffix = &t[digits.len()..];
        let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
        digits.parse().ok().filter(|d| ok && (1..=31).contains(d))
    };
    let year_of = |t: &str| -> Option<u32> { t.parse().ok().filter(|y| (1000..=2999).contains(y) && t.len() == 4) };
    for (i, token) in tokens.iter().enumerate() {
        if let Some(month) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(token)) {
            let before = i.checked_sub(1).and_then(|j| day_of(tokens[j]));
            let after = tokens.get(i + 1).and_then(|t| day_of(t));
            let year_after = |k: usize| tokens.get(k).and_then(|t| year_of(t));
            let spelled = [(before, year_after(i + 1)), (after, year_after(i + 2))];
            if let Some(date) = spelled.into_iter().find_map(|(day, year)| iso(year?, month as u32 + 1, day?)) {
                return Some(date);
            }
        }
    }
    // ISO 8601: `2023-02-24`.
    let chars: Vec<char> = head.chars().collect();
    chars.windows(10).find_map(|w| {
        let candidate: String = w.iter().collect();
        let parts: Vec<&str> = candidate.split('-').collect();
        match parts[..] {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                iso(year_of(y)?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_short_unpunctuated_lines() {
        assert_eq!(heading_text("The Current Relationship Between China and Russia").as_deref(), Some("The Current Relationship Between China and Russia"));
        assert_eq!(heading_text("What’s Next After the Ukraine Conflict?").as_deref(), Some("What’s Next After the Ukraine Conflict?"));
        assert_eq!(heading_text("## Markdown heading").as_deref(), Some("Markdown heading"));
        assert_eq!(heading_text("China said no."), None);
        assert_eq!(heading_text("lower-case start"), None);
        assert_eq!(heading_text("This line is far too long to be a heading because it keeps going on and on with many words"), None);
    }

    #[test]
    fn title_cased_headlines_may_run_longer() {
        let headline = "World Briefing: A Visit to Ulaanbaatar, New Sanctions, a Pipeline Fire and a Broken Truce";
        assert_eq!(heading_text(headline).as_deref(), Some(headline));
        assert_eq!(heading_text("Officials said on Monday that talks between the two governments would resume within a few weeks"), None);
    }

    #[test]
    fn interview_turns_are_never_headings() {
        assert_eq!(heading_text("Q: What do you expect over the next two years?"), None);
        assert_eq!(heading_text("A: Not yet"), None);
        assert_eq!(heading_text("Q&A: What Comes Next?").as_deref(), Some("Q&A: What Comes Next?"));
    }

    #[test]
    fn dates_in_three_spellings() {
        assert_eq!(find_date("24th February 2023 – One year").as_deref(), Some("2023-02-24"));
        assert_eq!(find_date("Published March 3, 2024. Text").as_deref(), Some("2024-03-03"));
        assert_eq!(find_date("Dated 2021-11-05 by the desk").as_deref(), Some("2021-11-05"));
        assert_eq!(find_date("In May the talks resumed."), None);
    }

    #[test]
    fn hard_wrapped_text_joins_lines_into_paragraphs() {
        let text = "A Title Line\n\nFirst line of the first paragraph\nand its second line.\n\nA Heading\n\nSecond paragraph here\nwrapped too.\n";
        let doc = parse_document("a.txt", text, &Sidecar::default());
        assert_eq!(doc.title, "A Title Line");
        let got: Vec<(usize, &str)> = doc.passages.iter().map(|p| (p.line, p.text.as_ref())).collect();
        assert_eq!(got, [(3, "First line of the first paragraph and its second line."), (8, "Second paragraph here wrapped too.")]);
        assert_eq!(doc.sections.iter().map(|s| s.heading.as_str()).collect::<Vec<_>>(), ["Opening", "A Heading"]);
    }

    #[test]
    fn titles_derive_from_the_first_clause_after_a_dateline() {
        let text = "1st May 2020 – Markets rallied strongly today, lifting shares.\nMore text follows here.";
        let doc = parse_document("x.txt", text, &Sidecar::default());
        assert_eq!((doc.title.as_str(), doc.date.as_str()), ("Markets rallied strongly today", "2020-05-01"));
    }
}
