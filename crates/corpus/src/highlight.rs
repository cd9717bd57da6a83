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
    marks.sort_by_key(|(s, tag)| (s.start, std::cmp::Reverse(s.end), *tag));
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
}
