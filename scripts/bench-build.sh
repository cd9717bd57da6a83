#!/usr/bin/env bash
# Times the site builder (not part of the tests; timings depend on the machine): `loupe build`
# over the seed and over 1,000 generated articles (compile included; wall time and peak memory
# by /usr/bin/time), then a saved edit to the reloaded page under `loupe serve` (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
cargo build --quiet --release --bin loupe
loupe="${CARGO_TARGET_DIR:-target}/release/loupe"
cargo run --quiet --release -p loupe-bench --bin loupe-gen -- --articles 1000 --seed 1 --out target/seeds-1000
"$loupe" template

for corpus in seeds target/seeds-1000; do
  echo "== loupe build --seeds $corpus (five runs: wall time, peak resident memory)"
  for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e s  %M KB" "$loupe" build --seeds "$corpus" --out target/bench-site 2>&1 | tail -1
  done
done
rm -rf target/bench-site

echo "== saved edit → reloaded page under loupe serve (seed)"
node tests/bench/serve-reload.mjs
