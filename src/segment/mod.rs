//! Article segmentation: page text → [`Document`] (blocks, sentences, quotes, metadata).
//!
//! The pipeline is: normalise line endings → split into non-blank lines → label
//! each line as a block ([`blocks`]) and read metadata → split every block into
//! sentences ([`sentences`]) → find quotations and their speakers ([`quotes`]).
//! All offsets here are UTF-8 byte offsets into [`Document::text`]; convert
//! with [`Document::to_json`] (or [`crate::text::OffsetConverter`]) at a boundary.

pub mod blocks;
mod invariants;
mod json_out;
pub mod quotes;
pub mod sentences;

use crate::text::Span;

pub use invariants::check_invariants;

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// "By …" author line.
    Byline,
    /// Publication / update date line.
    Timestamp,
    /// A photo or video caption.
    Caption,
    /// A photo credit such as "(AP Photo/Jon Chol Jin)".
    Credit,
    /// A subheading inside the article body.
    Subhead,
    /// Article body text.
    Paragraph,
    /// Page furniture that is not part of the article; see [`Block::reason`].
    Boilerplate,
}

impl BlockKind {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Byline => "byline",
            BlockKind::Timestamp => "timestamp",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Subhead => "subhead",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// True for the article body: paragraphs and subheads.
    pub fn is_body(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Subhead)
    }

    /// True for kinds that belong to the article (everything but boilerplate).
    pub fn is_article(self) -> bool {
        self != BlockKind::Boilerplate
    }
}

/// Why a block was judged boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Teasers for related stories.
    Related,
    /// Sponsored / promoted content.
    Sponsored,
    /// Copyright and rights notices.
    Copyright,
    /// Menus, section links, breadcrumbs.
    Navigation,
    /// Share / follow / comment prompts.
    Share,
    /// Advertising labels and calls to subscribe.
    Advertising,
    /// The headline repeated elsewhere on the page.
    DuplicateTitle,
    /// Anything else outside the article.
    Other,
}

impl Reason {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Reason::Related => "related",
            Reason::Sponsored => "sponsored",
            Reason::Copyright => "copyright",
            Reason::Navigation => "navigation",
            Reason::Share => "share",
            Reason::Advertising => "advertising",
            Reason::DuplicateTitle => "duplicate-title",
            Reason::Other => "other",
        }
    }
}

/// One non-blank line of the input, labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// For [`BlockKind::Boilerplate`], why; `None` otherwise.
    pub reason: Option<Reason>,
    /// The line, without surrounding whitespace.
    pub span: Span,
    /// Sentences of the block, in order, disjoint, inside `span`, trimmed.
    pub sentences: Vec<Span>,
}

/// Whether a quotation is a whole statement or words quoted inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// A direct quotation: the quoted words form a sentence or more.
    Direct,
    /// A fragment quoted inside the writer's own sentence.
    Partial,
}

impl QuoteKind {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Where the speaker is named in the text (e.g. `Nam`, `Seoul officials`).
    pub span: Span,
    /// The speaker's name as written (the text of `span`).
    pub name: String,
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words including their quotation marks (to the end of the
    /// paragraph where a quote is left open to continue in the next one).
    pub span: Span,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// The attributed speaker, when the text names one.
    pub speaker: Option<Speaker>,
}

/// Facts about the article read from its page text; each `None` when absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// Publication date/time as written.
    pub published: Option<String>,
    /// Last-update date/time as written.
    pub updated: Option<String>,
    /// Author(s) as written, without "By".
    pub byline: Option<String>,
    /// Dateline place, e.g. `SEOUL, South Korea`.
    pub dateline: Option<String>,
    /// News agency or outlet named in the dateline or credits, e.g. `AP`.
    pub source: Option<String>,
}

/// A segmented article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The input with line endings normalised to `\n`.
    pub text: String,
    /// Metadata read from the page.
    pub metadata: Metadata,
    /// Every non-blank line, in order, labelled.
    pub blocks: Vec<Block>,
    /// Quotations in order of their start.
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Blocks that belong to the article body ([`BlockKind::Paragraph`] and subheads).
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_body())
    }

    /// The text of the body blocks joined by blank lines.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in self.body() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(b.span.of(&self.text));
        }
        out
    }
}

/// Normalises `\r\n` and lone `\r` to `\n`.
pub fn normalize_newlines(input: &str) -> String {
    if !input.contains('\r') {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Segments page text into a [`Document`]: [`segment_layout`] plus the
/// quotations ([`quotes::find`]).
///
/// Never fails and never panics: empty or whitespace-only input gives a
/// Document with no blocks. Time is linear in the input length.
pub fn segment(input: &str) -> Document {
    let mut doc = segment_layout(input);
    doc.quotes = quotes::find(&doc.text, &doc.blocks);
    doc
}

/// The article's layout only: text, metadata, blocks and their sentences, with
/// [`Document::quotes`] left **empty** (quotations are not looked for).
///
/// Blocks, sentences and metadata equal those of [`segment`] for every input
/// (quotes are found after them and change nothing). The browser's reader
/// module uses this, so the quote finder is not part of what every page
/// loads; quotes come on demand from the classroom module.
pub fn segment_layout(input: &str) -> Document {
    let text = normalize_newlines(input);
    let lines = blocks::lines(&text);
    let labelled = blocks::classify(&text, &lines);
    let blocks: Vec<Block> = lines
        .iter()
        .zip(labelled.labels)
        .map(|(&span, (kind, reason))| Block {
            kind,
            reason,
            span,
            sentences: sentences::split(&text, span),
        })
        .collect();
    Document {
        text,
        metadata: labelled.metadata,
        blocks,
        quotes: vec![],
    }
}
