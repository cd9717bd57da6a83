#!/usr/bin/env bash
# Benchmarks (not part of the tests; timings depend on the machine): the core at 10/100/1,000
# synthetic articles (criterion), then Loupe against MiniSearch + ItemsJS in headless Chromium
# for the seed corpus and 1,000 articles; with --10000, Loupe alone at 10,000 articles too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"

echo "== core (cargo bench)"
cargo bench -p loupe-bench --bench scale -- --warm-up-time 1 --measurement-time 3

echo "== builds for the browser benchmark"
cargo run --quiet --release -p loupe-bench --bin loupe-gen -- --articles 1000 --seed 1 --out target/seeds-1000
mkdir -p target/bench-data
for corpus in seeds target/seeds-1000; do
  name=$(basename "$corpus")
  [[ "$corpus" == seeds ]] && name=seed
  cargo run --quiet --bin loupe -- export --seeds "$corpus" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const c=JSON.parse(s);
        process.stdout.write(JSON.stringify(c.passages.map(p=>({id:p.id,text:p.text,section:p.section,theme:p.themes.map(t=>t.id),entity:p.entities}))))})' \
    > "target/bench-data/$name.json"
done
trunk build --release
cargo run --quiet --release --bin loupe -- build --template dist --seeds target/seeds-1000 --out dist-1000
if [[ "${1:-}" == "--10000" ]]; then
  cargo run --quiet --release -p loupe-bench --bin loupe-gen -- --articles 10000 --seed 1 --out target/seeds-10000
  cargo run --quiet --release --bin loupe -- build --template dist --seeds target/seeds-10000 --out dist-10000
  export LOUPE_BENCH_CORPORA=seed,1000,10000
fi

echo "== browser (headless Chromium)"
node tests/bench/browser-bench.mjs
