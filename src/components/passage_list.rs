//! The list of matching passages, a page at a time (keyed, so unchanged cards are kept), or an
//! empty state that explains itself.

use leptos::prelude::*;
use loupe_corpus::dates::DateFilter;
use loupe_corpus::guide::explain;
use loupe_corpus::query::Query;

use crate::components::passage_card::PassageCard;
use crate::state::corpus;
use crate::view::View;

/// Passages drawn at first, and added by each "Show more": a keystroke that changes the whole
/// result list builds at most this many cards (about four screens at desktop size).
const PAGE: usize = 20;
/// Cards a new result list draws before it is painted (more than a desktop screen holds); the
/// rest of its page follows in the next frame, so a keystroke's first results show sooner.
const FIRST_CARDS: usize = 6;

#[component]
pub fn PassageList() -> impl IntoView {
    let view = expect_context::<View>();
    // Pages shown: at least enough to hold the passage the URL points at; "Show more" adds
    // pages for the query it was pressed under, and a new query starts again.
    let target_pages = move || {
        let target = view.target.with(|t| t.as_deref().and_then(|id| corpus().passage_index(id)));
        let at = target.and_then(|t| view.evaluation.with(|e| e.passages.iter().position(|&p| p == t)));
        at.map_or(PAGE, |i| (i / PAGE + 1) * PAGE)
    };
    let more_for = RwSignal::new((Query::default(), 0));
    let limit = move || {
        let extra = more_for.with(|(q, n)| if view.query.with(|current| current == q) { *n } else { 0 });
        target_pages().max(PAGE + extra)
    };
    // The query whose whole page is drawn. A new list draws its first cards and keeps those
    // already on screen; the rest of its page follows in the frame after (all at once when the
    // URL points at a passage, which must be drawn to be shown, and when Back or Forward
    // returns to a list, which the browser scrolls back to where the reader was).
    let whole_page_for = RwSignal::new(None::<Query>);
    Effect::new(move |_| {
        let query = view.query.get();
        request_animation_frame(move || request_animation_frame(move || whole_page_for.set(Some(query))));
    });
    let passages = Memo::new(move |drawn: Option<&Vec<u32>>| {
        let whole = view.target.with(Option::is_some)
            || view.draw_whole.get()
            || whole_page_for.with(|q| view.query.with(|current| q.as_ref() == Some(current)));
        view.evaluation.with(|e| {
            let page = e.passages.iter().copied().take(limit()).enumerate();
            page.filter(|&(i, p)| whole || i < FIRST_CARDS || drawn.is_some_and(|d| d.contains(&p))).map(|(_, p)| p).collect::<Vec<_>>()
        })
    });
    let busy = move || view.evaluation.with(|e| e.passages.len().min(limit()) > passages.with(Vec::len));
    let remaining = move || view.evaluation.with(|e| e.passages.len().saturating_sub(limit()));
    let more = move |_| more_for.set((view.query.get_untracked(), limit()));
    view! {
        <Show when=move || view.evaluation.with(|e| !e.passages.is_empty()) fallback=EmptyState>
            <ol class="passages" data-testid="passages" aria-busy=move || busy().then_some("true")>
                <For each=move || passages.get() key=|p| *p let:passage>
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

/// No match: say which word or filter emptied the list and what each gives alone, offer the
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
