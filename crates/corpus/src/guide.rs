//! Guiding the reader to passages: suggestions as the search box is typed (facet values whose
//! name, alias or cue words match, then word completions from the corpus), and, when nothing
//! matches, which word or filter emptied the list. The page, `loupe suggest` and the tests all
//! call these, so their counts and order agree.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::dates::DateFilter;
use crate::index::TermPostings;
use crate::model::Corpus;
use crate::query::{evaluate, Evaluation, Facet, Query};
use crate::search::{Clause, SearchQuery, PREFIX_MIN_CHARS};
use crate::text::{self, Analyzer};

/// Facet values offered at most.
pub const MAX_VALUE_SUGGESTIONS: usize = 6;
/// Word completions offered at most.
pub const MAX_WORD_SUGGESTIONS: usize = 4;
/// Trailing words of the box tried against a value's name ("vladimir pu").
const MAX_NAME_WORDS: usize = 3;
/// The facets whose values are suggested. Voices are left out: they name the same entities.
const SUGGESTED_FACETS: [Facet; 4] = [Facet::Theme, Facet::Entity, Facet::Section, Facet::Document];

/// Something to choose in the search box's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The facet's URL key (`theme`, `entity`, …), or `None` for a word completion.
    pub facet: Option<&'static str>,
    /// The value's id, or the completed word.
    pub value: String,
    /// What the reader reads: the value's label, or the word.
    pub label: String,
    /// "Theme", "Person", "Section", … or "Word".
    pub noun: &'static str,
    /// Passages the reader gets by choosing it, under the current filters.
    pub count: u32,
    /// The search box's text once it is chosen: the matched words are taken out for a value,
    /// the word being typed is completed for a word.
    pub text: String,
}

impl Suggestion {
    /// The query after choosing this suggestion in `query`.
    pub fn apply(&self, query: &Query) -> Query {
        let mut next = query.with_text(&self.text);
        if let Some(facet) = self.facet.and_then(Facet::from_key) {
            next.add(facet, &self.value);
        }
        next
    }
}

/// The box's text cut into whitespace-separated tokens, knowing which trailing ones are plain
/// words (not phrases or exclusions) and whether the last is still being typed.
struct Typed<'a> {
    tokens: Vec<&'a str>,
    /// How many tokens at the end are plain words.
    plain_tail: usize,
    typing: bool,
}

impl<'a> Typed<'a> {
    fn new(text: &'a str) -> Self {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let in_quotes = text.chars().filter(|c| matches!(c, '"' | '“' | '”' | '„')).count() % 2 == 1;
        let plain = |t: &&&str| !t.starts_with('-') && !t.contains(['"', '“', '”', '„']);
        let plain_tail = if in_quotes { 0 } else { tokens.iter().rev().take_while(plain).count() };
        Typed { tokens, plain_tail, typing: !text.ends_with(char::is_whitespace) }
    }

    /// The folded words of the last `k` tokens.
    fn last_words(&self, k: usize) -> Vec<String> {
        self.tokens[self.tokens.len() - k..].iter().flat_map(|t| text::words(t).map(|w| text::fold(w.text))).collect()
    }

    /// The text without its last `k` tokens.
    fn without_last(&self, k: usize) -> String {
        self.tokens[..self.tokens.len() - k].join(" ")
    }
}

/// How well typed words match a name; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// More of the typed words matched is better.
    words_left_out: usize,
    /// The value's own label before its aliases and cues.
    other_name: bool,
    /// Whole words before a prefix of the word being typed.
    prefix: bool,
}

/// The last `k` typed words that could name a value, folded and stemmed once per call.
struct Tail {
    k: usize,
    words: Vec<String>,
    stems: Vec<String>,
}

/// The names of every value the box suggests (its label, then its other names), each cut into
/// its folded words with their stems, made once per corpus: a keystroke only compares words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameWords {
    /// By facet (in [`SUGGESTED_FACETS`] order), then value: its names.
    by_facet: Vec<Vec<Vec<SplitName>>>,
}

/// A name's words: each folded, with its stem.
type SplitName = Vec<(String, String)>;

impl NameWords {
    pub(crate) fn new(corpus: &Corpus) -> Self {
        let analyzer = Analyzer::default();
        let words = |name: &str| {
            text::words(name)
                .map(|w| {
                    let folded = text::fold(w.text);
                    let stem = analyzer.stem(&folded);
                    (folded, stem)
                })
                .collect()
        };
        let by_facet = SUGGESTED_FACETS
            .iter()
            .map(|&facet| {
                (0..facet.len(corpus) as u32)
                    .map(|v| std::iter::once(facet.label(corpus, v)).chain(facet.other_names(corpus, v).iter().map(String::as_str)).map(words).collect())
                    .collect()
            })
            .collect();
        NameWords { by_facet }
    }

    /// The names of value `value` of the `facet`-th suggested facet, label first.
    fn of(&self, facet: usize, value: u32) -> &[SplitName] {
        self.by_facet.get(facet).and_then(|values| values.get(value as usize)).map_or(&[], Vec::as_slice)
    }
}

