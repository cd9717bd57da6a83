//! The filters: a sidebar at desktop width, and in the narrow layout (and embedded) a modal
//! dialog drawer that scrolls on its own, keeps focus inside, closes with Escape, Done or a tap
//! on the dimmed page, and ends with a sticky "Show N passages".

use leptos::ev::KeyboardEvent;
use leptos::html::{Aside, Button};
use leptos::prelude::*;
use loupe_corpus::query::Query;
use wasm_bindgen::JsCast;

use crate::app::DrawerOpen;
use crate::components::facet_panel::FacetPanel;
use crate::plural::count_of;
use crate::view::View;

/// The button that opens the drawer, saying how many filters are on.
#[component]
pub fn DrawerToggle() -> impl IntoView {
    let view = expect_context::<View>();
    let DrawerOpen(open) = expect_context();
    let filters = move || view.filters.with(Query::filter_count);
    view! {
        <button
            id="drawer-toggle"
            class="drawer-toggle"
            data-testid="drawer-toggle"
            aria-controls="facets"
            aria-haspopup="dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            {move || match filters() {
                0 => "Filters".to_string(),
                n => format!("Filters ({n})"),
            }}
        </button>
    }
}

/// The elements of `root` that Tab can reach, in order.
fn tabbable(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let selector = "button, input, summary, a[href], [tabindex]:not([tabindex='-1'])";
    let Ok(nodes) = root.query_selector_all(selector) else { return Vec::new() };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some() && !el.has_attribute("disabled"))
        .collect()
}

#[component]
pub fn FilterDrawer() -> impl IntoView {
    let view = expect_context::<View>();
    let DrawerOpen(open) = expect_context();
    let drawer = NodeRef::<Aside>::new();
    let done = NodeRef::<Button>::new();
    let close = move || open.set(false);

    // The outside world: the page behind does not scroll while the drawer is open; focus moves
    // into the drawer on opening and back to the Filters button on closing.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("drawer-open", is_open);
        }
        // After the frame that shows the drawer (or lifts `inert` from the page): an element
        // still hidden or inert cannot take focus.
        if is_open {
            request_animation_frame(move || {
                if let Some(done) = done.get_untracked() {
                    let _ = done.focus();
                }
            });
        } else if was_open == Some(true) {
            request_animation_frame(|| {
                if let Some(toggle) = document().get_element_by_id("drawer-toggle").and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = toggle.focus();
                }
            });
        }
        is_open
    });
    // Widening the window past the narrow layout turns the drawer back into a sidebar.
    let _ = window_event_listener(leptos::ev::resize, move |_| {
        let toggle_shown = document().get_element_by_id("drawer-toggle").and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|t| t.offset_parent().is_some());
        if open.get_untracked() && !toggle_shown {
            open.set(false);
        }
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if !open.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close();
            }
            "Tab" => {
                let Some(root) = drawer.get() else { return };
                let stops = tabbable(&root);
                let (Some(first), Some(last)) = (stops.first(), stops.last()) else { return };
                let active = document().active_element();
                let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>());
                if ev.shift_key() && at(first) {
                    ev.prevent_default();
                    let _ = last.focus();
                } else if !ev.shift_key() && at(last) {
                    ev.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        }
    };
    let total = move || view.evaluation.with(|e| e.passages.len());
    let show = move |_| {
        close();
        if let Some(results) = document().get_element_by_id("results") {
            results.scroll_into_view();
        }
    };
    view! {
        <div class="drawer-backdrop" data-testid="drawer-backdrop" hidden=move || !open.get() on:click=move |_| close()></div>
        <aside
            id="facets"
            class="facets"
            class:open=move || open.get()
            node_ref=drawer
            aria-label=move || (!open.get()).then_some("Filters")
            aria-labelledby=move || open.get().then_some("drawer-title")
            role=move || open.get().then_some("dialog")
            aria-modal=move || open.get().then_some("true")
            on:keydown=on_keydown
        >
            <div class="drawer-head">
                <h2 id="drawer-title">"Filters"</h2>
                <button class="drawer-close" node_ref=done on:click=move |_| close()>"Done"</button>
            </div>
            <FacetPanel />
            <div class="drawer-foot">
                <button class="drawer-show" data-testid="drawer-show" on:click=show>
                    {move || format!("Show {}", count_of(total(), "passage", "passages"))}
                </button>
            </div>
        </aside>
    }
}
