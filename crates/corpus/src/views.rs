//! What the views show, computed from an evaluation: the theme × entity co-occurrence matrix,
//! the keyword-in-context concordance, the themes' shares per period (trends), and the export
//! rows (JSON and CSV) of the current view.

use serde::Serialize;

use crate::dates::{DateFilter, Timeline};
use crate::highlight::matched_spans;
use crate::model::{Corpus, EntityKind};
use crate::text;

/// The views of `view=` in the URL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ViewMode {
    #[default]
    List,
    Map,
    Read,
    Matrix,
    Kwic,
    Trends,
}

impl ViewMode {
    pub const ALL: [ViewMode; 6] = [ViewMode::List, ViewMode::Map, ViewMode::Read, ViewMode::Matrix, ViewMode::Kwic, ViewMode::Trends];

    pub fn key(self) -> &'static str {
        match self {
            ViewMode::List => "list",
            ViewMode::Map => "map",
            ViewMode::Read => "read",
            ViewMode::Matrix => "matrix",
            ViewMode::Kwic => "kwic",
            ViewMode::Trends => "trends",
        }
    }

    pub fn parse(key: &str) -> Option<ViewMode> {
        Self::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// Counts of passages carrying both a theme and an entity, among `passages`.
/// `counts[entity][theme]`; entities are those of the given kinds named at least once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cooccurrence {
    pub entities: Vec<u32>,
    pub counts: Vec<Vec<u32>>,
}

pub fn cooccurrence(corpus: &Corpus, passages: &[u32], kinds: &[EntityKind]) -> Cooccurrence {
    let mut counts = vec![vec![0u32; corpus.themes.len()]; corpus.entities.len()];
    let mut named = vec![0u32; corpus.entities.len()];
    for &p in passages {
        let passage = &corpus.passages[p as usize];
        for &e in &passage.entities {
            named[e as usize] += 1;
            for hit in &passage.themes {
                counts[e as usize][hit.theme as usize] += 1;
            }
        }
    }
    let mut entities: Vec<u32> = (0..corpus.entities.len() as u32)
        .filter(|&e| named[e as usize] > 0 && kinds.contains(&corpus.entities[e as usize].kind))
        .collect();
    crate::sort::sort_by(&mut entities, |a, b| named[*b as usize].cmp(&named[*a as usize]).then(a.cmp(b)));
    let counts = entities.iter().map(|&e| counts[e as usize].clone()).collect();
    Cooccurrence { entities, counts }
}

/// How the themes move over time among some passages: per period, the passages and how many
/// carry each theme. A passage may carry several themes, so shares need not add up to 100%.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trends {
    /// The timeline of the documents inside the date range (the scale follows that span).
    pub timeline: Timeline,
    /// Per period: the passages in it.
    pub totals: Vec<u32>,
    /// Per period, per theme: the passages in it carrying the theme.
    pub counts: Vec<Vec<u32>>,
    /// Passages of undated documents (in no period).
    pub undated: u32,
}

impl Trends {
    /// The share of a period's passages carrying a theme, in whole percent (`None` for an
    /// empty period).
    pub fn percent(&self, period: usize, theme: usize) -> Option<u32> {
        let total = self.totals[period];
        (total > 0).then(|| (self.counts[period][theme] * 100 + total / 2) / total)
    }
}

pub fn trends(corpus: &Corpus, passages: &[u32], dates: &DateFilter) -> Trends {
    let timeline = Timeline::within(corpus, dates);
    let mut totals = vec![0; timeline.periods.len()];
    let mut counts = vec![vec![0; corpus.themes.len()]; timeline.periods.len()];
    let mut undated = 0;
    for &p in passages {
        let passage = &corpus.passages[p as usize];
        match timeline.period_of[passage.document as usize] {
            Some(period) => {
                totals[period as usize] += 1;
                passage.themes.iter().for_each(|h| counts[period as usize][h.theme as usize] += 1);
            }
            None => undated += u32::from(timeline.dates[passage.document as usize].is_none()),
        }
    }
    Trends { timeline, totals, counts, undated }
}

/// One line of a concordance: the words left of the keyword, the keyword, the words right of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcordanceLine {
    pub passage: u32,
    /// Byte offset of the keyword in the passage's text.
    pub offset: u32,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// How to order concordance lines, as in corpus-linguistics tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcordanceSort {
    /// Where the keywords stand: corpus order, then order in the passage.
    Position,
    /// By the words left of the keyword, nearest first.
    Left,
    /// By the words right of the keyword.
    Right,
}

