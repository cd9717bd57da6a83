//! What a view shows when no passage matches: which word or filter emptied it, what each gives
//! alone, and a way out in one click, in every view that summarises the matching passages.

use leptos::prelude::*;
use loupe_corpus::dates::DateFilter;
use loupe_corpus::guide::explain;
use loupe_corpus::query::Query;

use crate::state::corpus;
use crate::view::View;

/// Its children while some passage matches the query, else the [`EmptyState`].
#[component]
pub fn WhenSomeMatch(children: ChildrenFn) -> impl IntoView {
    let view = expect_context::<View>();
    view! {
        <Show when=move || view.evaluation.with(|e| !e.passages.is_empty()) fallback=EmptyState>
            {children()}
        </Show>
    }
}

/// No match: say which word or filter emptied the view and what each gives alone, offer the
/// theme or name a searched word stands for, and undo in one click.
#[component]
fn EmptyState() -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let explanation = Memo::new(move |_| view.query.with(|q| explain(c, &q.selection())));
    // Moves to a query the explanation computed, in the current view and mode.
    let go = move |selection: Query| {
        let current = view.query.get_untracked();
        view.navigate(Query { view: current.view, embed: current.embed, ..selection });
    };
    let why = move || {
        explanation.with(|e| {
            let alone: Vec<String> = e.parts.iter().map(|p| format!("{}: {}", p.label, p.alone)).collect();
            (!alone.is_empty()).then(|| view! { <p class="empty-why" data-testid="empty-explain">{format!("{} · none together", alone.join(" · "))}</p> })
        })
    };
    let offers = move || {
        explanation.with(|e| {
            e.offers
                .iter()
                .map(|offer| {
                    let next = view.query.with_untracked(|q| offer.apply(&q.selection()));
                    let label = format!("{}: {} ({})", offer.noun, offer.label, offer.count);
                    view! { <button class="undo-last" data-testid="empty-offer" on:click=move |_| go(next.clone())>{label}</button> }
                })
                .collect_view()
        })
    };
    let last = move || view.query.with(|q| q.pairs().last().and_then(|(f, v)| Some((f, v.to_string(), f.index_of(c, v)?))));
    let remove_last = move || {
        last().map(|(facet, id, value)| {
            let label = facet.display_label(c, value);
            view! {
                <button class="undo-last" data-testid="remove-last" on:click=move |_| view.update(|q| q.remove(facet, &id))>
                    {format!("Remove the last filter: {label}")}
                </button>
            }
        })
    };
    let searching = move || view.query.with(|q| !q.text.trim().is_empty());
    view! {
        <div class="empty-state" data-testid="empty-state">
            <p class="empty-title">"No passage matches all of these."</p>
            {why}
            {offers}
            {remove_last}
            {move || view.query.with(|q| q.dates.label()).map(|label| view! {
                <button class="undo-last" data-testid="remove-dates" on:click=move |_| view.update(|q| q.dates = DateFilter::default())>
                    {format!("Remove the dates: {label}")}
                </button>
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
