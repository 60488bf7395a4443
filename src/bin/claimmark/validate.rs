//! `claimmark validate FILE [--text ARTICLE]`: runs the import validation and
//! prints `OK` with counts, or the error (exit 1).

use crate::{input, read_input, usage, write_out, Fail};
use claimmark::annotation::Store;
use claimmark::segment::normalize_newlines;
use claimmark::w3c::{import, validate, ImportMode, ImportOptions};

pub(crate) fn run(args: &[String]) -> Result<(), Fail> {
    let (mut text, mut file) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--text" => {
                text = Some(
                    it.next()
                        .ok_or_else(|| usage("--text needs a file"))?
                        .clone(),
                )
            }
            s if s.starts_with("--") => return Err(usage(format!("validate: unknown option {s}"))),
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err(usage("validate: more than one file given"));
                }
            }
        }
    }
    let file = file.ok_or_else(|| usage("validate needs a FILE"))?;
    let json = read_input(Some(&file), false)?;
    let bad = |e: claimmark::w3c::ImportError| input(format!("{file}: INVALID: {e}"));
    let Some(text) = text else {
        let n = validate(&json).map_err(bad)?;
        return write_out(&format!("OK: {n} annotations\n"));
    };
    let store = Store::new(normalize_newlines(&read_input(Some(&text), false)?));
    let opts = ImportOptions {
        mode: ImportMode::Replace,
        time: "",
        block_count: None,
    };
    let r = import(&store, &json, &opts).map_err(bad)?.report;
    write_out(&format!(
        "OK: {} annotations ({} at their position, {} by quote, {} fuzzy, {} orphans)\n",
        r.imported, r.by_position, r.by_exact, r.by_fuzzy, r.orphans
    ))
}
