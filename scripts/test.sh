#!/usr/bin/env bash
# Sets up what is missing, then runs every test: the core's Rust tests, the app template (one
# Trunk release build, the full toolchain over seeds/), three sites made from it by `loupe build`
# with the size budget, the browser tests in headless Chromium against those sites, and the
# cross-engine suite in Firefox ESR and WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
loupe() { cargo run --quiet --release --bin loupe -- "$@"; }

echo "== core tests (cargo test)"
cargo test -p loupe-corpus -p loupe-cli -p loupe-bench
echo "== the app's own tests, natively (static markup, the typing rehearsal)"
cargo test -p loupe-app --lib

echo "== the app template: trunk build --release over seeds/ (the full toolchain), once"
trunk build --release --dist dist-trunk

echo "== three sites from the template (loupe build: no cargo, trunk, wasm-bindgen or wasm-opt)"
loupe build --template dist-trunk --out dist
loupe build --template dist-trunk --seeds tests/corpus/hostile --out dist-hostile
cargo run --quiet -p loupe-bench --bin loupe-gen -- --articles 4 --seed 3 --out target/seeds-generated
loupe build --template dist-trunk --seeds target/seeds-generated --out dist-generated

echo "== size budget"
bash scripts/size.sh --check

echo "== browser tests (headless Chromium)"
cd tests
npm test

echo "== cross-engine tests (Firefox ESR through Marionette, WebKitGTK through WebKitWebDriver)"
npm run test:engines
