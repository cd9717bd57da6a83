//! `loupe-gen`: writes a synthetic seeds folder for benchmarks and scale tests.
//!
//! `cargo run --release -p loupe-bench --bin loupe-gen -- --articles 1000 --seed 1 --out target/seeds-1000`
//! then `LOUPE_SEEDS=$PWD/target/seeds-1000 trunk build --release --dist dist-1000`.

use std::path::PathBuf;
use std::process::ExitCode;

use loupe_bench::{generate, Vocabulary};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let articles: usize = value("--articles").and_then(|v| v.parse().ok()).unwrap_or(100);
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let Some(out) = value("--out").map(PathBuf::from) else {
        eprintln!("usage: loupe-gen --articles N [--seed S] --out DIR [--vocabulary seeds/]");
        return ExitCode::from(2);
    };
    let vocabulary = match Vocabulary::read(&PathBuf::from(value("--vocabulary").unwrap_or_else(|| "seeds".into()))) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("loupe-gen: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("loupe-gen: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    for file in generate(&vocabulary, articles, seed) {
        if let Err(e) = std::fs::write(out.join(&file.name), &file.bytes) {
            eprintln!("loupe-gen: {}: {e}", out.join(&file.name).display());
            return ExitCode::FAILURE;
        }
    }
    println!("{articles} articles (seed {seed}) in {}", out.display());
    ExitCode::SUCCESS
}
