//! Helpers shared by the integration tests: locating `../shared` (conformance data),
//! running the CLI.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data folder: `$CLAIMMARK_SHARED`, else `../shared` beside the checkout.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("CLAIMMARK_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// A file under the shared folder, or `None` with a clear SKIP message on stderr.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    let p = shared_dir().map(|d| d.join(rel));
    match p {
        Some(p) if p.is_file() => Some(p),
        _ => {
            eprintln!(
                "SKIP: shared data {rel} not found (set CLAIMMARK_SHARED to the shared folder, default ../shared)"
            );
            None
        }
    }
}

/// The seed article's text, if the shared folder is present.
pub fn seed_text() -> Option<String> {
    shared_file("seed/ap-koreas-talks-2021.txt").map(|p| std::fs::read_to_string(p).unwrap())
}

/// Runs the `claimmark` CLI with `args`, writing `stdin` to its standard input.
pub fn run_cli(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimmark"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}
