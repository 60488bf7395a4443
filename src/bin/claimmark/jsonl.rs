//! The `{"id","text"}` JSON-lines driver shared by `segment --jsonl` and `suggest --jsonl`.

use crate::{input, Fail};
use claimmark::json::{self, Value};
use std::io::{self, BufRead, Write};

/// Reads `{"id":…,"text":…}` lines from FILE (or stdin for `-`), skipping blank lines,
/// and writes one output line per input line: `{"id":<id>` + what `record` returns
/// (which starts with `,` and carries the rest of the object) + `}`. Errors name the
/// file and line: invalid UTF-8 (unless `lossy`), invalid JSON, a missing `text`.
pub(crate) fn run(
    file: Option<&str>,
    lossy: bool,
    mut record: impl FnMut(&str) -> String,
) -> Result<(), Fail> {
    let name = file.unwrap_or("-");
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
            Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
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
        let rec = format!("{{\"id\":{}{}}}\n", id.to_json(), record(text));
        out.write_all(rec.as_bytes())
            .map_err(|e| input(format!("cannot write output: {e}")))?;
    }
    out.flush()
        .map_err(|e| input(format!("cannot write output: {e}")))
}
