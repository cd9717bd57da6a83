//! Queries: the URL query string ⇄ [`Query`], evaluation to matching passages, and
//! disjunctive facet counts. The page and `loupe query` both call [`evaluate`]; the page
//! asks for the counts once a keystroke's results are painted.
//!
//! Semantics: values repeated within a facet are OR-ed; facets are AND-ed. Entities are split by
//! kind (people, organisations, places, other), each kind acting as its own facet, so
//! `entity=wang-yi&entity=vladimir-putin` is "either person" while
//! `entity=wang-yi&entity=china` is "Wang Yi, and China". The count shown for a value of a
//! facet is computed with every filter applied except that facet's own. The date filter
//! (`from=`, `to=`, `undated=`, see [`crate::dates`]) is one more AND-ed clause; the date
//! histogram's counts apply every filter but it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dates::DateFilter;
pub use crate::facet::Facet;
use crate::model::{Corpus, EntityKind};
use crate::search::{search, Correction, SearchQuery, Unsearched};
use crate::views::ViewMode;

/// The filters and search text of a view. Values are ids; unknown ids match nothing and are
/// dropped by [`Query::known_only`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// (facet, value id) in the order the reader chose them, without repeats.
    pub filters: Vec<(Facet, String)>,
    /// The date range and what to do with undated documents.
    pub dates: DateFilter,
    /// The search box's text (`q=`), as typed.
    pub text: String,
    /// The view showing the results (`view=`); not a filter.
    pub view: ViewMode,
    /// Embedded in another site (`embed=1`): compact layout; not a filter.
    pub embed: bool,
}

/// The URL key of the search text.
pub const TEXT_KEY: &str = "q";
/// The URL key of the view.
pub const VIEW_KEY: &str = "view";
/// The URL key of embed mode.
pub const EMBED_KEY: &str = "embed";

/// Every key a Loupe URL's query string may hold: the keys [`Query::parse`] reads (it ignores
/// the others, such as a link tracker's).
pub fn url_keys() -> impl Iterator<Item = &'static str> {
    use crate::dates::{FROM_KEY, TO_KEY, UNDATED_KEY};
    [TEXT_KEY, VIEW_KEY, EMBED_KEY, FROM_KEY, TO_KEY, UNDATED_KEY].into_iter().chain(Facet::ALL.map(Facet::key))
}

