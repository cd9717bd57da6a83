//! The binary corpus format: written by `loupe build` (placed into the app's wasm) and read once
//! by the app at start-up.
//!
//! Layout (all of it little-endian where fixed-width):
//!
//! | bytes | content |
//! |---|---|
//! | 0..6  | magic `LOUPE\0` |
//! | 6..8  | format version, `u16` ([`FORMAT_VERSION`]) |
//! | 8..   | a [`Wire`] in postcard encoding |
//!
//! Postcard writes unsigned integers as LEB128 varints, signed ones zigzagged then as varints,
//! strings and vectors as a varint length then the items, and structs as their fields in
//! declaration order. So the schema is the field order of [`Wire`] (and of `Document`, `Section`,
//! `Theme` and `Entity` in `model.rs`): reordering, adding or removing a field is a format
//! change and must bump [`FORMAT_VERSION`]; `tests/it/format.rs` pins the bytes of a tiny corpus.
//!
//! Version 5 ships what the page reads and nothing it can rebuild (version 3 was the whole
//! in-memory `Corpus`, 12.8 KB per synthetic article, 5.2 MB gzipped at 1,000 articles):
//! - **No index.** Facet postings are rebuilt from the passages when decoding (a pass over
//!   them), the word index on the first search (`Corpus::index`): postings with positions were
//!   three fifths of version 3 and compress badly, while the text they come from compresses well.
//! - **Text once.** Every passage's text in one string (one stream for the compressor), each
//!   ended by a line end, which no passage holds. Document ids (the slug of the title), passage
//!   ids (`<document>-p<n>`) and theme evidence texts (the words its spans cover) are derived;
//!   only exceptions are stored.
//! - **Columns of small numbers.** Per-passage fields are separate columns, as deltas from the
//!   previous passage (section, document, line) or within the passage (entity ids; a voice as
//!   its place among the passage's entities), so most values are one byte and repeat. An
//!   evidence is one number, its shape's position in a table of the corpus's few dozen shapes
//!   (rule, weight, span count, how its text is made, words per span), and where its spans
//!   start.
//! - **Build-only fields stay behind**: mentions and sentence spans (`loupe export` and the
//!   tagger use them from the compiled corpus, never from these bytes).
//!
//! Version 5 against version 4, at 1,000 synthetic articles (`scripts/bench.sh`'s corpus; the
//! postcard bytes, gzip -9): 1,108.9 → about 1,012 KB. Line ends instead of a column of text
//! lengths −24 KB; one shape number per evidence instead of four columns (rule, weight, span
//! count, text kind) and a word count per span −49 KB; document ids derived −8.7 KB; span starts
//! as word numbers instead of steps from the previous span −5 KB; voices as places among the
//! passage's entities −13 KB (of the whole first load).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::document_slug;
use crate::model::{Corpus, Document, Entity, Evidence, Passage, Section, Span, Theme, ThemeHit};

pub const MAGIC: &[u8; 6] = b"LOUPE\0";
pub const FORMAT_VERSION: u16 = 5;
/// Ends each passage's text in the text store: a line end, which no passage holds (the parser
/// makes a passage of one line, or of lines joined by spaces).
const PASSAGE_END: char = '\n';
/// Joins the spans of an evidence of several words into its text (`warn … may`).
const ELLIPSIS: &str = " … ";

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACorpus,
    WrongVersion { found: u16, expected: u16 },
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotACorpus => write!(f, "not a Loupe corpus (bad magic bytes)"),
            DecodeError::WrongVersion { found, expected } => {
                write!(f, "corpus format version {found}, this build reads version {expected}")
            }
            DecodeError::Corrupt(why) => write!(f, "corrupt corpus: {why}"),
        }
    }
}

