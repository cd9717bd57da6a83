//! Entry point of the Loupe web app in the browser (the wasm Trunk builds); natively, the app is
//! a library the `loupe` command renders, and this program does nothing.

fn main() {
    #[cfg(target_family = "wasm")]
    loupe_app::start();
}
