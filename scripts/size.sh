#!/usr/bin/env bash
# Reports the size of each first-load file of the built site (dist/): raw, gzipped (gzip -9) and
# brotli (the `.br` copy `loupe build` writes beside it), and their totals; with --check, fails
# when the first load (html + js + wasm + css) exceeds the budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${LOUPE_SIZE_BUDGET_KB:-290}
budget_br_kb=${LOUPE_SIZE_BUDGET_BR_KB:-230}
total=0
total_br=0
printf '%-44s %10s %10s %10s\n' file bytes gzipped brotli
for file in dist/index.html dist/loupe-app-*.js dist/shell-*.js dist/*.wasm dist/*.css; do
  [[ -f "$file" ]] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(stat -c %s "$file.br" 2>/dev/null || echo 0)
  total=$((total + gz))
  total_br=$((total_br + br))
  printf '%-44s %10d %10d %10d\n' "${file#dist/}" "$raw" "$gz" "$br"
done
printf '%-44s %10s %10d %10d\n' "first load" "" "$total" "$total_br"
printf 'budgets: %d KB gzipped, %d KB brotli\n' "$budget_kb" "$budget_br_kb"
if [[ "${1:-}" == "--check" ]]; then
  status=0
  if [[ $total -gt $((budget_kb * 1000)) ]]; then
    echo "gzipped size budget exceeded by $((total - budget_kb * 1000)) bytes" >&2
    status=1
  fi
  if [[ $total_br -eq 0 || $total_br -gt $((budget_br_kb * 1000)) ]]; then
    echo "brotli size budget exceeded (or no .br copies): $total_br bytes" >&2
    status=1
  fi
  exit $status
fi