impl Query {
    /// Parses a URL query string (with or without `?`). Unknown keys and malformed pairs are
    /// ignored; bad percent-escapes are read literally. Never fails.
    pub fn parse(query_string: &str) -> Query {
        let mut query = Query::default();
        let body = query_string.strip_prefix('?').unwrap_or(query_string);
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (percent_decode(key), percent_decode(value));
            if key == TEXT_KEY {
                query.text = value.chars().take(crate::search::MAX_QUERY_CHARS).collect();
                continue;
            }
            if key == VIEW_KEY {
                query.view = ViewMode::parse(value.trim()).unwrap_or_default();
                continue;
            }
            if key == EMBED_KEY {
                query.embed = matches!(value.trim(), "1" | "true" | "yes");
                continue;
            }
            let value = value.trim();
            if query.dates.read(&key, value) {
                continue;
            }
            if let (Some(facet), false) = (Facet::from_key(&key), value.is_empty()) {
                query.add(facet, value);
            }
        }
        query
    }

    /// The values chosen for one facet, in the order chosen.
    pub fn values(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.filters.iter().filter(move |(f, _)| *f == facet).map(|(_, v)| v.as_str())
    }

    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        self.filters.iter().any(|(f, v)| *f == facet && v == value)
    }

    /// Chooses a value (last in order); choosing it again changes nothing.
    pub fn add(&mut self, facet: Facet, value: &str) {
        if !self.contains(facet, value) {
            self.filters.push((facet, value.to_string()));
        }
    }

    pub fn remove(&mut self, facet: Facet, value: &str) {
        self.filters.retain(|(f, v)| !(*f == facet && v == value));
    }

    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.contains(facet, value) { self.remove(facet, value) } else { self.add(facet, value) }
    }

    /// No filters, no dates and no search, in the same view and mode ("Clear all").
    pub fn cleared(&self) -> Query {
        Query { view: self.view, embed: self.embed, ..Query::default() }
    }

    /// The same query shown in another view.
    pub fn with_view(&self, view: ViewMode) -> Query {
        Query { view, ..self.clone() }
    }

    /// No filter, no date filter and no search text.
    pub fn is_empty(&self) -> bool {
        self.filters.is_empty() && self.dates == DateFilter::default() && self.text.trim().is_empty()
    }

    /// How many filters are on: the facet values and the date filter.
    pub fn filter_count(&self) -> usize {
        self.filters.len() + usize::from(self.dates != DateFilter::default())
    }

    /// Every (facet, value) pair, in the order chosen.
    pub fn pairs(&self) -> impl Iterator<Item = (Facet, &str)> {
        self.filters.iter().map(|(f, v)| (*f, v.as_str()))
    }

    /// The same filters, view and mode with another search text.
    pub fn with_text(&self, text: &str) -> Query {
        Query { text: text.to_string(), ..self.clone() }
    }

    /// What selects passages: the search text and the filters, without the view or the mode
    /// (a view change need not evaluate again).
    pub fn selection(&self) -> Query {
        Query { filters: self.filters.clone(), dates: self.dates, text: self.text.clone(), ..Query::default() }
    }

    /// Only the filters and the date range: no search text, default view.
    pub fn filters_only(&self) -> Query {
        Query { filters: self.filters.clone(), dates: self.dates, ..Query::default() }
    }

    /// The same query without values the corpus does not know.
    pub fn known_only(&self, corpus: &Corpus) -> Query {
        let mut known = Query { text: self.text.clone(), dates: self.dates, view: self.view, embed: self.embed, ..Query::default() };
        for (facet, value) in self.pairs() {
            if facet.index_of(corpus, value).is_some() {
                known.add(facet, value);
            }
        }
        known
    }

    /// The canonical query string (no leading `?`): the search text, then the filters in the
    /// order they were chosen, percent-encoded, then `from`, `to` and `undated`, then the view
    /// unless it is the list, then `embed=1` when embedded.
    pub fn to_query_string(&self) -> String {
        let text = (!self.text.is_empty()).then(|| format!("{TEXT_KEY}={}", percent_encode(&self.text)));
        let filters = self.pairs().map(|(f, v)| format!("{}={}", f.key(), percent_encode(v)));
        let dates = self.dates.pairs();
        let view = (self.view != ViewMode::List).then(|| format!("{VIEW_KEY}={}", self.view.key()));
        let embed = self.embed.then(|| format!("{EMBED_KEY}=1"));
        text.into_iter().chain(filters).chain(dates).chain(view).chain(embed).collect::<Vec<_>>().join("&")
    }
}

/// The answer to a query, by position: matching passages in order; the counts of each facet
/// value and date period are worked out on demand ([`Evaluation::counts`],
/// [`Evaluation::count`]), so a keystroke that shows the results first does not wait for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// In corpus order without search text; best first with it.
    pub passages: Vec<u32>,
    /// With search text, per passage of `passages`: the positions of the matched words.
    pub matched_words: Vec<Vec<u32>>,
    /// Words of the search read as other words (typos).
    pub corrections: Vec<Correction>,
    /// Stop words the search left out.
    pub ignored: Vec<String>,
    /// Why search text that is not blank searched nothing (every passage matches it).
    pub unsearched: Option<Unsearched>,
    /// The same passages as a set, for [`Evaluation::contains`].
    matching: BitSet,
    /// The passages the search text matches (all of them without text).
    text_matches: BitSet,
    /// Each AND-ed clause of the filters, and the passages it admits.
    clauses: Vec<(Clause, BitSet)>,
}

/// Per-value counts of every facet and the date histogram's, under a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// For each facet, one count per value, indexed like the corpus's lists.
    pub facets: BTreeMap<Facet, Vec<u32>>,
    /// Passages per period of the corpus's [`Timeline`], under every filter but the dates.
    pub dates: DateCounts,
}

impl Evaluation {
    /// Whether a passage is among the results (constant time, for views that mark matches).
    pub fn contains(&self, passage: u32) -> bool {
        self.matching.contains(passage)
    }