/// The encoded corpus (version 5). Per-passage columns have one value per passage; per-hit,
/// per-evidence and per-span columns one per item, in passage order.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Wire<'a> {
    /// The documents, each with an empty id unless it is in `odd_document_ids`.
    documents: Vec<Document>,
    /// Documents whose id is not the slug of their title ([`document_slug`]).
    odd_document_ids: Vec<(u32, String)>,
    /// Per section: its document minus the previous section's, its heading and line.
    sections: Vec<(i32, String, u32)>,
    /// Sections whose id is not `<document id>/<slug of the heading>`.
    odd_section_ids: Vec<(u32, String)>,
    themes: Vec<Theme>,
    entities: Vec<Entity>,
    stop_words: Vec<String>,
    /// Evidence rule names, referred to by position.
    rules: Vec<String>,
    /// Every passage's text, each followed by [`PASSAGE_END`] (borrowed from the bytes when
    /// decoding). A passage is one line of its article, so its text never holds that byte.
    text: &'a str,
    /// Per passage: its document, section and line, minus the previous passage's.
    document_steps: Vec<i32>,
    section_steps: Vec<i32>,
    line_steps: Vec<i32>,
    /// Passages whose id is not `<document id>-p<n>` (n counting the document's passages).
    odd_ids: Vec<(u32, String)>,
    /// Per passage: how many entities, then each (ascending) minus the one before, from 0.
    entity_counts: Vec<u32>,
    entity_steps: Vec<u32>,
    /// Per passage: how many voices; per voice, its position among the passage's entities, or
    /// when it is not one of them (a speaker named in an earlier passage), that many entities
    /// plus its id.
    voice_counts: Vec<u32>,
    voice_places: Vec<u32>,
    /// Per passage: how many themes; per theme hit: theme minus the previous hit's in the
    /// passage, score minus the sum of its evidences' weights (0 unless a rule changes), how
    /// many evidences.
    hit_counts: Vec<u32>,
    hit_themes: Vec<i32>,
    hit_scores: Vec<i32>,
    evidence_counts: Vec<u32>,
    /// The shapes of evidence: each distinct [`EvidenceShape`], the most frequent first.
    evidence_shapes: Vec<EvidenceShape>,
    /// Per evidence: its shape's position in `evidence_shapes`.
    evidence_shape_ids: Vec<u32>,
    /// The texts of evidences whose shape says [`TEXT_STORED`], in order.
    evidence_texts: Vec<String>,
    /// Per span, counted in word starts and ends ([`word_marks`]) of the passage's text rather
    /// than bytes: its start's word-start number and its bytes after that word start (0 unless
    /// the span starts inside a word); its bytes after the last word end it holds.
    span_starts: Vec<u32>,
    span_start_offsets: Vec<u32>,
    span_end_offsets: Vec<u32>,
    /// Per span of an evidence whose shape gives no word count: how many word ends it holds.
    span_words: Vec<u32>,
}

/// What an evidence is, but for where its spans start: its rule (a position in the rule names),
/// weight, how many spans it has, how its text is made ([`TEXT_FIRST_SPAN`], [`TEXT_ALL_SPANS`]
/// or [`TEXT_STORED`]), and how many word ends each span holds when all hold as many (a cue
/// found three times), else `None` (the counts are in `span_words`). A corpus has a few dozen
/// shapes for a hundred thousand evidences, so one small number per evidence says all five.
type EvidenceShape = (u32, u32, u32, u8, Option<u32>);

/// The evidence's text is the words of its first span (a cue, however often it occurs).
const TEXT_FIRST_SPAN: u8 = 0;
/// The evidence's text is the words of all its spans joined by [`ELLIPSIS`] (a construction).
const TEXT_ALL_SPANS: u8 = 1;
/// The evidence's text is stored.
const TEXT_STORED: u8 = 2;

fn passage_id(document: &Document, n: usize) -> String {
    format!("{}-p{n}", document.id)
}

fn section_id(document: &Document, heading: &str) -> String {
    format!("{}/{}", document.id, crate::text::slug(heading))
}

