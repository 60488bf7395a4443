//! The `export` and `validate` commands, run as the built binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimmark"))
        .args(args)
        .output()
        .unwrap()
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimmark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

const ARTICLE: &str =
    "Kim said “talks” may resume.\r\nSouth Korea welcomed it, officials said.\r\n";
const FOREIGN: &str = r#"[{"@context":"http://www.w3.org/ns/anno.jsonld","id":"https://h.example/a/1","type":"Annotation",
  "body":[{"type":"TextualBody","purpose":"tagging","value":"fact"},{"type":"TextualBody","value":"=1+1"}],
  "target":{"source":"https://news.example/x","selector":[{"type":"TextQuoteSelector","exact":"South Korea welcomed it","prefix":"resume.\n"},{"type":"RangeSelector"}]}},
 {"id":"urn:uuid:6f1c1a8e-0000-4000-8000-000000000001","type":"Annotation","target":{"source":"x","selector":{"type":"TextPositionSelector","start":0,"end":3}}}]"#;

#[test]
fn export_w3c_and_csv_then_validate() {
    let art = tmp("article.txt", ARTICLE);
    let ann = tmp("foreign.json", FOREIGN);
    let (a, f) = (art.to_str().unwrap(), ann.to_str().unwrap());
    let out = bin(&["export", "--format", "w3c", "--text", a, f, "--title", "T"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let w3c = String::from_utf8(out.stdout).unwrap();
    let v = claimmark::json::parse(&w3c).unwrap();
    assert_eq!(
        v.get("type").unwrap().as_str(),
        Some("AnnotationCollection")
    );
    assert_eq!(v.get("total").unwrap().as_f64(), Some(2.0));
    // Code points after \r\n normalisation: "Kim said “talks” may resume.\n" is 29.
    assert!(w3c.contains(r#""start":29,"end":52"#), "{w3c}");
    assert!(w3c.contains(r#""exact":"Kim""#));
    let exported = tmp("exported.json", &w3c);
    let out = bin(&["validate", exported.to_str().unwrap(), "--text", a]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "OK: 2 annotations (2 at their position, 0 by quote, 0 fuzzy, 0 orphans)\n"
    );

    let out = bin(&["export", "--format", "csv", "--text", a, f]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}start,end,tag,quote,note,created,creator,id\r\n"));
    assert!(csv.contains("0,3,untagged,Kim,,"));
    assert!(csv.contains("29,52,fact,South Korea welcomed it,,"));
}

#[test]
fn validate_reports_errors_with_exit_1() {
    let bad = tmp(
        "bad.json",
        r#"{"type":"Annotation","id":"x","target":{"selector":{"type":"TextPositionSelector","start":5,"end":2}}}"#,
    );
    let out = bin(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("INVALID")
            && err.contains("item 1")
            && err.contains("TextPositionSelector.end (2) is before start (5)"),
        "{err}"
    );
    let ok = tmp("ok.json", FOREIGN);
    let out = bin(&["validate", ok.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "OK: 2 annotations\n");
    let out = bin(&[
        "export",
        "--format",
        "xml",
        "--text",
        ok.to_str().unwrap(),
        ok.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_out_names_the_file_after_the_title_and_date() {
    let art = tmp(
        "titled.txt",
        "Koreas talk again, agree to improve ties\n\nKim said so.\n",
    );
    let ann = tmp("foreign2.json", FOREIGN);
    let (a, f) = (art.to_str().unwrap(), ann.to_str().unwrap());
    let dir = art.parent().unwrap().join("out");
    std::fs::create_dir_all(&dir).unwrap();
    let d = dir.to_str().unwrap();
    let out = bin(&[
        "export",
        "--text",
        a,
        f,
        "--out",
        d,
        "--generated",
        "2026-03-04T05:06:07Z",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = dir.join("koreas-talk-again-agree-to-improve-ties-2026-03-04.jsonld");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        want.to_str().unwrap()
    );
    let w3c = std::fs::read_to_string(&want).unwrap();
    assert!(w3c.contains("\"AnnotationCollection\""));
    let out = bin(&[
        "export", "--format", "csv", "--title", "Ünï 2", "--text", a, f, "--out", d,
    ]);
    assert!(out.status.success());
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        path.contains("ünï-2-20") && path.ends_with(".csv"),
        "{path}"
    );
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with('\u{feff}'));
}
