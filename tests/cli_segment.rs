//! The `claimmark segment` and `bench` commands, run as a user would.

use claimmark::json::{parse, Value};
use std::process::Output;

mod common;

use common::run_cli as run;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn segment_prints_a_document_in_code_points() {
    let text = "Headline with 😀 emoji\n\nFirst e\u{301} sentence here. Second one follows.";
    let o = run(&["segment", "-"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = parse(&stdout(&o)).unwrap();
    assert_eq!(doc.get("units").and_then(Value::as_str), Some("codepoint"));
    assert_eq!(doc.get("text").and_then(Value::as_str), Some(text));
    let blocks = doc.get("blocks").and_then(Value::as_array).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let last = blocks.last().unwrap();
    let sents = last.get("sentences").and_then(Value::as_array).unwrap();
    let s = &sents[sents.len() - 1];
    let (a, b) = (
        s.get("start").and_then(Value::as_f64).unwrap() as usize,
        s.get("end").and_then(Value::as_f64).unwrap() as usize,
    );
    assert_eq!(
        chars[a..b].iter().collect::<String>(),
        "Second one follows."
    );
}

#[test]
fn empty_input_is_an_empty_document_not_an_error() {
    let o = run(&["segment"], b"  \n\t\n");
    assert!(o.status.success());
    let doc = parse(&stdout(&o)).unwrap();
    assert_eq!(
        doc.get("blocks").and_then(Value::as_array).map(<[_]>::len),
        Some(0)
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset_or_is_replaced_with_lossy() {
    let bytes = b"Good text \xff\xfe more";
    let o = run(&["segment", "-"], bytes);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not valid UTF-8 at byte offset 10"),
        "{}",
        stderr(&o)
    );
    let o = run(&["segment", "-", "--lossy"], bytes);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Good text \u{fffd}\u{fffd} more"));
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    let o = run(&["segment", "--bogus"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option --bogus"));
    let o = run(&["frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["segment", "/nonexistent/article.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read /nonexistent/article.txt"));
    let o = run(&["segment", "-", "--format", "xml"], b"x");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_after_any_command_prints_usage_and_succeeds() {
    for args in [
        &["--help"][..],
        &["suggest", "--help"],
        &["score", "-h"],
        &["segment", "x.txt", "--help"],
    ] {
        let o = run(args, b"");
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("USAGE:"), "{args:?}");
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn jsonl_batch_keeps_ids_and_reports_bad_lines() {
    let input = "{\"id\":1,\"text\":\"One. Two.\"}\n\n{\"id\":\"b\",\"text\":\"Three?\"}\n";
    let o = run(&["segment", "--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| parse(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].get("id"), Some(&Value::Number(1.0)));
    assert_eq!(lines[1].get("id").and_then(Value::as_str), Some("b"));
    assert!(lines[1]
        .get("document")
        .and_then(|d| d.get("blocks"))
        .is_some());
    let o = run(&["segment", "--jsonl"], b"{\"id\":1}\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("line 1: missing string field \"text\""));
    let o = run(
        &["segment", "--jsonl"],
        b"{\"id\":1,\"text\":\"ok\"}\n{oops\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("line 2: invalid JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn text_outline_lists_kinds_and_sentences() {
    let o = run(
        &["segment", "--format", "text"],
        b"Title line\n\nA body sentence. Another one.",
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("    A body sentence.\n    Another one.\n"),
        "{out}"
    );
}

#[test]
fn bench_reports_throughput() {
    let dir = std::env::temp_dir().join(format!("claimmark-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("in.txt");
    std::fs::write(
        &f,
        "Title\n\nSome sentence. Another sentence here.\n".repeat(50),
    )
    .unwrap();
    let o = run(&["bench", f.to_str().unwrap(), "--runs", "2"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("sentences only:")
            && out.contains("full segmentation:")
            && out.contains("MB/s")
    );
    std::fs::remove_dir_all(dir).ok();
}
