//! Full-text search: the `q=` parser (words, "quoted phrases", `-exclusions`, prefix matching on
//! the last word while typing, one-edit typo tolerance) and BM25 ranking over passages.
//!
//! Each word is matched in tiers: exact (the same folded word), stemmed (the same Snowball
//! stem), prefix (the last word, as typed so far) and fuzzy (one edit away, for words of five
//! letters or more that match nothing otherwise: the search then says which word it read).
//! Passages must match every word or phrase; they are ranked by the sum of their tiers (exact
//! first), then by BM25, then in corpus order. A word of a section heading matches the
//! section's passages, after every passage whose text holds it.
//!
//! [`SearchQuery::read`] reads the box as a reader means it: the corpus's stop words are left
//! out of a search of several words (`what do experts forecast?`), and a word of one letter
//! still being typed is not searched yet.

use serde::Serialize;

use crate::model::Corpus;
use crate::text::{self, Analyzer};

/// Longest query read, in characters; the rest is ignored, so time per query stays bounded.
pub const MAX_QUERY_CHARS: usize = 512;
/// Most words and phrases read from one query.
pub const MAX_CLAUSES: usize = 16;
/// Shortest word (in characters) matched as a prefix: one letter would match most of a corpus.
pub const PREFIX_MIN_CHARS: usize = 2;
/// Shortest word (in characters) given typo tolerance.
pub const FUZZY_MIN_CHARS: usize = 5;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A word or a phrase of the query, its words folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub words: Vec<String>,
    /// `-word`: passages matching it are left out.
    pub negated: bool,
    /// The last bare word, still being typed: words starting with it match too.
    pub prefix: bool,
}

impl Clause {
    /// The clause as it would be typed: `word`, `"a phrase"`, `-word`.
    pub fn to_text(&self) -> String {
        let words = self.words.join(" ");
        let body = if self.words.len() > 1 { format!("\"{words}\"") } else { words };
        let sign = if self.negated { "-" } else { "" };
        // A trailing space marks a finished word; only the word being typed goes without.
        if self.prefix { format!("{sign}{body}") } else { format!("{sign}{body} ") }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub clauses: Vec<Clause>,
}

/// How a clause matched a passage; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Exact = 0,
    Stemmed = 1,
    Prefix = 2,
    Fuzzy = 3,
}

/// A passage that matches the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub passage: u32,
    /// How many of the query's clauses matched only the passage's section heading.
    pub heading_only: u32,
    /// Sum over the query's clauses of their tiers in this passage.
    pub tiers: u32,
    pub score: f32,
    /// Positions of the matched words, for highlighting.
    pub positions: Vec<u32>,
}

/// Why a search box that is not blank searches nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsearched {
    /// Its one word is still being typed and shorter than [`PREFIX_MIN_CHARS`].
    TooShort,
    /// It holds no word: no letter or digit (punctuation, a lone `-`, emoji).
    NoWord,
}

