//! `claimmark suggest`: a suggested tag and its reason for each body sentence,
//! or for `{"id","text"}` lines with `--jsonl`.

use crate::{read_input, usage, write_out, Fail};
use claimmark::json::{write_str, Value};
use claimmark::segment::segment;
use claimmark::suggest::{features_of, suggest, suggest_text};

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
    crate::jsonl::run(a.file.as_deref(), a.lossy, |text| {
        let mut rec = String::new();
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
        rec
    })
}