    fn all_except(&self, skip: Option<Clause>) -> BitSet {
        admitted(&self.text_matches, &self.clauses, skip)
    }

    /// The disjunctive count of one facet value: the passages it would add, with every filter
    /// applied but its own facet's (its entity kind's, for a name).
    pub fn count(&self, corpus: &Corpus, facet: Facet, value: u32) -> u32 {
        self.all_except(Some(clause_of(corpus, facet, value))).count_in(facet.postings(corpus, value))
    }

    /// The counts of every facet value and date period.
    pub fn counts(&self, corpus: &Corpus) -> Counts {
        let mut facets = BTreeMap::new();
        for facet in Facet::ALL {
            let mut base_by_clause: Vec<(Clause, BitSet)> = Vec::new();
            let facet_counts = (0..facet.len(corpus) as u32)
                .map(|value| {
                    let clause = clause_of(corpus, facet, value);
                    let base = clause_set(&mut base_by_clause, clause, || self.all_except(Some(clause)));
                    base.count_in(facet.postings(corpus, value))
                })
                .collect();
            facets.insert(facet, facet_counts);
        }
        let timeline = corpus.timeline();
        let mut dates = DateCounts { periods: vec![0; timeline.periods.len()], undated: 0 };
        let without_dates = self.all_except(Some(Clause::Dates));
        for (postings, period) in corpus.facets.document.iter().zip(&timeline.period_of) {
            let count = without_dates.count_in(postings);
            match period {
                Some(p) => dates.periods[*p as usize] += count,
                None => dates.undated += count,
            }
        }
        Counts { facets, dates }
    }
}

/// The date histogram's counts: passages of dated documents per period of the corpus's
/// timeline, and passages of undated documents, under every filter but the date filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateCounts {
    /// Indexed like [`Timeline::periods`].
    pub periods: Vec<u32>,
    pub undated: u32,
}

/// Which AND-ed clause a filter belongs to: facets, with entities split by kind, and the dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clause {
    Facet(Facet),
    EntityKind(EntityKind),
    Dates,
}

fn clause_of(corpus: &Corpus, facet: Facet, value: u32) -> Clause {
    facet.entity_kind(corpus, value).map_or(Clause::Facet(facet), Clause::EntityKind)
}

/// The passages of `clause` among `sets`, made by `make` on first use. A query has a dozen
/// clauses at most, so a list scanned in order serves, and is smaller in the wasm than a map.
fn clause_set(sets: &mut Vec<(Clause, BitSet)>, clause: Clause, make: impl FnOnce() -> BitSet) -> &mut BitSet {
    let at = match sets.iter().position(|(c, _)| *c == clause) {
        Some(at) => at,
        None => {
            sets.push((clause, make()));
            sets.len() - 1
        }
    };
    &mut sets[at].1
}

/// The passages that every clause but `skip` admits, among the text's matches.
fn admitted(text_matches: &BitSet, clauses: &[(Clause, BitSet)], skip: Option<Clause>) -> BitSet {
    let mut set = text_matches.clone();
    for (clause, members) in clauses {
        if Some(*clause) != skip {
            set.intersect(members);
        }
    }
    set
}

