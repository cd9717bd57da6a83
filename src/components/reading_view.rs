//! The reading view: each document whole and in order, with its headings; the passages that
//! match the current view are marked, the active themes' evidence highlighted.

use leptos::prelude::*;
use loupe_corpus::query::Facet;
use loupe_corpus::views::ViewMode;

use crate::app::View;
use crate::components::passage_text::PassageText;
use crate::state::corpus;

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
        let chosen: Vec<u32> = view.query.with(|q| q.values(Facet::Document).iter().filter_map(|id| c.document_index(id)).collect());
        if !chosen.is_empty() {
            return chosen;
        }
        let mut holding: Vec<u32> = view.evaluation.with(|e| e.passages.iter().map(|&p| c.passages[p as usize].document).collect());
        holding.sort_unstable();
        holding.dedup();
        if holding.is_empty() { (0..c.documents.len() as u32).collect() } else { holding }
    });
    let limit = RwSignal::new(DOCUMENTS_PER_PAGE);
    let documents = move || candidates.with(|d| d.iter().copied().take(limit.get()).collect::<Vec<_>>());
    let remaining = move || candidates.with(Vec::len).saturating_sub(limit.get());
    view! {
        <div class="reading" data-testid="reading-view">
            <button class="back-to-results" data-testid="back-to-results" on:click=move |_| view.update(|q| q.view = ViewMode::List)>
                {move || format!("← Back to the {} results", total())}
            </button>
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
    for &p in &c.index.facets.document[document as usize] {
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
                <p class="read-passage" class:match=is_match id=passage.id.clone() data-passage=passage.id.clone()>
                    <PassageText passage=p trim=false />
                </p>
            }
            .into_any(),
        );
    }
    let meta = [d.date.as_str(), d.source.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    view! {
        <article class="read-document">
            <h2>{d.title.clone()}</h2>
            <p class="read-meta">{meta}</p>
            {blocks}
        </article>
    }
}
