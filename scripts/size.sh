#!/usr/bin/env bash
# Reports the size of each first-load file of the built site (dist/): raw, gzipped (gzip -9) and
# brotli (the `.br` copy `loupe build` writes beside it), and their totals, for the app's first
# load (html, which holds the stylesheet, + js + wasm) and for the headless engine module
# (loupe-engine.js + its wasm); with --check, fails when a total exceeds its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
# Budgets: the figures last measured (first load 297.9 / 238.1 KB gzipped / brotli, of which
# index.html, with the seed's prerendered page and the inlined stylesheet, is 15.9 / 13.1 KB; the
# engine module 85.0 / 71.8 KB) plus about 1 KB. This round: a keystroke's idle work (the rest
# of a new list's page, the panel's counts) and first cards sized to the window (+1.1 KB, for a
# keystroke p95 at 1,000 articles of 44 ms against 76 ms; README, "Issue 15"), from 296.9 / 236.9.
# Stop 32: a searched word marked inside a ticked theme's evidence (two highlight layers) and
# "Show more" moving focus to the first card it adds, +0.8 / +0.4 KB (299.8 / 239.3 KB measured).
budget_kb=${LOUPE_SIZE_BUDGET_KB:-300}
budget_br_kb=${LOUPE_SIZE_BUDGET_BR_KB:-240}
engine_budget_kb=${LOUPE_ENGINE_BUDGET_KB:-86}
engine_budget_br_kb=${LOUPE_ENGINE_BUDGET_BR_KB:-73}
over=0

# Prints each file's raw, gzipped and brotli bytes and the totals against budgets in KB (a brotli
# budget of 0 is not checked).
measure() {
  local label=$1 budget=$2 budget_br=$3 total=0 total_br=0 file raw gz br
  shift 3
  for file in "$@"; do
    [[ -f "$file" ]] || continue
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    br=$(stat -c %s "$file.br" 2>/dev/null || echo 0)
    total=$((total + gz))
    total_br=$((total_br + br))
    printf '%-44s %10d %10d %10d\n' "${file#dist/}" "$raw" "$gz" "$br"
  done
  printf '%-44s %10s %10d %10d (budgets %d KB gzipped, %d KB brotli)\n' "$label" "" "$total" "$total_br" "$budget" "$budget_br"
  if [[ $total -gt $((budget * 1000)) ]]; then
    echo "$label: gzipped size budget exceeded by $((total - budget * 1000)) bytes" >&2
    over=1
  fi
  if [[ $budget_br -gt 0 && $total_br -gt $((budget_br * 1000)) ]]; then
    echo "$label: brotli size budget exceeded by $((total_br - budget_br * 1000)) bytes" >&2
    over=1
  fi
}

printf '%-44s %10s %10s %10s\n' file bytes gzipped brotli
measure "first load" "$budget_kb" "$budget_br_kb" dist/index.html dist/loupe-app-*.js dist/shell-*.js dist/loupe-app-*.wasm
measure "engine module, first load" "$engine_budget_kb" "$engine_budget_br_kb" dist/loupe-engine.js dist/loupe-engine_bg.wasm
if [[ "${1:-}" == "--check" && $over -ne 0 ]]; then
  exit 1
fi
