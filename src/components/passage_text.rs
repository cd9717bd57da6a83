//! A passage's text as runs of plain text and `<mark>`s: search matches, and the evidence of
//! the active themes. Built from text nodes only, never from HTML, as static markup redrawn
//! whole when its marks change.

use leptos::prelude::*;
use loupe_corpus::highlight::{matched_spans, snippet};
use loupe_corpus::model::Span;
use loupe_corpus::query::Facet;

use crate::markup::Markup;
use crate::state::corpus;
use crate::view::View;

/// Words shown of a passage that matches a search; longer passages are trimmed around the match.
const SNIPPET_WORDS: usize = 80;

/// `trim`: cut a long passage around its best search match (the list); else show it whole.
/// `element`: the element the runs are drawn in, with its attributes.
#[component]
pub fn PassageText(passage: u32, trim: bool, element: Markup) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let p = &c.passages[passage as usize];
    let active_themes = Memo::new(move |_| {
        view.query.with(|q| q.values(Facet::Theme).filter_map(|id| Facet::Theme.index_of(c, id)).collect::<Vec<u32>>())
    });
    // The search's matches in this passage: a card kept on screen as the search changes is
    // drawn again only when they change.
    let matched_words = Memo::new(move |_| view.matched_words(passage));
    move || {
        let active = active_themes.get();
        let positions = matched_words.get();
        let matched: Vec<Span> = if positions.is_empty() { Vec::new() } else { matched_spans(&p.text, &positions) };
        let evidence = p
            .themes
            .iter()
            .filter(|hit| active.contains(&hit.theme))
            .flat_map(|hit| hit.evidence.iter().flat_map(move |e| e.spans.iter().map(move |s| (*s, hit.theme))))
            .collect::<Vec<(Span, u32)>>();
        let max_words = if trim && !matched.is_empty() { SNIPPET_WORDS } else { 0 };
        let cut = snippet(&p.text, &matched, &evidence, max_words);
        let runs = cut.runs.into_iter().fold(element.clone().text(if cut.cut_before { "… " } else { "" }), |runs, run| match (run.evidence, run.matched) {
            (None, false) => runs.text(run.text),
            (None, true) => runs.child(Markup::new("mark").attr("class", "match").text(run.text)),
            // Evidence, and a search match inside it: one mark with both classes.
            (Some(theme), matched) => {
                let t = &c.themes[theme as usize];
                let class = if matched { "evidence match" } else { "evidence" };
                runs.child(Markup::new("mark").attr("class", class).attr("style", format!("--theme:{}", t.colour)).attr("title", t.label.as_str()).text(run.text))
            }
        });
        runs.text(if cut.cut_after { " …" } else { "" })
    }
}
