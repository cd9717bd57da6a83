//! The view state every component shares through context: the query (mirrored in the URL),
//! its evaluation, and the history rules for moving between views.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use loupe_corpus::query::{evaluate, Counts, Evaluation, Query};
use loupe_corpus::views::ViewMode;

use crate::state::{self, corpus};

/// The current query and its evaluation, shared with every component.
#[derive(Clone, Copy)]
pub struct View {
    pub query: RwSignal<Query>,
    pub evaluation: Memo<Evaluation>,
    /// The passage the URL's fragment names, if any (a deep link, or one opened in context).
    pub target: RwSignal<Option<String>>,
    /// Whether the current history entry belongs to a search being typed: its first keystroke
    /// pushed an entry, later ones replace it.
    typing: StoredValue<bool>,
    /// Whether lists are drawn whole at once: the view was read back from the history (Back,
    /// Forward, a changed fragment), so the reader returns to the page as it was, or is rendered
    /// ahead (the prerendered page, and the app taking its place), with no later frame.
    pub draw_whole: RwSignal<bool>,
    /// The address of the reading view with the current filters, made once per query for every
    /// card's "In context" link.
    reading_address: Memo<String>,
    /// The query's filters alone (no search text, no view): what the filter panel shows as
    /// chosen, so that typing a search does not redraw it.
    pub filters: Memo<Query>,
    /// The filter panel's counts, which follow the evaluation at once, except while a search is
    /// typed, when they are counted and drawn once the page is idle after the keystroke's
    /// results (counting every value and redrawing a hundred counts and more cost a keystroke
    /// about as much as its first cards).
    counts: Memo<Counts>,
}

impl View {
    /// The view state for the URL the page was opened with.
    pub fn from_location() -> Self {
        Self::new(state::query_from_location(), state::passage_from_hash())
    }

    /// The view state for a query, pointing at a passage when `target` names one.
    pub fn new(query: Query, target: Option<String>) -> Self {
        let query = RwSignal::new(query);
        // Only the search text and filters select passages: switching views does not evaluate.
        let selection = Memo::new(move |_| query.with(Query::selection));
        let evaluation = Memo::new(move |_| selection.with(|q| evaluate(corpus(), q)));
        let reading_address = Memo::new(move |_| query.with(|q| state::url_for(&q.with_view(ViewMode::Read), None)));
        let filters = Memo::new(move |_| selection.with(Query::filters_only));
        let typing = StoredValue::new(false);
        let counts_due = Trigger::new();
        Effect::new(move |_| {
            evaluation.track();
            if typing.get_value() {
                state::when_idle(Box::new(move || counts_due.notify()));
            } else {
                counts_due.notify();
            }
        });
        let counts = Memo::new(move |_| {
            counts_due.track();
            evaluation.with_untracked(|e| e.counts(corpus()))
        });
        View { query, evaluation, target: RwSignal::new(target), typing, draw_whole: RwSignal::new(false), reading_address, filters, counts }
    }

    /// Reads the URL again (Back, Forward, a changed fragment), and returns to the passage the
    /// reader left the entry at, unless the URL points at one.
    pub fn follow_location(&self) {
        state::forget_typed_url();
        self.typing.set_value(false);
        self.draw_whole.set(true);
        let target = state::passage_from_hash();
        let place = state::reading_place().filter(|_| target.is_none());
        self.target.set(target);
        self.query.set(state::query_from_location());
        if let Some((id, top)) = place {
            request_animation_frame(move || state::return_to_reading_place(id, top));
        }
    }

    /// The current history entry holds a search being typed (carried from the prerendered
    /// page): later keystrokes rewrite it instead of adding one.
    pub fn go_on_typing(&self) {
        self.typing.set_value(true);
    }

    /// Follows the search box as it is typed: a new search adds a history entry (so Back
    /// returns to the view before it), later keystrokes rewrite it in place; both once their
    /// results are painted.
    pub fn set_text(&self, text: String) {
        let mut query = self.query.get_untracked();
        if query.text == text {
            return;
        }
        query.text = text;
        state::write_typed_url_after_paint(&query, !self.typing.get_value());
        self.typing.set_value(true);
        self.draw_whole.set(false);
        self.target.set(None);
        self.query.set(query);
    }

    /// Moves to a new query: a new history entry, so Back returns here. Its results show from
    /// their start.
    pub fn navigate(&self, query: Query) {
        self.typing.set_value(false);
        state::push_url(&query, None);
        self.draw_whole.set(false);
        self.target.set(None);
        self.query.set(query);
        request_animation_frame(state::show_results_start);
    }

    pub fn update(&self, change: impl FnOnce(&mut Query)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        self.navigate(query);
    }

    /// Moves to `query` pointing at a passage, and scrolls to it once it is drawn.
    pub fn show_passage(&self, query: Query, passage_id: &str) {
        self.typing.set_value(false);
        state::push_url(&query, Some(passage_id));
        self.target.set(Some(passage_id.to_string()));
        self.query.set(query);
        let id = passage_id.to_string();
        request_animation_frame(move || state::reveal_passage(&id, true));
    }

    /// Opens a passage in the reading view (same filters) and moves focus to it.
    pub fn read_passage(&self, passage_id: &str) {
        self.show_passage(self.query.get_untracked().with_view(ViewMode::Read), passage_id);
    }

    /// The address of a passage in the reading view with the current filters (tracked, so a
    /// link's `href` follows the filters).
    pub fn reading_url(&self, passage_id: &str) -> String {
        self.reading_address.with(|address| format!("{address}#{passage_id}"))
    }

    /// A click on a link to [`View::reading_url`]: opened in place, unless the reader asked for
    /// a new tab or window.
    pub fn follow_reading_link(&self, event: &MouseEvent, passage_id: &str) {
        if !state::is_modified_click(event) {
            event.prevent_default();
            self.read_passage(passage_id);
        }
    }

    /// Reads the counts the filter panel shows ([`View::counts`]).
    pub fn with_counts<T>(&self, read: impl FnOnce(&Counts) -> T) -> T {
        self.counts.with(read)
    }

    /// Positions of the words the search matched in a passage (none without a search).
    pub fn matched_words(&self, passage: u32) -> Vec<u32> {
        self.evaluation.with(|e| {
            let at = e.passages.iter().position(|&p| p == passage);
            at.and_then(|i| e.matched_words.get(i)).cloned().unwrap_or_default()
        })
    }
}