impl SearchQuery {
    /// Reads a search box's text. Never fails: unbalanced quotes close at the end, a lone `-`
    /// and words without letters or digits (emoji, punctuation) are ignored.
    pub fn parse(input: &str) -> SearchQuery {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let chars: Vec<char> = input.chars().collect();
        let mut clauses = Vec::new();
        let mut i = 0;
        let mut last_bare = false;
        while i < chars.len() && clauses.len() < MAX_CLAUSES {
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let negated = chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
            if negated {
                i += 1;
            }
            let quoted = matches!(chars[i], '"' | '“' | '”' | '„');
            let token: String = if quoted {
                let end = (i + 1..chars.len()).find(|&j| matches!(chars[j], '"' | '“' | '”')).unwrap_or(chars.len());
                let token = chars[i + 1..end].iter().collect();
                i = end + 1;
                token
            } else {
                let end = (i..chars.len()).find(|&j| chars[j].is_whitespace()).unwrap_or(chars.len());
                let token = chars[i..end].iter().collect();
                i = end;
                token
            };
            let words: Vec<String> = text::words(&token).map(|w| text::fold(w.text)).filter(|w| !w.is_empty()).collect();
            if !words.is_empty() {
                last_bare = !quoted && !negated && words.len() == 1;
                clauses.push(Clause { words, negated, prefix: false });
            }
        }
        let typing = !input.ends_with(char::is_whitespace);
        if let (true, true, Some(last)) = (typing, last_bare, clauses.last_mut()) {
            last.prefix = true;
        }
        SearchQuery { clauses }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Why a search box's `input`, read as `read` ([`SearchQuery::read`]), searches nothing, so
    /// that every passage matches its text; `None` when it searches, or when the box is blank.
    pub fn unsearched(input: &str, read: &SearchQuery) -> Option<Unsearched> {
        if !read.is_empty() || input.trim().is_empty() {
            return None;
        }
        Some(if SearchQuery::parse(input).is_empty() { Unsearched::NoWord } else { Unsearched::TooShort })
    }

    /// Reads a search box's text for a corpus: [`SearchQuery::parse`], then without the word
    /// still being typed while it is shorter than [`PREFIX_MIN_CHARS`], and without bare stop
    /// words when other words remain. Returns the query and the stop words it left out.
    pub fn read(corpus: &Corpus, input: &str) -> (SearchQuery, Vec<String>) {
        let mut query = SearchQuery::parse(input);
        query.clauses.retain(|c| !(c.prefix && c.words[0].chars().count() < PREFIX_MIN_CHARS));
        let is_stop = |c: &Clause| !c.negated && c.words.len() == 1 && corpus.stop_words.binary_search(&c.words[0]).is_ok();
        let mut ignored = Vec::new();
        if query.clauses.iter().any(|c| !is_stop(c)) {
            query.clauses.retain(|c| {
                let stop = is_stop(c);
                if stop {
                    ignored.push(c.words[0].clone());
                }
                !stop
            });
        }
        (query, ignored)
    }
}

/// A word of the query that matched nothing as typed and was read as another (`putn` → `putin`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub typed: String,
    pub read_as: String,
}

/// What a search found: the matching passages, best first, and the words it corrected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub corrections: Vec<Correction>,
}

/// How a clause matched one passage: best tier, term frequency, matched positions.
type Match = (Tier, u32, Vec<u32>);

/// A clause's matches, one slot per passage: a prefix that hits most of a large corpus costs
/// one pass, not a tree insertion per passage.
pub struct Matches {
    slots: Vec<Option<Match>>,
    len: usize,
    /// The dictionary word read instead of the typed one, when only typo tolerance matched.
    corrected: Option<u32>,
}

impl Matches {
    fn new(passages: usize) -> Self {
        Self { slots: vec![None; passages], len: 0, corrected: None }
    }

    fn entry(&mut self, passage: u32, tier: Tier) -> &mut Match {
        let slot = &mut self.slots[passage as usize];
        if slot.is_none() {
            self.len += 1;
        }
        slot.get_or_insert_with(|| (tier, 0, Vec::new()))
    }

    fn get(&self, passage: u32) -> Option<&Match> {
        self.slots.get(passage as usize)?.as_ref()
    }

    fn get_mut(&mut self, passage: u32) -> Option<&mut Match> {
        self.slots.get_mut(passage as usize)?.as_mut()
    }

    pub fn contains(&self, passage: u32) -> bool {
        self.get(passage).is_some()
    }

