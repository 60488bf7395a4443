//! The annotation model: what a reader made, and the store that changes it with undo/redo.
//!
//! Offsets are UTF-8 byte offsets into the article text the store was made for
//! (the Document's normalised text). Identifiers and timestamps come from the caller
//! (the browser makes UUIDs and reads the clock), so the core stays pure and testable.

mod json_out;
mod store;
mod wire;

pub use json_out::{annotations_to_json, change_to_json};

pub use store::{BlockChoices, BlockChoicesIter, Change, Op, Store, StoreError};
pub use wire::{ops_from_json, ops_to_json, snapshot_json, WireError};

use crate::text::Span;

/// One highlight with its tag and note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Unique id, e.g. `urn:uuid:…`.
    pub id: String,
    /// Where it is in the article text; `None` for an orphan (its text could
    /// not be found after the article changed; see [`Annotation::quote`]).
    pub span: Option<Span>,
    /// The highlighted text as it was when made (kept for orphans and re-anchoring).
    pub quote: String,
    /// Up to ~32 characters of text before the quote when it was made.
    pub prefix: String,
    /// Up to ~32 characters of text after the quote when it was made.
    pub suffix: String,
    /// Tag id, e.g. `fact`, `analysis`, `quote` (the tag set is configurable).
    pub tag: String,
    /// Free-text note (may be empty).
    pub note: String,
    /// Creation time, ISO 8601.
    pub created: String,
    /// Last modification time, ISO 8601.
    pub modified: String,
    /// Who made it, when known.
    pub creator: Option<String>,
    /// Bodies of other tools kept as they were: `(purpose, value)` pairs.
    pub extra: Vec<(String, String)>,
}

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

impl Annotation {
    /// A new annotation on `span` of `text`, with quote and context taken from the text.
    ///
    /// Errors with [`StoreError::BadSpan`] unless `span` is a non-empty range on
    /// char boundaries of `text`.
    pub fn new(
        id: impl Into<String>,
        text: &str,
        span: Span,
        tag: impl Into<String>,
        note: impl Into<String>,
        time: impl Into<String>,
    ) -> Result<Annotation, StoreError> {
        check_span(text, span)?;
        let time = time.into();
        let (prefix, suffix) = context(text, span);
        Ok(Annotation {
            id: id.into(),
            span: Some(span),
            quote: span.of(text).to_string(),
            prefix,
            suffix,
            tag: tag.into(),
            note: note.into(),
            created: time.clone(),
            modified: time,
            creator: None,
            extra: vec![],
        })
    }

    /// True when the annotation could not be placed in the current text.
    pub fn is_orphan(&self) -> bool {
        self.span.is_none()
    }
}

/// Checks that `span` is a non-empty range on char boundaries of `text`.
pub fn check_span(text: &str, span: Span) -> Result<(), StoreError> {
    let ok = span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadSpan {
            start: span.start,
            end: span.end,
            len: text.len(),
        })
    }
}

/// Up to [`CONTEXT_CHARS`] characters before and after `span` in `text`.
pub fn context(text: &str, span: Span) -> (String, String) {
    let before = &text[..span.start];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[span.end..];
    let end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    (before[start..].to_string(), after[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_bounded_by_chars_not_bytes() {
        let text = format!("{}[x]{}", "é".repeat(40), "😀".repeat(40));
        let s = text.find('[').unwrap();
        let (p, q) = context(&text, Span::new(s, s + 3));
        assert_eq!(p, "é".repeat(32));
        assert_eq!(q, "😀".repeat(32));
        let (p, q) = context("ab", Span::new(1, 1));
        assert_eq!((p.as_str(), q.as_str()), ("a", "b"));
    }
}
