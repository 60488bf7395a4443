//! Bad imports: each gives a specific readable error and leaves the store unchanged.

use claimmark::annotation::{Annotation, Op, Store};
use claimmark::w3c::{export_collection, import_into, ExportOptions, ImportMode, ImportOptions};
use claimmark::Span;

const TEXT: &str = "North Korea said “talks” may resume. South Korea welcomed it. 😀 end.";

fn store() -> Store {
    let mut st = Store::new(TEXT);
    let a = Annotation::new(
        "keep",
        TEXT,
        Span::new(0, 11),
        "fact",
        "n",
        "2024-01-01T00:00:00Z",
    )
    .unwrap();
    st.apply(Op::Add(a)).unwrap();
    st
}

fn ann(id: &str, selector: &str) -> String {
    format!(
        r#"{{"type":"Annotation","id":"{id}","body":{{"type":"TextualBody","purpose":"tagging","value":"fact"}},"target":{{"source":"urn:x:y","selector":{selector}}}}}"#
    )
}

fn expect_error(json: &str, needles: &[&str]) {
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let mut st = store();
        let before = st.annotations().to_vec();
        let opts = ImportOptions {
            mode,
            time: "2024-01-02T00:00:00Z",
            block_count: Some(3),
        };
        let e = import_into(&mut st, json, &opts).expect_err("should fail");
        for n in needles {
            assert!(
                e.message.contains(n),
                "error {:?} should mention {n:?}",
                e.message
            );
        }
        assert_eq!(
            st.annotations(),
            &before[..],
            "store changed by a failed import"
        );
        assert!(st.can_undo(), "history kept");
        assert_eq!(
            st.undo().map(|c| c.removed),
            Some(vec!["keep".to_string()]),
            "no new undo step"
        );
    }
}

#[test]
fn bad_inputs_name_the_problem_and_change_nothing() {
    let tq = r#"{"type":"TextQuoteSelector","exact":"South Korea"}"#;
    let good = ann("g", tq);
    expect_error("not json", &["not valid JSON", "byte 0"]);
    expect_error("", &["not valid JSON"]);
    expect_error("42", &["expected an Annotation", "number"]);
    expect_error(r#"{"type":"Person"}"#, &["Person"]);
    expect_error(&format!("[{good}, 5]"), &["item 2", "must be an object"]);
    expect_error(
        &ann("x", r#"{"type":"TextPositionSelector","start":9,"end":4}"#),
        &["item 1", "TextPositionSelector.end (4) is before start (9)"],
    );
    expect_error(
        &ann("x", r#"{"type":"TextPositionSelector","start":-1,"end":4}"#),
        &[
            "item 1",
            "TextPositionSelector.start must be a non-negative integer",
        ],
    );
    expect_error(
        &ann(
            "x",
            r#"{"type":"TextPositionSelector","start":1e300,"end":1e301}"#,
        ),
        &["TextPositionSelector.start must be a non-negative integer"],
    );
    expect_error(
        &ann(
            "x",
            r#"{"type":"TextPositionSelector","start":1.5,"end":4}"#,
        ),
        &["non-negative integer (found 1.5)"],
    );
    expect_error(
        &ann(
            "x",
            r#"{"type":"TextPositionSelector","start":"1","end":4}"#,
        ),
        &["found string"],
    );
    expect_error(
        &ann(
            "x",
            r#"{"type":"TextPositionSelector","start":0,"end":9999}"#,
        ),
        &["past the end of the text"],
    );
    expect_error(
        &ann("x", r#"{"type":"TextQuoteSelector","exact":7}"#),
        &["exact must be a string"],
    );
    expect_error(
        &ann("x", r#"{"type":"TextQuoteSelector"}"#),
        &["exact is missing"],
    );
    // claimmark's own hint about the quote's other copies.
    let copies = |c: &str| {
        ann(
            "x",
            &format!(r#"{{"type":"TextQuoteSelector","exact":"Korea","claimmark:copies":{c}}}"#),
        )
    };
    for bad in ["{}", "3", "[2,-1]", "[2,0,1.5]", r#"[2,0,"5"]"#] {
        expect_error(
            &copies(bad),
            &[
                "item 1",
                "claimmark:copies must be an array of non-negative integers",
            ],
        );
    }
    expect_error(
        &good.replace("\"id\":\"g\",", ""),
        &["item 1", "id is missing"],
    );
    expect_error(
        &good.replace("\"Annotation\"", "\"Note\""),
        &["expected an Annotation"],
    );
    expect_error(
        &format!("[{good},{}]", good.replace("\"Annotation\"", "\"Note\"")),
        &["item 2", "type must be \"Annotation\""],
    );
    expect_error(
        &format!("[{good},{good}]"),
        &["items 1 and 2 have the same id \"g\""],
    );
    expect_error(
        &good.replace(r#""body":{"#, r#""body":7,"x":{"#),
        &["body must be an object, an array or a string (found number)"],
    );
    expect_error(
        r#"{"type":"AnnotationCollection","first":"https://x.org/page1"}"#,
        &["first page is a link"],
    );
    expect_error(
        &format!(r#"{{"type":"AnnotationPage","items":[{good}],"next":"https://x.org/p2"}}"#),
        &["next page"],
    );
    // Hostile sizes and depth.
    let huge = format!(
        r#"{{"type":"Annotation","id":"{}"}}"#,
        "a".repeat(50 * 1024 * 1024)
    );
    expect_error(&huge, &["too large", "at most 16 MB"]);
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    expect_error(&deep, &["nesting deeper than 128"]);
    expect_error(&ann(&"i".repeat(5000), tq), &["id is too long"]);
    let long_tag = good.replace(
        r#""value":"fact""#,
        &format!(r#""value":"{}""#, "t".repeat(300)),
    );
    expect_error(&long_tag, &["tag is too long"]);
    // Block choices for this very text must name existing blocks.
    let mut st = store();
    st.apply(Op::SetBlock {
        block: 2,
        in_article: Some(true),
    })
    .unwrap();
    let export = export_collection(&st, &ExportOptions::default());
    expect_error(
        &export.replace(r#""block":2"#, r#""block":99"#),
        &["block 99 does not exist"],
    );
}

#[test]
fn proto_keys_and_scripts_are_plain_data() {
    let json = r#"{"type":"Annotation","id":"p","__proto__":{"polluted":true},"constructor":{"prototype":1},
      "body":[{"type":"TextualBody","purpose":"commenting","value":"<script>alert(1)</script>"},
              {"type":"TextualBody","purpose":"__proto__","value":"x"}],
      "target":{"source":"urn:x","selector":{"type":"TextQuoteSelector","exact":"South Korea","__proto__":"y"}}}"#;
    let mut st = store();
    let opts = ImportOptions {
        mode: ImportMode::Merge,
        time: "2024-01-02T00:00:00Z",
        block_count: None,
    };
    let (_, r) = import_into(&mut st, json, &opts).unwrap();
    assert_eq!((r.imported, r.orphans), (1, 0));
    let a = st.get("p").unwrap();
    assert_eq!(a.note, "<script>alert(1)</script>");
    assert_eq!(a.tag, "untagged");
    assert_eq!(a.extra, vec![("__proto__".to_string(), "x".to_string())]);
    assert_eq!(a.quote, "South Korea");
}
