//! The list of matching passages (keyed, so unchanged cards are kept), or a helpful empty state.

use leptos::prelude::*;

use crate::app::View;
use crate::components::active_filters::filter_label;
use crate::components::passage_card::PassageCard;

#[component]
pub fn PassageList() -> impl IntoView {
    let view = expect_context::<View>();
    let passages = move || view.evaluation.with(|e| e.passages.clone());
    view! {
        <Show when=move || view.evaluation.with(|e| !e.passages.is_empty()) fallback=EmptyState>
            <ol class="passages" data-testid="passages">
                <For each=passages key=|p| *p let:passage>
                    <PassageCard passage />
                </For>
            </ol>
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
