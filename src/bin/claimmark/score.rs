//! `claimmark score`: score students' W3C annotation files against a key, and
//! the class's agreement; files that fail to import are listed and skipped.

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::classroom::{score, AnnotationSet};
use claimmark::json::write_str;
use claimmark::segment::{segment, Document};

struct Args {
    key: Option<String>,
    text: Option<String>,
    students: Vec<String>,
    format: String,
    table: String,
}

fn parse(args: &[String]) -> Result<Args, Fail> {
    let mut a = Args {
        key: None,
        text: None,
        students: vec![],
        format: "json".into(),
        table: "students".into(),
    };
    let mut it = args.iter();
    while let Some(s) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match s.as_str() {
            "--key" => a.key = Some(value("--key")?),
            "--text" => a.text = Some(value("--text")?),
            "--format" => a.format = value("--format")?,
            "--table" => a.table = value("--table")?,
            o if o.starts_with("--") => return Err(usage(format!("unknown option {o}"))),
            f => a.students.push(f.to_string()),
        }
    }
    if a.text.is_none() {
        return Err(usage("score needs --text ARTICLE"));
    }
    if !matches!(a.format.as_str(), "json" | "csv" | "text") {
        return Err(usage(format!(
            "unknown --format {:?} (json, csv or text)",
            a.format
        )));
    }
    if !matches!(a.table.as_str(), "students" | "sentences" | "pairs") {
        return Err(usage(format!(
            "unknown --table {:?} (students, sentences or pairs)",
            a.table
        )));
    }
    Ok(a)
}

/// Reads one W3C file into an annotation set for `doc`.
fn load(doc: &Document, file: &str) -> Result<AnnotationSet, String> {
    let json = std::fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))?;
    AnnotationSet::from_w3c(doc, file, &json)
}

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let a = parse(args)?;
    let text = read_input(a.text.as_deref(), false)?;
    let doc = segment(&text);
    let key = match &a.key {
        Some(k) => Some(load(&doc, k).map_err(|e| input(format!("key {k}: {e}")))?),
        None => None,
    };
    let mut students = vec![];
    let mut failed = vec![];
    for f in &a.students {
        match load(&doc, f) {
            Ok(s) => students.push(s),
            Err(e) => failed.push((f.clone(), e)),
        }
    }
    let report = score(&doc, key.as_ref(), &students);
    for (f, e) in &failed {
        eprintln!("claimmark: skipped {f}: {e}");
    }
    let out = match a.format.as_str() {
        "csv" => match a.table.as_str() {
            "sentences" => report.sentences_csv(&doc),
            "pairs" => report.pairs_csv(),
            _ => report.students_csv(),
        },
        "text" => {
            let mut t = report.to_text(&doc, 10);
            for (f, e) in &failed {
                t.push_str(&format!("skipped {f}: {e}\n"));
            }
            t
        }
        _ => {
            let mut j = report.to_json(&doc);
            j.pop(); // the closing brace: add the failed files
            j.push_str(",\"failed\":[");
            for (i, (f, e)) in failed.iter().enumerate() {
                if i > 0 {
                    j.push(',');
                }
                j.push_str("{\"file\":");
                write_str(&mut j, f);
                j.push_str(",\"error\":");
                write_str(&mut j, e);
                j.push('}');
            }
            j.push_str("]}\n");
            j
        }
    };
    write_out(&out)
}