    /// Matching passages, ascending.
    pub fn passages(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().enumerate().filter(|(_, s)| s.is_some()).map(|(p, _)| p as u32)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Passages whose text holds the clause (BM25's document frequency; heading matches aside).
    fn in_text(&self) -> usize {
        self.slots.iter().flatten().filter(|(_, tf, _)| *tf > 0).count()
    }
}

/// The passages matching the query, best first. `None` when the query has no clause.
pub fn search(corpus: &Corpus, query: &SearchQuery) -> Option<Found> {
    if query.is_empty() {
        return None;
    }
    let analyzer = Analyzer::default();
    let n = corpus.passages.len();
    let lengths = &corpus.index().passage_lengths;
    let average_length = (lengths.iter().map(|&l| l as f32).sum::<f32>() / n.max(1) as f32).max(1.0);
    let mut excluded = vec![false; n];
    let mut positive: Vec<Matches> = Vec::new();
    let mut corrections = Vec::new();
    for clause in &query.clauses {
        let matches = match_clause(corpus, &analyzer, clause);
        if let Some(term) = matches.corrected {
            corrections.push(Correction { typed: clause.words.join(" "), read_as: corpus.index().terms[term as usize].term.clone() });
        }
        if clause.negated {
            matches.passages().for_each(|p| excluded[p as usize] = true);
        } else {
            positive.push(matches);
        }
    }
    if positive.is_empty() {
        let hits = (0..n as u32).filter(|&p| !excluded[p as usize]).map(|passage| Hit { passage, heading_only: 0, tiers: 0, score: 0.0, positions: Vec::new() }).collect();
        return Some(Found { hits, corrections });
    }
    let document_frequencies: Vec<usize> = positive.iter().map(Matches::in_text).collect();
    let (first, rest) = positive.split_first().expect("not empty");
    let found: Vec<u32> = first.passages().filter(|&p| !excluded[p as usize] && rest.iter().all(|m| m.contains(p))).collect();
    let mut hits: Vec<Hit> = found
        .into_iter()
        .map(|passage| {
            let mut hit = Hit { passage, heading_only: 0, tiers: 0, score: 0.0, positions: Vec::new() };
            for (matches, &df) in positive.iter_mut().zip(&document_frequencies) {
                let (tier, tf, positions) = matches.get_mut(passage).expect("every clause matched");
                hit.heading_only += u32::from(*tf == 0);
                hit.tiers += *tier as u32;
                hit.score += bm25(*tf, df, n, lengths[passage as usize], average_length);
                // The clause's positions are not read again: moved, not copied, when they are
                // the first.
                if hit.positions.is_empty() {
                    hit.positions = std::mem::take(positions);
                } else {
                    hit.positions.extend(positions.iter());
                }
            }
            // Most passages match one word of one clause, whose positions come sorted: a
            // prefix matching thousands of passages sorts only those that need it.
            if !hit.positions.is_sorted() {
                crate::sort::sort_by(&mut hit.positions, u32::cmp);
            }
            hit.positions.dedup();
            hit
        })
        .collect();
    crate::sort::sort_by(&mut hits, |a, b| {
        (a.heading_only, a.tiers).cmp(&(b.heading_only, b.tiers)).then(b.score.total_cmp(&a.score)).then(a.passage.cmp(&b.passage))
    });
    Some(Found { hits, corrections })
}

/// BM25 of one clause in one passage: `tf` occurrences, matched in `df` of `n` passages.
pub fn bm25(tf: u32, df: usize, n: usize, length: u32, average_length: f32) -> f32 {
    let idf = (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let tf = tf as f32;
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length as f32 / average_length))
}

/// The passages one clause matches (negated or not).
pub fn match_clause(corpus: &Corpus, analyzer: &Analyzer, clause: &Clause) -> Matches {
    match clause.words.as_slice() {
        [word] => match_word(corpus, analyzer, word, clause.prefix && !clause.negated, !clause.negated),
        words => match_phrase(corpus, analyzer, words),
    }
}

/// The dictionary terms a word matches, each once with its best tier.
fn word_variants(corpus: &Corpus, analyzer: &Analyzer, word: &str, prefix: bool, fuzzy: bool) -> Vec<(u32, Tier)> {
    let index = corpus.index();
    let mut variants: Vec<(u32, Tier)> = index.term(word).map(|term| (term, Tier::Exact)).into_iter().collect();
    variants.extend(index.family(&analyzer.stem(word)).iter().map(|&term| (term, Tier::Stemmed)));
    if prefix && word.chars().count() >= PREFIX_MIN_CHARS {
        variants.extend(index.with_prefix(word).map(|term| (term, Tier::Prefix)));
    }
    let chars: Vec<char> = word.chars().collect();
    if fuzzy && variants.is_empty() && chars.len() >= FUZZY_MIN_CHARS {
        // A UTF-8 character is at most 4 bytes: a larger byte gap cannot be one edit, and
        // checking it first spares decoding most of the dictionary.
        let bytes = word.len();
        variants.extend(
            (0..index.terms.len() as u32)
                .filter(|&term| {
                    let candidate = &index.terms[term as usize].term;
                    candidate.len().abs_diff(bytes) <= 4 && within_one_edit(&chars, candidate)
                })
                .map(|term| (term, Tier::Fuzzy)),
        );
    }
    // A short prefix can match thousands of words: sort once rather than search for repeats.
    crate::sort::sort_by(&mut variants, Ord::cmp);
    variants.dedup_by_key(|(term, _)| *term);
    variants
}

fn match_word(corpus: &Corpus, analyzer: &Analyzer, word: &str, prefix: bool, fuzzy: bool) -> Matches {
    let mut matches = Matches::new(corpus.passages.len());
    let variants = word_variants(corpus, analyzer, word, prefix, fuzzy);
    if variants.iter().all(|(_, tier)| *tier == Tier::Fuzzy) {
        // Read as the most used of the words one edit away.
        let terms = &corpus.index().terms;
        matches.corrected = variants.iter().map(|(term, _)| *term).max_by_key(|&t| (terms[t as usize].postings.len(), std::cmp::Reverse(t)));
    }
    for (term, tier) in variants {
        let term = &corpus.index().terms[term as usize];
        // A joined compound stands at both of its words' positions but occurs once.
        let per_occurrence = if term.joined { 2 } else { 1 };
        for posting in &term.postings {
            let entry = matches.entry(posting.passage, tier);
            entry.0 = entry.0.min(tier);
            entry.1 += posting.positions.len() as u32 / per_occurrence;
            entry.2.extend(&posting.positions);
        }
    }
    matches
}

/// A phrase matches where its words stand at consecutive positions: exactly (tier exact), or
/// up to stemming (tier stemmed).
fn match_phrase(corpus: &Corpus, analyzer: &Analyzer, words: &[String]) -> Matches {
    let mut matches = Matches::new(corpus.passages.len());
    for tier in [Tier::Exact, Tier::Stemmed] {
        // Per word: its (passage, position) pairs, sorted.
        let per_word: Vec<Vec<(u32, u32)>> = words
            .iter()
            .map(|word| {
                let mut at = Vec::new();
                for (term, t) in word_variants(corpus, analyzer, word, false, false) {
                    if t <= tier {
                        for posting in &corpus.index().terms[term as usize].postings {
                            at.extend(posting.positions.iter().map(|&position| (posting.passage, position)));
                        }
                    }
                }
                crate::sort::sort_by(&mut at, Ord::cmp);
                at
            })
            .collect();
        let Some((first, rest)) = per_word.split_first() else { return matches };
        for starts in first.chunk_by(|a, b| a.0 == b.0) {
            let passage = starts[0].0;
            if matches.contains(passage) {
                continue;
            }
            let occurrences: Vec<u32> = starts
                .iter()
                .map(|&(_, start)| start)
                .filter(|&start| rest.iter().enumerate().all(|(k, at)| at.binary_search(&(passage, start + k as u32 + 1)).is_ok()))
                .collect();
            if !occurrences.is_empty() {
                let positions = occurrences.iter().flat_map(|&s| s..s + words.len() as u32).collect();
                *matches.entry(passage, tier) = (tier, occurrences.len() as u32, positions);
            }
        }
    }
    matches
}

/// Whether `b` is at most one insertion, deletion or substitution away from `a`.
fn within_one_edit(a: &[char], b: &str) -> bool {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    a.len() - prefix - suffix <= 1 && b.len() - prefix - suffix <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(q: &str) -> Vec<String> {
        SearchQuery::parse(q)
            .clauses
            .iter()
            .map(|c| format!("{}{}{}", if c.negated { "-" } else { "" }, c.words.join(" "), if c.prefix { "*" } else { "" }))
            .collect()
    }

    #[test]
    fn parses_words_phrases_exclusions_and_the_prefix() {
        assert_eq!(shown("trade \"strategic partnership\" -gas diplom"), ["trade", "strategic partnership", "-gas", "diplom*"]);
        assert_eq!(shown("trade "), ["trade"], "a finished word is not a prefix");
        assert_eq!(shown("\"unbalanced quote"), ["unbalanced quote"]);
        assert_eq!(shown("- lone - dash -"), ["lone", "dash*"]);
        assert_eq!(shown("Russia’s multi-polar"), ["russia", "multi polar"]);
        assert_eq!(shown("🎉 <img onerror=alert(1)>"), ["img", "onerror alert 1"]);
        assert_eq!(shown("روسيا"), ["روسيا*"]);
        assert_eq!(shown(&"a ".repeat(5000)).len(), MAX_CLAUSES);
    }

    #[test]
    fn one_edit_means_one() {
        let a: Vec<char> = "diplomcy".chars().collect();
        assert!(within_one_edit(&a, "diplomacy"));
        assert!(within_one_edit(&a, "diplomcy"));
        assert!(!within_one_edit(&a, "diplomatic"));
        let b: Vec<char> = "trade".chars().collect();
        assert!(within_one_edit(&b, "grade") && within_one_edit(&b, "trades") && !within_one_edit(&b, "tread"));
    }
}
