//! The web layer in a real browser (headless Chromium via wasm-bindgen-test-runner).
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh
//! sets it up). With fixtures from scripts/wasm-fixtures.sh, also checks that the core
//! gives byte-identical JSON in wasm and natively on the seed and conformance texts.
//! The Document reaches the widget packed (src/web/packed.rs); `check_packed` decodes it
//! with the widget's own decoder and compares it with the JSON form.
#![cfg(target_arch = "wasm32")]

use claimmark::json::{parse, Value};
use claimmark::segment::{Block, BlockKind, Document, Metadata, Quote, QuoteKind, Reason, Speaker};
use claimmark::{Span, Unit};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/www/claim/wasm.js")]
extern "C" {
    /// The widget's decoder of the packed Document.
    fn unpack(packed: &[u32], text: &str) -> JsValue;
}

/// JSON.stringify of the JSON form with the text added and `quotes: null` (the packed
/// form leaves quotes out), as the widget's object would be.
fn json_form(doc: &Document) -> String {
    let v = js_sys::JSON::parse(&doc.to_json(Unit::Utf16, false)).unwrap();
    js_sys::Reflect::set(&v, &"quotes".into(), &JsValue::NULL).unwrap();
    js_sys::Reflect::set(&v, &"text".into(), &doc.text.as_str().into()).unwrap();
    String::from(js_sys::JSON::stringify(&v).unwrap())
}

/// The decoded packed Document stringifies exactly like JSON.parse of the JSON form
/// (same values, same key order): deep-equal.
fn check_packed_doc(doc: &Document) {
    let decoded = unpack(&claimmark::web::pack(doc), &doc.text);
    let got = String::from(js_sys::JSON::stringify(&decoded).unwrap());
    assert_eq!(got, json_form(doc));
}

/// The same, through the Session the widget uses, on page text: its layout equals
/// the full segmentation's.
fn check_packed(text: &str) {
    let doc = claimmark::segment(text);
    let packed = claimmark::web::Session::new(text).document_packed();
    let decoded = unpack(&packed, &doc.text);
    let got = String::from(js_sys::JSON::stringify(&decoded).unwrap());
    assert_eq!(got, json_form(&doc));
}

/// Checks every span of a Document (from the wasm API) against JS string slicing.
fn check_utf16_spans(text: &str, json: &str) {
    let doc = parse(json).expect("segment returns JSON");
    assert_eq!(doc.get("units").and_then(Value::as_str), Some("utf16"));
    let js_text = js_sys::JsString::from(text);
    let blocks = doc.get("blocks").and_then(Value::as_array).unwrap();
    assert!(!blocks.is_empty());
    for b in blocks {
        let at = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64).unwrap() as u32;
        let block_text = String::from(js_text.slice(at(b, "start"), at(b, "end")));
        assert_eq!(block_text, block_text.trim(), "block spans are trimmed");
        for s in b.get("sentences").and_then(Value::as_array).unwrap() {
            let (a, e) = (at(s, "start"), at(s, "end"));
            assert!(at(b, "start") <= a && e <= at(b, "end"));
            let sent = String::from(js_text.slice(a, e));
            assert!(block_text.contains(&sent), "{sent:?} not in {block_text:?}");
            assert!(!sent.is_empty() && sent == sent.trim());
        }
    }
}

