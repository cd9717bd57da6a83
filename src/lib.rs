//! The Loupe web app: its components, mounted in the browser by the wasm entry point
//! (`main.rs`, through [`start`]), and rendered natively by the `loupe` command (through
//! [`prerender`]), which writes the default view into `index.html` so that it is readable before
//! the wasm has run.

// The page's nested view types, rendered to HTML natively, need more than the default 128.
#![recursion_limit = "256"]

mod app;
mod components;
mod plural;
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
    if state::shows_prerendered_page() {
        leptos::prelude::request_animation_frame(|| leptos::prelude::set_timeout(mount, std::time::Duration::ZERO));
    } else {
        mount();
    }
}

fn mount() {
    let was_typing = state::remove_stand_ins();
    leptos::mount::mount_to_body(app::App);
    if was_typing {
        state::focus_search_box();
    }
    state::index_when_idle();
}