/// Every match of every passage (a hyphenated compound is one keyword), with `window` words
/// each side, cut from the text as written (punctuation kept).
pub fn concordance(corpus: &Corpus, passages: &[u32], matched_words: &[Vec<u32>], window: usize, sort: ConcordanceSort) -> Vec<ConcordanceLine> {
    let mut lines = Vec::new();
    for (&p, positions) in passages.iter().zip(matched_words) {
        let text = &corpus.passages[p as usize].text;
        let words: Vec<text::Word> = text::words(text).collect();
        for keyword in matched_spans(text, positions) {
            let (start, end) = (keyword.start as usize, keyword.end as usize);
            let before = words.partition_point(|w| w.end <= start);
            let after = words.partition_point(|w| w.start < end);
            let left = words[before.saturating_sub(window)..before].first().map_or(start, |w| w.start);
            let right = words[after..(after + window).min(words.len())].last().map_or(end, |w| w.end);
            lines.push(ConcordanceLine {
                passage: p,
                offset: keyword.start,
                left: text[left..start].trim().to_string(),
                keyword: text[start..end].to_string(),
                right: text[end..right].trim().to_string(),
            });
        }
    }
    let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).flat_map(crate::text::lowercase).collect::<String>();
    match sort {
        ConcordanceSort::Position => crate::sort::sort_by(&mut lines, |a, b| (a.passage, a.offset).cmp(&(b.passage, b.offset))),
        ConcordanceSort::Left => sort_by_cached_key(&mut lines, |l| key(&l.left).split_whitespace().rev().map(str::to_string).collect::<Vec<_>>()),
        ConcordanceSort::Right => sort_by_cached_key(&mut lines, |l| key(&l.right)),
    }
    lines
}

/// `slice::sort_by_cached_key` through the crate's one sort (see [`crate::sort`]): each key
/// made once, the order stable.
fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut keyed: Vec<(K, T)> = items.drain(..).map(|item| (key(&item), item)).collect();
    crate::sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    items.extend(keyed.into_iter().map(|(_, item)| item));
}

/// A passage as exported from the current view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    pub id: String,
    pub document: String,
    /// The document's date, `YYYY-MM-DD`; empty when it has none.
    pub date: String,
    pub section: String,
    pub line: u32,
    pub text: String,
    pub themes: Vec<String>,
    pub entities: Vec<String>,
}

pub fn export_rows(corpus: &Corpus, passages: &[u32]) -> Vec<ExportRow> {
    passages
        .iter()
        .map(|&p| {
            let passage = &corpus.passages[p as usize];
            let document = &corpus.documents[passage.document as usize];
            ExportRow {
                id: passage.id.clone(),
                document: document.id.clone(),
                date: document.date.clone(),
                section: corpus.sections[passage.section as usize].heading.clone(),
                line: passage.line,
                text: passage.text.to_string(),
                themes: passage.themes.iter().map(|h| corpus.themes[h.theme as usize].id.clone()).collect(),
                entities: passage.entities.iter().map(|&e| corpus.entities[e as usize].id.clone()).collect(),
            }
        })
        .collect()
}

/// RFC 4180 CSV with a header; list fields are joined with `; `.
pub fn to_csv(rows: &[ExportRow]) -> String {
    fn field(value: &str) -> String {
        if value.contains(['"', ',', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value.to_string()
        }
    }
    let mut out = String::from("id,document,date,section,line,text,themes,entities\r\n");
    for r in rows {
        let fields =
            [field(&r.id), field(&r.document), field(&r.date), field(&r.section), r.line.to_string(), field(&r.text), field(&r.themes.join("; ")), field(&r.entities.join("; "))];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A citation of a passage: title, section, date and link.
pub fn citation(corpus: &Corpus, passage: u32, link: &str) -> String {
    let p = &corpus.passages[passage as usize];
    let document = &corpus.documents[p.document as usize];
    let section = &corpus.sections[p.section as usize].heading;
    let date = if document.date.is_empty() { String::new() } else { format!(", {}", document.date) };
    let source = if document.source.is_empty() { String::new() } else { format!(", {}", document.source) };
    format!("“{}”{source}{date}, section “{section}”, paragraph at line {}. {link}", document.title, p.line)
}
