//! Sentence matching: which tag each annotator gives each body sentence, and
//! character sets of same-tag spans.
//!
//! Everything is measured in **non-space characters** (Unicode scalar values that
//! are not whitespace), so where a selection starts or ends around spaces does not
//! matter. Per-byte prefix counts make every measure O(1) after one pass over the
//! text, and sentences are found by binary search on their offsets.

use crate::annotation::Annotation;
use crate::segment::Document;
use crate::text::Span;
use std::ops::Range;

/// Per-byte prefix counts over a text: non-space characters and code points.
#[derive(Debug, Clone)]
pub struct TextIndex {
    nonspace: Vec<u32>,
    codepoint: Vec<u32>,
}

impl TextIndex {
    /// Indexes `text` (one pass; two `u32` per byte).
    pub fn new(text: &str) -> TextIndex {
        let n = text.len();
        let mut nonspace = vec![0u32; n + 1];
        let mut codepoint = vec![0u32; n + 1];
        let (mut ns, mut cp) = (0u32, 0u32);
        let mut chars = text.char_indices().peekable();
        let mut b = 0;
        while b < n {
            // Offsets inside a character count as its start.
            nonspace[b] = ns;
            codepoint[b] = cp;
            if let Some(&(i, c)) = chars.peek() {
                if i == b {
                    chars.next();
                    cp += 1;
                    if !c.is_whitespace() {
                        ns += 1;
                    }
                }
            }
            b += 1;
        }
        nonspace[n] = ns;
        codepoint[n] = cp;
        TextIndex {
            nonspace,
            codepoint,
        }
    }

    /// Length of the indexed text in bytes.
    pub fn len(&self) -> usize {
        self.nonspace.len() - 1
    }

    /// True when the indexed text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Non-space characters starting inside `span` (clamped to the text).
    pub fn nonspace(&self, span: Span) -> usize {
        let e = span.end.min(self.len());
        let s = span.start.min(e);
        (self.nonspace[e] - self.nonspace[s]) as usize
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub fn codepoint(&self, byte: usize) -> usize {
        self.codepoint[byte.min(self.len())] as usize
    }
}

/// One body sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodySentence {
    /// Index of its block in [`Document::blocks`].
    pub block: usize,
    /// Its bytes in the text.
    pub span: Span,
    /// Its non-space characters.
    pub weight: usize,
}

/// The body sentences of a Document in text order, with the text index.
#[derive(Debug, Clone)]
pub struct SentenceIndex {
    /// Body sentences, in order (disjoint, increasing offsets).
    pub sentences: Vec<BodySentence>,
    /// Prefix counts over the Document's text.
    pub text: TextIndex,
}

/// Tag names, interned: `none` is 0, then `fact`, `analysis`, `quote`, then any
/// other tag in the order first seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    names: Vec<String>,
}

/// The category of a sentence no annotation covers.
pub const NONE: u16 = 0;

