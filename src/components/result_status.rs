//! The live result count, in a `role="status"` region present from the first paint.

use leptos::prelude::*;

use crate::app::View;
use crate::state::corpus;

#[component]
pub fn ResultStatus() -> impl IntoView {
    let view = expect_context::<View>();
    let total = corpus().passages.len();
    let message = move || {
        let shown = view.evaluation.with(|e| e.passages.len());
        if shown == total {
            format!("All {total} passages")
        } else {
            format!("{shown} of {total} passages match")
        }
    };
    view! {
        <p class="result-status" role="status" aria-live="polite" data-testid="status" tabindex="-1" data-focus-fallback="">
            {message}
        </p>
    }
}
