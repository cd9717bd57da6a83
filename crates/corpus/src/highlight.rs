//! Splits a passage's text into plain and marked runs for display, so the page can render
//! highlights as text nodes and never as HTML.

use crate::model::Span;

/// A run of a passage's text: the theme whose evidence covers it, if any, and whether a search
/// match covers it. The two layers are independent, so a match inside evidence stays visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub evidence: Option<u32>,
    pub matched: bool,
}

/// The spans that fit `text` (non-empty, on character boundaries), without overlaps: sorted by
/// start, and where two overlap the one that starts first (then the longer) wins.
fn layer(text: &str, spans: impl Iterator<Item = (Span, u32)>) -> Vec<(Span, u32)> {
    let mut spans: Vec<(Span, u32)> = spans.filter(|(s, _)| s.start < s.end && text.get(s.start as usize..s.end as usize).is_some()).collect();
    crate::sort::sort_by(&mut spans, |(a, _), (b, _)| (a.start, std::cmp::Reverse(a.end)).cmp(&(b.start, std::cmp::Reverse(b.end))));
    let mut at = 0;
    spans.retain(|(s, _)| {
        let keep = s.start >= at;
        if keep {
            at = s.end;
        }
        keep
    });
    spans
}

/// Cuts `text` at the search matches and at the theme evidence spans (tagged with their theme).
/// Within each layer, overlaps are resolved by [`layer`]; spans outside the text or not on
/// character boundaries are dropped.
pub fn runs<'a>(text: &'a str, matched: &[Span], evidence: &[(Span, u32)]) -> Vec<Run<'a>> {
    let layers = [layer(text, matched.iter().map(|s| (*s, 0))), layer(text, evidence.iter().copied())];
    // Each layer's first span that ends after `at`.
    let mut next = [0usize; 2];
    let mut out = Vec::new();
    let mut at = 0u32;
    while (at as usize) < text.len() {
        let mut cut = text.len() as u32;
        // The tag of each layer's span covering `at`, if one does.
        let mut covering = [None; 2];
        for (i, layer) in layers.iter().enumerate() {
            while layer.get(next[i]).is_some_and(|(s, _)| s.end <= at) {
                next[i] += 1;
            }
            if let Some((span, tag)) = layer.get(next[i]) {
                let inside = span.start <= at;
                cut = cut.min(if inside { span.end } else { span.start });
                covering[i] = inside.then_some(*tag);
            }
        }
        out.push(Run { text: &text[at as usize..cut as usize], evidence: covering[1], matched: covering[0].is_some() });
        at = cut;
    }
    out
}

/// The spans of the words at `positions` (word positions as the search reports them), with
/// matched words joined by a hyphen marked as one (`multi-polar`).
pub fn matched_spans(text: &str, positions: &[u32]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut previous: Option<u32> = None;
    for (i, word) in crate::text::words(text).enumerate() {
        let i = i as u32;
        if positions.binary_search(&i).is_err() {
            continue;
        }
        match spans.last_mut() {
            Some(last) if previous.is_some_and(|p| p + 1 == i) && crate::text::is_hyphen(&text[last.end as usize..word.start]) => last.end = word.end as u32,
            _ => spans.push(word.span()),
        }
        previous = Some(i);
    }
    spans
}

/// A passage trimmed for display: its runs, and whether text was cut before or after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet<'a> {
    pub runs: Vec<Run<'a>>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The passage as runs, trimmed to `max_words` words around the window holding the most
