//! Build script: lets the wasm browser tests (tests/web.rs) embed the native
//! fixtures that scripts/wasm-fixtures.sh wrote, when it has run.

fn main() {
    println!("cargo::rerun-if-env-changed=CLAIMMARK_WASM_FIXTURES");
    println!("cargo::rustc-check-cfg=cfg(wasm_fixtures)");
    if let Ok(dir) = std::env::var("CLAIMMARK_WASM_FIXTURES") {
        let dir = std::path::PathBuf::from(dir);
        if dir.join("inputs.jsonl").is_file() && dir.join("expected.jsonl").is_file() {
            println!(
                "cargo::rerun-if-changed={}",
                dir.join("expected.jsonl").display()
            );
            println!("cargo::rustc-cfg=wasm_fixtures");
            println!("cargo::rustc-env=CLAIMMARK_FIXTURE_DIR={}", dir.display());
        }
    }
}
