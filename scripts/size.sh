#!/usr/bin/env bash
# Reports the gzipped size of each file of the built site (dist/) and their total; with
# --check, fails when the first load (html + js + wasm + css) exceeds the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${LOUPE_SIZE_BUDGET_KB:-290}
total=0
printf '%-44s %10s %10s\n' file bytes gzipped
for file in dist/index.html dist/loupe-app-*.js dist/shell-*.js dist/*.wasm dist/*.css; do
  [[ -f "$file" ]] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-44s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
printf '%-44s %10s %10d (budget %d KB = %d bytes)\n' "first load, gzipped" "" "$total" "$budget_kb" $((budget_kb * 1000))
if [[ "${1:-}" == "--check" && $total -gt $((budget_kb * 1000)) ]]; then
  echo "size budget exceeded by $((total - budget_kb * 1000)) bytes" >&2
  exit 1
fi
