//! `claimmark score`: score students' W3C annotation files against a key, and
//! the class's agreement. The key is a W3C file or the teacher's exercise file
//! (which also gives the article). Files that fail to import (invalid, or made
//! for a different article) are listed and skipped; duplicate files and
//! creators are warned about on stderr. Exit 1 when no student file could be read.

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::classroom::{exercise_article, label, score, AnnotationSet, DuplicateKind};
use claimmark::json::write_str;
use claimmark::segment::{normalize_newlines, segment, Document};

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
    if a.students.is_empty() {
        return Err(usage("score needs at least one STUDENT.json"));
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

fn read(file: &str) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))
}

/// The article: from `--text`, else from the key when it is an exercise file;
/// with both, they must be the same text.
fn article(a: &Args, key_json: Option<&str>) -> Result<String, Fail> {
    let from_key = match (&a.key, key_json) {
        (Some(k), Some(json)) => {
            exercise_article(json).map_err(|e| input(format!("key {k}: {e}")))?
        }
        _ => None,
    };
    match (&a.text, from_key) {
        (Some(t), from_key) => {
            let text = read_input(Some(t), false)?;
            if let (Some(ex), Some(k)) = (from_key, &a.key) {
                if normalize_newlines(&ex) != normalize_newlines(&text) {
                    return Err(input(format!(
                        "key {k} is an exercise for a different article than --text {t} (leave out --text to score the exercise's article)"
                    )));
                }
            }
            Ok(text)
        }
        (None, Some(ex)) => Ok(ex),
        (None, None) => Err(usage(
            "score needs --text ARTICLE, or an exercise file as --key (it holds the article)",
        )),
    }
}

/// One warning line per duplicate group (stderr).
fn warnings(report: &claimmark::classroom::ClassReport, sets: &[AnnotationSet]) -> Vec<String> {
    let name = |i: usize| label(&sets[i].name, sets[i].creator.as_deref());
    let list = |v: &[usize]| v.iter().map(|&i| name(i)).collect::<Vec<_>>().join(", ");
    report
        .duplicates
        .iter()
        .map(|d| match d.kind {
            DuplicateKind::SameAsKey => format!(
                "{} has exactly the key's annotations: left out",
                list(&d.files)
            ),
            DuplicateKind::Repeated => format!(
                "{} have the same annotations: counted once (as {}), {} left out",
                list(&d.files),
                name(d.files[0]),
                list(&d.left_out)
            ),
            DuplicateKind::Copied => format!(
                "{} have the same annotations but different creators: all counted, check them",
                list(&d.files)
            ),
            DuplicateKind::SameCreator => format!(
                "{} files by {:?}: {} (all counted; leave out the older one if one student handed in twice)",
                d.files.len(),
                d.creator.as_deref().unwrap_or(""),
                d.files
                    .iter()
                    .map(|&i| sets[i].name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
        .collect()
}

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let a = parse(args)?;
    let key_json = match &a.key {
        Some(k) => Some(read(k).map_err(|e| input(format!("key {k}: {e}")))?),
        None => None,
    };
    let text = article(&a, key_json.as_deref())?;
    let doc: Document = segment(&text);
    let key = match (&a.key, &key_json) {
        (Some(k), Some(json)) => Some(
            AnnotationSet::key_from_json(&doc, k, json)
                .map_err(|e| input(format!("key {k}: {e}")))?,
        ),
        _ => None,
    };
    let mut students = vec![];
    let mut failed = vec![];
    for f in &a.students {
        match read(f).and_then(|json| AnnotationSet::from_w3c(&doc, f, &json)) {
            Ok(s) => students.push(s),
            Err(e) => failed.push((f.clone(), e)),
        }
    }
    for (f, e) in &failed {
        eprintln!("claimmark: skipped {f}: {e}");
    }
    if students.is_empty() {
        return Err(input(format!(
            "no student file could be read ({} given; the errors are above)",
            a.students.len()
        )));
    }
    let report = score(&doc, key.as_ref(), &students);
    for w in warnings(&report, &students) {
        eprintln!("claimmark: warning: {w}");
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
