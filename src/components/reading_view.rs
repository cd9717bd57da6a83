//! The reading view: each document whole and in order, with its headings; the passages that
//! match the current view are marked, the active themes' evidence highlighted. It opens at the
//! first match (or the passage the link names) and steps from match to match.

use leptos::prelude::*;
use loupe_corpus::dates::Day;
use loupe_corpus::query::Facet;
use loupe_corpus::views::ViewMode;
use loupe_corpus::sort::sort_by;

use crate::components::passage_text::PassageText;
use crate::markup::Markup;
use crate::plural::count_of;
use crate::state::{self, corpus};
use crate::view::View;

/// Documents drawn at once.
const DOCUMENTS_PER_PAGE: usize = 5;

#[component]
pub fn ReadingView() -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let total = move || view.evaluation.with(|e| e.passages.len());
    // With a document filter, those documents; otherwise the documents holding a match (all of
    // them when nothing matches), a few at a time.
    let candidates = Memo::new(move |_| {
        let chosen: Vec<u32> = view.query.with(|q| q.values(Facet::Document).filter_map(|id| Facet::Document.index_of(c, id)).collect());
        if !chosen.is_empty() {
            return chosen;
        }
        let mut holding: Vec<u32> = view.evaluation.with(|e| e.passages.iter().map(|&p| c.passages[p as usize].document).collect());
        sort_by(&mut holding, Ord::cmp);
        holding.dedup();
        if holding.is_empty() { (0..c.documents.len() as u32).collect() } else { holding }
    });
    let limit = RwSignal::new(DOCUMENTS_PER_PAGE);
    let documents = move || candidates.with(|d| d.iter().copied().take(limit.get()).collect::<Vec<_>>());
    let remaining = move || candidates.with(Vec::len).saturating_sub(limit.get());

    // The matches in reading order, and which one the reader is at.
    let matches = Memo::new(move |_| {
        let mut in_order = view.evaluation.with(|e| e.passages.clone());
        sort_by(&mut in_order, Ord::cmp);
        in_order
    });
    let current = RwSignal::new(None::<usize>);
    let go_to = move |i: usize| {
        let Some(passage) = matches.with_untracked(|m| m.get(i).copied()) else { return };
        let document = c.passages[passage as usize].document;
        // Draw enough documents to hold it.
        if let Some(at) = candidates.with_untracked(|d| d.iter().position(|&x| x == document)) {
            limit.update(|n| *n = (*n).max((at / DOCUMENTS_PER_PAGE + 1) * DOCUMENTS_PER_PAGE));
        }
        current.set(Some(i));
        let id = c.passages[passage as usize].id.clone();
        request_animation_frame(move || state::reveal_passage(&id, false));
    };
    let step = move |by: isize| {
        let n = matches.with_untracked(Vec::len) as isize;
        if n > 0 {
            let next = current.get_untracked().map_or(if by > 0 { 0 } else { n - 1 }, |i| (i as isize + by).rem_euclid(n));
            go_to(next as usize);
        }
    };
    // Opened without a passage to show: start at the first match, unless every passage matches.
    let everything = move || matches.with_untracked(Vec::len) == c.passages.len();
    if view.target.get_untracked().is_none() && !everything() {
        go_to(0);
    }
    let stepping = move || matches.with(Vec::len) > 0 && matches.with(Vec::len) < c.passages.len();
    view! {
        <div class="reading" data-testid="reading-view">
            <div class="reading-bar" data-covers-top="">
                <button class="back-to-results" data-testid="back-to-results" on:click=move |_| view.update(|q| q.view = ViewMode::List)>
                    {move || format!("← Back to the {}", count_of(total(), "result", "results"))}
                </button>
                <Show when=stepping>
                    <span class="match-steps" role="group" aria-label="Matches">
                        <button class="match-step" on:click=move |_| step(-1)>"Previous match"</button>
                        <span class="match-at" aria-live="polite" data-testid="match-at">
                            {move || match current.get() {
                                Some(i) => format!("Match {} of {}", i + 1, matches.with(Vec::len)),
                                None => count_of(matches.with(Vec::len), "match", "matches"),
                            }}
                        </span>
                        <button class="match-step" on:click=move |_| step(1)>"Next match"</button>
                    </span>
                </Show>
            </div>
            <For each=documents key=|d| *d let:document>
                <ReadDocument document />
            </For>
            <Show when=move || { remaining() > 0 }>
                <button class="show-more" on:click=move |_| limit.update(|n| *n += DOCUMENTS_PER_PAGE)>
                    {move || format!("Show more documents ({} left)", remaining())}
                </button>
            </Show>
        </div>
    }
}

#[component]
fn ReadDocument(document: u32) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let d = &c.documents[document as usize];
    let mut blocks = Vec::new();
    let mut section = None;
    for &p in &c.facets.document[document as usize] {
        let passage = &c.passages[p as usize];
        if section != Some(passage.section) {
            section = Some(passage.section);
            let heading = &c.sections[passage.section as usize];
            if heading.line > 0 {
                blocks.push(view! { <h3 class="read-heading">{heading.heading.clone()}</h3> }.into_any());
            }
        }
        let is_match = move || view.evaluation.with(|e| e.contains(p));
        blocks.push(
            view! {
                <p class="read-passage" class:match=is_match id=passage.id.clone() data-passage=passage.id.clone() tabindex="-1">
                    <PassageText passage=p trim=false element=Markup::new("span") />
                </p>
            }
            .into_any(),
        );
    }
    // The date as the rest of the page writes it (`24 Feb 2023`).
    let date = Day::parse(&d.date).map_or_else(|| d.date.clone(), Day::label);
    let meta = [date.as_str(), d.source.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    view! {
        <article class="read-document">
            <h2>{d.title.clone()}</h2>
            <p class="read-meta">{meta}</p>
            {blocks}
        </article>
    }
}
