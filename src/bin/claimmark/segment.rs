//! `claimmark segment`: page text → Document JSON (code points), outline, or JSONL batch.

use crate::{input, read_input, usage, write_out, Fail, Opts};
use claimmark::json::{self, Value};
use claimmark::segment::{segment, Document};
use claimmark::text::Unit;
use std::io::{self, BufRead, Write};

pub(crate) fn run(o: Opts) -> Result<(), Fail> {
    if o.jsonl {
        return segment_jsonl(&o);
    }
    let text = read_input(o.file.as_deref(), o.lossy)?;
    let doc = segment(&text);
    match o.format.as_deref() {
        None | Some("json") => write_out(&(doc.to_json(Unit::Codepoint, true) + "\n")),
        Some("text") => write_out(&outline(&doc)),
        Some(f) => Err(usage(format!("unknown --format {f:?} (json or text)"))),
    }
}

/// A readable outline: one line per block, sentences indented below it.
fn outline(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        let label = match b.reason {
            Some(r) => format!("{} ({})", b.kind.name(), r.name()),
            None => b.kind.name().to_string(),
        };
        out.push_str(&format!("[{label}]\n"));
        for s in &b.sentences {
            out.push_str("    ");
            out.push_str(s.of(&doc.text));
            out.push('\n');
        }
    }
    for q in &doc.quotes {
        let who = q.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("?");
        out.push_str(&format!(
            "[quote {} — {who}] {}\n",
            q.kind.name(),
            q.span.of(&doc.text)
        ));
    }
    out
}

fn segment_jsonl(o: &Opts) -> Result<(), Fail> {
    let name = o.file.as_deref().unwrap_or("-");
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(io::stdin().lock())
    } else {
        let f = std::fs::File::open(name).map_err(|e| input(format!("cannot read {name}: {e}")))?;
        Box::new(io::BufReader::new(f))
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| input(format!("{name}: {e}")))?;
        let line = match String::from_utf8(line) {
            Ok(s) => s,
            Err(e) if o.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Err(e) => {
                return Err(input(format!(
                    "{name}: line {}: not valid UTF-8 at byte offset {} of the line",
                    n + 1,
                    e.utf8_error().valid_up_to()
                )))
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let v = json::parse(&line).map_err(|e| input(format!("{name}: line {}: {e}", n + 1)))?;
        let id = v.get("id").cloned().unwrap_or(Value::Null);
        let text = v.get("text").and_then(Value::as_str).ok_or_else(|| {
            input(format!(
                "{name}: line {}: missing string field \"text\"",
                n + 1
            ))
        })?;
        let doc = segment(text);
        let rec = format!(
            "{{\"id\":{},\"document\":{}}}\n",
            id.to_json(),
            doc.to_json(Unit::Codepoint, false)
        );
        out.write_all(rec.as_bytes())
            .map_err(|e| input(format!("cannot write output: {e}")))?;
    }
    out.flush()
        .map_err(|e| input(format!("cannot write output: {e}")))
}
