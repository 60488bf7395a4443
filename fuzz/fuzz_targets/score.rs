//! Fuzz target: classroom scoring never panics and keeps its documented contract.
//! The input is split on NUL bytes into a key (empty: no key) and up to six
//! students' W3C files, each read with `AnnotationSet::from_w3c` against a fixed
//! article as `claimmark score` does (files that fail to read are skipped); then
//! the class is scored and every report is built (CSV tables, JSON, text).
//!
//! Checked (the contract of `claimmark::classroom` and its `kappa`): one label per
//! body sentence; accuracy, precision, recall, F1, top shares and entropies within
//! 0..=1 when defined, F1 undefined only when both sides are empty; κ ≤ 1 and
//! never NaN; one Cohen's κ per pair; the heat map has every sentence once, most
//! disputed first; the JSON report parses; the CSV tables start with a BOM and
//! end their records with CRLF.
#![no_main]

use claimmark::classroom::kappa::Kappa;
use claimmark::classroom::{score, AnnotationSet};
use claimmark::segment::Document;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const TEXT: &str = "Koreas talk again 😀 in dormant channels\n\n\
    SEOUL, South Korea (AP) — North and South Korea held talks on Tuesday. \
    “We agreed to meet again,” said Nam, a Seoul official. Cafe\u{301} owners \
    hope the border will reopen.\n\n\
    The talks are unlikely to end the dispute anytime soon, some experts say. \
    Officials said 1,200 families were separated in 1953!\n\n\
    Why now?\n\n\
    Read more: Follow us on Twitter.";

fn doc() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| claimmark::segment(TEXT))
}

fn unit(v: f64, what: &str) {
    assert!((0.0..=1.0).contains(&v), "{what} = {v} outside 0..=1");
}

fn kappa(k: &Kappa, what: &str) {
    if let Kappa::Value(v) = k {
        assert!(!v.is_nan() && *v <= 1.0, "{what} κ = {v}");
    }
}

fuzz_target!(|data: &[u8]| {
    let doc = doc();
    let mut parts = data.split(|&b| b == 0);
    let key_json = String::from_utf8_lossy(parts.next().unwrap_or(&[]));
    let key = (!key_json.is_empty())
        .then(|| AnnotationSet::from_w3c(doc, "key", &key_json).ok())
        .flatten();
    let students: Vec<AnnotationSet> = parts
        .take(6)
        .enumerate()
        .filter_map(|(i, p)| {
            AnnotationSet::from_w3c(doc, &format!("s{i}"), &String::from_utf8_lossy(p)).ok()
        })
        .collect();

    let r = score(doc, key.as_ref(), &students);
    let n = r.sentences().len();
    let k = r.categories.len();
    assert_eq!(r.categories.name(0), "none");
    if let Some(kr) = &r.key {
        assert_eq!(kr.labels.len(), n);
        assert!(kr.labels.iter().all(|&l| (l as usize) < k));
        assert!(kr.orphans <= kr.annotations.len());
    }
    // Duplicates left out (each file at most once) are the only students not counted.
    let mut left_out: Vec<usize> = r
        .duplicates
        .iter()
        .flat_map(|d| d.left_out.clone())
        .collect();
    left_out.sort_unstable();
    left_out.dedup();
    assert!(left_out.iter().all(|&i| i < students.len()));
    assert_eq!(r.students.len(), students.len() - left_out.len());
    for s in &r.students {
        assert_eq!(s.labels.len(), n, "one label per body sentence");
        assert!(s.labels.iter().all(|&l| (l as usize) < k));
        assert!(s.ignored <= s.annotations);
        assert_eq!(s.accuracy.is_some(), key.is_some());
        if let Some(a) = s.accuracy {
            assert!(a.correct <= a.scored && a.scored + a.unkeyed_tagged <= n);
            if let Some(v) = a.value() {
                unit(v, "accuracy");
            }
        }
        for (tag, o) in &s.tags {
            assert!(o.overlap_chars <= o.key_chars.min(o.student_chars), "{tag}");
            assert_eq!(o.precision.is_none(), o.student_chars == 0, "{tag}");
            assert_eq!(o.recall.is_none(), o.key_chars == 0, "{tag}");
            assert_eq!(
                o.f1.is_none(),
                o.precision.is_none() && o.recall.is_none(),
                "{tag}: F1 undefined only when both sides are empty"
            );
            for (v, m) in [
                (o.precision, "precision"),
                (o.recall, "recall"),
                (o.f1, "f1"),
            ] {
                if let Some(v) = v {
                    unit(v, &format!("{tag} {m}"));
                }
            }
        }
        let key_len = key.as_ref().map_or(0, |k| k.annotations.len());
        assert!(s.missed.iter().all(|&i| i < key_len));
    }

    kappa(&r.fleiss, "Fleiss");
    let m = r.students.len();
    if m < 2 {
        assert!(r.fleiss.value().is_none(), "Fleiss' κ needs two raters");
    }
    assert_eq!(r.cohen.len(), m * m.saturating_sub(1) / 2);
    for p in &r.cohen {
        assert!(p.a < p.b && p.b < m);
        kappa(&p.kappa, "Cohen");
    }
    if let Some(v) = r.cohen_mean() {
        assert!(!v.is_nan() && v <= 1.0, "mean Cohen κ = {v}");
    }

    assert_eq!(r.heat.len(), n);
    let mut seen = vec![false; n];
    for (i, h) in r.heat.iter().enumerate() {
        assert!(!std::mem::replace(&mut seen[h.sentence], true));
        assert_eq!(h.counts.len(), k);
        assert_eq!(h.counts.iter().sum::<u32>() as usize, m);
        unit(h.max_share, "max_share");
        // Normalised entropy; a rounding error above 1 is not a contract breach.
        assert!(
            h.entropy >= 0.0 && h.entropy <= 1.0 + 1e-9,
            "entropy {}",
            h.entropy
        );
        if let Some(next) = r.heat.get(i + 1) {
            let order = next
                .entropy
                .total_cmp(&h.entropy)
                .then(h.max_share.total_cmp(&next.max_share))
                .then(h.sentence.cmp(&next.sentence));
            assert!(order.is_lt(), "heat map order at {i}");
        }
    }

    for csv in [r.students_csv(), r.sentences_csv(doc), r.pairs_csv()] {
        assert!(csv.starts_with('\u{feff}') && csv.ends_with("\r\n"));
    }
    claimmark::json::parse(&r.to_json(doc)).expect("the JSON report parses");
    let _ = r.to_text(doc, 10);
});