/// Whether each typed word matches a distinct word of a name (the same folded word or stem, or
/// for the last word while typing, the start of one); `Some(used a prefix)` when they do.
/// Other names (aliases, cue phrases) are many and short: they match by whole words only.
fn fits(tail: &Tail, last_is_prefix: bool, name_words: &[(String, String)]) -> Option<bool> {
    let mut free = vec![true; name_words.len()];
    let mut used_prefix = false;
    for (i, (word, stem)) in tail.words.iter().zip(&tail.stems).enumerate() {
        let prefix_ok = last_is_prefix && i + 1 == tail.words.len() && word.chars().count() >= PREFIX_MIN_CHARS;
        let found = name_words.iter().enumerate().find_map(|(j, (candidate, candidate_stem))| {
            let whole = candidate == word || candidate_stem == stem;
            let start = prefix_ok && candidate.starts_with(word.as_str());
            (free[j] && (whole || start)).then(|| {
                free[j] = false;
                !whole
            })
        })?;
        used_prefix |= found;
    }
    Some(used_prefix)
}

/// The suggestions for the box's `text` under `query`'s filters: facet values first (best fit,
/// then most passages), then completions of the word being typed (most passages first).
pub fn suggest(corpus: &Corpus, text: &str, query: &Query) -> Vec<Suggestion> {
    let typed = Typed::new(text);
    if typed.plain_tail == 0 {
        return Vec::new();
    }
    let analyzer = Analyzer::default();
    let is_stop = |w: &String| corpus.stop_words.binary_search(w).is_ok();
    let mut bases = Bases { corpus, query, typed: &typed, cache: vec![None; typed.plain_tail + 1] };
    // The tails tried, longest first: their last word long enough, not all stop words.
    let tails: Vec<Tail> = (1..=typed.plain_tail.min(MAX_NAME_WORDS))
        .rev()
        .map(|k| (k, typed.last_words(k)))
        .filter(|(_, words)| words.last().is_some_and(|w| w.chars().count() >= PREFIX_MIN_CHARS) && words.iter().any(|w| !is_stop(w)))
        .map(|(k, words)| Tail { k, stems: words.iter().map(|w| analyzer.stem(w)).collect(), words })
        .collect();
    let names = corpus.name_words();

    let mut values: Vec<(Fit, u32, Suggestion)> = Vec::new();
    for (f, facet) in SUGGESTED_FACETS.into_iter().enumerate() {
        if facet == Facet::Document && corpus.documents.len() < 2 {
            continue;
        }
        for value in facet.values(corpus) {
            if query.contains(facet, facet.id(corpus, value)) {
                continue;
            }
            let mut best: Option<(Fit, usize)> = None;
            for (n, name_words) in names.of(f, value).iter().enumerate() {
                let other_name = n > 0;
                for tail in &tails {
                    if let Some(prefix) = fits(tail, typed.typing && !other_name, name_words) {
                        let found = (Fit { words_left_out: MAX_NAME_WORDS - tail.k, other_name, prefix }, tail.k);
                        best = Some(best.map_or(found, |b| b.min(found)));
                    }
                }
            }
            let Some((fit, k)) = best else { continue };
            let count = bases.get(k).count(corpus, facet, value);
            if count == 0 {
                continue;
            }
            values.push((fit, facet as u32, Suggestion {
                facet: Some(facet.key()),
                value: facet.id(corpus, value).to_string(),
                label: facet.display_label(corpus, value),
                noun: facet.noun(corpus, value),
                count,
                text: typed.without_last(k),
            }));
        }
    }
    crate::sort::sort_by(&mut values, |(fa, oa, a), (fb, ob, b)| fa.cmp(fb).then(b.count.cmp(&a.count)).then(oa.cmp(ob)).then(a.label.cmp(&b.label)));
    let mut suggestions: Vec<Suggestion> = values.into_iter().take(MAX_VALUE_SUGGESTIONS).map(|(_, _, s)| s).collect();
    suggestions.extend(complete_word(corpus, &analyzer, &typed, bases.get(1), &is_stop));
    suggestions
}

/// Evaluations of the filters with the box's text less its last k tokens, made on demand.
struct Bases<'a> {
    corpus: &'a Corpus,
    query: &'a Query,
    typed: &'a Typed<'a>,
    cache: Vec<Option<Evaluation>>,
}

impl Bases<'_> {
    fn get(&mut self, k: usize) -> &Evaluation {
        let (corpus, query, typed) = (self.corpus, self.query, self.typed);
        self.cache[k].get_or_insert_with(|| evaluate(corpus, &query.with_text(&typed.without_last(k))))
    }
}

