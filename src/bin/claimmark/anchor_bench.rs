//! `claimmark anchor-bench [--seed N] [--shared DIR]`: the re-anchoring benchmark
//! (right / wrong / orphaned per edit kind) on the seed article and the
//! extraction pages of the shared conformance data, plus a timing on ~1 MB.

use crate::{input, write_out, Fail};
use claimmark::anchor::bench;
use claimmark::json::parse;
use claimmark::segment::normalize_newlines;
use std::path::PathBuf;

/// The seed article and the extraction pages under `shared`.
pub(crate) fn texts(shared: &std::path::Path) -> Result<Vec<String>, Fail> {
    let read = |rel: &str| {
        std::fs::read_to_string(shared.join(rel))
            .map_err(|e| input(format!("cannot read {}: {e}", shared.join(rel).display())))
    };
    let mut out = vec![normalize_newlines(&read("seed/ap-koreas-talks-2021.txt")?)];
    for (n, line) in read("conformance/extraction/dev.jsonl")?
        .lines()
        .enumerate()
    {
        if line.trim().is_empty() {
            continue;
        }
        let v = parse(line).map_err(|e| input(format!("dev.jsonl line {}: {e}", n + 1)))?;
        if let Some(t) = v.get("page_text").and_then(|t| t.as_str()) {
            out.push(normalize_newlines(t));
        }
    }
    Ok(out)
}

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let mut seed = 1u64;
    let mut shared = std::env::var_os("CLAIMMARK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => {
                let v = it
                    .next()
                    .ok_or_else(|| crate::usage("--seed needs a number"))?;
                seed = v
                    .parse()
                    .map_err(|_| crate::usage(format!("--seed: not a number: {v}")))?;
            }
            "--shared" => {
                shared = PathBuf::from(
                    it.next()
                        .ok_or_else(|| crate::usage("--shared needs a folder"))?,
                );
            }
            other => {
                return Err(crate::usage(format!(
                    "anchor-bench: unknown argument {other}"
                )))
            }
        }
    }
    let texts = texts(&shared)?;
    let rows = bench::run(&texts, 60, seed);
    let mut out = format!(
        "re-anchoring benchmark, seed {seed}: {} texts, 60 annotations each, export -> edit -> import\n",
        texts.len()
    );
    out.push_str(&bench::table(&rows));
    let big: String = texts.join("\n");
    let (secs, t) = bench::timed(&big, 2000, seed);
    out.push_str(&format!(
        "timing: {} annotations on {:.2} MB after mixed edits re-anchored in {:.0} ms ({} kept right, {} wrong)\n",
        t.kept.iter().sum::<usize>() + t.rewritten.iter().sum::<usize>() + t.deleted.iter().sum::<usize>(),
        big.len() as f64 / 1e6,
        secs * 1e3,
        t.kept[0],
        t.kept[1] + t.rewritten[1] + t.deleted[1]
    ));
    write_out(&out)
}
