//! Dates: the day each document was written, the date filter of the URL (`from=`, `to=`,
//! `undated=`), the periods a timeline is cut into (months or years, chosen from the span) and
//! their labels. Every date fact lives here: the compiler checks sidecar dates with [`Day::parse`],
//! the query filters with [`DateFilter`], the histogram, the trends view and `loupe query` count
//! by the periods of a [`Timeline`].
//!
//! Semantics: `from` and `to` are inclusive and may be a year, a month or a day (`2023`,
//! `2023-02`, `2023-02-24`); a partial date stands for its period's first day in `from` and its
//! last day in `to`. A range given backwards is read forwards. A malformed value is ignored.
//! Documents without a date are kept when no range is set and left out when one is, unless
//! `undated=1` keeps them (or `undated=0` leaves them out without a range).

use crate::model::Corpus;

/// The URL key of the range's first date.
pub const FROM_KEY: &str = "from";
/// The URL key of the range's last date.
pub const TO_KEY: &str = "to";
/// The URL key saying whether undated documents are kept (`1`) or left out (`0`).
pub const UNDATED_KEY: &str = "undated";

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `digits` ASCII digits exactly, as a number.
fn number(s: &str, digits: usize) -> Option<u16> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

impl Day {
    /// A calendar date written `YYYY-MM-DD` (year 1 to 9999), or `None`.
    pub fn parse(s: &str) -> Option<Day> {
        let bound = Bound::parse(s)?;
        Some(Day { year: bound.year, month: bound.month?, day: bound.day? })
    }

    /// Whether the numbers make a calendar date.
    pub fn is_valid(year: u16, month: u8, day: u8) -> bool {
        (1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day as a reader reads it: `24 Feb 2023`.
    pub fn label(self) -> String {
        format!("{} {} {}", self.day, MONTHS[self.month as usize - 1], self.year)
    }

    fn month_number(self) -> u32 {
        self.year as u32 * 12 + self.month as u32 - 1
    }
}

/// A year, a month or a day: a bound of the URL's range, or a period of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bound {
    pub year: u16,
    pub month: Option<u8>,
    /// Only with a month.
    pub day: Option<u8>,
}

impl Bound {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real year, month or day; anything else is `None`.
    pub fn parse(s: &str) -> Option<Bound> {
        let mut parts = s.trim().split('-');
        let year = number(parts.next()?, 4).filter(|&y| y >= 1)?;
        let month = parts.next().map(|m| number(m, 2).map(|m| m as u8).filter(|m| (1..=12).contains(m)));
        let day = parts.next().map(|d| number(d, 2).map(|d| d as u8));
        if parts.next().is_some() {
            return None;
        }
        match (month, day) {
            (None, _) => Some(Bound { year, month: None, day: None }),
            (Some(month), None) => Some(Bound { year, month: Some(month?), day: None }),
            (Some(month), Some(day)) => {
                let (month, day) = (month?, day?);
                Day::is_valid(year, month, day).then_some(Bound { year, month: Some(month), day: Some(day) })
            }
        }
    }

    /// The period's first day.
    pub fn first(self) -> Day {
        Day { year: self.year, month: self.month.unwrap_or(1), day: self.day.unwrap_or(1) }
    }

    /// The period's last day.
    pub fn last(self) -> Day {
        let month = self.month.unwrap_or(12);
        Day { year: self.year, month, day: self.day.unwrap_or_else(|| days_in_month(self.year, month)) }
    }

    /// The canonical spelling, as the URL and JSON write it: `2023`, `2023-02`, `2023-02-24`.
    pub fn key(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// As a reader reads it: `2023`, `Feb 2023`, `24 Feb 2023`.
    pub fn label(self) -> String {
        match self.month {
            Some(_) if self.day.is_some() => self.first().label(),
            Some(m) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            None => self.year.to_string(),
        }
    }

    /// Whether a day falls in the period.
    pub fn contains(self, day: Day) -> bool {
        (self.first()..=self.last()).contains(&day)
    }
}

/// The date part of a query: a range and what to do with undated documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateFilter {
    pub from: Option<Bound>,
    pub to: Option<Bound>,
    /// `Some` when the URL says; otherwise undated documents are kept only without a range.
    pub undated: Option<bool>,
}

impl DateFilter {
    /// Reads one pair of the URL; `false` when the key is not a date key. A malformed value is
    /// ignored (the key is still taken).
    pub fn read(&mut self, key: &str, value: &str) -> bool {
        match key {
            FROM_KEY => *self = self.with_range(Bound::parse(value).or(self.from), self.to),
            TO_KEY => *self = self.with_range(self.from, Bound::parse(value).or(self.to)),
            UNDATED_KEY => {
                self.undated = match value.trim() {
                    "1" | "true" | "yes" => Some(true),
                    "0" | "false" | "no" => Some(false),
                    _ => self.undated,
                }
            }
            _ => return false,
        }
        true
    }

