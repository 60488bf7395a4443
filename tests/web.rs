//! The web layer in a real browser (headless Chromium via wasm-bindgen-test-runner).
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh
//! sets it up). With fixtures from scripts/wasm-fixtures.sh, also checks that the core
//! gives byte-identical JSON in wasm and natively on the seed and conformance texts.
#![cfg(target_arch = "wasm32")]

use claimmark::json::{parse, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

#[wasm_bindgen_test]
fn segment_speaks_utf16_with_emoji_and_combining_marks() {
    let text = "Caf\u{e9} e\u{301}cole 😀 headline 👩‍👩‍👧\n\nShe said “yes 🇰🇷.” Then she left. Another one? Yes!";
    check_utf16_spans(text, &claimmark::web::segment(text));
}

#[wasm_bindgen_test]
fn segment_of_empty_input_is_an_empty_document() {
    let doc = parse(&claimmark::web::segment("  \n\t ")).unwrap();
    assert_eq!(
        doc.get("blocks").and_then(Value::as_array).map(<[_]>::len),
        Some(0)
    );
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(claimmark::web::version(), env!("CARGO_PKG_VERSION"));
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
        check_utf16_spans(text, &claimmark::web::segment(text));
        n += 1;
    }
    assert_eq!(n, inputs.lines().count());
    assert!(
        n > 300,
        "fixtures cover the seed and the conformance sets ({n})"
    );
    web_sys::console::log_1(&format!("wasm == native on {n} texts").into());
}