/// A byte of a word, for counting spans in words: ASCII letters and digits, and any byte of a
/// character beyond ASCII. Only the encoder and decoder need agree on it (offsets make any
/// span exact), so it is a byte test, not the tokenizer.
fn in_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Byte positions where a word starts, and just after one ends: one pass over the bytes, as a
/// decoder at start-up makes it for every tagged passage.
fn word_marks(text: &str) -> (Vec<u32>, Vec<u32>) {
    let (mut starts, mut ends) = (Vec::with_capacity(text.len() / 5), Vec::with_capacity(text.len() / 5));
    let mut inside = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let now = in_word(b);
        if now != inside {
            if now { starts.push(i as u32) } else { ends.push(i as u32) }
            inside = now;
        }
    }
    if inside {
        ends.push(text.len() as u32);
    }
    (starts, ends)
}

/// `at` as (how many of `marks` are at or before it, its bytes after the last of those, or
/// after `from` when none is).
fn count_marks(marks: &[u32], from: u32, at: u32) -> (u32, u32) {
    let n = marks.partition_point(|&m| m <= at);
    let base = if n > 0 { marks[n - 1].max(from) } else { from };
    (n as u32, at.wrapping_sub(base))
}

fn joined_spans(text: &str, spans: &[Span]) -> String {
    spans.iter().map(|s| s.slice(text)).collect::<Vec<_>>().join(ELLIPSIS)
}

fn step(now: u32, before: u32) -> i32 {
    now.wrapping_sub(before) as i32
}

fn ascending_steps(ids: &[u32], counts: &mut Vec<u32>, steps: &mut Vec<u32>) {
    counts.push(ids.len() as u32);
    let mut before = 0;
    for &id in ids {
        steps.push(id.wrapping_sub(before));
        before = id;
    }
}

pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut text = String::with_capacity(corpus.passages.iter().map(|p| p.text.len() + 1).sum());
    for p in &corpus.passages {
        assert!(!p.text.contains(PASSAGE_END), "passage {} holds a line end", p.id);
        text.push_str(&p.text);
        text.push(PASSAGE_END);
    }
    let mut w = Wire {
        documents: corpus.documents.iter().map(|d| Document { id: String::new(), ..d.clone() }).collect(),
        odd_document_ids: corpus.documents.iter().enumerate().filter(|(_, d)| d.id != document_slug(&d.title)).map(|(i, d)| (i as u32, d.id.clone())).collect(),
        themes: corpus.themes.clone(),
        entities: corpus.entities.clone(),
        stop_words: corpus.stop_words.clone(),
        text: &text,
        ..Wire::default()
    };
    let mut document_before = 0;
    for (i, section) in corpus.sections.iter().enumerate() {
        w.sections.push((step(section.document, document_before), section.heading.clone(), section.line));
        document_before = section.document;
        if corpus.documents.get(section.document as usize).is_none_or(|d| section_id(d, &section.heading) != section.id) {
            w.odd_section_ids.push((i as u32, section.id.clone()));
        }
    }
    let (mut before, mut n) = ((0, 0, 0), 0);
    let mut shapes: Vec<EvidenceShape> = Vec::new();
    for (i, p) in corpus.passages.iter().enumerate() {
        n = if i > 0 && p.document == before.0 { n + 1 } else { 1 };
        if corpus.documents.get(p.document as usize).is_none_or(|d| passage_id(d, n) != p.id) {
            w.odd_ids.push((i as u32, p.id.clone()));
        }
        w.document_steps.push(step(p.document, before.0));
        w.section_steps.push(step(p.section, before.1));
        w.line_steps.push(step(p.line, before.2));
        before = (p.document, p.section, p.line);
        ascending_steps(&p.entities, &mut w.entity_counts, &mut w.entity_steps);
        w.voice_counts.push(p.voices.len() as u32);
        w.voice_places.extend(p.voices.iter().map(|v| match p.entities.iter().position(|e| e == v) {
            Some(at) => at as u32,
            None => (p.entities.len() as u32).wrapping_add(*v),
        }));
        w.hit_counts.push(p.themes.len() as u32);
        let mut theme_before = 0;
        let (starts, ends) = if p.themes.is_empty() { (Vec::new(), Vec::new()) } else { word_marks(&p.text) };
        for hit in &p.themes {
            w.hit_themes.push(step(hit.theme, theme_before));
            theme_before = hit.theme;
            w.hit_scores.push(step(hit.score, hit.evidence.iter().fold(0u32, |sum, e| sum.wrapping_add(e.weight))));
            w.evidence_counts.push(hit.evidence.len() as u32);
            for e in &hit.evidence {
                let rule = match w.rules.iter().position(|r| *r == e.rule) {
                    Some(rule) => rule,
                    None => {
                        w.rules.push(e.rule.clone());
                        w.rules.len() - 1
                    }
                };
                let first = e.spans.first().map(|s| s.slice(&p.text));
                let text_kind = if first == Some(e.text.as_str()) {
                    TEXT_FIRST_SPAN
                } else if joined_spans(&p.text, &e.spans) == e.text {
                    TEXT_ALL_SPANS
                } else {
                    w.evidence_texts.push(e.text.clone());
                    TEXT_STORED
                };
                let mut span_words = Vec::with_capacity(e.spans.len());
                for s in &e.spans {
                    let (start, offset) = count_marks(&starts, 0, s.start);
                    w.span_starts.push(start);
                    w.span_start_offsets.push(offset);
                    let before_start = ends.partition_point(|&m| m <= s.start) as u32;
                    let (end, offset) = count_marks(&ends, s.start, s.end);
                    span_words.push(end.wrapping_sub(before_start));
                    w.span_end_offsets.push(offset);
                }
                let same_words = span_words.first().copied().filter(|&first| span_words.iter().all(|&n| n == first));
                if same_words.is_none() {
                    w.span_words.extend(span_words);
                }
                shapes.push((rule as u32, e.weight, e.spans.len() as u32, text_kind, same_words));
            }
        }
    }
    let mut frequency: BTreeMap<EvidenceShape, usize> = BTreeMap::new();
    shapes.iter().for_each(|&shape| *frequency.entry(shape).or_default() += 1);
    w.evidence_shapes = frequency.keys().copied().collect();
    w.evidence_shapes.sort_by_key(|shape| std::cmp::Reverse(frequency[shape]));
    let ids: BTreeMap<EvidenceShape, u32> = w.evidence_shapes.iter().enumerate().map(|(id, &shape)| (shape, id as u32)).collect();
    w.evidence_shape_ids = shapes.iter().map(|shape| ids[shape]).collect();
    let mut out = Vec::with_capacity(8 + w.text.len() * 3 / 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(&w, out).expect("encoding into a Vec cannot fail")
}

