//! Quotations and their speakers.
//!
//! BASELINE (to be replaced): finds curly-quoted spans inside one block, no speakers.

use super::{Block, Quote, QuoteKind};
use crate::text::Span;

/// Finds quotations in the blocks of `text`, in order of their start.
pub fn find(text: &str, blocks: &[Block]) -> Vec<Quote> {
    let mut out = vec![];
    for b in blocks {
        let s = b.span.of(text);
        let mut from = 0;
        while let Some(o) = s[from..].find('“') {
            let open = from + o;
            match s[open..].find('”') {
                Some(c) => {
                    let close = open + c + '”'.len_utf8();
                    out.push(Quote {
                        span: Span::new(b.span.start + open, b.span.start + close),
                        kind: QuoteKind::Direct,
                        speaker: None,
                    });
                    from = close;
                }
                None => break,
            }
        }
    }
    out
}
