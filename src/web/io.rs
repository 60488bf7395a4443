//! Session saving and loading in the reader module: the autosave snapshot and the
//! hand-over of an import prepared by the exchange module. (The autosave key, a
//! SHA-256 of the text, is computed by the browser's `crypto.subtle`, or by the
//! exchange module's `contentHash` where that is unavailable.)
//!
//! The snapshot and the hand-over use the store's wire format
//! ([`crate::annotation::ops_to_json`]): offsets in **UTF-8 bytes**, valid because
//! both sides hold the same normalised text (the autosave key is its hash). The
//! shell reads that JSON and feeds it back op by op (`begin`, `stageAdd`,
//! `stageRemove`, `stageBlock`, then `load`): see www/claim/wire.js.

use super::{js_error, Session};
use crate::annotation::{change_to_json, check_span, context, snapshot_json, Annotation, Op};
use crate::json::num;
use crate::text::Span;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Session {
    /// Annotations and block choices as wire JSON (byte offsets): the autosave
    /// format, and what the exchange module exports from.
    pub fn snapshot(&self) -> String {
        snapshot_json(&self.store)
    }

    /// Starts a batch for [`Session::load`], forgetting anything staged before.
    ///
    /// Loading goes through staging calls rather than a JSON string: the shell
    /// parses the wire JSON with `JSON.parse`, which keeps a JSON reader out of
    /// this module (−6 KB gzip, measured).
    pub fn begin(&mut self) {
        self.staged.clear();
    }

    /// Stages an annotation: `start`/`end` in **UTF-8 bytes** (both `undefined`
    /// for an orphan) and `fields`, the annotation's strings packed by
    /// `www/claim/wire.js`: each as its length in UTF-16 code units, `:`, the
    /// string — id, tag, note, created, modified, quote, prefix, suffix, then the
    /// creator as `+name` or `-`, then `[purpose, value]` pairs. (One packed
    /// string instead of a dozen parameters: −3 KB gzip of binding code.) A placed
    /// annotation's quote and context are re-read from the text. Throws when the
    /// span is off the text's character boundaries or the fields are malformed.
    #[wasm_bindgen(js_name = stageAdd)]
    pub fn stage_add(
        &mut self,
        start: Option<u32>,
        end: Option<u32>,
        fields: &str,
    ) -> Result<(), JsValue> {
        let f = unpack(fields)
            .filter(|f| f.len() >= 9 && f.len() % 2 == 1)
            .ok_or_else(|| js_error("malformed annotation fields"))?;
        let s = |i: usize| f[i].to_string();
        let mut a = Annotation {
            id: s(0),
            span: None,
            tag: s(1),
            note: s(2),
            created: s(3),
            modified: s(4),
            quote: s(5),
            prefix: s(6),
            suffix: s(7),
            creator: f[8].strip_prefix('+').map(str::to_string),
            extra: vec![],
        };
        for pair in f[9..].chunks(2) {
            a.extra.push((pair[0].to_string(), pair[1].to_string()));
        }
        match (start, end) {
            (Some(s), Some(e)) if s < e => {
                let span = Span::new(s as usize, e as usize);
                check_span(&self.doc.text, span).map_err(|e| js_error(&e.message()))?;
                a.span = Some(span);
                a.quote = span.of(&self.doc.text).to_string();
                (a.prefix, a.suffix) = context(&self.doc.text, span);
            }
            (None, None) => {}
            (Some(_), Some(_)) => return Err(js_error("start must be before end")),
            _ => return Err(js_error("start and end go together")),
        }
        self.staged.push(Op::Add(a));
        Ok(())
    }

    /// Stages the removal of an annotation.
    #[wasm_bindgen(js_name = stageRemove)]
    pub fn stage_remove(&mut self, id: String) {
        self.staged.push(Op::Remove { id });
    }

    /// Stages a block choice (`true` in, `false` out, `undefined` back to the
    /// segmenter's decision). Throws when the article has no such block.
    /// (The widget's `setBlock`, `removeAnnotation` and `clear` are staged steps
    /// too: one `load` entry point instead of one export each.)
    #[wasm_bindgen(js_name = stageBlock)]
    pub fn stage_block(&mut self, block: u32, in_article: Option<bool>) -> Result<(), JsValue> {
        let n = self.doc.blocks.len();
        if block as usize >= n {
            return Err(js_error(
                &[
                    "no block ",
                    &num(block as usize),
                    " (the article has ",
                    &num(n),
                    ")",
                ]
                .concat(),
            ));
        }
        self.staged.push(Op::SetBlock {
            block: block as usize,
            in_article,
        });
        Ok(())
    }

    /// Applies what was staged (a snapshot, or an import prepared by the exchange
    /// module) and returns the change as JSON (an id both removed and added is
    /// listed as changed). `mode`: `"step"` applies the ops as one undo step;
    /// `"replace"` clears first, in the same step (another tab's autosave);
    /// `"restore"` replaces and starts a fresh history (loading an autosave).
    /// All or nothing: throws, changing nothing, on a duplicate id or an unknown
    /// mode. The staged ops are used up either way.
    pub fn load(&mut self, mode: &str) -> Result<String, JsValue> {
        let mut ops = std::mem::take(&mut self.staged);
        if mode == "replace" || mode == "restore" {
            if let Op::Batch(mut clear) = self.store.clear_op() {
                clear.append(&mut ops);
                ops = clear;
            }
        } else if mode != "step" {
            return Err(js_error(
                &[
                    "load mode must be \"step\", \"replace\" or \"restore\" (found \"",
                    mode,
                    "\")",
                ]
                .concat(),
            ));
        }
        let change = self
            .store
            .apply(Op::Batch(ops))
            .map_err(|e| js_error(&e.message()))?;
        if mode == "restore" {
            // Undo right after loading must not take the loaded annotations away.
            self.store.clear_history();
        }
        Ok(change_to_json(&change.fold_replacements()))
    }
}

/// Splits `n:string` records, `n` counting UTF-16 code units (JavaScript's
/// `length`); `None` when malformed.
pub(super) fn unpack(mut s: &str) -> Option<Vec<&str>> {
    let mut out = vec![];
    while !s.is_empty() {
        let colon = s.find(':')?;
        let n: usize = s[..colon].parse().ok()?;
        let rest = &s[colon + 1..];
        let (mut units, mut end) = (0, 0);
        for c in rest.chars() {
            if units >= n {
                break;
            }
            units += c.len_utf16();
            end += c.len_utf8();
        }
        if units != n {
            return None;
        }
        out.push(&rest[..end]);
        s = &rest[end..];
    }
    Some(out)
}
