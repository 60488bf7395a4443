//! The Document contract, checked: used by the property tests, the fuzz target and
//! the fuzz-seed replay test.

use super::{BlockKind, Document};
use crate::text::{is_blank, Span};

fn span_ok(text: &str, s: Span, what: &str) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() {
        return Err(format!("{what} {}..{} out of range", s.start, s.end));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!(
            "{what} {}..{} not on char boundaries",
            s.start, s.end
        ));
    }
    if s.is_empty() {
        return Err(format!("{what} at {} is empty", s.start));
    }
    Ok(())
}

fn trimmed(text: &str, s: Span, what: &str) -> Result<(), String> {
    let t = s.of(text);
    if t.trim_matches(is_blank) != t {
        return Err(format!("{what} {}..{} not trimmed: {t:?}", s.start, s.end));
    }
    Ok(())
}

fn only_space(text: &str, from: usize, to: usize, what: &str) -> Result<(), String> {
    match text[from..to].find(|c: char| !is_blank(c)) {
        Some(i) => Err(format!("{what}: text at byte {} is not covered", from + i)),
        None => Ok(()),
    }
}

/// Checks that `doc` keeps the Document contract: no `\r` in the text; blocks
/// ordered, disjoint, trimmed, one line each, covering every non-whitespace
/// character (see [`is_blank`]); a reason exactly on boilerplate blocks; sentences ordered, disjoint,
/// trimmed, inside their block and covering its non-whitespace characters; quotes
/// ordered by start with valid spans; speaker spans valid. Every offset on a char
/// boundary. Returns the first violation found.
pub fn check_invariants(doc: &Document) -> Result<(), String> {
    let text = doc.text.as_str();
    if text.contains('\r') {
        return Err("text contains \\r after normalisation".into());
    }
    let mut pos = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        let what = format!("block {i}");
        span_ok(text, b.span, &what)?;
        trimmed(text, b.span, &what)?;
        if b.span.start < pos {
            return Err(format!("{what} overlaps or precedes the previous block"));
        }
        if b.span.of(text).contains('\n') {
            return Err(format!("{what} spans more than one line"));
        }
        only_space(text, pos, b.span.start, &what)?;
        if (b.kind == BlockKind::Boilerplate) != b.reason.is_some() {
            return Err(format!(
                "{what}: reason must be given exactly for boilerplate"
            ));
        }
        let mut spos = b.span.start;
        for (j, s) in b.sentences.iter().enumerate() {
            let what = format!("block {i} sentence {j}");
            span_ok(text, *s, &what)?;
            trimmed(text, *s, &what)?;
            if s.start < spos || !b.span.contains(*s) {
                return Err(format!("{what} out of order or outside its block"));
            }
            only_space(text, spos, s.start, &what)?;
            spos = s.end;
        }
        only_space(
            text,
            spos,
            b.span.end,
            &format!("block {i} after its sentences"),
        )?;
        pos = b.span.end;
    }
    only_space(text, pos, text.len(), "after the last block")?;
    let mut qpos = 0;
    for (k, q) in doc.quotes.iter().enumerate() {
        let what = format!("quote {k}");
        span_ok(text, q.span, &what)?;
        if q.span.start < qpos {
            return Err(format!("{what} not ordered by start"));
        }
        qpos = q.span.start;
        if let Some(sp) = &q.speaker {
            span_ok(text, sp.span, &format!("{what} speaker"))?;
            if sp.name.trim().is_empty() {
                return Err(format!("{what} speaker has an empty name"));
            }
        }
    }
    Ok(())
}
