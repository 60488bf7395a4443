//! Quotations and speakers on the seed article (AP, Koreas talks, 2021).
//!
//! Checks every quotation of the article body (from the `SEOUL, South Korea (AP)`
//! paragraph to the copyright line) with its kind and speaker. Speaker rule for
//! `X welcomed … and “…,” U.N. deputy spokesman Farhan Haq said`: the speaker is
//! the subject of the speech verb that attributes the words, reduced to the proper
//! name (`Farhan Haq`), not the subject of the writer's paraphrase (Guterres).

mod common;

use claimmark::segment::QuoteKind::{self, Direct, Partial};

/// (kind, start of the quoted words, end of the quoted words, speaker)
const EXPECTED: &[(QuoteKind, &str, &str, &str)] = &[
    (
        Partial,
        "“restore mutual confidence",
        "as soon as possible.”",
        "Moon’s office",
    ),
    (
        Partial,
        "“make a big stride",
        "communication liaison lines.”",
        "The North’s state media",
    ),
    (
        Partial,
        "“fully supports the continued efforts",
        "denuclearization of the Korean Peninsula,”",
        "Farhan Haq",
    ),
    (Partial, "“worst-ever”", "“worst-ever”", "Kim"),
    (
        Direct,
        "“North Korea knows it has to sit down",
        "to make Biden move”",
        "Nam",
    ),
    (
        Direct,
        "“North Korea can also build up",
        "willing to continue dialogue”",
        "Nam",
    ),
];

#[test]
fn seed_body_quotes_and_speakers() {
    let Some(text) = common::seed_text() else {
        return;
    };
    let doc = claimmark::segment(&text);
    let t = &doc.text;
    let body_start = t
        .find("SEOUL, South Korea (AP)")
        .expect("dateline paragraph");
    let body_end = t.find("Copyright ©").expect("copyright line");
    let body: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.span.start >= body_start && q.span.end <= body_end)
        .collect();
    let listing: Vec<String> = body
        .iter()
        .map(|q| {
            format!(
                "{:?} {} <- {:?}",
                q.kind,
                q.span.of(t),
                q.speaker.as_ref().map(|s| s.name.as_str())
            )
        })
        .collect();
    assert_eq!(
        body.len(),
        EXPECTED.len(),
        "body quotes found:\n{}",
        listing.join("\n")
    );
    for (q, &(kind, head, tail, speaker)) in body.iter().zip(EXPECTED) {
        let quoted = q.span.of(t);
        assert!(
            quoted.starts_with(head) && quoted.ends_with(tail),
            "expected {head} … {tail}, found {quoted}"
        );
        assert_eq!(q.kind, kind, "kind of {quoted}");
        let sp = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("no speaker for {quoted}"));
        assert_eq!(sp.name, speaker, "speaker of {quoted}");
        assert_eq!(sp.span.of(t), sp.name);
        // The speaker is named in the same paragraph as the quotation.
        let para = doc
            .blocks
            .iter()
            .find(|b| b.span.contains(q.span))
            .expect("quote inside one block");
        assert!(
            para.span.contains(sp.span),
            "speaker of {quoted} outside its paragraph"
        );
    }
}

#[test]
fn seed_apostrophes_are_not_quotes() {
    let Some(text) = common::seed_text() else {
        return;
    };
    let doc = claimmark::segment(&text);
    let t = &doc.text;
    // Every apostrophe inside or after a word (`Kim’s`, `didn’t`, `countries’ border`).
    let apostrophes: Vec<usize> = t
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '’' | '\'')
                && t[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| i)
        .collect();
    assert!(apostrophes.len() > 10);
    for q in &doc.quotes {
        let s = q.span.of(t);
        assert!(
            s.starts_with(['“', '‘', '"', '\'']),
            "quote does not start with a mark: {s}"
        );
        assert!(
            !apostrophes.contains(&q.span.start),
            "apostrophe taken as an opening mark: {s}"
        );
        if let Some(c) = s.chars().next_back() {
            let last = q.span.end - c.len_utf8();
            // An apostrophe may end a quote only as a real closing mark (`‘…’:`).
            if apostrophes.contains(&last) {
                assert!(
                    s.starts_with(['‘', '\'']),
                    "apostrophe closes a double quote: {s}"
                );
            }
        }
    }
}
