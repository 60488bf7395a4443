//! The reader's Document (its layout: see `segment_layout`) as one `Uint32Array`
//! (offsets in UTF-16 code units), decoded by `unpack` in www/claim/wasm.js into the
//! same object `JSON.parse` gives for the JSON form ([`Document::to_json`] with
//! [`crate::Unit::Utf16`]) with `quotes: null` (not looked for), plus its text.
//!
//! Layout (every item one `u32`):
//!
//! ```text
//! nBlocks
//! 6 × str                       metadata: title published updated byline dateline source
//! nBlocks × (code start end nSentences  nSentences × (start end))
//!            code = kind | (reason + 1) << 4   (reason 0 = null)
//! str = length in UTF-8 bytes, then the bytes, one per item; 0xFFFF_FFFF for null
//! ```
//!
//! Kinds and reasons are numbered in declaration order (`BlockKind`, `Reason`).
//! [`Document::quotes`] is not packed: the widget asks the classroom module for quotes.

use super::Session;
use crate::segment::Document;
use wasm_bindgen::prelude::*;

/// Byte → UTF-16 offsets, counting forward from the last offset converted (from the
/// start again for an earlier one: a Document's offsets only grow).
struct Utf16Cursor<'a> {
    bytes: &'a [u8],
    byte: usize,
    unit: u32,
}

impl Utf16Cursor<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.bytes[self.byte..byte]);
        self.byte = byte;
        self.unit
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

/// Packs `doc`'s layout (see the module docs; its quotes are left out).
pub fn pack(doc: &Document) -> Vec<u32> {
    let sentences: usize = doc.blocks.iter().map(|b| b.sentences.len()).sum();
    let mut out = Vec::with_capacity(64 + 4 * doc.blocks.len() + 2 * sentences);
    out.push(doc.blocks.len() as u32);
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
        bytes: doc.text.as_bytes(),
        byte: 0,
        unit: 0,
    };
    for b in &doc.blocks {
        out.push(b.kind as u32 | b.reason.map_or(0, |r| r as u32 + 1) << 4);
        out.push(cur.at(b.span.start));
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
