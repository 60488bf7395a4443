//! `claimmark export --format w3c|csv --text ARTICLE ANNOTATIONS.json`: re-exports
//! annotations (any file `import` accepts) against an article.

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::annotation::Store;
use claimmark::segment::normalize_newlines;
use claimmark::w3c::{export_collection, import_into, ExportOptions, ImportMode, ImportOptions};

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let (mut format, mut text, mut file) = (None, None, None);
    let mut opts = ExportOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| -> Result<String, Fail> {
            it.next()
                .cloned()
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match a.as_str() {
            "--format" => format = Some(val("--format")?),
            "--text" => text = Some(val("--text")?),
            "--title" => opts.title = Some(val("--title")?),
            "--creator" => opts.creator = Some(val("--creator")?),
            "--source" => opts.source = Some(val("--source")?),
            "--generated" => opts.generated_at = Some(val("--generated")?),
            s if s.starts_with("--") => return Err(usage(format!("export: unknown option {s}"))),
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err(usage("export: more than one annotations file given"));
                }
            }
        }
    }
    let text = text.ok_or_else(|| usage("export needs --text ARTICLE"))?;
    let file = file.ok_or_else(|| usage("export needs an ANNOTATIONS.json file"))?;
    let article = normalize_newlines(&read_input(Some(&text), false)?);
    let json = read_input(Some(&file), false)?;
    let mut store = Store::new(article);
    let iopts = ImportOptions {
        mode: ImportMode::Replace,
        time: opts.generated_at.as_deref().unwrap_or(""),
        block_count: None,
    };
    let (_, report) =
        import_into(&mut store, &json, &iopts).map_err(|e| input(format!("{file}: {e}")))?;
    eprintln!(
        "claimmark: {} annotations ({} fuzzy, {} orphans)",
        report.imported, report.by_fuzzy, report.orphans
    );
    match format.as_deref().unwrap_or("w3c") {
        "w3c" => write_out(&(export_collection(&store, &opts) + "\n")),
        "csv" => write_out(&claimmark::csv::annotations_csv(&store)),
        other => Err(usage(format!(
            "export: unknown format {other:?} (w3c or csv)"
        ))),
    }
}
