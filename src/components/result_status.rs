//! The result count, shown as the list changes, and spoken by a `role="status"` region present
//! from the first paint once typing pauses, so a screen reader is not flooded with a count per
//! keystroke. Below it, how the search read the box: a word it corrected, the stop words it left
//! out, or why it searched nothing.

use std::time::Duration;

use leptos::prelude::*;
use loupe_corpus::search::{Unsearched, PREFIX_MIN_CHARS};

use crate::plural::count_of;
use crate::state::corpus;
use crate::view::View;

/// How long the count waits for the reader to stop typing or clicking.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(250);

#[component]
pub fn ResultStatus() -> impl IntoView {
    let view = expect_context::<View>();
    let total = corpus().passages.len();
    let message = move || {
        let shown = view.evaluation.with(|e| e.passages.len());
        if shown == total {
            format!("All {}", count_of(total, "passage", "passages"))
        } else {
            format!("{shown} of {total} passages match")
        }
    };
    // Why a box that is not blank leaves every passage, so the count is not read as a broken
    // search. Shown once typing pauses (a first letter is no search yet, and a note at every
    // word's first letter would jolt the list), and gone as soon as the text searches.
    let why_unsearched = move || {
        let why = view.evaluation.with(|e| e.unsearched)?;
        Some(match why {
            Unsearched::TooShort => format!("Keep typing: a search starts at {PREFIX_MIN_CHARS} letters"),
            Unsearched::NoWord => view.query.with(|q| format!("Nothing to search for in “{}”: it has no letters or digits", q.text.trim())),
        })
    };
    let announced = RwSignal::new(message());
    let unsearched = RwSignal::new(why_unsearched());
    // A timer is the outside world: the effect only schedules the update.
    Effect::new(move |_| {
        let text = message();
        let why = why_unsearched();
        if why.is_none() {
            unsearched.set(None);
        }
        let timer = set_timeout_with_handle(
            move || {
                announced.set(text);
                unsearched.set(why);
            },
            ANNOUNCE_AFTER,
        )
        .ok();
        on_cleanup(move || {
            if let Some(timer) = timer {
                timer.clear();
            }
        });
    });
    let corrected = move || {
        view.evaluation.with(|e| {
            e.corrections.iter().map(|c| view! { <p class="search-note" data-testid="corrected">"Showing results for " <em>{c.read_as.clone()}</em> {format!(" (no passage has “{}”)", c.typed)}</p> }).collect_view()
        })
    };
    let ignored = move || {
        view.evaluation.with(|e| {
            (!e.ignored.is_empty()).then(|| view! { <p class="search-note" data-testid="ignored">{format!("Left out of the search: {}", e.ignored.join(", "))}</p> })
        })
    };
    let unsearched_note = move || unsearched.get().map(|note| view! { <p class="search-note" data-testid="unsearched">{note}</p> });
    view! {
        <p class="result-status" data-testid="status" tabindex="-1" data-focus-fallback="">{message}</p>
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="status-spoken">{move || announced.get()}</p>
        {corrected}
        {ignored}
        {unsearched_note}
    }
}
