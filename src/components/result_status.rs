//! The result count, shown as the list changes, and spoken by a `role="status"` region present
//! from the first paint once typing pauses, so a screen reader is not flooded with a count per
//! keystroke. Below it, how the search read the box: a word it corrected, the stop words it left
//! out.

use std::time::Duration;

use leptos::prelude::*;

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
    let announced = RwSignal::new(message());
    // A timer is the outside world: the effect only schedules the update.
    Effect::new(move |_| {
        let text = message();
        let timer = set_timeout_with_handle(move || announced.set(text), ANNOUNCE_AFTER).ok();
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
    view! {
        <p class="result-status" data-testid="status" tabindex="-1" data-focus-fallback="">{message}</p>
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="status-spoken">{move || announced.get()}</p>
        {corrected}
        {ignored}
    }
}
