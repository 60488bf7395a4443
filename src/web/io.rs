//! Session import/export: W3C JSON-LD, CSV and the article's content hash.
//!
//! Offsets inside W3C JSON and CSV are **Unicode code points** (as the W3C model
//! requires); the change report uses annotation ids only, so no UTF-16 offsets
//! cross this boundary here.

use super::{js_error, Session};
use crate::w3c::{import_into, report_json, ExportOptions, ImportMode, ImportOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Session {
    /// The whole session as a W3C `AnnotationCollection` (JSON-LD string).
    ///
    /// `options` is JSON `{title, creator, source, generatedAt}` (all optional
    /// strings; `""` for none). Throws on malformed options.
    #[wasm_bindgen(js_name = exportW3C)]
    pub fn export_w3c(&self, options: &str) -> Result<String, JsValue> {
        let opts = ExportOptions::from_json(options).map_err(js_error)?;
        Ok(crate::w3c::export_collection(&self.store, &opts))
    }

    /// Imports annotations (claimmark's export, a W3C Annotation, an array, a page
    /// or a collection). `mode` is `"merge"` (same ids replace), `"replace"`
    /// (clear first, in the same undo step) or `"restore"` (replace, starting a
    /// fresh history: for loading autosaves). `time` (ISO 8601) stamps items
    /// without times. Returns `{change:{added,changed,removed,blocks}, imported,
    /// replaced, orphans, fuzzy, blocksSkipped}`; throws a readable Error and
    /// changes nothing when the input is invalid.
    #[wasm_bindgen(js_name = importJSON)]
    pub fn import_json(&mut self, json: &str, mode: &str, time: &str) -> Result<String, JsValue> {
        let (import_mode, restore) = match mode {
            "merge" => (ImportMode::Merge, false),
            "replace" => (ImportMode::Replace, false),
            "restore" => (ImportMode::Replace, true),
            other => {
                let mut msg = String::from(
                    "import mode must be \"merge\", \"replace\" or \"restore\" (found \"",
                );
                msg.push_str(other);
                msg.push_str("\")");
                return Err(js_error(msg));
            }
        };
        let opts = ImportOptions {
            mode: import_mode,
            time,
            block_count: Some(self.doc.blocks.len()),
        };
        let (change, report) = import_into(&mut self.store, json, &opts).map_err(js_error)?;
        if restore {
            // A loaded autosave starts a fresh history: undo right after loading
            // must not take the restored annotations away.
            self.store.clear_history();
        }
        Ok(report_json(&change, &report))
    }

    /// Annotations as CSV (UTF-8 with BOM, CRLF, code point offsets).
    #[wasm_bindgen(js_name = exportCSV)]
    pub fn export_csv(&self) -> String {
        crate::csv::annotations_csv(&self.store)
    }

    /// Hex SHA-256 of the article's normalised text (the autosave key).
    #[wasm_bindgen(js_name = contentHash)]
    pub fn content_hash(&self) -> String {
        crate::hash::content_hash(&self.doc.text)
    }
}