/// Segments `text` and checks its UTF-16 JSON form against JS slicing of the normalised
/// text, and the packed form against the JSON form. The classroom module's `segment`
/// (where the widget's `findQuotes` gets quotes) gives that same JSON, and each quote and
/// speaker sliced by JS is the text the core found.
fn check_utf16(text: &str) {
    let doc = claimmark::segment(text);
    let json = claimmark::web::segment(text);
    assert_eq!(json, doc.to_json(Unit::Utf16, false));
    check_utf16_spans(&doc.text, &json);
    let js_text = js_sys::JsString::from(doc.text.as_str());
    let whole = parse(&json).unwrap();
    let quotes = whole.get("quotes").and_then(Value::as_array).unwrap();
    // `quotes` (what findQuotes uses) is that same array.
    assert_eq!(
        parse(&claimmark::web::quotes(text)).unwrap().to_json(),
        whole.get("quotes").unwrap().to_json()
    );
    assert_eq!(quotes.len(), doc.quotes.len());
    let at = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64).unwrap() as u32;
    for (q, want) in quotes.iter().zip(&doc.quotes) {
        let got = String::from(js_text.slice(at(q, "start"), at(q, "end")));
        assert_eq!(got, want.span.of(&doc.text));
        if let (Some(sp), Some(w)) = (
            q.get("speaker").filter(|v| **v != Value::Null),
            &want.speaker,
        ) {
            let got = String::from(js_text.slice(at(sp, "start"), at(sp, "end")));
            assert_eq!(got, w.span.of(&doc.text));
        }
    }
    check_packed(text);
}

#[wasm_bindgen_test]
fn segment_speaks_utf16_with_emoji_and_combining_marks() {
    let text = "Caf\u{e9} e\u{301}cole 😀 headline 👩‍👩‍👧\n\nShe said “yes 🇰🇷.” Then she left. Another one? Yes!";
    check_utf16(text);
    // Astral characters before and inside quotes and speaker names, CRLF line ends.
    check_utf16("😀😀 Nam 🇰🇷 said: “We will talk 👩‍👩‍👧.”\r\n\r\n“No,” said Kim 😀, “not now.”\r\nE\u{301}mile told reporters “it is e\u{301}nough.”");
    assert_eq!(
        claimmark::segment("😀😀 Nam 🇰🇷 said: “We will talk 👩‍👩‍👧.”")
            .quotes
            .len(),
        1
    );
}

#[wasm_bindgen_test]
fn the_seed_article_unpacks_to_its_json_form() {
    check_packed(include_str!("../www/articles/ap-koreas-talks-2021.txt"));
}

#[wasm_bindgen_test]
fn every_kind_reason_and_string_survives_packing() {
    let text = "Title 😀\nBy A \"B\" \\ C\nBody “quoted,” he said.".to_string();
    let kinds = [
        BlockKind::Headline,
        BlockKind::Byline,
        BlockKind::Timestamp,
        BlockKind::Caption,
        BlockKind::Credit,
        BlockKind::Subhead,
        BlockKind::Paragraph,
    ];
    let reasons = [
        Reason::Related,
        Reason::Sponsored,
        Reason::Copyright,
        Reason::Navigation,
        Reason::Share,
        Reason::Advertising,
        Reason::DuplicateTitle,
        Reason::Other,
    ];
    let block = |kind, reason| Block {
        kind,
        reason,
        span: Span::new(0, 10),
        sentences: vec![Span::new(0, 5), Span::new(6, 10)],
    };
    let mut blocks: Vec<Block> = kinds.iter().map(|&k| block(k, None)).collect();
    blocks.extend(
        reasons
            .iter()
            .map(|&r| block(BlockKind::Boilerplate, Some(r))),
    );
    let s = |x: &str| Some(x.to_string());
    let doc = Document {
        metadata: Metadata {
            title: s("Title 😀 \"x\" \\ \u{1}\n"),
            published: None,
            updated: s(""),
            byline: s("A \"B\""),
            dateline: None,
            source: s("AP"),
        },
        blocks,
        quotes: vec![
            Quote {
                span: Span::new(29, 42),
                kind: QuoteKind::Direct,
                speaker: Some(Speaker {
                    span: Span::new(43, 45),
                    name: "he".into(),
                }),
            },
            Quote {
                span: Span::new(29, 42),
                kind: QuoteKind::Partial,
                speaker: Some(Speaker {
                    span: Span::new(0, 5),
                    name: "Kim 😀 \"K\"".into(),
                }),
            },
            Quote {
                span: Span::new(29, 42),
                kind: QuoteKind::Partial,
                speaker: None,
            },
        ],
        text,
    };
    check_packed_doc(&doc);
    check_packed_doc(&Document::default());
}