/// Completions of the word being typed, among the passages the rest of the query matches.
fn complete_word(corpus: &Corpus, analyzer: &Analyzer, typed: &Typed, base: &Evaluation, is_stop: &dyn Fn(&String) -> bool) -> Vec<Suggestion> {
    let words = typed.last_words(1);
    let ([word], true) = (words.as_slice(), typed.typing) else { return Vec::new() };
    if word.chars().count() < PREFIX_MIN_CHARS {
        return Vec::new();
    }
    let index = corpus.index();
    // A chosen completion is searched as a whole word, which finds its other forms too: the
    // forms of one stem (`trade`, `trades`, `trading`) are one offer, written as the commonest,
    // and counted as choosing it counts. The typed word's own forms add nothing to it.
    let typed_stem = analyzer.stem(word);
    let mut families: BTreeMap<String, &TermPostings> = BTreeMap::new();
    for term in index.with_prefix(word).map(|t| &index.terms[t as usize]) {
        if term.term == *word || term.joined || is_stop(&term.term) {
            continue;
        }
        let stem = analyzer.stem(&term.term);
        if stem == typed_stem {
            continue;
        }
        let commonest = families.entry(stem).or_insert(term);
        if term.postings.len() > commonest.postings.len() {
            *commonest = term;
        }
    }
    // Which offer last counted each passage (offers are numbered from 1), so that a passage
    // several forms share counts once, in one pass over their postings.
    let mut counted_by = vec![0u32; corpus.passages.len()];
    let mut completions: Vec<(u32, &str)> = families
        .into_iter()
        .zip(1u32..)
        .map(|((stem, form), offer)| {
            // The family holds the offered form itself.
            let forms = index.family(&stem).iter().map(|&t| &index.terms[t as usize]);
            let mut count = 0;
            for passage in forms.flat_map(|t| t.postings.iter().map(|p| p.passage)) {
                let slot = &mut counted_by[passage as usize];
                if *slot != offer && base.contains(passage) {
                    *slot = offer;
                    count += 1;
                }
            }
            (count, form.term.as_str())
        })
        .filter(|(count, _)| *count > 0)
        .collect();
    crate::sort::sort_by(&mut completions, |a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let rest = typed.without_last(1);
    completions
        .into_iter()
        .take(MAX_WORD_SUGGESTIONS)
        .map(|(count, term)| Suggestion {
            facet: None,
            value: term.to_string(),
            label: term.to_string(),
            noun: "Word",
            count,
            text: if rest.is_empty() { format!("{term} ") } else { format!("{rest} {term} ") },
        })
        .collect()
}

/// One part of a query that found nothing: a searched word or phrase, or a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The words as the search read them, or the filter's label.
    pub label: String,
    /// Passages this part alone gives (no other word or filter).
    pub alone: u32,
    /// Passages the query gives without this part.
    pub without: u32,
    /// The query without this part.
    #[serde(skip)]
    pub removed: Query,
}

/// Why a query matches nothing, and a way on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Each part with what it gives alone and what the rest gives without it, in the order
    /// they stand in the query (the search's words, the filters in the order chosen, the dates);
    /// empty when there is only one part.
    pub parts: Vec<Part>,
    /// Facet values a searched word names (`diplomacy` → the theme), to filter by instead.
    pub offers: Vec<Suggestion>,
}

/// Explains a query that matches nothing (an empty explanation when it matches something).
pub fn explain(corpus: &Corpus, query: &Query) -> Explanation {
    if !evaluate(corpus, query).passages.is_empty() {
        return Explanation::default();
    }
    let (search, _) = SearchQuery::read(corpus, &query.text);
    let total = |q: &Query| evaluate(corpus, q).passages.len() as u32;
    let mut parts = Vec::new();
    let mut offers: Vec<Suggestion> = Vec::new();
    for clause in search.clauses.iter().filter(|c| !c.negated) {
        let others: Vec<String> = search.clauses.iter().filter(|c| !std::ptr::eq(*c, clause)).map(Clause::to_text).collect();
        let removed = query.with_text(&others.join(" "));
        let alone = Query { text: clause.to_text(), ..Query::default() };
        parts.push(Part { label: clause.words.join(" "), alone: total(&alone), without: total(&removed), removed: removed.clone() });
        if let [word] = clause.words.as_slice() {
            for mut offer in suggest(corpus, &format!("{word} "), &removed).into_iter().filter(|s| s.facet.is_some()) {
                offer.text = removed.text.clone();
                if !offers.iter().any(|o| o.facet == offer.facet && o.value == offer.value) {
                    offers.push(offer);
                }
            }
        }
    }
    for (facet, id) in query.pairs() {
        let Some(value) = facet.index_of(corpus, id) else { continue };
        let mut removed = query.clone();
        removed.remove(facet, id);
        let mut alone = Query::default();
        alone.add(facet, id);
        parts.push(Part { label: facet.display_label(corpus, value), alone: total(&alone), without: total(&removed), removed });
    }
    if let Some(label) = query.dates.label() {
        let removed = Query { dates: DateFilter::default(), ..query.clone() };
        let alone = Query { dates: query.dates, ..Query::default() };
        parts.push(Part { label, alone: total(&alone), without: total(&removed), removed });
    }
    if parts.len() < 2 {
        parts.clear();
    }
    offers.truncate(MAX_VALUE_SUGGESTIONS);
    Explanation { parts, offers }
}
