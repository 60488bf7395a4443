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
    w3c_file_on(dir, name, ARTICLE, None, tags)
}

/// The same, on `article`, with the export's `creator`.
fn w3c_file_on(
    dir: &Path,
    name: &str,
    article: &str,
    creator: Option<&str>,
    tags: &[(usize, &str)],
) -> String {
    let doc = segment(article);
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
    let opts = ExportOptions {
        creator: creator.map(str::to_string),
        ..ExportOptions::default()
    };
    std::fs::write(&p, export_collection(&store, &opts)).unwrap();
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
    let v = json::parse(&String::from_utf8_lossy(&out.stdout)).unwrap();
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

/// The teacher's exercise file for ARTICLE with `key` (a W3C export's path) as its key.
fn exercise_file(dir: &Path, key: &str) -> String {
    let mut o = String::from(
        "{\"type\":\"claimmark-exercise\",\"version\":1,\"title\":\"Talks\",\"article\":",
    );
    json::write_str(&mut o, ARTICLE);
    o.push_str(",\"key\":");
    o.push_str(&std::fs::read_to_string(key).unwrap());
    o.push('}');
    let p = dir.join("exercise.json");
    std::fs::write(&p, o).unwrap();
    p.to_string_lossy().into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn score_with_the_exercise_as_key_creators_orphans_and_a_wrong_article() {
    let d = dir("exercise");
    let key = w3c_file(&d, "k", &[(0, "fact"), (1, "fact"), (2, "analysis")]);
    let ex = exercise_file(&d, &key);
    let ana = w3c_file_on(&d, "ana", ARTICLE, Some("Ana"), &[(0, "fact"), (1, "fact")]);
    let other_article = ARTICLE.replace("Geneva", "Vienna");
    let wrong = w3c_file_on(&d, "wrong", &other_article, Some("Bo"), &[(0, "fact")]);
    // Another tool's file (no content hash) with a quote not in the article: an orphan.
    let orphan = d.join("orphan.json");
    std::fs::write(
        &orphan,
        "[{\"type\":\"Annotation\",\"id\":\"urn:x:1\",\"creator\":\"Cy\",\"body\":{\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"fact\"},\"target\":{\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"nowhere in this article at all\"}}}]",
    )
    .unwrap();
    let orphan = orphan.to_string_lossy().into_owned();
    // No --text: the article is the exercise's.
    let out = run_cli(&["score", "--key", &ex, &ana, &wrong, &orphan], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json::parse(&String::from_utf8_lossy(&out.stdout)).unwrap();
    let k = v.get("key").unwrap();
    assert_eq!(k.get("name").and_then(Value::as_str), Some(ex.as_str()));
    assert_eq!(k.get("annotations").and_then(Value::as_f64), Some(3.0));
    let students = v.get("students").and_then(Value::as_array).unwrap();
    assert_eq!(students.len(), 2);
    assert_eq!(
        students[0].get("creator").and_then(Value::as_str),
        Some("Ana")
    );
    let acc = students[0].get("accuracy").unwrap();
    assert_eq!(acc.get("correct").and_then(Value::as_f64), Some(2.0));
    assert_eq!(
        students[1].get("orphans").and_then(Value::as_f64),
        Some(1.0)
    );
    let failed = v.get("failed").and_then(Value::as_array).unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0].get("file").and_then(Value::as_str),
        Some(wrong.as_str())
    );
    let e = failed[0].get("error").and_then(Value::as_str).unwrap();
    assert!(e.starts_with("made for a different article"), "{e}");
    assert!(stderr(&out).contains(&format!("skipped {wrong}: made for a different article")));
    // Text: creators beside the files, orphans on every line.
    let out = run_cli(
        &["score", "--format", "text", "--key", &ex, &ana, &orphan],
        b"",
    );
    let t = String::from_utf8(out.stdout).unwrap();
    assert!(
        t.contains(&format!("Ana ({ana}): 2 annotations, 0 orphans, accuracy")),
        "{t}"
    );
    assert!(
        t.contains(&format!("Cy ({orphan}): 1 annotation, 1 orphan")),
        "{t}"
    );
    assert!(
        t.contains(&format!("key {ex}: 3 annotations, 0 orphans")),
        "{t}"
    );
    // CSV: creator and orphans columns.
    let out = run_cli(
        &["score", "--format", "csv", "--key", &ex, &ana, &orphan],
        b"",
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("\u{feff}student,creator,annotations,ignored,orphans,"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with(&format!("{ana},Ana,2,0,0,")),
        "{csv}"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with(&format!("{orphan},Cy,1,1,1,")),
        "{csv}"
    );
    // --text with the exercise: it must be the exercise's article.
    let text = d.join("article.txt");
    std::fs::write(&text, ARTICLE.replace('\n', "\r\n")).unwrap();
    let text = text.to_string_lossy().into_owned();
    let out = run_cli(&["score", "--text", &text, "--key", &ex, &ana], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::write(&text, &other_article).unwrap();
    let out = run_cli(&["score", "--text", &text, "--key", &ex, &ana], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is an exercise for a different article than --text"));
    // A W3C key needs --text (usage error).
    let out = run_cli(&["score", "--key", &key, &ana], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("score needs --text ARTICLE, or an exercise file as --key"));
    std::fs::remove_dir_all(d).ok();
}

#[test]
fn score_exit_codes_and_duplicate_warnings() {
    let d = dir("exit");
    let text = d.join("article.txt");
    std::fs::write(&text, ARTICLE).unwrap();
    let text = text.to_string_lossy().into_owned();
    let bad = d.join("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let missing = d.join("missing.json").to_string_lossy().into_owned();
    let wrong = w3c_file_on(
        &d,
        "wrong",
        "Another article\n\nIt says other things.\n",
        None,
        &[],
    );
    // Every student file fails: exit 1, each error listed, nothing on stdout.
    for format in ["json", "text", "csv"] {
        let out = run_cli(
            &[
                "score", "--format", format, "--text", &text, &bad, &missing, &wrong,
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let e = stderr(&out);
        for f in [&bad, &missing, &wrong] {
            assert!(e.contains(&format!("skipped {f}: ")), "{e}");
        }
        assert!(e.contains("no student file could be read (3 given"), "{e}");
        assert!(out.stdout.is_empty());
    }
    // No student file at all: usage error.
    assert_eq!(
        run_cli(&["score", "--text", &text], b"").status.code(),
        Some(2)
    );
    // One counts: exit 0, the failure still listed.
    let ana = w3c_file_on(&d, "ana", ARTICLE, Some("Ana"), &[(0, "fact")]);
    let out = run_cli(&["score", "--text", &text, &ana, &bad], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains(&format!("skipped {bad}: not valid JSON")));
    // The same file twice counts once; another file by Ana counts, with a warning.
    let ana2 = w3c_file_on(
        &d,
        "ana-later",
        ARTICLE,
        Some("ana"),
        &[(0, "fact"), (1, "fact")],
    );
    let out = run_cli(&["score", "--text", &text, &ana, &ana, &ana2], b"");
    assert_eq!(out.status.code(), Some(0));
    let e = stderr(&out);
    assert!(
        e.contains(&format!(
            "warning: Ana ({ana}), Ana ({ana}) have the same annotations: counted once"
        )),
        "{e}"
    );
    assert!(
        e.contains(&format!(
            "warning: 2 files by \"Ana\": {ana}, {ana2} (all counted"
        )),
        "{e}"
    );
    let v = json::parse(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(
        v.get("students").and_then(Value::as_array).unwrap().len(),
        2
    );
    assert_eq!(
        v.get("duplicates").and_then(Value::as_array).unwrap().len(),
        2
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
