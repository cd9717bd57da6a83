//! The `loupe` command as a curator runs it: output piped into a reader that stops early.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::repo_root;

/// A seeds folder whose export is larger than a pipe holds (64 KiB): the seed article four times.
fn large_seeds() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-large-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seeds = repo_root().join("seeds");
    for entry in std::fs::read_dir(&seeds).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            for copy in 0..4 {
                std::fs::copy(entry.path(), dir.join(format!("{copy}-{name}"))).unwrap();
            }
        } else {
            std::fs::copy(entry.path(), dir.join(&name)).unwrap();
        }
    }
    dir
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    let seeds = large_seeds();
    let seeds = seeds.to_str().unwrap();
    for args in [&["export", "--seeds", seeds][..], &["check", "--seeds", seeds], &["suggest", "di", "--seeds", seeds]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_loupe")).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("loupe runs");
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The reader has gone after one byte (`| head -c 1`): stdout was dropped above.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {:?}\n{stderr}", output.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(seeds);
}
