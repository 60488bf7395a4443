//! `claimmark segment`: page text → Document JSON (code points), outline, or JSONL batch.

use crate::{read_input, usage, write_out, Fail, Opts};
use claimmark::segment::{segment, Document};
use claimmark::text::Unit;

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
    crate::jsonl::run(o.file.as_deref(), o.lossy, |text| {
        format!(
            ",\"document\":{}",
            segment(text).to_json(Unit::Codepoint, false)
        )
    })
}
