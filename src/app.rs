//! The root component, which ties the view state to the browser (the URL, history, an embed's
//! host), and the page it shows: the masthead, the search box, the filters, the status line, the
//! active filters and the view (the page is what `loupe build` prerenders).

use leptos::prelude::*;
use loupe_corpus::query::Query;

use crate::components::active_filters::ActiveFilters;
use crate::components::filter_drawer::{DrawerToggle, FilterDrawer};
use crate::components::hidden_target::HiddenTarget;
use crate::components::passage_list::PassageList;
use crate::components::result_status::ResultStatus;
use crate::components::concordance::Concordance;
use crate::components::empty_state::WhenSomeMatch;
use crate::components::cooccurrence_matrix::CooccurrenceMatrix;
use crate::components::reading_view::ReadingView;
use crate::components::search_box::SearchBox;
use crate::components::theme_map::ThemeMap;
use crate::components::trends_view::TrendsView;
use crate::components::view_tabs::ViewTabs;
use crate::state::{self, corpus};
use crate::view::View;
use loupe_corpus::views::ViewMode;

/// The app in the browser: the page for the URL's view, following Back, Forward and fragments.
/// `taking_over`: it takes the place of the prerendered page, whose list it draws whole at once;
/// `typed`: a search typed there is in the URL, and later keystrokes go on with it.
#[component]
pub fn App(taking_over: bool, typed: bool) -> impl IntoView {
    let view = View::from_location();
    view.draw_whole.set(taking_over);
    if typed {
        view.go_on_typing();
    }
    let query = view.query;
    state::replace_url(&query.get_untracked(), view.target.get_untracked().as_deref());

    let _ = window_event_listener(leptos::ev::popstate, move |_| view.follow_location());
    // Embedded, the host page hears of every change of the view (not of the one it opened).
    Effect::new(move |told: Option<String>| {
        let now = query.with(Query::to_query_string);
        if told.is_some_and(|before| before != now) && query.with_untracked(|q| q.embed) {
            state::tell_host(&query.get_untracked());
        }
        now
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        view.follow_location();
        if let Some(id) = view.target.get_untracked() {
            state::reveal_passage(&id, true);
        }
    });
    // A deep link: scroll to the passage once the list has been drawn.
    if let Some(id) = view.target.get_untracked() {
        request_animation_frame(move || state::reveal_passage(&id, true));
    }
    view! { <Page view /> }
}

/// The page of a view, wherever it is rendered: in the browser, or natively to HTML.
#[component]
pub fn Page(view: View) -> impl IntoView {
    provide_context(view);
    let query = view.query;
    let drawer_open = RwSignal::new(false);
    provide_context(DrawerOpen(drawer_open));
    let mode = Memo::new(move |_| query.with(|q| q.view));
    let titles = corpus_heading();
    view! {
        <a class="skip-link" href="#results">"Skip to results"</a>
        <header class="masthead" class:compact=move || query.with(|q| q.embed) inert=move || drawer_open.get()>
            <div class="brand">
                <span class="logo" aria-hidden="true">"◉"</span>
                <span class="name">"Loupe"</span>
            </div>
            <h1 class="corpus-title" data-testid="corpus-title">{titles}</h1>
            <p class="corpus-meta">{corpus_summary()}</p>
            <Show when=move || query.with(|q| q.embed)>
                <a class="open-in-loupe" data-testid="open-in-loupe" target="_blank" rel="noopener" href=move || state::url_for(&query.with(|q| Query { embed: false, ..q.clone() }), None)>
                    "Open in Loupe ↗"
                </a>
            </Show>
            <DrawerToggle />
        </header>
        <div class="layout">
            <SearchBox />
            <FilterDrawer />
            <main id="results" class="results" tabindex="-1" inert=move || drawer_open.get()>
                <ViewTabs />
                <ResultStatus />
                <ActiveFilters />
                <HiddenTarget />
                {move || match mode.get() {
                    ViewMode::List => view! { <PassageList /> }.into_any(),
                    ViewMode::Map => view! { <ThemeMap /> }.into_any(),
                    ViewMode::Read => view! { <ReadingView /> }.into_any(),
                    ViewMode::Matrix => view! { <WhenSomeMatch><CooccurrenceMatrix /></WhenSomeMatch> }.into_any(),
                    ViewMode::Kwic => view! { <WhenSomeMatch><Concordance /></WhenSomeMatch> }.into_any(),
                    ViewMode::Trends => view! { <WhenSomeMatch><TrendsView /></WhenSomeMatch> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// Documents the page's heading names by title; a larger corpus is counted after them.
const TITLED_DOCUMENTS: usize = 3;

/// The page's heading: its documents' titles, or the first few and how many others.
fn corpus_heading() -> String {
    let documents = &corpus().documents;
    let titles = documents.iter().take(TITLED_DOCUMENTS).map(|d| d.title.as_str()).collect::<Vec<_>>().join(" · ");
    match documents.len().saturating_sub(TITLED_DOCUMENTS) {
        0 => titles,
        others => format!("{titles} and {}", crate::plural::count_of(others, "other document", "other documents")),
    }
}

/// Whether the filter drawer (the narrow layout's dialog) is open; the rest of the page is
/// inert while it is.
#[derive(Clone, Copy)]
pub struct DrawerOpen(pub RwSignal<bool>);

fn corpus_summary() -> String {
    let c = corpus();
    let documents = c.documents.len();
    let mut summary = format!(
        "{} passages in {} document{}",
        c.passages.len(),
        documents,
        if documents == 1 { "" } else { "s" }
    );
    let t = corpus().timeline();
    match (t.only_day(), t.periods.first(), t.periods.last()) {
        (Some(day), ..) => summary.push_str(&format!(" · {}", day.label())),
        (None, Some(first), Some(last)) => summary.push_str(&format!(" · {} – {}", first.label(), last.label())),
        _ => {}
    }
    summary
}
