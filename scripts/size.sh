#!/usr/bin/env bash
# Reports the gzipped size of each file of the built site (dist/) and their total, for the app's
# first load (html + js + wasm + css) and for the headless engine module (loupe-engine.js + its
# wasm); with --check, fails when either exceeds its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${LOUPE_SIZE_BUDGET_KB:-340}
engine_budget_kb=${LOUPE_ENGINE_BUDGET_KB:-115}
over=0

# Prints each file's raw and gzipped bytes and their gzipped total against a budget in KB.
measure() {
  local label=$1 budget=$2 total=0 file raw gz
  shift 2
  for file in "$@"; do
    [[ -f "$file" ]] || continue
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total=$((total + gz))
    printf '%-44s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
  done
  printf '%-44s %10s %10d (budget %d KB = %d bytes)\n' "$label" "" "$total" "$budget" $((budget * 1000))
  if [[ $total -gt $((budget * 1000)) ]]; then
    echo "$label: size budget exceeded by $((total - budget * 1000)) bytes" >&2
    over=1
  fi
}

printf '%-44s %10s %10s\n' file bytes gzipped
measure "first load, gzipped" "$budget_kb" dist/index.html dist/loupe-app-*.js dist/shell-*.js dist/loupe-app-*.wasm dist/*.css
measure "engine module, first load, gzipped" "$engine_budget_kb" dist/loupe-engine.js dist/loupe-engine_bg.wasm
if [[ "${1:-}" == "--check" && $over -ne 0 ]]; then
  exit 1
fi
