//! The exchange module's API: W3C JSON-LD export and import (with re-anchoring)
//! and CSV export. The page loads this second wasm module only when the reader
//! exports or imports, so reading and annotating load less.
//!
//! Stateless: each call gets the article's normalised text and the reader's
//! snapshot (wire JSON, byte offsets, from `Session.snapshot()`); an import
//! returns wire JSON for `Session.load(…, "step")`. Offsets inside W3C JSON and
//! CSV are **Unicode code points** (as the W3C model requires).

use super::js_error;
use crate::annotation::{ops_from_json, ops_to_json, Op, Store};
use crate::segment::normalize_newlines;
use crate::w3c::{import, report_json, ExportOptions, ImportMode, ImportOptions};
use wasm_bindgen::prelude::*;

/// The reader's store rebuilt from its snapshot.
fn store_of(text: &str, snapshot: &str) -> Result<Store, JsValue> {
    let mut store = Store::new(normalize_newlines(text));
    let ops = ops_from_json(store.text(), snapshot).map_err(|e| js_error(&e.to_string()))?;
    store
        .apply(Op::Batch(ops))
        .map_err(|e| js_error(&e.to_string()))?;
    Ok(store)
}

/// The annotations as a W3C `AnnotationCollection` (JSON-LD string). `options` is
/// JSON `{title, creator, source, generatedAt}` (all optional strings; `""` for
/// none). Throws on malformed options or snapshot.
#[wasm_bindgen(js_name = exportW3C)]
pub fn export_w3c(text: &str, snapshot: &str, options: &str) -> Result<String, JsValue> {
    let opts = ExportOptions::from_json(options).map_err(|e| js_error(&e.to_string()))?;
    Ok(crate::w3c::export_collection(
        &store_of(text, snapshot)?,
        &opts,
    ))
}

/// Hex SHA-256 of `text` after line-ending normalisation: the content hash in
/// exports and the autosave key (the shell uses `crypto.subtle` when it can and
/// this where it can't, e.g. on plain-http pages; both give the same hex).
#[wasm_bindgen(js_name = contentHash)]
pub fn content_hash(text: &str) -> String {
    crate::hash::content_hash(&normalize_newlines(text))
}

/// The annotations as CSV (UTF-8 with BOM, CRLF, code point offsets).
#[wasm_bindgen(js_name = exportCSV)]
pub fn export_csv(text: &str, snapshot: &str) -> Result<String, JsValue> {
    Ok(crate::csv::annotations_csv(&store_of(text, snapshot)?))
}

/// Validates and anchors `json` (claimmark's export, a W3C Annotation, an array,
/// a page or a collection) against the reader's state. `mode` is `"merge"` (same
/// ids replace) or `"replace"` (clear first); `time` (ISO 8601) stamps items
/// without times; `blocks` is the Document's block count. Returns
/// `{"ops":WIRE,"report":{"change":{},"imported":n,"replaced":n,"orphans":n,"fuzzy":n,
/// "blocksSkipped":n}}` (the change is filled in by `Session.load`); throws a
/// readable Error naming the problem and where, and the reader changes nothing.
#[wasm_bindgen(js_name = importW3C)]
pub fn import_w3c(
    text: &str,
    snapshot: &str,
    json: &str,
    mode: &str,
    time: &str,
    blocks: u32,
) -> Result<String, JsValue> {
    let mode = match mode {
        "merge" => ImportMode::Merge,
        "replace" => ImportMode::Replace,
        other => {
            return Err(js_error(&format!(
                "import mode must be \"merge\" or \"replace\" (found \"{other}\")"
            )))
        }
    };
    let store = store_of(text, snapshot)?;
    let opts = ImportOptions {
        mode,
        time,
        block_count: Some(blocks as usize),
    };
    let imp = import(&store, json, &opts).map_err(|e| js_error(&e.to_string()))?;
    let mut out = String::from("{\"ops\":");
    out.push_str(&ops_to_json(store.text(), std::slice::from_ref(&imp.op)));
    out.push_str(",\"report\":");
    out.push_str(&report_json(&Default::default(), &imp.report));
    out.push('}');
    Ok(out)
}
