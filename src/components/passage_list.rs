//! The list of matching passages, a page at a time (keyed, so unchanged cards are kept), or the
//! empty state that explains itself.

use leptos::prelude::*;
use loupe_corpus::query::Query;
use wasm_bindgen::JsCast;

use crate::components::empty_state::WhenSomeMatch;
use crate::components::passage_card::{follow_card_click, PassageCard};
use crate::state::{self, corpus};
use crate::view::View;

/// Passages drawn at first, and added by each "Show more": a keystroke that changes the whole
/// result list builds at most this many cards (about four screens at desktop size).
const PAGE: usize = 20;
/// About the shortest card's height, in CSS pixels: 194–253 at 800–1600 px wide and 274–329
/// at 375 over the seed, 4 and 1,000 generated articles; the one card more covers shorter ones
/// (the list starts below the window's top).
const SHORTEST_CARD_PX: f64 = 240.0;

/// Cards the rest of a new list's page adds in each idle moment after its first ones: a few, so
/// that a key pressed meanwhile waits for no more than a few cards.
const CARDS_PER_IDLE_STEP: usize = 4;

/// Cards a new result list draws before it is painted: as many as the window can show, and one
/// more; the rest of its page follows once the page is idle, so a keystroke's first results
/// show sooner. The stylesheet lays out the first six cards of a list at once (`.passage` in
/// `style/main.css`), the first cards of windows up to 1,200 px tall: keep the two in step.
fn first_cards() -> usize {
    let height = state::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    (height / SHORTEST_CARD_PX) as usize + 1
}

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
    // Cards drawn beyond a new list's first ones, and for which query (all, once its page is
    // whole). A new list draws its first cards and keeps those already on screen; the rest of its
    // page follows a few cards per idle moment (all at once when the URL points at a passage,
    // which must be drawn to be shown, and when Back or Forward returns to a list, which the
    // browser scrolls back to where the reader was).
    let rest_drawn = RwSignal::new((Query::default(), 0));
    let passages = Memo::new(move |drawn: Option<&Vec<u32>>| {
        let whole = view.target.with(Option::is_some) || view.draw_whole.get();
        let rest = rest_drawn.with(|(q, n)| if view.query.with(|current| current == q) { *n } else { 0 });
        let first = if whole { usize::MAX } else { first_cards().saturating_add(rest) };
        view.evaluation.with(|e| {
            let page = e.passages.iter().copied().take(limit()).enumerate();
            page.filter(|&(i, p)| i < first || drawn.is_some_and(|d| d.contains(&p))).map(|(_, p)| p).collect::<Vec<_>>()
        })
    });
    let busy = move || view.evaluation.with(|e| e.passages.len().min(limit()) > passages.with(Vec::len));
    // Each step schedules the next while the page is not whole: tracking the steps too, as a
    // step may add only cards already drawn (kept from the list before), which leaves the
    // memo as it was.
    Effect::new(move |_| {
        rest_drawn.track();
        if !busy() {
            return;
        }
        let query = view.query.get_untracked();
        state::when_idle(Box::new(move || {
            if view.query.with_untracked(|current| *current != query) {
                return;
            }
            // Once the page is whole, so are the pages "Show more" adds to it.
            let page = untrack(limit);
            rest_drawn.update(|(q, n)| {
                *n = if *q == query { *n + CARDS_PER_IDLE_STEP } else { CARDS_PER_IDLE_STEP };
                if first_cards() + *n >= page {
                    *n = usize::MAX;
                }
                *q = query;
            });
        }));
    });
    let remaining = move || view.evaluation.with(|e| e.passages.len().saturating_sub(limit()));
    // "Show more" adds a page and moves focus to its first card, in view: the keyboard goes on
    // from there, not from the button the new cards pushed down (or removed, after the last page).
    let more = move |_| {
        let first_added = limit();
        more_for.set((view.query.get_untracked(), first_added));
        let Some(passage) = view.evaluation.with_untracked(|e| e.passages.get(first_added).copied()) else { return };
        let id = corpus().passages[passage as usize].id.clone();
        request_animation_frame(move || {
            if let Some(card) = state::window().document().and_then(|d| d.get_element_by_id(&id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = card.focus();
            }
        });
    };
    view! {
        <WhenSomeMatch>
            <ol class="passages" data-testid="passages" on:click=move |ev| follow_card_click(view, &ev) aria-busy=move || busy().then_some("true")>
                <For each=move || passages.get() key=|p| *p let:passage>
                    <PassageCard passage />
                </For>
            </ol>
            <Show when=move || { remaining() > 0 }>
                <button class="show-more" data-testid="show-more" on:click=more>
                    {move || format!("Show {} more of {}", remaining().min(PAGE), remaining())}
                </button>
            </Show>
        </WhenSomeMatch>
    }
}