impl Default for Categories {
    fn default() -> Self {
        Categories {
            names: ["none", "fact", "analysis", "quote"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

impl Categories {
    /// The id of `tag`, adding it when new.
    pub fn id(&mut self, tag: &str) -> u16 {
        if let Some(i) = self.names.iter().position(|n| n == tag) {
            return i as u16;
        }
        self.names.push(tag.to_string());
        (self.names.len() - 1) as u16
    }

    /// The id of `tag`, when known.
    pub fn id_of(&self, tag: &str) -> Option<u16> {
        self.names.iter().position(|n| n == tag).map(|i| i as u16)
    }

    /// The name of category `id` (`"none"` for unknown ids).
    pub fn name(&self, id: u16) -> &str {
        self.names.get(id as usize).map_or("none", |s| s.as_str())
    }

    /// All names, `none` first.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// How many categories there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Never true (`none` is always there); present for clippy's sake.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The usable span of an annotation: inside the text and non-empty; `None` for
/// orphans and broken spans.
pub fn usable_span(a: &Annotation, text_len: usize) -> Option<Span> {
    a.span.filter(|s| s.start < s.end && s.end <= text_len)
}

impl SentenceIndex {
    /// Indexes the body sentences of `doc` ([`Document::body`]).
    pub fn new(doc: &Document) -> SentenceIndex {
        let mut sentences = Vec::new();
        let text = TextIndex::new(&doc.text);
        for (bi, b) in doc.blocks.iter().enumerate() {
            if !b.kind.is_body() {
                continue;
            }
            for &s in &b.sentences {
                sentences.push(BodySentence {
                    block: bi,
                    span: s,
                    weight: text.nonspace(s),
                });
            }
        }
        sentences.sort_by_key(|s| (s.span.start, s.span.end));
        SentenceIndex { sentences, text }
    }

    /// Indices of the sentences that share at least one byte with `span`.
    pub fn overlapping(&self, span: Span) -> Range<usize> {
        let lo = self.sentences.partition_point(|s| s.span.end <= span.start);
        let hi = lo + self.sentences[lo..].partition_point(|s| s.span.start < span.end);
        lo..hi
    }

    /// One label per body sentence for one annotator (see the module rules in
    /// [`crate::classroom`]): the tag of the annotation covering most of the
    /// sentence's non-space characters, among those covering more than half; ties
    /// go to the annotation that starts first, then to the one listed first.
    pub fn labels(&self, annotations: &[Annotation], cats: &mut Categories) -> Vec<u16> {
        // (coverage, start, list index, category) of the best annotation so far.
        let mut best: Vec<Option<(usize, usize, usize, u16)>> = vec![None; self.sentences.len()];
        for (ai, a) in annotations.iter().enumerate() {
            let Some(span) = usable_span(a, self.text.len()) else {
                continue;
            };
            let mut cat = None;
            for si in self.overlapping(span) {
                let s = self.sentences[si];
                let inter = Span::new(span.start.max(s.span.start), span.end.min(s.span.end));
                let cov = self.text.nonspace(inter);
                if s.weight == 0 || 2 * cov <= s.weight {
                    continue;
                }
                let c = *cat.get_or_insert_with(|| cats.id(&a.tag));
                let better = match best[si] {
                    None => true,
                    Some((bc, bs, bi, _)) => {
                        (cov, std::cmp::Reverse((span.start, ai)))
                            > (bc, std::cmp::Reverse((bs, bi)))
                    }
                };
                if better {
                    best[si] = Some((cov, span.start, ai, c));
                }
            }
        }
        best.into_iter()
            .map(|b| b.map_or(NONE, |(_, _, _, c)| c))
            .collect()
    }
}

/// The merged (sorted, disjoint) spans of the annotations tagged `tag`.
pub fn merged_spans(annotations: &[Annotation], tag: &str, text_len: usize) -> Vec<Span> {
    let mut v: Vec<Span> = annotations
        .iter()
        .filter(|a| a.tag == tag)
        .filter_map(|a| usable_span(a, text_len))
        .collect();
    v.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Non-space characters in the union of merged `spans`.
pub fn chars_in(spans: &[Span], text: &TextIndex) -> usize {
    spans.iter().map(|&s| text.nonspace(s)).sum()
}

/// Non-space characters in the intersection of two merged span lists (linear merge).
pub fn overlap_chars(a: &[Span], b: &[Span], text: &TextIndex) -> usize {
    let (mut i, mut j, mut total) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let s = a[i].start.max(b[j].start);
        let e = a[i].end.min(b[j].end);
        if s < e {
            total += text.nonspace(Span::new(s, e));
        }
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}

/// True when `span` shares a non-space character with one of the merged `spans`.
pub fn touches(span: Span, spans: &[Span], text: &TextIndex) -> bool {
    let lo = spans.partition_point(|s| s.end <= span.start);
    spans[lo..]
        .iter()
        .take_while(|s| s.start < span.end)
        .any(|s| text.nonspace(Span::new(s.start.max(span.start), s.end.min(span.end))) > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_counts_nonspace_and_codepoints() {
        let t = TextIndex::new("é b\n😀");
        assert_eq!(t.nonspace(Span::new(0, t.len())), 3);
        assert_eq!(t.codepoint(t.len()), 5);
        // Offsets inside a character and past the end do not panic.
        assert_eq!(t.nonspace(Span::new(1, 99)), 2);
    }

    #[test]
    fn merge_and_overlap() {
        let text = "abcdefghij";
        let t = TextIndex::new(text);
        let a = [Span::new(0, 4), Span::new(6, 9)];
        let b = [Span::new(2, 7)];
        assert_eq!(overlap_chars(&a, &b, &t), 3); // c d + g
        assert!(touches(Span::new(3, 5), &a, &t));
        assert!(!touches(Span::new(4, 6), &a, &t));
    }
}
