//! Entry point of the Loupe web app: installs the panic screen and mounts the app.
fn main() {}
