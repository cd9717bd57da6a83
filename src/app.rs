//! The root component: owns the view state (the query, mirrored in the URL), derives the
//! evaluation, and lays out the facet panel, the status line, the active filters and the list.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use loupe_corpus::query::{evaluate, Evaluation, Query};

use crate::components::active_filters::ActiveFilters;
use crate::components::facet_panel::FacetPanel;
use crate::components::passage_list::PassageList;
use crate::components::result_status::ResultStatus;
use crate::components::concordance::Concordance;
use crate::components::cooccurrence_matrix::CooccurrenceMatrix;
use crate::components::reading_view::ReadingView;
use crate::components::search_box::SearchBox;
use crate::components::theme_map::ThemeMap;
use crate::components::view_tabs::ViewTabs;
use loupe_corpus::views::ViewMode;
use crate::state::{self, corpus};

/// The view state shared with every component: the current query and its evaluation.
#[derive(Clone, Copy)]
pub struct View {
    pub query: RwSignal<Query>,
    pub evaluation: Memo<Evaluation>,
}

impl View {
    /// Follows the search box as it is typed: the URL is rewritten in place rather than
    /// adding a history entry per keystroke.
    pub fn set_text(&self, text: String) {
        let mut query = self.query.get_untracked();
        if query.text == text {
            return;
        }
        query.text = text;
        state::replace_url(&query, None);
        self.query.set(query);
    }

    /// Moves to a new query: a new history entry, so Back returns here.
    pub fn navigate(&self, query: Query) {
        state::push_url(&query, None);
        self.query.set(query);
    }

    /// Opens a passage in the reading view (same filters) and scrolls to it, without reloading.
    pub fn read_passage(&self, passage_id: &str) {
        let reading = self.query.get_untracked().with_view(ViewMode::Read);
        state::push_url(&reading, Some(passage_id));
        self.query.set(reading);
        let id = passage_id.to_string();
        request_animation_frame(move || state::reveal_passage(&id));
    }

    /// The address of a passage in the reading view with the current filters (tracked, so a
    /// link's `href` follows the filters).
    pub fn reading_url(&self, passage_id: &str) -> String {
        self.query.with(|q| state::url_for(&q.with_view(ViewMode::Read), Some(passage_id)))
    }

    /// A click on a link to [`View::reading_url`]: opened in place, unless the reader asked for
    /// a new tab or window.
    pub fn follow_reading_link(&self, event: &MouseEvent, passage_id: &str) {
        if !state::is_modified_click(event) {
            event.prevent_default();
            self.read_passage(passage_id);
        }
    }

    /// Positions of the words the search matched in a passage (none without a search).
    pub fn matched_words(&self, passage: u32) -> Vec<u32> {
        self.evaluation.with(|e| {
            let at = e.passages.iter().position(|&p| p == passage);
            at.and_then(|i| e.matched_words.get(i)).cloned().unwrap_or_default()
        })
    }

    pub fn update(&self, change: impl FnOnce(&mut Query)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        self.navigate(query);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let initial = state::query_from_location();
    state::replace_url(&initial, state::passage_from_hash().as_deref());
    let query = RwSignal::new(initial);
    let evaluation = Memo::new(move |_| query.with(|q| evaluate(corpus(), q)));
    let view = View { query, evaluation };
    provide_context(view);

    let _ = window_event_listener(leptos::ev::popstate, move |_| query.set(state::query_from_location()));
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(id) = state::passage_from_hash() {
            state::reveal_passage(&id);
        }
    });
    // A deep link: scroll to the passage once the list has been drawn.
    if let Some(id) = state::passage_from_hash() {
        request_animation_frame(move || state::reveal_passage(&id));
    }

    let drawer_open = RwSignal::new(false);
    let mode = Memo::new(move |_| query.with(|q| q.view));
    let titles = corpus().documents.iter().map(|d| d.title.clone()).collect::<Vec<_>>().join(" · ");
    view! {
        <a class="skip-link" href="#results">"Skip to results"</a>
        <header class="masthead" class:compact=move || query.with(|q| q.embed)>
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
            <button
                class="drawer-toggle"
                data-testid="drawer-toggle"
                aria-controls="facets"
                aria-expanded=move || drawer_open.get().to_string()
                on:click=move |_| drawer_open.update(|open| *open = !*open)
            >
                "Filters"
            </button>
        </header>
        <div class="layout">
            <SearchBox />
            <aside id="facets" class="facets" class:open=move || drawer_open.get() aria-label="Filters">
                <div class="drawer-head">
                    <h2>"Filters"</h2>
                    <button class="drawer-close" on:click=move |_| drawer_open.set(false)>"Done"</button>
                </div>
                <FacetPanel />
            </aside>
            <main id="results" class="results" tabindex="-1">
                <ViewTabs />
                <ResultStatus />
                <ActiveFilters />
                {move || match mode.get() {
                    ViewMode::List => view! { <PassageList /> }.into_any(),
                    ViewMode::Map => view! { <ThemeMap /> }.into_any(),
                    ViewMode::Read => view! { <ReadingView /> }.into_any(),
                    ViewMode::Matrix => view! { <CooccurrenceMatrix /> }.into_any(),
                    ViewMode::Kwic => view! { <Concordance /> }.into_any(),
                }}
            </main>
        </div>
    }
}

fn corpus_summary() -> String {
    let c = corpus();
    let documents = c.documents.len();
    let dates: Vec<&str> = c.documents.iter().map(|d| d.date.as_str()).filter(|d| !d.is_empty()).collect();
    let mut summary = format!(
        "{} passages in {} document{}",
        c.passages.len(),
        documents,
        if documents == 1 { "" } else { "s" }
    );
    if let [only] = dates[..] {
        summary.push_str(&format!(" · {only}"));
    }
    summary
}
