#!/usr/bin/env bash
# Sets up what is missing, then runs every test: the core's Rust tests, the release build with
# its size budget, and the browser tests in headless Chromium against the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"

echo "== core tests (cargo test)"
cargo test -p loupe-corpus -p loupe-bench

echo "== release build (trunk build --release)"
trunk build --release

echo "== size budget"
bash scripts/size.sh --check

echo "== a second build over a hostile seed folder, for the browser's security tests"
LOUPE_SEEDS="$PWD/tests/corpus/hostile" trunk build --release --dist dist-hostile

echo "== a third build over four generated articles, for the browser's tests of paging and of several documents"
cargo run --quiet -p loupe-bench --bin loupe-gen -- --articles 4 --seed 3 --out target/seeds-generated
LOUPE_SEEDS="$PWD/target/seeds-generated" trunk build --release --dist dist-generated

echo "== browser tests (headless Chromium)"
cd tests
npm test
