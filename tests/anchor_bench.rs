//! Re-anchoring benchmark on the shared seed and extraction pages: prints the
//! right / wrong / orphaned table per edit kind and checks it.
//!
//! Goals (issue 5): ≥ 99 % right where the text still exists — asserted — and 0 wrong
//! where it was deleted — NOT yet reached: the remaining cases are annotations on one
//! of two identical copies (repeated menus, cookie notices) whose copy was deleted.
//! Until that is solved this test guards the level reached ([`DELETED_WRONG_MAX`]) so
//! it cannot get worse, and prints the gap.

mod common;

use claimmark::anchor::bench;
use claimmark::json::parse;
use claimmark::segment::normalize_newlines;

/// Deleted-text annotations placed on surviving text in this run, at most (goal: 0).
const DELETED_WRONG_MAX: usize = 10;

fn texts() -> Option<Vec<String>> {
    let seed = common::seed_text()?;
    let pages = common::shared_file("conformance/extraction/dev.jsonl")?;
    let mut out = vec![normalize_newlines(&seed)];
    let jsonl = std::fs::read_to_string(pages).unwrap();
    // A debug build is slow: the seed plus the first 24 pages (the CLI runs all).
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()).take(24) {
        let v = parse(line).unwrap();
        out.push(normalize_newlines(
            v.get("page_text").unwrap().as_str().unwrap(),
        ));
    }
    Some(out)
}

#[test]
fn reanchoring_goals() {
    let Some(texts) = texts() else { return };
    let rows = bench::run(&texts, 30, 7);
    println!("{}", bench::table(&rows));
    let (mut kept, mut right, mut deleted_wrong) = (0, 0, 0);
    for (_, t) in &rows {
        kept += t.kept.iter().sum::<usize>();
        right += t.kept[0];
        deleted_wrong += t.deleted[1];
    }
    assert!(
        kept > 1000,
        "too few annotations survived to measure: {kept}"
    );
    let rate = right as f64 / kept as f64;
    assert!(
        rate >= 0.99,
        "right where the text still exists: {:.2}% (goal 99%)",
        100.0 * rate
    );
    println!("deleted but placed: {deleted_wrong} (goal 0, guarded at <= {DELETED_WRONG_MAX})");
    assert!(
        deleted_wrong <= DELETED_WRONG_MAX,
        "annotations placed although their text was deleted: {deleted_wrong} (was {DELETED_WRONG_MAX})"
    );
}
