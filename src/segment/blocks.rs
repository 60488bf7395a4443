//! Lines of page text and their labels (article cleaning).
//!
//! BASELINE (to be replaced): every line of 12 words or more is a paragraph,
//! the first line is the headline, the rest is boilerplate.

use super::{BlockKind, Metadata, Reason};
use crate::text::Span;

/// Labels for every line, plus what was learnt about the article.
#[derive(Debug, Clone, Default)]
pub struct Labelled {
    /// One `(kind, reason)` per line given to [`classify`], same order.
    pub labels: Vec<(BlockKind, Option<Reason>)>,
    /// Metadata found on the page.
    pub metadata: Metadata,
}

/// The non-blank lines of `text`, each trimmed of surrounding whitespace.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = vec![];
    let mut pos = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(pos + lead, pos + lead + t.len()));
        }
        pos += line.len() + 1;
    }
    out
}

/// Labels each line of `text` (as returned by [`lines`]).
pub fn classify(text: &str, lines: &[Span]) -> Labelled {
    let mut metadata = Metadata::default();
    let labels = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                metadata.title = Some(l.of(text).to_string());
                (BlockKind::Headline, None)
            } else if l.of(text).split_whitespace().count() >= 12 {
                (BlockKind::Paragraph, None)
            } else {
                (BlockKind::Boilerplate, Some(Reason::Other))
            }
        })
        .collect();
    Labelled { labels, metadata }
}
