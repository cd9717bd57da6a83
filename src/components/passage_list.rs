//! The list of matching passages, a page at a time (keyed, so unchanged cards are kept), or a
//! helpful empty state.

use leptos::prelude::*;

use crate::app::View;
use crate::components::active_filters::filter_label;
use crate::components::passage_card::PassageCard;
use crate::state::{self, corpus};

/// Passages drawn at first, and added by each "Show more": a keystroke that changes the whole
/// result list builds at most this many cards (about four screens at desktop size).
const PAGE: usize = 20;

#[component]
pub fn PassageList() -> impl IntoView {
    let view = expect_context::<View>();
    // How many are shown, for which query: a new query starts again at one page (or as far as
    // the passage a deep link names).
    let target = state::passage_from_hash().and_then(|id| corpus().passage_index(&id));
    let start = view.evaluation.with_untracked(|e| target.and_then(|t| e.passages.iter().position(|&p| p == t)).map_or(PAGE, |i| (i / PAGE + 1) * PAGE));
    let shown = RwSignal::new((view.query.get_untracked(), start));
    let limit = move || shown.with(|(q, n)| if view.query.with(|current| current == q) { *n } else { PAGE });
    let passages = move || view.evaluation.with(|e| e.passages.iter().copied().take(limit()).collect::<Vec<_>>());
    let remaining = move || view.evaluation.with(|e| e.passages.len().saturating_sub(limit()));
    let more = move |_| {
        let next = limit() + PAGE;
        shown.set((view.query.get_untracked(), next));
    };
    view! {
        <Show when=move || view.evaluation.with(|e| !e.passages.is_empty()) fallback=EmptyState>
            <ol class="passages" data-testid="passages">
                <For each=passages key=|p| *p let:passage>
                    <PassageCard passage />
                </For>
            </ol>
            <Show when=move || { remaining() > 0 }>
                <button class="show-more" data-testid="show-more" on:click=more>
                    {move || format!("Show {} more of {}", remaining().min(PAGE), remaining())}
                </button>
            </Show>
        </Show>
    }
}


/// No match: say so, and offer to undo the last filter in one click.
#[component]
fn EmptyState() -> impl IntoView {
    let view = expect_context::<View>();
    let last = move || view.query.with(|q| q.pairs().last().map(|(f, v)| (f, v.to_string())));
    let searching = move || view.query.with(|q| !q.text.trim().is_empty());
    view! {
        <div class="empty-state" data-testid="empty-state">
            <p class="empty-title">"No passage matches all of these filters."</p>
            {move || last().map(|(facet, value)| {
                let label = filter_label(facet, &value);
                view! {
                    <button class="undo-last" data-testid="remove-last" on:click=move |_| view.update(|q| q.remove(facet, &value))>
                        {format!("Remove the last filter: {label}")}
                    </button>
                }
            })}
            <Show when=searching>
                <button class="undo-last" data-testid="clear-search" on:click=move |_| view.set_text(String::new())>
                    {move || view.query.with(|q| format!("Clear the search “{}”", q.text.trim()))}
                </button>
            </Show>
            <button class="clear-all" on:click=move |_| view.update(|q| *q = q.cleared())>"Clear all filters"</button>
        </div>
    }
}
