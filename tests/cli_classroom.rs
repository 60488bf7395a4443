//! The `claimmark score` and `claimmark suggest` commands, run as a user would.

use claimmark::annotation::{Annotation, Op, Store};
use claimmark::json::{self, Value};
use claimmark::segment::segment;
use claimmark::w3c::{export_collection, ExportOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::run_cli;

const ARTICLE: &str = "Talks resume between the two neighbours\n\n\
The ministers met on Tuesday in Geneva for three hours. They agreed to meet again in May.\n\n\
The deal is likely to collapse soon. Officials said the next round will be hard.\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimmark"))
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "claimmark-cli-classroom-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes a W3C export tagging body sentences (by index) and returns its path.
fn w3c_file(dir: &Path, name: &str, tags: &[(usize, &str)]) -> String {
    let doc = segment(ARTICLE);
    let sents: Vec<_> = doc
        .body()
        .flat_map(|b| b.sentences.iter().copied())
        .collect();
    let mut store = Store::new(doc.text.clone());
    for (k, &(i, tag)) in tags.iter().enumerate() {
        let a = Annotation::new(
            format!("urn:uuid:{name}-{k}"),
            &doc.text,
            sents[i],
            tag,
            "",
            "2024-01-01T00:00:00Z",
        )
        .unwrap();
        store.apply(Op::Add(a)).unwrap();
    }
    let p = dir.join(format!("{name}.json"));
    std::fs::write(&p, export_collection(&store, &ExportOptions::default())).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn score_json_with_key_and_a_broken_file() {
    let d = dir("json");
    let text = d.join("article.txt");
    std::fs::write(&text, ARTICLE).unwrap();
    let key = w3c_file(
        &d,
        "key",
        &[(0, "fact"), (1, "fact"), (2, "analysis"), (3, "quote")],
    );
    let s1 = w3c_file(
        &d,
        "s1",
        &[(0, "fact"), (1, "fact"), (2, "analysis"), (3, "quote")],
    );
    let s2 = w3c_file(&d, "s2", &[(0, "fact"), (1, "analysis"), (2, "analysis")]);
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    let out = bin()
        .args(["score", "--key", &key, "--text"])
        .arg(&text)
        .args([&s1, &s2])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let students = v.get("students").and_then(Value::as_array).unwrap();
    assert_eq!(students.len(), 2);
    let acc = |i: usize| {
        students[i]
            .get("accuracy")
            .and_then(|a| a.get("value"))
            .and_then(Value::as_f64)
            .unwrap()
    };
    assert_eq!(acc(0), 1.0);
    assert_eq!(acc(1), 0.5); // right on 0 and 2; wrong on 1; none on 3
    let failed = v.get("failed").and_then(Value::as_array).unwrap();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]
        .get("file")
        .and_then(Value::as_str)
        .unwrap()
        .ends_with("bad.json"));
    let fleiss = v.get("agreement").and_then(|a| a.get("fleiss")).unwrap();
    assert!(fleiss.get("value").and_then(Value::as_f64).is_some());
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn score_csv_and_text_without_key() {
    let d = dir("csv");
    let text = d.join("article.txt");
    std::fs::write(&text, ARTICLE).unwrap();
    let a = w3c_file(&d, "=a", &[(0, "fact")]);
    let b = w3c_file(&d, "b", &[(0, "analysis")]);
    let out = bin()
        .args(["score", "--format", "csv", "--text"])
        .arg(&text)
        .args([&a, &b])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}student,"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
    let out = bin()
        .args(["score", "--format", "csv", "--table", "sentences", "--text"])
        .arg(&text)
        .args([&a, &b])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    // The split sentence (fact vs analysis) comes first.
    assert!(csv.lines().nth(1).unwrap().starts_with("0,"), "{csv}");
    let out = bin()
        .args(["score", "--format", "text", "--text"])
        .arg(&text)
        .arg(&a)
        .output()
        .unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(
        t.contains("Fleiss' kappa: undefined (fewer than two raters)"),
        "{t}"
    );
    // Usage errors exit 2.
    assert_eq!(
        bin().args(["score", &a]).output().unwrap().status.code(),
        Some(2)
    );
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn suggest_text_and_jsonl() {
    let out = run_cli(&["suggest", "-"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout).unwrap();
    assert_eq!(t.matches("\n    (").count(), 4, "{t}");
    let out = run_cli(
        &["suggest", "--jsonl"],
        "{\"id\":1,\"text\":\"We should never trust such nonsense.\"}\n\n{\"id\":\"b\",\"text\":\"“Go,” she said.\"}\n"
            .as_bytes(),
    );
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| json::parse(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].get("id").and_then(Value::as_f64), Some(1.0));
    assert_eq!(
        lines[0].get("tag").and_then(Value::as_str),
        Some("analysis")
    );
    assert_eq!(lines[1].get("tag").and_then(Value::as_str), Some("quote"));
    assert!(lines[1]
        .get("reason")
        .and_then(Value::as_str)
        .unwrap()
        .contains("she said"));
    // A bad line is an input error (exit 1).
    let out = run_cli(&["suggest", "--jsonl"], b"{oops\n");
    assert_eq!(out.status.code(), Some(1));
}
