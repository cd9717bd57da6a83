//! Embeds the app's corpus (`seeds/` at the repository root, or `$LOUPE_SEEDS`) for the engine
//! probe, exactly as the app's build script does.

fn main() {
    loupe_corpus::compile::run_build_script("../../seeds");
}
