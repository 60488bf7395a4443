//! `claimmark suggest`: a suggested tag and its reason for each body sentence,
//! or for `{"id","text"}` lines with `--jsonl`.

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::json::{self, write_str, Value};
use claimmark::segment::segment;
use claimmark::suggest::{features_of, suggest, suggest_text};
use std::io::{self, BufRead, Write};

struct Args {
    file: Option<String>,
    jsonl: bool,
    features: bool,
    lossy: bool,
}

fn parse(args: &[String]) -> Result<Args, Fail> {
    let mut a = Args {
        file: None,
        jsonl: false,
        features: false,
        lossy: false,
    };
    for s in args {
        match s.as_str() {
            "--jsonl" => a.jsonl = true,
            "--features" => a.features = true,
            "--lossy" => a.lossy = true,
            o if o.starts_with("--") => return Err(usage(format!("unknown option {o}"))),
            f => {
                if a.file.replace(f.to_string()).is_some() {
                    return Err(usage("more than one input file given"));
                }
            }
        }
    }
    if a.features && !a.jsonl {
        return Err(usage("--features needs --jsonl"));
    }
    Ok(a)
}

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let a = parse(args)?;
    if a.jsonl {
        return jsonl(&a);
    }
    let text = read_input(a.file.as_deref(), a.lossy)?;
    let doc = segment(&text);
    let mut out = String::new();
    for s in suggest(&doc) {
        out.push_str(&format!(
            "[{}] {}\n    ({})\n",
            s.tag.name(),
            s.sentence.of(&doc.text),
            s.reason
        ));
    }
    write_out(&out)
}

fn jsonl(a: &Args) -> Result<(), Fail> {
    let name = a.file.as_deref().unwrap_or("-");
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
            Err(e) if a.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
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
        let mut rec = format!("{{\"id\":{}", id.to_json());
        if a.features {
            let f: Vec<Value> = features_of(text)
                .into_iter()
                .map(|x| Value::Number(f64::from(x)))
                .collect();
            rec.push_str(",\"features\":");
            rec.push_str(&Value::Array(f).to_json());
        } else {
            let s = suggest_text(text);
            rec.push_str(",\"tag\":");
            write_str(&mut rec, s.tag.name());
            rec.push_str(",\"reason\":");
            write_str(&mut rec, &s.reason);
        }
        rec.push_str("}\n");
        out.write_all(rec.as_bytes())
            .map_err(|e| input(format!("cannot write output: {e}")))?;
    }
    out.flush()
        .map_err(|e| input(format!("cannot write output: {e}")))
}