/// Evaluates a query: the passages that satisfy the search text and every filter, and what
/// their disjunctive counts are made from (see [`Evaluation::counts`]).
pub fn evaluate(corpus: &Corpus, query: &Query) -> Evaluation {
    let timeline = corpus.timeline();
    let n = corpus.passages.len();
    let (search_query, ignored) = SearchQuery::read(corpus, &query.text);
    let unsearched = SearchQuery::unsearched(&query.text, &search_query);
    let found = search(corpus, &search_query);
    let mut text_matches = BitSet::full(n);
    if let Some(found) = &found {
        text_matches = BitSet::empty(n);
        found.hits.iter().for_each(|h| text_matches.insert(h.passage));
    }
    let mut clauses: Vec<(Clause, BitSet)> = Vec::new();
    for (facet, value) in query.pairs() {
        let Some(index) = facet.index_of(corpus, value) else { continue };
        let postings = facet.postings(corpus, index);
        clause_set(&mut clauses, clause_of(corpus, facet, index), || BitSet::empty(n)).insert_all(postings);
    }
    let documents = &corpus.facets.document;
    if query.dates.is_active() {
        let mut dated = BitSet::empty(n);
        for (postings, &date) in documents.iter().zip(&timeline.dates) {
            if query.dates.admits(date) {
                dated.insert_all(postings);
            }
        }
        clauses.push((Clause::Dates, dated));
    }
    let matching = admitted(&text_matches, &clauses, None);
    let (passages, matched_words, corrections) = match found {
        Some(found) => {
            let (passages, words) = found.hits.into_iter().filter(|h| matching.contains(h.passage)).map(|h| (h.passage, h.positions)).unzip();
            (passages, words, found.corrections)
        }
        None => (matching.iter().collect(), Vec::new(), Vec::new()),
    };
    Evaluation { passages, matched_words, corrections, ignored, unsearched, matching, text_matches, clauses }
}

/// The JSON shape of `loupe query`: ids instead of positions. Values with a count of zero are
/// listed too, so a selected value never disappears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueryResult {
    pub total: usize,
    pub passages: Vec<String>,
    pub facets: BTreeMap<&'static str, BTreeMap<String, u32>>,
    pub dates: DatesResult,
}

/// The date histogram in `loupe query`'s JSON: `{scale, periods: {"2023": n, …}, undated}`,
/// every period of the corpus's timeline listed (zeros too), keyed as `from=`/`to=` take them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatesResult {
    pub scale: &'static str,
    pub periods: BTreeMap<String, u32>,
    pub undated: u32,
}

impl QueryResult {
    pub fn new(corpus: &Corpus, evaluation: &Evaluation) -> Self {
        let passages: Vec<String> = evaluation.passages.iter().map(|&p| corpus.passages[p as usize].id.clone()).collect();
        // The maps are filled by `insert`, not `collect`: collecting sorts its pairs first, one
        // more instantiation of the standard library's sort (see `crate::sort`).
        let mut facets = BTreeMap::new();
        let counts = evaluation.counts(corpus);
        for (facet, counts) in &counts.facets {
            let mut by_id = BTreeMap::new();
            for (i, &count) in counts.iter().enumerate().filter(|(i, _)| facet.is_value(corpus, *i as u32)) {
                by_id.insert(facet.id(corpus, i as u32).to_string(), count);
            }
            facets.insert(facet.name(), by_id);
        }
        let timeline = corpus.timeline();
        let mut periods = BTreeMap::new();
        for (period, &count) in timeline.periods.iter().zip(&counts.dates.periods) {
            periods.insert(period.key(), count);
        }
        let dates = DatesResult { scale: timeline.scale.name(), periods, undated: counts.dates.undated };
        Self { total: passages.len(), passages, facets, dates }
    }
}

/// A fixed-size set of passage positions.
#[derive(Debug, Clone, PartialEq)]
struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    fn empty(len: usize) -> Self {
        Self { words: vec![0; len.div_ceil(64)], len }
    }

    fn full(len: usize) -> Self {
        let mut set = Self { words: vec![u64::MAX; len.div_ceil(64)], len };
        if !len.is_multiple_of(64) {
            if let Some(last) = set.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        set
    }

    fn insert(&mut self, m: u32) {
        if (m as usize) < self.len {
            self.words[m as usize / 64] |= 1 << (m % 64);
        }
    }

    fn insert_all(&mut self, members: &[u32]) {
        members.iter().for_each(|&m| self.insert(m));
    }

    fn contains(&self, m: u32) -> bool {
        (m as usize) < self.len && self.words[m as usize / 64] & (1 << (m % 64)) != 0
    }

    fn intersect(&mut self, other: &BitSet) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= b);
    }

    fn count_in(&self, members: &[u32]) -> u32 {
        members.iter().filter(|&&m| self.contains(m)).count() as u32
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len as u32).filter(|&m| self.contains(m))
    }
}

/// Decodes `%XX` escapes and `+` as space; a bad escape stays as written, and bytes that are
/// not UTF-8 become U+FFFD.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but unreserved characters and `/`.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