#[wasm_bindgen_test]
fn segment_of_empty_input_is_an_empty_document() {
    let doc = claimmark::segment("  \n\t ");
    assert!(doc.blocks.is_empty());
    check_packed("  \n\t ");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(claimmark::web::version(), env!("CARGO_PKG_VERSION"));
}

/// Strings packed as `Session::add` reads them (www/claim/wire.js `pack`): `length:string`,
/// lengths in UTF-16 code units.
fn fields(list: &[&str]) -> String {
    list.iter()
        .map(|f| format!("{}:{f}", f.encode_utf16().count()))
        .collect()
}

/// The reader's snapshot goes to the exchange module and back: export, then an import
/// into an empty state gives wire ops that rebuild the same annotations (emoji and
/// combining marks in the text, a note with quotes, an orphan-free set).
#[wasm_bindgen_test]
fn snapshot_export_import_hand_over_keeps_every_annotation() {
    use claimmark::annotation::{ops_from_json, Op, Store};
    let text = "Caf\u{e9} e\u{301}cole 😀 said “yes 🇰🇷.”\n\nThen she left. Another one?";
    let mut s = claimmark::web::Session::new(text);
    // UTF-16 offsets: "e\u{301}cole" starts at 5; "Then she left." after the blank line.
    let then = text.encode_utf16().count() as u32 - "Then she left. Another one?".len() as u32;
    s.add(
        5,
        11,
        &fields(&["urn:uuid:a", "fact", "n \"q\" 😀", "2026-01-01T00:00:00Z"]),
    )
    .unwrap();
    s.add(
        then,
        then + 14,
        &fields(&["urn:uuid:b", "analysis", "", "2026-01-02T00:00:00Z"]),
    )
    .unwrap();
    let snap = s.snapshot();
    let w3c = claimmark::web::export_w3c(text, &snap, "{}").unwrap();
    let empty = claimmark::annotation::snapshot_json(&Store::new(text));
    let out =
        claimmark::web::import_w3c(text, &empty, &w3c, "merge", "2026-01-03T00:00:00Z", 2).unwrap();
    let out = parse(&out).unwrap();
    assert_eq!(
        out.get("report")
            .and_then(|r| r.get("imported"))
            .and_then(Value::as_f64),
        Some(2.0)
    );
    let ops = ops_from_json(text, &out.get("ops").unwrap().to_json()).unwrap();
    let mut rebuilt = Store::new(text);
    rebuilt.apply(Op::Batch(ops)).unwrap();
    let mut orig = Store::new(text);
    orig.apply(Op::Batch(ops_from_json(text, &snap).unwrap()))
        .unwrap();
    assert_eq!(rebuilt.annotations(), orig.annotations());
    assert_eq!(orig.get("urn:uuid:a").unwrap().quote, "e\u{301}cole");
    assert!(claimmark::web::export_csv(text, &snap)
        .unwrap()
        .contains("Then she left."));
}

#[cfg(wasm_fixtures)]
#[wasm_bindgen_test]
fn wasm_output_equals_native_output_on_conformance_texts() {
    let inputs = include_str!(concat!(env!("CLAIMMARK_FIXTURE_DIR"), "/inputs.jsonl"));
    let expected = include_str!(concat!(env!("CLAIMMARK_FIXTURE_DIR"), "/expected.jsonl"));
    let mut n = 0;
    for (input, want) in inputs.lines().zip(expected.lines()) {
        let v = parse(input).unwrap();
        let text = v.get("text").and_then(Value::as_str).unwrap();
        let got = format!(
            "{{\"id\":{},\"document\":{}}}",
            v.get("id").unwrap().to_json(),
            claimmark::segment(text).to_json(claimmark::Unit::Codepoint, false)
        );
        assert_eq!(
            got,
            want,
            "wasm and native differ on {}",
            v.get("id").unwrap().to_json()
        );
        check_utf16(text);
        n += 1;
    }
    assert_eq!(n, inputs.lines().count());
    assert!(
        n > 300,
        "fixtures cover the seed and the conformance sets ({n})"
    );
    web_sys::console::log_1(&format!("wasm == native on {n} texts").into());
}

