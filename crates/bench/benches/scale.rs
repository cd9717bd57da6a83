//! Core benchmarks at 10, 100 and 1,000 synthetic articles: compile time, encoded size per
//! article, decode time at start-up, the word index's build on the first search, and query latency (facets only, text only, both, a typo).
//!
//! `cargo bench -p loupe-bench` prints, before criterion's own estimates, a table of sizes and
//! of each query kind's median and p95 over a fixed set of queries.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use loupe_bench::{generate, Rng, Vocabulary};
use loupe_corpus::compile::compile_files;
use loupe_corpus::encode::{decode, encode};
use loupe_corpus::guide::suggest;
use loupe_corpus::query::{evaluate, Query};
use loupe_corpus::Corpus;

const SIZES: [usize; 3] = [10, 100, 1000];
const SEED: u64 = 1;

fn vocabulary() -> Vocabulary {
    Vocabulary::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("the seed vocabularies")
}

/// A fixed, varied set of queries of each kind for a corpus.
fn queries(corpus: &Corpus) -> Vec<(&'static str, Vec<Query>)> {
    let mut rng = Rng::new(42);
    let theme = |rng: &mut Rng| corpus.themes[rng.below(corpus.themes.len())].id.clone();
    let entity = |rng: &mut Rng| corpus.entities[rng.below(corpus.entities.len())].id.clone();
    let word = |rng: &mut Rng| {
        let p = &corpus.passages[rng.below(corpus.passages.len())];
        let words: Vec<&str> = p.text.split_whitespace().filter(|w| w.len() >= 6 && w.chars().all(char::is_alphabetic)).collect();
        words.get(rng.below(words.len().max(1))).map_or("trade".to_string(), |w| w.to_lowercase())
    };
    let mut kinds: Vec<(&'static str, Vec<Query>)> = vec![("facets", vec![]), ("text", vec![]), ("facets+text", vec![]), ("typo", vec![])];
    for _ in 0..50 {
        kinds[0].1.push(Query::parse(&format!("theme={}&theme={}&entity={}", theme(&mut rng), theme(&mut rng), entity(&mut rng))));
        kinds[1].1.push(Query::parse(&format!("q={}+{}", word(&mut rng), word(&mut rng))));
        kinds[2].1.push(Query::parse(&format!("q={}&theme={}&entity={}", word(&mut rng), theme(&mut rng), entity(&mut rng))));
        let mut typo: Vec<char> = word(&mut rng).chars().collect();
        let at = rng.below(typo.len());
        typo.remove(at);
        kinds[3].1.push(Query::parse(&format!("q={}", typo.into_iter().collect::<String>())));
    }
    kinds
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The report the README quotes: sizes, compile, decode and word-index times, query medians and
/// p95s (the index built before timing queries).
fn report(vocabulary: &Vocabulary) {
    println!("\n| articles | passages | compile ms | encoded KB | bytes/article | decode ms | index ms | query | median µs | p95 µs |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for n in SIZES {
        let files = generate(vocabulary, n, SEED);
        let started = Instant::now();
        let corpus = compile_files(&files).corpus;
        let compile_ms = started.elapsed().as_secs_f64() * 1e3;
        let bytes = encode(&corpus);
        let started = Instant::now();
        let decoded = decode(&bytes).expect("round trip");
        let decode_ms = started.elapsed().as_secs_f64() * 1e3;
        let started = Instant::now();
        black_box(decoded.index());
        let index_ms = started.elapsed().as_secs_f64() * 1e3;
        let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
        for (kind, list) in queries(&decoded) {
            let mut times: Vec<f64> = Vec::new();
            for _ in 0..5 {
                for q in &list {
                    let started = Instant::now();
                    black_box(evaluate(&decoded, q));
                    times.push(started.elapsed().as_secs_f64() * 1e6);
                }
            }
            times.sort_by(f64::total_cmp);
            rows.push((kind, times));
        }
        // The search box's suggestions, as on each keystroke of two typed searches.
        let mut times: Vec<f64> = Vec::new();
        for _ in 0..5 {
            for typed in ["sanctions", "vladimir pu"] {
                for end in (2..=typed.len()).filter(|&e| typed.is_char_boundary(e)) {
                    let started = Instant::now();
                    black_box(suggest(&decoded, &typed[..end], &Query::default()));
                    times.push(started.elapsed().as_secs_f64() * 1e6);
                }
            }
        }
        times.sort_by(f64::total_cmp);
        rows.push(("suggest (per keystroke)", times));
        for (kind, times) in rows {
            println!(
                "| {n} | {} | {compile_ms:.0} | {:.0} | {} | {decode_ms:.1} | {index_ms:.1} | {kind} | {:.0} | {:.0} |",
                decoded.passages.len(),
                bytes.len() as f64 / 1024.0,
                bytes.len() / n,
                percentile(&times, 0.5),
                percentile(&times, 0.95)
            );
        }
    }
    println!();
}

fn benches(c: &mut Criterion) {
    let vocabulary = vocabulary();
    report(&vocabulary);
    for n in SIZES {
        let files = generate(&vocabulary, n, SEED);
        let corpus = compile_files(&files).corpus;
        let bytes = encode(&corpus);
        let mut group = c.benchmark_group(format!("{n}-articles"));
        group.sample_size(10);
        group.bench_function("compile", |b| b.iter(|| compile_files(black_box(&files))));
        group.bench_function("decode", |b| b.iter(|| decode(black_box(&bytes)).unwrap()));
        for (kind, list) in queries(&corpus) {
            group.bench_with_input(BenchmarkId::new("query", kind), &list, |b, list| {
                b.iter(|| list.iter().map(|q| evaluate(&corpus, q).passages.len()).sum::<usize>())
            });
        }
        group.finish();
    }
}

criterion_group!(scale, benches);
criterion_main!(scale);
