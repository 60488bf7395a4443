//! The claimmark command line: the same core as the browser, for batch work and benchmarks.
//!
//! Exit codes: 0 success; 1 bad input (unreadable file, not UTF-8, bad JSON line;
//! for `score`, a bad key or no student file readable); 2 usage error (unknown
//! command or option, missing argument).

mod anchor_bench;
mod bench;
mod export;
mod jsonl;
mod score;
mod segment;
mod suggest;
mod validate;

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
claimmark — segment news articles and work with claim annotations

USAGE:
    claimmark segment [FILE|-] [--format json|text] [--lossy]
    claimmark segment --jsonl [FILE|-] [--lossy]
    claimmark bench FILE [--runs N]
    claimmark anchor-bench [--seed N] [--shared DIR]
    claimmark export [--format w3c|csv] --text ARTICLE ANNOTATIONS.json [--out DIR]
    claimmark validate FILE [--text ARTICLE]
    claimmark score [--text ARTICLE] [--key KEY.json] STUDENT.json… [--format json|csv|text]
                    [--table students|sentences|pairs]
    claimmark suggest [FILE|-] [--lossy]
    claimmark suggest --jsonl [FILE|-] [--features]
    claimmark --version | --help

segment   prints the Document as JSON (offsets in Unicode code points,
          \"units\": \"codepoint\"); --format text prints a readable outline.
          --jsonl reads lines {\"id\":…,\"text\":…} and writes {\"id\":…,\"document\":{…}}.
          Input that is not UTF-8 is an error naming the byte offset, unless --lossy
          (invalid bytes become U+FFFD).
score     scores students' W3C annotation files against the teacher's KEY (sentence
          accuracy, per-tag span precision/recall/F1, missed key spans) and the class's
          agreement (Fleiss' and pairwise Cohen's kappa, most disputed sentences first).
          KEY is a W3C export or the teacher's exercise file (type
          \"claimmark-exercise\"), which also holds the article: --text is then
          optional (if given, it must be the exercise's article). Without --key only
          agreement is computed. Students are shown as \"creator (file)\" when the
          export names its creator; every output gives each file's orphans (annotations
          not found in the article). Files that fail to import (invalid, or made for
          a different article: their content hash differs) are listed on stderr (and
          under \"failed\" in JSON) and the others still count. Duplicates are warned
          about on stderr: a file with exactly the key's annotations, or repeating
          another file by the same creator, is left out; files by the same creator,
          or with the same annotations under different creators, all count.
          --format csv prints one table (--table, default students). Exits 1 when
          no student file could be read.
suggest   prints each body sentence with a suggested tag (fact, analysis, quote)
          and the cue behind it; --jsonl reads {\"id\",\"text\"} lines (one sentence
          or passage each) and writes {\"id\",\"tag\",\"reason\"} lines
          (--features: {\"id\",\"features\"}, the model's inputs, for training).
bench     times sentence splitting alone and full segmentation of FILE
          (median of --runs runs, default 7) and prints MB/s.
export    re-exports annotations (W3C JSON-LD or any file validate accepts) against
          ARTICLE, re-anchored on it: W3C AnnotationCollection or CSV
          (options --title, --creator, --source URL, --generated ISO-TIME); to
          standard output, or with --out DIR to a file named after the article's
          title and the date (as the widget names its downloads), whose path is printed.
validate  checks FILE as an import would (with --text, also against ARTICLE);
          prints OK with counts, or the error and exits 1.
anchor-bench  re-anchoring quality (right/wrong/orphaned per edit kind) on the
          shared seed and extraction pages, and its time for 2,000 annotations.

EXIT CODES: 0 success, 1 bad input (for score: the key cannot be used, or no
          student file could be read; some failing is still 0), 2 usage error.
";

/// A failure with the exit code it maps to.
pub(crate) struct Fail {
    code: u8,
    message: String,
}

pub(crate) fn usage(msg: impl Into<String>) -> Fail {
    Fail {
        code: 2,
        message: format!("{}\n\n{USAGE}", msg.into()),
    }
}

pub(crate) fn input(msg: impl Into<String>) -> Fail {
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
pub(crate) struct Opts {
    pub file: Option<String>,
    pub format: Option<String>,
    pub jsonl: bool,
    pub lossy: bool,
    pub runs: Option<usize>,
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
    // `claimmark COMMAND --help` asks for help too, whatever else it names.
    let help = args[1..].iter().any(|a| a == "--help" || a == "-h");
    match cmd.as_str() {
        _ if help => {
            print!("{USAGE}");
            Ok(())
        }
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        "--version" | "-V" => {
            println!("claimmark {}", claimmark::VERSION);
            Ok(())
        }
        "segment" => segment::run(parse_opts(&args[1..])?),
        "bench" => bench::run(parse_opts(&args[1..])?),
        "anchor-bench" => anchor_bench::run(&args[1..]),
        "export" => export::run(&args[1..]),
        "validate" => validate::run(&args[1..]),
        "suggest" => suggest::run(&args[1..]),
        "score" => score::run(&args[1..]),
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// Reads FILE (or stdin for `-`/none) as UTF-8.
pub(crate) fn read_input(file: Option<&str>, lossy: bool) -> Result<String, Fail> {
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

pub(crate) fn write_out(s: &str) -> Result<(), Fail> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| input(format!("cannot write output: {e}")))
}
