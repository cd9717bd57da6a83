//! Entry point of the Loupe web app: installs the error screen for panics and mounts the app.

mod app;
mod components;
mod plural;
mod state;
mod view;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        state::show_fatal_error(&info.to_string());
    }));
    leptos::mount::mount_to_body(app::App);
    state::hide_loading();
    state::index_when_idle();
}
