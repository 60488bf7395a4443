//! `claimmark export --format w3c|csv --text ARTICLE ANNOTATIONS.json [--out DIR]`:
//! re-exports annotations (any file `import` accepts) against an article, to
//! standard output or, with `--out`, to a file in DIR named like the widget's
//! downloads: the article's title and the date (`koreas-talk-again-…-2026-11-27.jsonld`).

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::annotation::Store;
use claimmark::segment::normalize_newlines;
use claimmark::w3c::{export_collection, import_into, ExportOptions, ImportMode, ImportOptions};

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let (mut format, mut text, mut file, mut out_dir) = (None, None, None, None);
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
            "--out" => out_dir = Some(val("--out")?),
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
    let (body, ext) = match format.as_deref().unwrap_or("w3c") {
        "w3c" => (export_collection(&store, &opts) + "\n", "jsonld"),
        "csv" => (claimmark::csv::annotations_csv(&store), "csv"),
        other => {
            return Err(usage(format!(
                "export: unknown format {other:?} (w3c or csv)"
            )))
        }
    };
    let Some(dir) = out_dir else {
        return write_out(&body);
    };
    let title = match &opts.title {
        Some(t) => t.clone(),
        None => claimmark::segment(store.text())
            .metadata
            .title
            .unwrap_or_default(),
    };
    let date = match opts.generated_at.as_deref() {
        Some(g) if g.len() >= 10 && g.is_char_boundary(10) => g[..10].to_string(),
        _ => today(),
    };
    let path = std::path::Path::new(&dir).join(format!("{}-{date}.{ext}", file_stem(&title)));
    std::fs::write(&path, body)
        .map_err(|e| input(format!("cannot write {}: {e}", path.display())))?;
    println!("{}", path.display());
    Ok(())
}

/// A file name from a title: its words (letters and digits of any script) joined
/// by `-`, lower case, at most 60 characters; `claimmark` when it has none.
fn file_stem(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let sep = usize::from(!out.is_empty());
        if out.chars().count() + sep + word.chars().count() > 60 {
            break;
        }
        if sep == 1 {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        out.push_str("claimmark");
    }
    out
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    date_of(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    )
}

/// The UTC date of a Unix time, `YYYY-MM-DD`.
fn date_of(secs: u64) -> String {
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_keep_words_of_any_script() {
        assert_eq!(
            file_stem("Koreas talk again in dormant channels, agree to improve ties"),
            "koreas-talk-again-in-dormant-channels-agree-to-improve-ties"
        );
        assert_eq!(
            file_stem("Élections : «Ça change» — 東京"),
            "élections-ça-change-東京"
        );
        assert_eq!(file_stem(" — ! "), "claimmark");
        assert!(file_stem(&"word ".repeat(40)).len() <= 60);
    }

    #[test]
    fn unix_times_become_civil_dates() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(951_782_400), "2000-02-29");
        assert_eq!(date_of(1_709_251_199), "2024-02-29");
        assert_eq!(date_of(1_709_251_200), "2024-03-01");
        assert_eq!(date_of(4_102_444_800), "2100-01-01");
    }
}
