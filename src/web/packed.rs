//! The Document as one `Uint32Array` (offsets in UTF-16 code units), decoded by
//! `unpack` in www/claim/wasm.js into the same object `JSON.parse` gives for the
//! JSON form ([`Document::to_json`] with [`crate::Unit::Utf16`]), plus its text.
//!
//! Layout (every item one `u32`):
//!
//! ```text
//! nBlocks nQuotes
//! 6 × str                       metadata: title published updated byline dateline source
//! nBlocks × (code start end nSentences  nSentences × (start end))
//!            code = kind | (reason + 1) << 4   (reason 0 = null)
//! nQuotes × (flags start end [speakerStart speakerEnd [str]])
//!            flags: 1 partial, 2 has a speaker, 4 the name is not the text of its span
//! str = length in UTF-8 bytes, then the bytes, one per item; 0xFFFF_FFFF for null
//! ```
//!
//! Kinds and reasons are numbered in declaration order (`BlockKind`, `Reason`).
//! A speaker's name is the text of its span (the decoder slices it) unless flag 4 says so.

use super::Session;
use crate::segment::Document;
use wasm_bindgen::prelude::*;

/// Byte → UTF-16 offsets, counting forward from the nearest known point: the cursor
/// (the last offset converted) or a mark at or before the offset (block starts are
/// marked on the first pass, so the quotation pass only counts inside blocks).
struct Utf16Cursor<'a> {
    bytes: &'a [u8],
    byte: usize,
    unit: u32,
    /// `(byte, unit)` pairs in increasing order, starting with `(0, 0)`.
    marks: Vec<(usize, u32)>,
}

impl Utf16Cursor<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        let last = self.marks[self.marks.len() - 1].0;
        if byte < self.byte || last > self.byte {
            let (b, u) = self.marks[self.marks.partition_point(|m| m.0 <= byte) - 1];
            if byte < self.byte || b > self.byte {
                self.byte = b;
                self.unit = u;
            }
        }
        self.unit += utf16_len(&self.bytes[self.byte..byte]);
        self.byte = byte;
        self.unit
    }

    fn mark(&mut self, byte: usize) -> u32 {
        let u = self.at(byte);
        self.marks.push((byte, u));
        u
    }
}

/// UTF-16 length of a run of whole UTF-8 characters: one unit per byte, less the
/// continuation bytes (`10xxxxxx`), plus one for each 4-byte leader (`11110xxx`: an
/// astral character is a surrogate pair). Eight bytes at a time; ASCII words skip.
fn utf16_len(s: &[u8]) -> u32 {
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut n = s.len() as u32;
    let mut i = 0;
    while i + 8 <= s.len() {
        let w = u64::from_le_bytes(s[i..i + 8].try_into().unwrap());
        if w & HI != 0 {
            // Bit 7 of each byte, against bits 6 (and 5, 4) moved up to it.
            let cont = w & !(w << 1) & HI;
            let four = w & (w << 1) & (w << 2) & (w << 3) & HI;
            n = n - cont.count_ones() + four.count_ones();
        }
        i += 8;
    }
    for &b in &s[i..] {
        n = n - ((b & 0xC0) == 0x80) as u32 + (b >= 0xF0) as u32;
    }
    n
}

const NULL: u32 = u32::MAX;

fn push_str(out: &mut Vec<u32>, s: Option<&str>) {
    match s {
        None => out.push(NULL),
        Some(s) => {
            out.push(s.len() as u32);
            out.extend(s.bytes().map(u32::from));
        }
    }
}

/// Packs `doc` (see the module docs for the layout).
pub fn pack(doc: &Document) -> Vec<u32> {
    let text = doc.text.as_str();
    let sentences: usize = doc.blocks.iter().map(|b| b.sentences.len()).sum();
    let mut out =
        Vec::with_capacity(64 + 4 * doc.blocks.len() + 2 * sentences + 6 * doc.quotes.len());
    out.push(doc.blocks.len() as u32);
    out.push(doc.quotes.len() as u32);
    let m = &doc.metadata;
    for s in [
        &m.title,
        &m.published,
        &m.updated,
        &m.byline,
        &m.dateline,
        &m.source,
    ] {
        push_str(&mut out, s.as_deref());
    }
    let mut cur = Utf16Cursor {
        bytes: text.as_bytes(),
        byte: 0,
        unit: 0,
        marks: Vec::with_capacity(doc.blocks.len() + 1),
    };
    cur.marks.push((0, 0));
    for b in &doc.blocks {
        out.push(b.kind as u32 | b.reason.map_or(0, |r| r as u32 + 1) << 4);
        out.push(cur.mark(b.span.start));
        // The end is pushed after the sentences, which lie inside the block.
        let end_at = out.len();
        out.push(0);
        out.push(b.sentences.len() as u32);
        for s in &b.sentences {
            out.push(cur.at(s.start));
            out.push(cur.at(s.end));
        }
        out[end_at] = cur.at(b.span.end);
    }
    for q in &doc.quotes {
        let flags_at = out.len();
        out.push(q.kind as u32);
        out.push(cur.at(q.span.start));
        out.push(cur.at(q.span.end));
        if let Some(sp) = &q.speaker {
            out.push(cur.at(sp.span.start));
            out.push(cur.at(sp.span.end));
            let mut flags = 2;
            if sp.name != sp.span.of(text) {
                flags |= 4;
                push_str(&mut out, Some(&sp.name));
            }
            out[flags_at] |= flags;
        }
    }
    out
}

#[wasm_bindgen]
impl Session {
    /// The Document, packed (see the module docs).
    #[wasm_bindgen(js_name = documentPacked)]
    pub fn document_packed(&self) -> Vec<u32> {
        pack(&self.doc)
    }
}
