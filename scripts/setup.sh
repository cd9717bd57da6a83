#!/usr/bin/env bash
# Installs what building Loupe needs (and, with --browser, what its browser tests need),
# skipping whatever is already there: every crate Cargo.lock names, the wasm target, trunk 0.21,
# the wasm-bindgen CLI that matches Cargo.lock, wasm-opt (npm `binaryen`), playwright-core, and
# from Debian: Chromium, and for the cross-engine suite Firefox ESR, WebKitGTK's WebDriver (with
# its MiniBrowser) and Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=false
[[ "${1:-}" == "--browser" ]] && with_browser=true
SUDO=""
[[ "$(id -u)" != 0 ]] && SUDO="sudo"
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  # Trunk 0.22 needs a newer rustc than these machines have.
  cargo install trunk --locked --version '^0.21'
fi

# Every crate the lock file names, for every target: Trunk builds offline (Trunk.toml), and the
# wasm builds need crates (such as the engine's) that no host build has fetched on a new machine.
cargo fetch --locked

wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wasm_bindgen_version"; then
  # Not --locked: the CLI's own lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

if [[ ! -x tests/node_modules/.bin/wasm-opt || tests/package-lock.json -nt tests/node_modules/.package-lock.json ]]; then
  # Debian's binaryen (108) produces a bundle that fails at start-up; npm's works.
  (cd tests && npm ci --no-audit --no-fund)
fi

browser_packages=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb)
if $with_browser && ! [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -x /usr/bin/firefox-esr && -x /usr/bin/WebKitWebDriver && -x /usr/bin/Xvfb ]]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${browser_packages[@]}"
fi
