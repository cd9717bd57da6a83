//! The search box: results follow as you type (`q=` in the URL), `/` focuses it, Escape clears.

use leptos::ev::KeyboardEvent;
use leptos::html::Input;
use leptos::prelude::*;

use crate::app::View;

#[component]
pub fn SearchBox() -> impl IntoView {
    let view = expect_context::<View>();
    let input = NodeRef::<Input>::new();
    // "/" anywhere but in a text field jumps to the search box.
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") && el.get_attribute("type").as_deref() != Some("checkbox"));
        if ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            ev.prevent_default();
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    view! {
        <div class="search" role="search">
            <label for="search-input" class="visually-hidden">"Search passages"</label>
            <input
                id="search-input"
                type="search"
                data-testid="search"
                node_ref=input
                placeholder="Search passages — press / to focus"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                prop:value=move || view.query.with(|q| q.text.clone())
                on:input=move |ev| view.set_text(event_target_value(&ev))
                on:keydown=move |ev: KeyboardEvent| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        view.set_text(String::new());
                    }
                }
            />
        </div>
    }
}
