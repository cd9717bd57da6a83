//! `loupe check` as a curator reads it: each error names its file and line.

use crate::seeds_copy;

#[test]
fn loupe_check_names_the_file_and_line_of_a_bad_sidecar_date() {
    let dir = seeds_copy("dated", "bad-date");
    std::fs::write(dir.join("b-2023.toml"), "# A date as a string.\ndate = \"2023-02-31\"\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_loupe")).args(["check", "--seeds", dir.to_str().unwrap()]).output().unwrap();
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{printed}");
    let expected = format!("{}:2: error: date \"2023-02-31\" is not a calendar date", dir.join("b-2023.toml").display());
    assert!(printed.contains(&expected), "{printed}");
    let _ = std::fs::remove_dir_all(dir);
}