/// search matches when it is longer; `max_words` 0 means never trim. Marks outside the window
/// are dropped.
pub fn snippet<'a>(text: &'a str, matched: &[Span], evidence: &[(Span, u32)], max_words: usize) -> Snippet<'a> {
    let whole = || Snippet { runs: runs(text, matched, evidence), cut_before: false, cut_after: false };
    // Most passages are drawn whole: do not segment them into words just to find that out.
    if max_words == 0 {
        return whole();
    }
    let words: Vec<Span> = crate::text::words(text).map(|w| w.span()).collect();
    if words.len() <= max_words {
        return whole();
    }
    let inside = |first: usize| {
        let (start, end) = (words[first].start, words[first + max_words - 1].end);
        matched.iter().filter(|f| f.start >= start && f.end <= end).count()
    };
    let first = (0..=words.len() - max_words).max_by_key(|&first| (inside(first), std::cmp::Reverse(first))).unwrap_or(0);
    let last = first + max_words - 1;
    let (start, end) = (words[first].start, words[last].end);
    let inside = |s: &Span| s.start < s.end && s.start >= start && s.end <= end;
    let shift = |s: &Span| Span { start: s.start - start, end: s.end - start };
    let matched: Vec<Span> = matched.iter().filter(|s| inside(s)).map(shift).collect();
    let evidence: Vec<(Span, u32)> = evidence.iter().filter(|(s, _)| inside(s)).map(|(s, tag)| (shift(s), *tag)).collect();
    Snippet { runs: runs(&text[start as usize..end as usize], &matched, &evidence), cut_before: first > 0, cut_after: last + 1 < words.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs written out: `[text:theme]` for evidence, `{text}` for a match, `{[text:theme]}` for both.
    fn show(text: &str, matched: &[Span], evidence: &[(Span, u32)]) -> String {
        runs(text, matched, evidence).iter().map(|r| match (r.evidence, r.matched) {
            (Some(theme), true) => format!("{{[{}:{theme}]}}", r.text),
            (Some(theme), false) => format!("[{}:{theme}]", r.text),
            (None, true) => format!("{{{}}}", r.text),
            (None, false) => r.text.to_string(),
        }).collect()
    }

    #[test]
    fn marks_are_cut_in_order_and_overlaps_resolved() {
        let text = "China’s trade will grow";
        assert_eq!(show(text, &[], &[(Span::new(16, 20), 2), (Span::new(10, 15), 1)]), "China’s [trade:1] [will:2] grow");
        assert_eq!(show(text, &[], &[(Span::new(10, 20), 1), (Span::new(16, 20), 2)]), "China’s [trade will:1] grow");
        assert_eq!(show(text, &[Span::new(16, 25), Span::new(10, 20)], &[]), "China’s {trade will} grow", "overlapping matches: the first wins");
        assert_eq!(show(text, &[Span::new(0, 6)], &[(Span::new(40, 50), 2)]), "China’s trade will grow", "off-boundary and out-of-range spans are dropped");
        assert_eq!(show("", &[], &[]), "");
    }

    #[test]
    fn a_match_inside_evidence_is_marked_as_both() {
        let text = "China’s trade will grow";
        assert_eq!(show(text, &[Span::new(10, 15)], &[(Span::new(10, 20), 1)]), "China’s {[trade:1]}[ will:1] grow");
        assert_eq!(show(text, &[Span::new(16, 25)], &[(Span::new(10, 20), 1)]), "China’s [trade :1]{[will:1]}{ grow}", "a match that runs past the evidence");
        assert_eq!(show(text, &[Span::new(0, 25)], &[(Span::new(10, 15), 3)]), "{China’s }{[trade:3]}{ will grow}", "evidence inside a match");
    }

    #[test]
    fn matched_words_joined_by_a_hyphen_are_one_mark() {
        let text = "a multi-polar world, not a polar one";
        let shown = |positions: &[u32]| matched_spans(text, positions).iter().map(|s| s.slice(text)).collect::<Vec<_>>();
        assert_eq!(shown(&[1, 2]), ["multi-polar"]);
        assert_eq!(shown(&[2, 3]), ["polar", "world"], "words apart are marked apart");
        assert_eq!(shown(&[6]), ["polar"]);
    }

    #[test]
    fn long_passages_are_trimmed_around_the_best_match() {
        let text = "one two three four five six seven eight nine ten";
        let matched = [Span::new(34, 39), Span::new(40, 44)]; // eight, nine
        let cut = snippet(text, &matched, &[(Span::new(28, 33), 7)], 3); // seven
        let shown: Vec<(&str, Option<u32>, bool)> = cut.runs.iter().map(|r| (r.text, r.evidence, r.matched)).collect();
        assert_eq!(shown, [("seven", Some(7), false), (" ", None, false), ("eight", None, true), (" ", None, false), ("nine", None, true)]);
        assert!(cut.cut_before && cut.cut_after);
        let whole = snippet(text, &[], &[], 10);
        assert!(!whole.cut_before && !whole.cut_after && whole.runs[0].text == text);
        let no_focus = snippet(text, &[], &[], 2);
        assert_eq!((no_focus.runs[0].text, no_focus.cut_before), ("one two", false));
    }
}
