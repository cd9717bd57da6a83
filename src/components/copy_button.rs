//! A button that copies text to the clipboard: it says "copied" for a moment, and when the
//! browser refuses the clipboard it shows the text, selected, to copy by hand.

use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::state;

/// How long "copied" stays before the button reads as before.
const CONFIRMATION: Duration = Duration::from_millis(2500);

#[derive(Clone, PartialEq)]
enum Copying {
    Idle,
    Copied,
    /// The clipboard refused: the text to copy by hand.
    Refused(String),
}

/// `text` makes the text when the button is pressed.
#[component]
pub fn CopyButton(label: &'static str, copied: &'static str, testid: &'static str, text: Callback<(), String>) -> impl IntoView {
    let copying = RwSignal::new(Copying::Idle);
    let by_hand = NodeRef::<Textarea>::new();
    let copy = move |_| {
        let text = text.run(());
        leptos::task::spawn_local(async move {
            if state::copy_text(&text).await {
                copying.set(Copying::Copied);
                set_timeout(move || copying.update(|c| if *c == Copying::Copied { *c = Copying::Idle }), CONFIRMATION);
            } else {
                copying.set(Copying::Refused(text));
                request_animation_frame(move || {
                    if let Some(area) = by_hand.get() {
                        let _ = area.focus();
                        area.select();
                    }
                });
            }
        });
    };
    let refused = move || match copying.get() {
        Copying::Refused(text) => Some(text),
        _ => None,
    };
    view! {
        <button class="copy-button" data-testid=testid on:click=copy>
            {move || if copying.get() == Copying::Copied { copied } else { label }}
        </button>
        {move || refused().map(|text| view! {
            <div class="copy-by-hand" data-testid=format!("{testid}-by-hand")>
                <label>
                    "The browser did not allow copying. Select and copy this by hand:"
                    <textarea readonly rows="3" node_ref=by_hand>{text}</textarea>
                </label>
                <button class="copy-by-hand-close" on:click=move |_| copying.set(Copying::Idle)>"Close"</button>
            </div>
        })}
    }
}