/// Stored ids of the items whose id is not the derived one, as (position, id) in position order.
struct Exceptions(std::iter::Peekable<std::vec::IntoIter<(u32, String)>>);

impl Exceptions {
    fn new(stored: Vec<(u32, String)>) -> Self {
        Self(stored.into_iter().peekable())
    }

    /// The stored id of the item at `position`, if it has one (asked in position order).
    fn at(&mut self, position: usize) -> Option<String> {
        self.0.next_if(|(at, _)| *at as usize == position).map(|(_, id)| id)
    }
}

/// Reads columns in order; running out is corruption, never a panic.
struct Column<'a, T>(std::slice::Iter<'a, T>, &'static str);

impl<T: Copy> Column<'_, T> {
    fn next(&mut self) -> Result<T, DecodeError> {
        self.0.next().copied().ok_or_else(|| DecodeError::Corrupt(format!("{} column too short", self.1)))
    }
}

fn column<'a, T>(values: &'a [T], name: &'static str) -> Column<'a, T> {
    Column(values.iter(), name)
}

fn ascending(counts: &mut Column<u32>, steps: &mut Column<u32>) -> Result<Vec<u32>, DecodeError> {
    let mut before = 0u32;
    (0..counts.next()?)
        .map(|_| {
            before = before.wrapping_add(steps.next()?);
            Ok(before)
        })
        .collect()
}

/// Decodes a corpus, copying the passages' text out of `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    decode_with(bytes, |text| Cow::Owned(text.to_owned()))
}

