//! Compiles the seeds folder (`seeds/`, or `$LOUPE_SEEDS`) into `$OUT_DIR/corpus.bin`, which the
//! app includes with `include_bytes!`. Diagnostics become cargo warnings; a broken vocabulary,
//! or seeds with no usable document, fail the build with the file and line.

fn main() {
    loupe_corpus::compile::run_build_script("seeds");
}
