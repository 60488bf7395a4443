//! `Session`: one article and its annotations, as the widget sees them.
//!
//! Every offset crossing this boundary is in **UTF-16 code units** into the
//! Document's normalised text. Results are JSON strings (the Document itself is
//! packed: see `packed.rs`); errors are JS `Error`s.

use super::js_error;
use crate::annotation::{annotations_to_json, change_to_json, Annotation, Op, Store};
use crate::json::{num, write_uint};
use crate::segment::{segment_layout, Document};
use crate::text::{OffsetConverter, Span, Unit};
use wasm_bindgen::prelude::*;

/// An article segmented once, plus its annotation store with undo/redo.
#[wasm_bindgen]
pub struct Session {
    pub(super) doc: Document,
    pub(super) store: Store,
    /// Ops staged for the next `load` (see io.rs).
    pub(super) staged: Vec<Op>,
}

impl Session {
    #[inline(never)]
    fn span_from_utf16(&self, start: u32, end: u32) -> Result<Span, JsValue> {
        let mut conv = OffsetConverter::new(&self.doc.text, Unit::Utf16);
        let s = conv
            .to_byte(start as usize)
            .map_err(|e| js_error(&e.message()))?;
        let e = conv
            .to_byte(end as usize)
            .map_err(|e| js_error(&e.message()))?;
        if s >= e {
            return Err(js_error(
                &[
                    "annotation range ",
                    &num(start as usize),
                    "..",
                    &num(end as usize),
                    " is empty or reversed",
                ]
                .concat(),
            ));
        }
        Ok(Span { start: s, end: e })
    }

    /// Applies `op` to the store; the change as JSON, or the refusal as a JS error.
    /// One out-of-line copy shared by every editing method.
    #[inline(never)]
    fn run(&mut self, op: Op) -> Result<String, JsValue> {
        self.store
            .apply(op)
            .map(|c| change_to_json(&c))
            .map_err(|e| js_error(&e.message()))
    }
}

#[wasm_bindgen]
impl Session {
    /// Segments `text` (its layout: blocks, sentences and metadata; no quotes, see
    /// [`segment_layout`]) and starts an empty store for it.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Session {
        let doc = segment_layout(text);
        let store = Store::new(doc.text.clone());
        Session {
            doc,
            store,
            staged: vec![],
        }
    }

    /// Annotations in document order (orphans last) as a JSON array, UTF-16 offsets.
    pub fn annotations(&self) -> String {
        annotations_to_json(&self.doc.text, &self.store.in_document_order(), Unit::Utf16)
    }

    /// The reader's block choices as JSON `[[block, inArticle]…]`.
    #[wasm_bindgen(js_name = blockChoices)]
    pub fn block_choices(&self) -> String {
        let mut out = String::from("[");
        for (i, (b, v)) in self.store.block_choices().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            write_uint(&mut out, *b as u64);
            out.push_str(if *v { ",true]" } else { ",false]" });
        }
        out.push(']');
        out
    }

    /// Adds an annotation on `start..end` (UTF-16); returns the change as JSON.
    /// `fields`: id, tag, note and time, packed as for `stageAdd` (`length:string`
    /// each, lengths in UTF-16 code units; one string, less binding code).
    pub fn add(&mut self, start: u32, end: u32, fields: &str) -> Result<String, JsValue> {
        let f = super::io::unpack(fields)
            .filter(|f| f.len() == 4)
            .ok_or_else(|| js_error("add: malformed annotation fields"))?;
        let span = self.span_from_utf16(start, end)?;
        let a = Annotation::new(f[0], &self.doc.text, span, f[1], f[2], f[3])
            .map_err(|e| js_error(&e.message()))?;
        self.run(Op::Add(a))
    }

    /// Changes the tag and/or note and/or place (UTF-16 `start`/`end`, both or
    /// neither). `fields`, packed as for `add`: id, time, then the tag and the note
    /// each as `+value` or `-` (unchanged).
    pub fn update(
        &mut self,
        start: Option<u32>,
        end: Option<u32>,
        fields: &str,
    ) -> Result<String, JsValue> {
        let f = super::io::unpack(fields)
            .filter(|f| f.len() == 4)
            .ok_or_else(|| js_error("update: malformed annotation fields"))?;
        let given = |v: &str| v.strip_prefix('+').map(str::to_string);
        let span = match (start, end) {
            (Some(s), Some(e)) => Some(self.span_from_utf16(s, e)?),
            (None, None) => None,
            _ => return Err(js_error("update needs both start and end, or neither")),
        };
        self.run(Op::Update {
            id: f[0].to_string(),
            tag: given(f[2]),
            note: given(f[3]),
            span,
            modified: f[1].to_string(),
        })
    }

    /// Undoes the last step, or with `redo` redoes the last undone one; returns the
    /// change as JSON, or `undefined` when there is none. (One export for both.)
    pub fn history(&mut self, redo: bool) -> Option<String> {
        let c = if redo {
            self.store.redo()
        } else {
            self.store.undo()
        };
        c.map(|c| change_to_json(&c))
    }

    /// What [`Session::history`] can do: bit 1 set when there is a step to undo,
    /// bit 2 when there is one to redo.
    #[wasm_bindgen(js_name = historyState)]
    pub fn history_state(&self) -> u32 {
        u32::from(self.store.can_undo()) | u32::from(self.store.can_redo()) << 1
    }
}
