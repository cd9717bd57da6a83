//! Compiles the seeds folder (`seeds/`, or `$LOUPE_SEEDS`) into `$OUT_DIR/corpus.bin`, which the
//! app includes with `include_bytes!`. Diagnostics become cargo warnings; a broken vocabulary,
//! or seeds with no usable document, fail the build with the file and line.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=LOUPE_SEEDS");
    let seeds = std::env::var_os("LOUPE_SEEDS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("seeds"));
    println!("cargo:rerun-if-changed={}", seeds.display());
    let compiled = loupe_corpus::compile::compile_dir(&seeds);
    for diagnostic in &compiled.diagnostics {
        println!("cargo:warning={diagnostic}");
    }
    if compiled.corpus.passages.is_empty() {
        let shown: Vec<String> = compiled.diagnostics.iter().map(ToString::to_string).collect();
        panic!("no passages could be compiled from {}:\n{}", seeds.display(), shown.join("\n"));
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, loupe_corpus::encode::encode(&compiled.corpus)).expect("OUT_DIR is writable");
}
