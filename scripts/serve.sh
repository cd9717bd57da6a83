#!/usr/bin/env bash
# Sets up what is missing, then builds Loupe and serves it on http://127.0.0.1:8080/
# (another port: `bash scripts/serve.sh 9000`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
exec trunk serve --release --port "${1:-8080}"