/// The classroom module: a key and two students give a report (code points) and
/// CSV; an invalid student file is refused with its reason and the others count;
/// the key loaded again as a student is left out, flagged; an exercise file can be
/// the key; suggestions carry UTF-16 offsets of body sentences.
#[wasm_bindgen_test]
fn review_scores_students_and_suggest_speaks_utf16() {
    let text = "Talks 😀 resume\n\nSEOUL (AP) — The two Koreas met on Monday. \
                Officials said the talks may fail. “We agreed,” said Nam.";
    let mut s = claimmark::web::Session::new(text);
    let doc = parse(&json_form(&claimmark::segment(text))).unwrap();
    let body = doc.get("blocks").and_then(Value::as_array).unwrap()[1].clone();
    let sents = body.get("sentences").and_then(Value::as_array).unwrap();
    let at = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64).unwrap() as u32;
    let (a, b) = (at(&sents[0], "start"), at(&sents[0], "end"));
    s.add(
        a,
        b,
        &fields(&["urn:uuid:k", "fact", "", "2026-01-01T00:00:00Z"]),
    )
    .unwrap();
    let key = claimmark::web::export_w3c(text, &s.snapshot(), "{}").unwrap();
    let mut r = claimmark::web::Review::new(text);
    r.set_key("key.json", &key).unwrap();
    let ana = key.replace("urn:uuid:k", "urn:uuid:a");
    assert_eq!(r.add_student("ana.json", &ana).unwrap(), 1);
    assert!(r.add_student("bad.json", "{\"nope\":1}").is_err());
    assert_eq!(
        r.add_student("ben.json", &key.replace("urn:uuid:k", "urn:uuid:b"))
            .unwrap(),
        2
    );
    assert_eq!(r.add_student("key-again.json", &key).unwrap(), 3);
    let report = parse(&r.report()).unwrap();
    let dups = report.get("duplicates").and_then(Value::as_array).unwrap();
    assert_eq!(
        dups[0].get("kind").and_then(Value::as_str),
        Some("same_as_key")
    );
    assert_eq!(
        report.get("units").and_then(Value::as_str),
        Some("codepoint")
    );
    let students = report.get("students").and_then(Value::as_array).unwrap();
    assert_eq!(students.len(), 2);
    let acc = students[0].get("accuracy").and_then(|v| v.get("value"));
    assert_eq!(acc.and_then(Value::as_f64), Some(1.0));
    assert!(r.csv("students").unwrap().contains("ana.json"));
    assert!(r.csv("nope").is_err());
    // The exercise file as the key: read, and accepted for its own article only.
    let mut ex =
        String::from("{\"type\":\"claimmark-exercise\",\"version\":1,\"title\":\"T\",\"article\":");
    claimmark::json::write_str(&mut ex, text);
    ex.push_str(",\"key\":");
    ex.push_str(&key);
    ex.push('}');
    let info = parse(&claimmark::web::read_exercise(&ex).unwrap()).unwrap();
    assert_eq!(info.get("article").and_then(Value::as_str), Some(text));
    assert_eq!(info.get("key"), Some(&Value::Bool(true)));
    assert!(claimmark::web::read_exercise(&key).is_err());
    r.set_key("exercise.json", &ex).unwrap();
    assert!(claimmark::web::Review::new("Another text.")
        .set_key("exercise.json", &ex)
        .is_err());
    let sug = parse(&claimmark::web::suggest(text)).unwrap();
    let js_text = js_sys::JsString::from(text);
    let list = sug.as_array().unwrap();
    assert_eq!(list.len(), 3);
    let first = String::from(js_text.slice(at(&list[0], "start"), at(&list[0], "end")));
    assert_eq!(first, "SEOUL (AP) — The two Koreas met on Monday.");
    assert_eq!(list[2].get("tag").and_then(Value::as_str), Some("quote"));
}
