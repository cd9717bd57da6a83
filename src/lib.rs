//! The Loupe web app: its components, mounted in the browser by the wasm entry point
//! (`main.rs`, through [`start`]), and rendered natively by the `loupe` command (through
//! [`prerender`]), which writes the default view into `index.html` so that it is readable before
//! the wasm has run.

// The page's nested view types, rendered to HTML natively, need more than the default 128.
#![recursion_limit = "256"]

mod app;
mod components;
mod handover;
mod markup;
mod plural;
mod rehearsal;
mod state;
mod view;

#[cfg(not(target_family = "wasm"))]
mod prerender;
#[cfg(not(target_family = "wasm"))]
pub use prerender::prerender;

/// Starts the app in the browser (only there: natively, see [`prerender`]): installs the error
/// screen for panics, then mounts the app, which takes the place of the prerendered page, and
/// builds the word index once the page is idle. A prerendered page is painted first: the app is
/// mounted in a task after the next frame, so decoding the corpus and drawing the app do not hold
/// that frame back.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        state::show_fatal_error(&info.to_string());
    }));
    let shows_prerendered_page = state::window().document().is_some_and(|d| handover::shows_prerendered_page(&d));
    if shows_prerendered_page {
        leptos::prelude::request_animation_frame(|| leptos::prelude::set_timeout(mount, std::time::Duration::ZERO));
    } else {
        mount();
    }
}

/// Mounts the app in the place of its stand-ins, with what the reader did on the prerendered page.
fn mount() {
    // Decoded before the handover takes the prerendered page away: a corpus that cannot be read
    // panics while the page still stands, and the error screen keeps it (`show_fatal_error`).
    state::corpus();
    let handover = handover::take();
    let taking_over = handover.is_some();
    let typed = handover.as_ref().is_some_and(|h| h.typed);
    leptos::mount::mount_to_body(move || leptos::prelude::view! { <app::App taking_over typed /> });
    if let Some(handover) = handover {
        handover.apply();
    }
    state::index_when_idle();
}
