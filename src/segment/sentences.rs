//! Sentence boundaries inside one block.
//!
//! BASELINE (to be replaced): splits after `.`, `?` or `!` followed by
//! whitespace and an upper-case letter.

use crate::text::Span;

/// Splits `text[block]` into sentences.
///
/// Returns byte spans in order, disjoint, inside `block`, each trimmed of
/// surrounding whitespace and non-empty. A block with no terminator is one sentence.
pub fn split(text: &str, block: Span) -> Vec<Span> {
    let s = block.of(text);
    let mut out = vec![];
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b'?' | b'!')
            && i + 2 < b.len()
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
        {
            push_trimmed(&mut out, s, block.start, start, i + 1);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(&mut out, s, block.start, start, s.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, s: &str, base: usize, a: usize, b: usize) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if a + lead < b - trail {
        out.push(Span::new(base + a + lead, base + b - trail));
    }
}
