//! The claimmark command line: the same core as the browser, for batch work and benchmarks.
//!
//! Exit codes: 0 success; 1 bad input (unreadable file, not UTF-8, bad JSON line);
//! 2 usage error (unknown command or option).

use claimmark::json::{self, Value};
use claimmark::segment::{segment, sentences, Document};
use claimmark::text::Unit;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
claimmark — segment news articles and work with claim annotations

USAGE:
    claimmark segment [FILE|-] [--format json|text] [--lossy]
    claimmark segment --jsonl [FILE|-] [--lossy]
    claimmark bench FILE [--runs N]
    claimmark --version | --help

segment   prints the Document as JSON (offsets in Unicode code points,
          \"units\": \"codepoint\"); --format text prints a readable outline.
          --jsonl reads lines {\"id\":…,\"text\":…} and writes {\"id\":…,\"document\":{…}}.
          Input that is not UTF-8 is an error naming the byte offset, unless --lossy
          (invalid bytes become U+FFFD).
bench     times sentence splitting alone and full segmentation of FILE
          (median of --runs runs, default 7) and prints MB/s.

EXIT CODES: 0 success, 1 bad input, 2 usage error.
";

/// A failure with the exit code it maps to.
struct Fail {
    code: u8,
    message: String,
}

fn usage(msg: impl Into<String>) -> Fail {
    Fail {
        code: 2,
        message: format!("{}\n\n{USAGE}", msg.into()),
    }
}

fn input(msg: impl Into<String>) -> Fail {
    Fail {
        code: 1,
        message: msg.into(),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("claimmark: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Options shared by the sub-commands.
#[derive(Default)]
struct Opts {
    file: Option<String>,
    format: Option<String>,
    jsonl: bool,
    lossy: bool,
    runs: Option<usize>,
}

fn parse_opts(args: &[String]) -> Result<Opts, Fail> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                o.format = Some(
                    it.next()
                        .ok_or_else(|| usage("--format needs a value"))?
                        .clone(),
                )
            }
            "--jsonl" => o.jsonl = true,
            "--lossy" => o.lossy = true,
            "--runs" => {
                let v = it.next().ok_or_else(|| usage("--runs needs a number"))?;
                o.runs = Some(
                    v.parse()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| usage(format!("--runs: not a positive number: {v}")))?,
                );
            }
            s if s.starts_with("--") => return Err(usage(format!("unknown option {s}"))),
            s => {
                if o.file.replace(s.to_string()).is_some() {
                    return Err(usage("more than one input file given"));
                }
            }
        }
    }
    Ok(o)
}

fn run(args: &[String]) -> Result<(), Fail> {
    let Some(cmd) = args.first() else {
        return Err(usage("no command given"));
    };
    match cmd.as_str() {
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        "--version" | "-V" => {
            println!("claimmark {}", claimmark::VERSION);
            Ok(())
        }
        "segment" => cmd_segment(parse_opts(&args[1..])?),
        "bench" => cmd_bench(parse_opts(&args[1..])?),
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// Reads FILE (or stdin for `-`/none) as UTF-8.
fn read_input(file: Option<&str>, lossy: bool) -> Result<String, Fail> {
    let mut bytes = vec![];
    let name = file.unwrap_or("-");
    if name == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| input(format!("cannot read standard input: {e}")))?;
    } else {
        bytes = std::fs::read(name).map_err(|e| input(format!("cannot read {name}: {e}")))?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(input(format!(
            "{name}: not valid UTF-8 at byte offset {} (use --lossy to replace invalid bytes)",
            e.utf8_error().valid_up_to()
        ))),
    }
}

fn write_out(s: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| input(format!("cannot write output: {e}")))
}

fn cmd_segment(o: Opts) -> Result<(), Fail> {
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn cmd_bench(o: Opts) -> Result<(), Fail> {
    let Some(file) = o.file.as_deref() else {
        return Err(usage("bench needs a FILE"));
    };
    let text = read_input(Some(file), true)?;
    let runs = o.runs.unwrap_or(7);
    let mb = text.len() as f64 / 1e6;
    let lines = claimmark::segment::blocks::lines(&text);
    let mut sent_t = vec![];
    let mut full_t = vec![];
    let mut n_sent = 0;
    let mut n_blocks = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let mut n = 0;
        for &l in &lines {
            n += sentences::split(&text, l).len();
        }
        sent_t.push(t.elapsed().as_secs_f64());
        n_sent = n;
        let t = Instant::now();
        let doc = segment(&text);
        full_t.push(t.elapsed().as_secs_f64());
        n_blocks = doc.blocks.len();
        std::hint::black_box(&doc);
    }
    let (s, f) = (median(sent_t), median(full_t));
    write_out(&format!(
        "input: {file} ({mb:.2} MB, {n_blocks} blocks, {n_sent} sentences), median of {runs} runs\n\
         sentences only:    {:8.1} MB/s ({:.2} ms)\n\
         full segmentation: {:8.1} MB/s ({:.2} ms)\n",
        mb / s,
        s * 1e3,
        mb / f,
        f * 1e3
    ))
}
