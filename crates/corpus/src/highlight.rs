//! Splits a passage's text into plain and marked runs for display, so the page can render
//! highlights as text nodes and never as HTML.

use crate::model::Span;

/// A run of a passage's text: `mark` is the tag of the highlight covering it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub mark: Option<u32>,
}

/// Cuts `text` at the given spans. Where spans overlap, the one that starts first wins; spans
/// outside the text or not on character boundaries are dropped.
pub fn runs<'a>(text: &'a str, marks: &[(Span, u32)]) -> Vec<Run<'a>> {
    let mut marks: Vec<(Span, u32)> = marks
        .iter()
        .copied()
        .filter(|(s, _)| s.start < s.end && text.get(s.start as usize..s.end as usize).is_some())
        .collect();
    let key = |(s, tag): &(Span, u32)| (s.start, std::cmp::Reverse(s.end), *tag);
    crate::sort::sort_by(&mut marks, |a, b| key(a).cmp(&key(b)));
    let mut out = Vec::new();
    let mut at = 0usize;
    for (span, tag) in marks {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < at {
            continue;
        }
        if start > at {
            out.push(Run { text: &text[at..start], mark: None });
        }
        out.push(Run { text: &text[start..end], mark: Some(tag) });
        at = end;
    }
    if at < text.len() {
        out.push(Run { text: &text[at..], mark: None });
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
/// `focus` spans (the search matches) when it is longer; `max_words` 0 means never trim.
/// Marks outside the window are dropped.
pub fn snippet<'a>(text: &'a str, marks: &[(Span, u32)], focus: &[Span], max_words: usize) -> Snippet<'a> {
    let whole = || Snippet { runs: runs(text, marks), cut_before: false, cut_after: false };
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
        focus.iter().filter(|f| f.start >= start && f.end <= end).count()
    };
    let first = (0..=words.len() - max_words).max_by_key(|&first| (inside(first), std::cmp::Reverse(first))).unwrap_or(0);
    let last = first + max_words - 1;
    let (start, end) = (words[first].start, words[last].end);
    let shifted: Vec<(Span, u32)> = marks
        .iter()
        .filter(|(s, _)| s.start < s.end && s.start >= start && s.end <= end)
        .map(|(s, tag)| (Span { start: s.start - start, end: s.end - start }, *tag))
        .collect();
    Snippet { runs: runs(&text[start as usize..end as usize], &shifted), cut_before: first > 0, cut_after: last + 1 < words.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, marks: &[(Span, u32)]) -> String {
        runs(text, marks).iter().map(|r| match r.mark {
            Some(tag) => format!("[{}:{tag}]", r.text),
            None => r.text.to_string(),
        }).collect()
    }

    #[test]
    fn marks_are_cut_in_order_and_overlaps_resolved() {
        let text = "China’s trade will grow";
        assert_eq!(show(text, &[(Span::new(16, 20), 2), (Span::new(10, 15), 1)]), "China’s [trade:1] [will:2] grow");
        assert_eq!(show(text, &[(Span::new(10, 20), 1), (Span::new(16, 20), 2)]), "China’s [trade will:1] grow");
        assert_eq!(show(text, &[(Span::new(0, 6), 1), (Span::new(40, 50), 2)]), "China’s trade will grow", "off-boundary and out-of-range spans are dropped");
        assert_eq!(show("", &[]), "");
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
        let focus = [Span::new(34, 39), Span::new(40, 44)]; // eight, nine
        let cut = snippet(text, &[(focus[0], 7)], &focus, 3);
        let shown: Vec<(&str, Option<u32>)> = cut.runs.iter().map(|r| (r.text, r.mark)).collect();
        assert_eq!(shown, [("seven ", None), ("eight", Some(7)), (" nine", None)]);
        assert!(cut.cut_before && cut.cut_after);
        let whole = snippet(text, &[], &[], 10);
        assert!(!whole.cut_before && !whole.cut_after && whole.runs[0].text == text);
        let no_focus = snippet(text, &[], &[], 2);
        assert_eq!((no_focus.runs[0].text, no_focus.cut_before), ("one two", false));
    }
}
