//! Every exported annotation passes the MUST-level assertions of the W3C Web
//! Annotation test suite (`../shared/conformance/w3c-annotation/validate.py`).

mod common;

use claimmark::annotation::{Annotation, Op, Store};
use claimmark::json::{parse, Value};
use claimmark::w3c::{export_collection, ExportOptions};
use claimmark::Span;
use std::process::Command;

fn python_ready() -> bool {
    Command::new("python3")
        .args(["-c", "import jsonschema, referencing"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Many annotations on the seed: every tag, awkward notes, odd ids, an orphan.
fn seed_store(text: &str) -> Store {
    let mut st = Store::new(text);
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let notes = [
        "",
        "He said \"no\" — twice",
        "line one\nline two\r\n\ttabbed",
        "emoji 😀👩‍👩‍👧 and flags 🇰🇷",
        "combining: e\u{301}cole, n\u{303}, a\u{30a}",
        "<script>alert(1)</script>",
    ];
    for i in 0..120 {
        let w0 = (i * 7) % (words.len() - 12);
        let (start, _) = words[w0];
        let (s_last, last) = words[w0 + i % 11];
        let span = Span::new(start, s_last + last.len());
        let id = match i % 4 {
            0 => format!("{:08x}-0000-4000-8000-{:012x}", i, i * 31),
            1 => format!("https://example.org/anno/{i}"),
            2 => format!("local id {i}/é"),
            _ => format!("urn:uuid:{:08x}-1111-4111-8111-{:012x}", i, i),
        };
        let tag = ["fact", "analysis", "quote"][i % 3];
        let time = if i % 5 == 0 {
            "t0".to_string()
        } else {
            format!("2024-05-{:02}T10:00:00Z", 1 + i % 28)
        };
        let mut a = Annotation::new(id, text, span, tag, notes[i % notes.len()], time).unwrap();
        if i % 3 == 0 {
            a.creator = Some("Reader O\u{301}ne".into());
        }
        if i % 6 == 0 {
            a.extra = vec![
                ("describing".into(), "kept from another tool".into()),
                ("x-private".into(), "unknown purpose".into()),
                (String::new(), "https://example.org/linked".into()),
            ];
        }
        if i == 119 {
            a.span = None; // an orphan
        }
        st.apply(Op::Add(a)).unwrap();
    }
    st
}

#[test]
fn every_exported_annotation_passes_the_w3c_musts() {
    let Some(text) = common::seed_text() else {
        return;
    };
    let Some(validate) = common::shared_file("conformance/w3c-annotation/validate.py") else {
        return;
    };
    if !python_ready() {
        eprintln!("SKIP: python3 with jsonschema/referencing is not available");
        return;
    }
    let text = claimmark::segment::normalize_newlines(&text);
    let st = seed_store(&text);
    let opts = ExportOptions {
        title: Some("Koreas talks".into()),
        creator: Some("Reader".into()),
        source: Some("https://apnews.com/article/koreas-talks".into()),
        generated_at: Some("2024-06-01T12:00:00Z".into()),
    };
    let coll = parse(&export_collection(&st, &opts)).unwrap();
    let ctx = coll.get("@context").unwrap().clone();
    let items = coll
        .get("first")
        .unwrap()
        .get("items")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(items.len(), 120);
    // Quotes that recur carry claimmark:copies: validated with the rest.
    assert!(items
        .iter()
        .any(|i| i.to_json().contains("\"claimmark:copies\"")));
    let dir = std::env::temp_dir().join(format!("claimmark-w3c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = vec![];
    for (i, item) in items.iter().enumerate() {
        // A consumer reads each item with the collection's @context.
        let Value::Object(mut m) = item.clone() else {
            panic!("item {i} is not an object")
        };
        m.insert(0, ("@context".into(), ctx.clone()));
        let f = dir.join(format!("a{i:03}.json"));
        std::fs::write(&f, Value::Object(m).to_json()).unwrap();
        files.push(f);
    }
    let out = Command::new("python3")
        .arg(&validate)
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    let mut passed = 0;
    let mut total = 0;
    let mut per_file = 0;
    for line in stdout
        .lines()
        .filter(|l| l.contains("MUST assertions passed"))
    {
        let frac = line
            .rsplit(": ")
            .next()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        let (p, n) = frac.split_once('/').unwrap();
        let (p, n): (usize, usize) = (p.parse().unwrap(), n.parse().unwrap());
        passed += p;
        total += n;
        per_file = n;
    }
    println!(
        "{}/{} assertions on {} annotations ({passed}/{total} in all)",
        if passed == total {
            per_file
        } else {
            passed / items.len().max(1)
        },
        per_file,
        items.len()
    );
    assert_eq!(
        total,
        per_file * items.len(),
        "validate.py did not report every file:\n{stdout}"
    );
    assert!(
        per_file >= 54,
        "expected the 54 MUST assertions, found {per_file}"
    );
    assert!(
        out.status.success() && passed == total,
        "failures:\n{stdout}"
    );
}
