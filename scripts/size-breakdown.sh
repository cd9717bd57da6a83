#!/usr/bin/env bash
# Where the first-load bytes go: builds two probes with the app's release profile (the Leptos
# framework's floor, and Loupe's engine with the embedded corpus, no UI) and sets their gzipped
# wasm beside the app's (dist/, from `trunk build --release`). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
[[ -n "$(ls dist/*.wasm 2>/dev/null)" ]] || trunk build --release

cargo build --quiet --release --target wasm32-unknown-unknown -p loupe-size-probes --bins
out=target/size-probes
mkdir -p "$out"
gz() { gzip -9 -c "$1" | wc -c; }
probe() {
  wasm-bindgen --target web --no-typescript --out-dir "$out/$1" "target/wasm32-unknown-unknown/release/$1.wasm"
  # The same optimiser and level as Trunk's `data-wasm-opt="z"`.
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$out/$1/$1_bg.wasm" -o "$out/$1.wasm"
  gz "$out/$1.wasm"
}
floor=$(probe leptos-floor)
engine=$(probe engine)
corpus_bin=$(ls -t target/wasm32-unknown-unknown/release/build/loupe-size-probes-*/out/corpus.bin | head -1)
corpus=$(gz "$corpus_bin")
app=$(gz dist/*.wasm)

printf '%-62s %8s\n' "wasm, gzipped" bytes
printf '%-62s %8d\n' "the app (dist/)" "$app"
printf '%-62s %8d\n' "Leptos floor (signal, event handler, keyed <For>)" "$floor"
printf '%-62s %8d\n' "engine: decode, query, search, highlight, views' data, export" "$engine"
printf '%-62s %8d\n' "  of which the embedded corpus (corpus.bin alone)" "$corpus"
printf '%-62s %8d\n' "the rest: the UI (std and allocator counted in both probes)" $((app - floor - engine))
