#!/usr/bin/env bash
# Sets up what is missing, then serves Loupe on http://127.0.0.1:8080/ (another port:
# `bash scripts/serve.sh 9000`; other seeds: `LOUPE_SEEDS=/path/to/seeds bash scripts/serve.sh`).
# `loupe serve` places the corpus into the prebuilt app (prepared by Trunk on first use only),
# and rebuilds and reloads the page within a second of a saved change to the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
exec cargo run --quiet --release --bin loupe -- serve --port "${1:-8080}"
