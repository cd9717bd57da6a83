//! The search box, a combobox (WAI-ARIA's combobox with a listbox popup): results follow as
//! you type (`q=` in the URL) while a list offers the themes, names and sections the words
//! stand for, then completions of the word being typed. Arrow keys move through the list,
//! Enter chooses, Escape closes the list and then clears the box; `/` focuses it.

use leptos::ev::KeyboardEvent;
use leptos::html::Input;
use leptos::prelude::*;
use loupe_corpus::guide::{suggest, Suggestion};

use crate::app::DrawerOpen;
use crate::state::corpus;
use crate::view::View;

const LISTBOX_ID: &str = "search-suggestions";

fn option_id(i: usize) -> String {
    format!("search-suggestion-{i}")
}

#[component]
pub fn SearchBox() -> impl IntoView {
    let view = expect_context::<View>();
    let DrawerOpen(drawer_open) = expect_context();
    let input = NodeRef::<Input>::new();
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Worked out only while the list is open, from the core (as `loupe suggest` does).
    let suggestions = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        view.query.with(|q| suggest(corpus(), &q.text, q))
    });
    let expanded = move || open.get() && suggestions.with(|s| !s.is_empty());

    let choose = move |suggestion: &Suggestion| {
        open.set(false);
        active.set(None);
        if suggestion.facet.is_some() {
            let next = view.query.with_untracked(|q| suggestion.apply(q));
            view.navigate(next);
        } else {
            view.set_text(suggestion.text.clone());
        }
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    };
    let step = move |by: isize| {
        let n = suggestions.with_untracked(Vec::len) as isize;
        if n == 0 {
            return;
        }
        let next = match active.get_untracked() {
            None if by > 0 => 0,
            None => n - 1,
            Some(i) => (i as isize + by).rem_euclid(n),
        };
        active.set(Some(next as usize));
        if let Some(option) = document().get_element_by_id(&option_id(next as usize)) {
            option.scroll_into_view_with_bool(false);
        }
    };
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            if !open.get_untracked() {
                open.set(true);
            } else {
                step(if ev.key() == "ArrowDown" { 1 } else { -1 });
            }
        }
        "Enter" => {
            if let Some(i) = active.get_untracked().filter(|_| expanded()) {
                ev.prevent_default();
                if let Some(chosen) = suggestions.with_untracked(|s| s.get(i).cloned()) {
                    choose(&chosen);
                }
            } else {
                open.set(false);
            }
        }
        "Escape" => {
            ev.prevent_default();
            if expanded() {
                open.set(false);
                active.set(None);
            } else {
                view.set_text(String::new());
            }
        }
        _ => {}
    };

    // The box shows the query's text (a chosen suggestion, Escape, Back or Forward change it),
    // written only where it differs from what the box holds: setting an input's value makes the
    // browser lay the page out again at once, several milliseconds of each keystroke.
    Effect::new(move |_| {
        let text = view.query.with(|q| q.text.clone());
        if let Some(input) = input.get() {
            if input.value() != text {
                input.set_value(&text);
            }
        }
    });
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
    let options = move || {
        suggestions.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, s)| {
                    let chosen = s.clone();
                    view! {
                        <li
                            id=option_id(i)
                            role="option"
                            class="suggestion"
                            class:active=move || active.get() == Some(i)
                            aria-selected=move || (active.get() == Some(i)).to_string()
                            data-facet=s.facet.unwrap_or("word")
                            data-value=s.value.clone()
                            // Keep focus in the box: choose on pointer down, before it blurs.
                            on:mousedown=move |ev| {
                                ev.prevent_default();
                                choose(&chosen);
                            }
                        >
                            <span class="suggestion-noun">{format!("{}: ", s.noun)}</span>
                            <span class="suggestion-label">{s.label.clone()}</span>
                            <span class="suggestion-count">{format!(" ({})", s.count)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="search" role="search" inert=move || drawer_open.get()>
            <label for="search-input" class="visually-hidden">"Search passages"</label>
            <input
                id="search-input"
                type="search"
                data-testid="search"
                node_ref=input
                role="combobox"
                aria-autocomplete="list"
                aria-controls=LISTBOX_ID
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                placeholder="Search passages, themes, names"
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                on:input=move |ev| {
                    active.set(None);
                    open.set(true);
                    view.set_text(event_target_value(&ev));
                }
                on:keydown=on_keydown
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                }
            />
            // Where a keyboard is the likely input: `/` focuses the box (`aria-keyshortcuts` tells
            // a screen reader).
            <kbd class="search-key" aria-hidden="true">"/"</kbd>
            <ul id=LISTBOX_ID class="suggestions" role="listbox" aria-label="Suggestions" data-testid="suggestions" hidden=move || !expanded()>
                {options}
            </ul>
        </div>
    }
}