/// Decodes a corpus whose bytes live as long as the program (the corpus placed into the wasm):
/// the passages' text points into them, so the text is in memory once, not three times.
pub fn decode_static(bytes: &'static [u8]) -> Result<Corpus, DecodeError> {
    decode_with(bytes, Cow::Borrowed)
}

fn decode_with<'a>(bytes: &'a [u8], keep: impl Fn(&'a str) -> Cow<'static, str>) -> Result<Corpus, DecodeError> {
    let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(DecodeError::NotACorpus)?;
    let (version, body) = body.split_at_checked(2).ok_or(DecodeError::NotACorpus)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    let w: Wire = postcard::from_bytes(body).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let corrupt = |why: &str| DecodeError::Corrupt(why.to_string());
    let (mut document_steps, mut section_steps, mut line_steps) =
        (column(&w.document_steps, "document"), column(&w.section_steps, "section"), column(&w.line_steps, "line"));
    let (mut entity_counts, mut entity_steps) = (column(&w.entity_counts, "entity"), column(&w.entity_steps, "entity"));
    let (mut voice_counts, mut voice_places) = (column(&w.voice_counts, "voice"), column(&w.voice_places, "voice"));
    let mut hit_counts = column(&w.hit_counts, "hit");
    let (mut hit_themes, mut hit_scores) = (column(&w.hit_themes, "hit"), column(&w.hit_scores, "hit"));
    let mut evidence_counts = column(&w.evidence_counts, "evidence");
    let mut shape_ids = column(&w.evidence_shape_ids, "evidence");
    let mut stored_texts = w.evidence_texts.into_iter();
    let (mut span_starts, mut span_start_offsets) = (column(&w.span_starts, "span"), column(&w.span_start_offsets, "span"));
    let (mut span_words, mut span_end_offsets) = (column(&w.span_words, "span"), column(&w.span_end_offsets, "span"));
    let mut documents = w.documents;
    let mut odd_document_ids = Exceptions::new(w.odd_document_ids);
    for (i, document) in documents.iter_mut().enumerate() {
        document.id = odd_document_ids.at(i).unwrap_or_else(|| document_slug(&document.title));
    }
    let mut sections = Vec::with_capacity(w.sections.len());
    let mut odd_section_ids = Exceptions::new(w.odd_section_ids);
    let mut document_before = 0u32;
    for (i, (document, heading, line)) in w.sections.into_iter().enumerate() {
        let document = document_before.wrapping_add(document as u32);
        document_before = document;
        let id = match odd_section_ids.at(i) {
            Some(id) => id,
            None => section_id(documents.get(document as usize).ok_or_else(|| corrupt("section document"))?, &heading),
        };
        sections.push(Section { id, document, heading, line });
    }
    let mut odd_ids = Exceptions::new(w.odd_ids);
    let texts = match w.text {
        "" => None,
        all => Some(all.strip_suffix(PASSAGE_END).ok_or_else(|| corrupt("the text store does not end a passage"))?.split(PASSAGE_END)),
    };
    let mut passages = Vec::with_capacity(w.document_steps.len());
    let mut before = (0u32, 0u32, 0u32);
    let mut n = 0;
    for (i, text) in texts.into_iter().flatten().enumerate() {
        let text = keep(text);
        let document = before.0.wrapping_add(document_steps.next()? as u32);
        let section = before.1.wrapping_add(section_steps.next()? as u32);
        let line = before.2.wrapping_add(line_steps.next()? as u32);
        n = if i > 0 && document == before.0 { n + 1 } else { 1 };
        before = (document, section, line);
        let id = match odd_ids.at(i) {
            Some(id) => id,
            None => passage_id(documents.get(document as usize).ok_or_else(|| corrupt("passage document"))?, n),
        };
        if sections.get(section as usize).is_none() {
            return Err(corrupt("passage section"));
        }
        let entities = ascending(&mut entity_counts, &mut entity_steps)?;
        let voices = (0..voice_counts.next()?)
            .map(|_| {
                let place = voice_places.next()?;
                Ok(entities.get(place as usize).copied().unwrap_or_else(|| place.wrapping_sub(entities.len() as u32)))
            })
            .collect::<Result<Vec<u32>, DecodeError>>()?;
        if entities.iter().chain(&voices).any(|&e| e as usize >= w.entities.len()) {
            return Err(corrupt("passage entity"));
        }
        let mut theme = 0u32;
        let mut themes = Vec::new();
        let hits = hit_counts.next()?;
        let (starts, ends) = if hits == 0 { (Vec::new(), Vec::new()) } else { word_marks(&text) };
        for _ in 0..hits {
            theme = theme.wrapping_add(hit_themes.next()? as u32);
            if theme as usize >= w.themes.len() {
                return Err(corrupt("theme hit"));
            }
            let score_step = hit_scores.next()?;
            let mut evidence = Vec::new();
            for _ in 0..evidence_counts.next()? {
                let &(rule, weight, span_count, text_kind, same_words) = w.evidence_shapes.get(shape_ids.next()? as usize).ok_or_else(|| corrupt("evidence shape"))?;
                let rule = w.rules.get(rule as usize).ok_or_else(|| corrupt("evidence rule"))?.clone();
                let mut spans = (0..span_count)
                    .map(|_| {
                        let start_mark = span_starts.next()?;
                        let mark = |marks: &[u32], n: u32, from: u32| if n == 0 { Some(from) } else { marks.get(n as usize - 1).map(|&m| m.max(from)) };
                        let start = mark(&starts, start_mark, 0).ok_or_else(|| corrupt("span start"))?.wrapping_add(span_start_offsets.next()?);
                        let end_mark = (ends.partition_point(|&m| m <= start) as u32).wrapping_add(match same_words {
                            Some(words) => words,
                            None => span_words.next()?,
                        });
                        let end = mark(&ends, end_mark, start).ok_or_else(|| corrupt("span end"))?.wrapping_add(span_end_offsets.next()?);
                        Ok(Span { start, end })
                    })
                    .collect::<Result<Vec<Span>, DecodeError>>()?;
                spans.shrink_to_fit();
                let text = match text_kind {
                    TEXT_FIRST_SPAN => spans.first().map_or("", |s| s.slice(&text)).to_string(),
                    TEXT_ALL_SPANS => joined_spans(&text, &spans),
                    _ => stored_texts.next().ok_or_else(|| corrupt("evidence text"))?,
                };
                evidence.push(Evidence { rule, text, weight, spans });
            }
            // Held for the page's life: exactly as long as they are (a vector grown by pushes keeps
            // room for four; at 1,000 articles that room was about a third of the decoded corpus).
            evidence.shrink_to_fit();
            let score = evidence.iter().fold(0u32, |sum, e| sum.wrapping_add(e.weight)).wrapping_add(score_step as u32);
            themes.push(ThemeHit { theme, score, evidence });
        }
        themes.shrink_to_fit();
        passages.push(Passage { id, document, section, line, text, sentences: Vec::new(), themes, mentions: Vec::new(), entities, voices });
    }
    Ok(Corpus::new(documents, sections, passages, w.themes, w.entities, w.stop_words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    #[test]
    fn rejects_foreign_and_future_bytes() {
        assert_eq!(decode(b"hello world"), Err(DecodeError::NotACorpus));
        let mut bytes = encode(&Corpus::default());
        bytes[6] = 99;
        assert_eq!(decode(&bytes), Err(DecodeError::WrongVersion { found: 99, expected: FORMAT_VERSION }));
        let good = encode(&Corpus::default());
        assert_eq!(decode(&good), Ok(Corpus::default()));
        assert!(matches!(decode(&good[..good.len() - 1]), Err(DecodeError::Corrupt(_))));
    }

    /// What the encoder derives instead of storing comes back, and so do the exceptions it
    /// stores: a document id that is its title's slug and one that is not; an evidence whose
    /// spans hold as many words each and one whose spans do not; a text no span gives; a voice
    /// among the passage's entities and one named in an earlier passage.
    #[test]
    fn derived_fields_and_their_exceptions_round_trip() {
        let document = |id: &str, title: &str| Document { id: id.into(), title: title.into(), date: String::new(), source: String::new(), url: String::new(), source_file: format!("{id}.txt") };
        let text = "Port tariffs rose as trade talks stalled; trade resumed.";
        let evidence = vec![
            Evidence { rule: "cue".into(), text: "trade".into(), weight: 2, spans: vec![Span::new(23, 28), Span::new(43, 48)] },
            Evidence { rule: "frame".into(), text: "Port tariffs … talks".into(), weight: 1, spans: vec![Span::new(0, 12), Span::new(29, 34)] },
            Evidence { rule: "cue".into(), text: "a stored text".into(), weight: 3, spans: vec![Span::new(5, 12)] },
        ];
        let passage = |id: &str, document: u32, text: &str, themes: Vec<ThemeHit>| Passage { id: id.into(), document, section: document, line: 1, text: text.to_string().into(), sentences: Vec::new(), themes, mentions: Vec::new(), entities: Vec::new(), voices: Vec::new() };
        let documents = vec![document("trade-talks", "Trade Talks"), document("memo", "A Memo on Ports")];
        let sections = vec![Section { id: "trade-talks/".into(), document: 0, heading: String::new(), line: 0 }, Section { id: "memo/".into(), document: 1, heading: String::new(), line: 0 }];
        let mut passages = vec![passage("trade-talks-p1", 0, text, vec![ThemeHit { theme: 0, score: 6, evidence }]), passage("memo-p1", 1, "", Vec::new())];
        (passages[0].entities, passages[0].voices) = (vec![0, 2], vec![1, 2]);
        let entities: Vec<Entity> = ["Ana Ruiz", "Li Wei", "Port Authority"]
            .iter()
            .map(|name| Entity { id: crate::text::slug(name), name: name.to_string(), kind: EntityKind::Person, aliases: Vec::new(), origin: String::new() })
            .collect();
        let themes = vec![Theme { id: "trade".into(), label: "Trade".into(), description: String::new(), colour: "#000".into(), cues: Vec::new() }];
        let corpus = Corpus::new(documents, sections, passages, themes, entities, Vec::new());
        assert_eq!(decode(&encode(&corpus)), Ok(corpus));
    }

    /// The decoded corpus lives as long as the page: its passages' theme hits, evidence and spans
    /// hold no room to grow.
    #[test]
    fn decoded_vectors_hold_no_spare_room() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let decoded = decode(&encode(&crate::compile::compile_dir(&seeds).corpus)).unwrap();
        let mut evidences = 0;
        for p in &decoded.passages {
            assert_eq!(p.themes.capacity(), p.themes.len(), "{}", p.id);
            for hit in &p.themes {
                assert_eq!(hit.evidence.capacity(), hit.evidence.len(), "{}", p.id);
                for e in &hit.evidence {
                    assert_eq!(e.spans.capacity(), e.spans.len(), "{}", p.id);
                    evidences += 1;
                }
            }
        }
        assert!(evidences > 20, "the seed has evidence to check: {evidences}");
    }

    /// Cut anywhere, or with any byte changed, the bytes give an error or a corpus, never a panic.
    #[test]
    fn damaged_bytes_never_panic() {
        let mut corpus = Corpus::default();
        corpus.documents.push(Document { id: "d".into(), title: "T".into(), date: String::new(), source: String::new(), url: String::new(), source_file: "d.txt".into() });
        corpus.sections.push(Section { id: "d/".into(), document: 0, heading: String::new(), line: 0 });
        corpus.passages.push(Passage { id: "d-p1".into(), document: 0, section: 0, line: 1, text: "Trade grew.".into(), sentences: Vec::new(), themes: Vec::new(), mentions: Vec::new(), entities: Vec::new(), voices: Vec::new() });
        let good = encode(&corpus);
        assert_eq!(decode(&good).unwrap().passages[0].text, "Trade grew.");
        for cut in 0..good.len() {
            assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
        }
        for at in 8..good.len() {
            for value in [0, 1, 0x7F, 0x80, 0xFF] {
                let mut bad = good.clone();
                bad[at] = value;
                let _ = decode(&bad);
            }
        }
    }
}
