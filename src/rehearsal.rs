//! A rehearsal of typing, run while the page is idle once the word index is built: searches of
//! the kind a reader's first keystrokes make, run through the core and dropped. A browser first
//! runs wasm code as compiled in haste (V8's baseline tier, several times slower) and compiles
//! again, optimised, what runs often, for its next calls; unrehearsed, the reader's first
//! searches pay for that (at 1,000 articles, the page's first two-letter search took 40.5 ms
//! from keystroke to paint, and 31.9 ms after a rehearsal: medians of six cold starts).

use loupe_corpus::guide::suggest;
use loupe_corpus::model::Corpus;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::text::fold;

/// The shortest word rehearsed: long enough that its first letters and the whole word are
/// different searches (a prefix matching many words, then a word).
const WORD_MIN_CHARS: usize = 6;
/// Letters of the word typed for the first search: as few as make a search, so that it matches
/// many words (the suggestions open from two).
const PREFIX_CHARS: usize = 2;
/// Times the searches are run: the first run sets the optimising compiles off, the later ones
/// run (and finish) what they made. The first two-letter searches of a page, through the JS API
/// at 1,000 articles, took 24.9, 12.1, 6.7 and then 5.3 ms.
const ROUNDS: usize = 3;

/// The texts to rehearse, in order: the corpus's first word of [`WORD_MIN_CHARS`] letters or
/// more, as its first letters and then whole, [`ROUNDS`] times. None for a corpus without one.
pub fn texts(corpus: &Corpus) -> Vec<String> {
    let letter_runs = corpus.passages.iter().flat_map(|p| p.text.split(|c: char| !c.is_alphabetic()));
    let Some(word) = letter_runs.filter(|w| w.chars().count() >= WORD_MIN_CHARS).map(fold).next() else {
        return Vec::new();
    };
    let prefix: String = word.chars().take(PREFIX_CHARS).collect();
    (0..ROUNDS).flat_map(|_| [prefix.clone(), word.clone()]).collect()
}

/// Runs what a keystroke leaving `text` in the box runs in the core: the search and filters'
/// evaluation, the suggestions, and the filter panel's counts. The answers are dropped.
pub fn rehearse(corpus: &Corpus, text: &str) {
    let query = Query::default().with_text(text);
    let evaluation = evaluate(corpus, &query);
    std::hint::black_box(suggest(corpus, text, &query));
    std::hint::black_box(evaluation.counts(corpus));
}

#[cfg(test)]
mod tests {
    use super::*;
    use loupe_corpus::compile::compile_dir;
    use std::path::Path;

    fn seed_corpus() -> Corpus {
        compile_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).corpus
    }

    #[test]
    fn rehearses_a_word_of_the_corpus_as_its_first_letters_then_whole() {
        let corpus = seed_corpus();
        let texts = texts(&corpus);
        assert_eq!(texts.len(), 2 * ROUNDS);
        let (prefix, word) = (&texts[0], &texts[1]);
        assert_eq!(prefix.chars().count(), PREFIX_CHARS);
        assert!(word.starts_with(prefix.as_str()) && word.chars().count() >= WORD_MIN_CHARS, "{texts:?}");
        assert!(texts.chunks(2).all(|round| round == [prefix.clone(), word.clone()]), "{texts:?}");
    }

    #[test]
    fn the_rehearsed_searches_find_passages_and_the_first_letters_offer_suggestions() {
        let corpus = seed_corpus();
        let texts = texts(&corpus);
        for text in &texts[..2] {
            let query = Query::default().with_text(text);
            assert!(!evaluate(&corpus, &query).passages.is_empty(), "{text} finds passages");
        }
        let prefix = &texts[0];
        assert!(!suggest(&corpus, prefix, &Query::default().with_text(prefix)).is_empty(), "{prefix} offers suggestions");
    }

    #[test]
    fn a_corpus_without_passages_rehearses_nothing() {
        assert!(texts(&Corpus::default()).is_empty());
    }
}
