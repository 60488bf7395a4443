//! The seed article (AP page as pasted from the browser): every line's label and the metadata.

mod common;

use claimmark::segment::{segment, BlockKind, Document, Reason};

use BlockKind::*;

/// The labels of the blocks whose text starts with `prefix` (all of them, in order).
fn labels_of(doc: &Document, prefix: &str) -> Vec<(BlockKind, Option<Reason>)> {
    doc.blocks
        .iter()
        .filter(|b| b.span.of(&doc.text).starts_with(prefix))
        .map(|b| (b.kind, b.reason))
        .collect()
}

fn seed() -> Option<Document> {
    common::seed_text().map(|t| segment(&t))
}

#[test]
fn seed_article_parts() {
    let Some(doc) = seed() else { return };
    let first = &doc.blocks[0];
    assert_eq!(first.kind, Headline);
    assert_eq!(
        labels_of(&doc, "Jul 26, 2021, 8:34 PM | Updated"),
        vec![(Timestamp, None)]
    );
    // The cut-off caption and the full one.
    assert_eq!(
        labels_of(&doc, "Pyongyang citizens visit"),
        vec![(Caption, None), (Caption, None)]
    );
    assert_eq!(
        labels_of(&doc, "(AP Photo/Jon Chol Jin)"),
        vec![(Credit, None)]
    );
}

#[test]
fn seed_body_is_exactly_the_article() {
    let Some(doc) = seed() else { return };
    let body: Vec<&str> = doc.body().map(|b| b.span.of(&doc.text)).collect();
    assert!(
        body[0].starts_with("SEOUL, South Korea (AP) —"),
        "{:?}",
        body[0]
    );
    assert!(
        body.last()
            .unwrap()
            .starts_with("He said North Korea may be hoping"),
        "{:?}",
        body.last()
    );
    assert_eq!(
        body.len(),
        20,
        "every paragraph from the dateline to the end"
    );
    // The body is one contiguous run of blocks.
    let first = doc.blocks.iter().position(|b| b.kind == Paragraph).unwrap();
    let last = doc
        .blocks
        .iter()
        .rposition(|b| b.kind == Paragraph)
        .unwrap();
    assert!(doc.blocks[first..=last]
        .iter()
        .all(|b| matches!(b.kind, Paragraph | Subhead)));
}

#[test]
fn seed_boilerplate_reasons() {
    let Some(doc) = seed() else { return };
    let bp = |r| (Boilerplate, Some(r));
    assert_eq!(
        labels_of(&doc, "Copyright © The Associated Press"),
        vec![bp(Reason::Copyright)]
    );
    let ap = labels_of(&doc, "AP");
    assert_eq!(ap.len(), 1, "one line is exactly or starts with AP");
    assert!(
        ap[0] == bp(Reason::Other) || ap[0] == bp(Reason::Navigation),
        "{ap:?}"
    );
    // Every line of the related-story teasers.
    for prefix in [
        "A model of the house",
        "CIA unveils model",
        "MCLEAN, Virginia (AP)",
        "Foreign Minister of Sri Lanka",
        "Live updates: U.N. General Assembly",
        "UNITED NATIONS (AP) — The Latest",
        "A Police officer detains",
        "Kremlin stages votes",
        "Hundreds of people were arrested",
        "Andy Huynh, left",
        "‘We got our miracle’",
        "BIRMINGHAM, Ala. (AP)",
        "Foreign Minister of Russia",
        "On Ukraine, Russia repeats",
        "UNITED NATIONS (AP) — Russia made",
        "Environmental Protection Agency",
        "Biden administration launches",
        "WARRENTON, N.C. (AP)",
    ] {
        assert_eq!(
            labels_of(&doc, prefix),
            vec![bp(Reason::Related)],
            "teaser line {prefix:?}"
        );
    }
    assert_eq!(
        labels_of(&doc, "Associated Press"),
        vec![bp(Reason::Related); 6]
    );
    assert_eq!(
        labels_of(&doc, "16 hours ago"),
        vec![bp(Reason::Related); 6]
    );
    // The sponsored block, all of it.
    for prefix in [
        "Sponsored Articles",
        "...",
        "Children’s Cancer Network",
        "Jace Hyduchak",
        "Day & Night Air",
        "Here are 4 signs",
        "Pool renovations",
        "Dr. Richard Carmona",
        "Great news: Children under 5",
        "After more than two years",
    ] {
        let l = labels_of(&doc, prefix);
        assert!(!l.is_empty(), "{prefix:?} not found");
        assert!(
            l.iter().all(|x| *x == bp(Reason::Sponsored)),
            "sponsored line {prefix:?}: {l:?}"
        );
    }
    assert_eq!(
        doc.blocks.last().map(|b| (b.kind, b.reason)),
        Some(bp(Reason::DuplicateTitle))
    );
}

#[test]
fn seed_metadata() {
    let Some(doc) = seed() else { return };
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Koreas talk again in dormant channels, agree to improve ties")
    );
    assert_eq!(m.published.as_deref(), Some("Jul 26, 2021, 8:34 PM"));
    assert_eq!(m.updated.as_deref(), Some("Jul 27, 2021, 9:27 pm"));
    assert_eq!(m.dateline.as_deref(), Some("SEOUL, South Korea"));
    assert_eq!(m.source.as_deref(), Some("AP"));
    assert_eq!(m.byline, None, "the page names no author");
}

#[test]
fn seed_repeated_keeps_structure() {
    // The whole page pasted three times: body lines repeat with the page, so
    // they stay body; the title (twice per copy) is still a duplicate.
    let Some(text) = common::seed_text() else {
        return;
    };
    let doc = segment(&format!("{text}\n").repeat(3));
    assert_eq!(doc.body().count(), 60);
    let dups = doc
        .blocks
        .iter()
        .filter(|b| b.reason == Some(Reason::DuplicateTitle))
        .count();
    assert!(dups >= 3, "{dups} duplicate titles");
}

/// Throughput of [`blocks::classify`] alone on the seed pasted 1000 times
/// (about 10 MB). Run with `cargo test --release --test seed_blocks -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run in release"]
fn classify_throughput() {
    use claimmark::segment::blocks;
    use std::time::Instant;
    let Some(text) = common::seed_text() else {
        return;
    };
    for copies in [100, 1000] {
        let big = format!("{text}\n").repeat(copies);
        let lines = blocks::lines(&big);
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let l = blocks::classify(&big, &lines);
            best = best.min(t.elapsed().as_secs_f64());
            std::hint::black_box(&l);
        }
        let mb = big.len() as f64 / 1e6;
        println!(
            "classify: {copies} copies, {mb:.2} MB: {:.1} MB/s ({:.2} ms)",
            mb / best,
            best * 1e3
        );
    }
    // Distinct real pages (little repetition): the dev set of the extraction benchmark.
    if let Some(dev) = common::shared_file("conformance/extraction/dev.jsonl") {
        let data = std::fs::read_to_string(dev).unwrap();
        let pages: Vec<String> = data
            .lines()
            .filter_map(|l| claimmark::json::parse(l).ok())
            .filter_map(|v| v.get("page_text")?.as_str().map(str::to_string))
            .collect();
        let lines: Vec<_> = pages.iter().map(|p| blocks::lines(p)).collect();
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for (p, l) in pages.iter().zip(&lines) {
                std::hint::black_box(blocks::classify(p, l));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        let mb = pages.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        println!(
            "classify: {} dev pages, {mb:.2} MB: {:.1} MB/s",
            pages.len(),
            mb / best
        );
    }
}