    /// The same filter with another range, read forwards.
    pub fn with_range(&self, from: Option<Bound>, to: Option<Bound>) -> DateFilter {
        let (from, to) = match (from, to) {
            (Some(f), Some(t)) if f.first() > t.last() => (Some(t), Some(f)),
            _ => (from, to),
        };
        DateFilter { from, to, undated: self.undated }
    }

    pub fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether documents without a date are kept.
    pub fn keeps_undated(&self) -> bool {
        self.undated.unwrap_or(!self.has_range())
    }

    /// Whether some document is left out.
    pub fn is_active(&self) -> bool {
        self.has_range() || !self.keeps_undated()
    }

    /// Whether a document of this date (`None`: undated) passes.
    pub fn admits(&self, date: Option<Day>) -> bool {
        match date {
            None => self.keeps_undated(),
            Some(day) => self.from.is_none_or(|f| f.first() <= day) && self.to.is_none_or(|t| day <= t.last()),
        }
    }

    /// The URL pairs, in the order `from`, `to`, `undated`.
    pub fn pairs(&self) -> Vec<String> {
        let from = self.from.map(|b| format!("{FROM_KEY}={}", b.key()));
        let to = self.to.map(|b| format!("{TO_KEY}={}", b.key()));
        let undated = self.undated.map(|u| format!("{UNDATED_KEY}={}", u as u8));
        from.into_iter().chain(to).chain(undated).collect()
    }

    /// The filter as a reader reads it (`2022 – 2023`, `from Mar 2023`, `Feb 2023, and undated`),
    /// or `None` when unset.
    pub fn label(&self) -> Option<String> {
        let range = match (self.from, self.to) {
            (Some(f), Some(t)) if f == t => Some(f.label()),
            (Some(f), Some(t)) => Some(format!("{} – {}", f.label(), t.label())),
            (Some(f), None) => Some(format!("from {}", f.label())),
            (None, Some(t)) => Some(format!("until {}", t.label())),
            (None, None) => None,
        };
        match (range, self.undated) {
            (None, None) => None,
            (None, Some(keep)) => Some(if keep { "undated kept" } else { "dated only" }.to_string()),
            (Some(range), Some(true)) => Some(format!("{range}, and undated")),
            (Some(range), _) => Some(range),
        }
    }
}

/// How a timeline is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Month,
    Year,
}

impl Scale {
    pub fn name(self) -> &'static str {
        match self {
            Scale::Month => "month",
            Scale::Year => "year",
        }
    }
}

/// Spans of up to this many months are cut into months, longer ones into years.
pub const MAX_MONTHS: u32 = 24;

/// The corpus's dated span cut into periods, and each document's date and period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub scale: Scale,
    /// Every period from the first date to the last, in order (empty when nothing is dated).
    pub periods: Vec<Bound>,
    /// Per document, its date (`None`: undated).
    pub dates: Vec<Option<Day>>,
    /// Per document, its period's position in `periods` (`None`: undated or outside).
    pub period_of: Vec<Option<u32>>,
}

impl Timeline {
    /// The whole corpus's timeline.
    pub fn new(corpus: &Corpus) -> Timeline {
        Timeline::within(corpus, &DateFilter::default())
    }

    /// The timeline of the documents inside the filter's range; the scale follows that span.
    pub fn within(corpus: &Corpus, filter: &DateFilter) -> Timeline {
        let dates: Vec<Option<Day>> = corpus.documents.iter().map(|d| Day::parse(&d.date)).collect();
        let inside = |d: &Option<Day>| d.filter(|&day| DateFilter { undated: None, ..*filter }.admits(Some(day)));
        let first = dates.iter().filter_map(inside).min();
        let last = dates.iter().filter_map(inside).max();
        let (Some(first), Some(last)) = (first, last) else {
            return Timeline { scale: Scale::Month, periods: Vec::new(), period_of: vec![None; dates.len()], dates };
        };
        let scale = if last.month_number() - first.month_number() < MAX_MONTHS { Scale::Month } else { Scale::Year };
        let period = |day: Day| Bound { year: day.year, month: (scale == Scale::Month).then_some(day.month), day: None };
        let periods: Vec<Bound> = match scale {
            Scale::Year => (first.year..=last.year).map(|year| Bound { year, month: None, day: None }).collect(),
            Scale::Month => (first.month_number()..=last.month_number())
                .map(|n| Bound { year: (n / 12) as u16, month: Some((n % 12 + 1) as u8), day: None })
                .collect(),
        };
        let period_of = dates.iter().map(|d| inside(d).and_then(|day| periods.binary_search(&period(day)).ok()).map(|i| i as u32)).collect();
        Timeline { scale, periods, dates, period_of }
    }

    /// The single day every dated document shares, if there is exactly one.
    pub fn only_day(&self) -> Option<Day> {
        let mut days = self.dates.iter().flatten();
        let first = *days.next()?;
        days.all(|&d| d == first).then_some(first)
    }

    /// Whether some document has no date.
    pub fn has_undated(&self) -> bool {
        self.dates.iter().any(Option::is_none)
    }
}
