//! Property tests of `segment`: the Document contract on random text and on real
//! pages, offsets in every unit against a naive reference, and JSON validity.

mod common;

use claimmark::json::{parse, Value};
use claimmark::segment::{check_invariants, segment};
use claimmark::text::{OffsetConverter, Unit};

/// xorshift64*: a small deterministic generator (no dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise the segmenter: words, abbreviations, terminators, quotes,
/// dashes, newlines, emoji, combining marks, CJK, right-to-left text.
const PIECES: &[&str] = &[
    "The",
    "talks",
    "U.S.",
    "Dr.",
    "Jan.",
    "3.5",
    "said",
    "Nam",
    " ",
    " ",
    " ",
    "  ",
    ".",
    ". ",
    "? ",
    "! ",
    "...",
    "…",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "(",
    ")",
    "—",
    "-",
    ",",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "😀",
    "👩‍👩‍👧",
    "🇰🇷",
    "e\u{301}",
    "\u{301}",
    "日本語。",
    "مرحبا",
    "SEOUL (AP) — ",
    "©",
    "16 hours ago",
    "Copyright",
    "a.m.",
    "1.",
    "2)",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(120);
    (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

/// Checks offsets of a Document's JSON in `unit` against a naive char walk.
fn check_json_offsets(text: &str, unit: Unit) {
    let doc = segment(text);
    let json = parse(&doc.to_json(unit, true)).expect("valid JSON");
    let norm = json.get("text").and_then(Value::as_str).unwrap();
    assert_eq!(norm, doc.text);
    // Naive reference: byte offset -> unit offset for every char boundary.
    let mut table = std::collections::HashMap::new();
    let mut o = 0;
    for (b, c) in norm.char_indices() {
        table.insert(b, o);
        o += unit.width(c);
    }
    table.insert(norm.len(), o);
    let blocks = json.get("blocks").and_then(Value::as_array).unwrap();
    assert_eq!(blocks.len(), doc.blocks.len());
    for (jb, b) in blocks.iter().zip(&doc.blocks) {
        let at = |k: &str| jb.get(k).and_then(Value::as_f64).unwrap() as usize;
        assert_eq!(at("start"), table[&b.span.start]);
        assert_eq!(at("end"), table[&b.span.end]);
        let sents = jb.get("sentences").and_then(Value::as_array).unwrap();
        for (js, s) in sents.iter().zip(&b.sentences) {
            assert_eq!(
                js.get("start").and_then(Value::as_f64).unwrap() as usize,
                table[&s.start]
            );
            assert_eq!(
                js.get("end").and_then(Value::as_f64).unwrap() as usize,
                table[&s.end]
            );
        }
    }
    // And back: every unit offset converts to the same byte offset.
    let mut conv = OffsetConverter::new(norm, unit);
    for (&b, &u) in &table {
        assert_eq!(conv.to_byte(u), Ok(b));
    }
}

#[test]
fn random_text_keeps_the_contract() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let text = random_text(&mut rng);
        let doc = segment(&text);
        if let Err(e) = check_invariants(&doc) {
            panic!("case {i}: {e}\ninput: {text:?}");
        }
        if i % 10 == 0 {
            check_json_offsets(&text, Unit::Utf16);
            check_json_offsets(&text, Unit::Codepoint);
        }
    }
}

#[test]
fn empty_and_blank_input_give_an_empty_document() {
    for text in ["", " ", "\n\n\t \r\n", "\u{a0}\u{2028}"] {
        let doc = segment(text);
        assert!(doc.blocks.is_empty(), "{text:?}");
        assert!(doc.quotes.is_empty());
        assert_eq!(doc.metadata.title, None);
    }
}

#[test]
fn crlf_and_lf_inputs_segment_alike() {
    let lf =
        "Headline here\n\nFirst sentence of the body. Second one said Kim.\nAnother paragraph.";
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (segment(lf), segment(&crlf));
    assert_eq!(a, b);
}

#[test]
fn real_pages_keep_the_contract() {
    let Some(seed) = common::seed_text() else {
        return;
    };
    let doc = segment(&seed);
    check_invariants(&doc).unwrap();
    check_json_offsets(&seed, Unit::Utf16);
    check_json_offsets(&seed, Unit::Codepoint);
    let Some(dev) = common::shared_file("conformance/extraction/dev.jsonl") else {
        return;
    };
    let mut n = 0;
    for line in std::fs::read_to_string(dev).unwrap().lines() {
        let v = parse(line).unwrap();
        let text = v.get("page_text").and_then(Value::as_str).unwrap();
        let doc = segment(text);
        if let Err(e) = check_invariants(&doc) {
            panic!("page {}: {e}", v.get("id").unwrap().to_json());
        }
        n += 1;
    }
    assert_eq!(n, 91);
}
