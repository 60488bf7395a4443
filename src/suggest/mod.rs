//! Suggestions that teach: a tag for each body sentence — fact, analysis or
//! quote — with a short reason that names the cue in the text.
//!
//! How a suggestion is made:
//! 1. **Quote** when quotation marks cover most of the sentence (the Document's
//!    quotes, or quotation marks in the text): "quoted words, said Nam".
//! 2. Otherwise a small logistic model ([`weights`], trained offline by
//!    `scripts/train_suggest.py` on news sentences labelled subjective/objective)
//!    reads explainable cue counts found in the **writer's own words** — quoted
//!    words are masked first ([`cues`]). A subjective score means **analysis**,
//!    and the reason names the cues that pushed it there most ("hedge:
//!    “unlikely”").
//! 3. Otherwise **quote** when the sentence reports someone's words ("attributed:
//!    Seoul officials said"), else **fact**, naming checkable specifics when there
//!    are some.
//!
//! Measured on NewsSD-ENG (analysis = SUBJ, fact/quote = OBJ): macro-F1 ≈ 0.69 in
//! 5-fold cross-validation on train and ≈ 0.61 on val (`tests/suggest_subjectivity.rs`);
//! the word lists are short and general, so the wasm stays small (≈ 19 KB gzip).

pub mod cues;
pub mod lexicon;
pub mod weights;

use crate::segment::{Document, QuoteKind};
use crate::text::Span;
use cues::{Cue, CueKind};

/// A suggested tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// A checkable statement in the writer's voice.
    Fact,
    /// The writer's interpretation, judgement or prediction.
    Analysis,
    /// Someone else's words, quoted or reported.
    Quote,
}

impl Tag {
    /// The tag id (`fact`, `analysis`, `quote`).
    pub fn name(self) -> &'static str {
        match self {
            Tag::Fact => "fact",
            Tag::Analysis => "analysis",
            Tag::Quote => "quote",
        }
    }
}

/// A suggestion for one sentence or passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the block in the Document (0 for [`suggest_text`]).
    pub block: usize,
    /// The sentence (bytes of the Document's text, or of the passage).
    pub sentence: Span,
    /// The suggested tag.
    pub tag: Tag,
    /// A short plain-language reason naming the cue(s).
    pub reason: String,
    /// Every cue found, in text order.
    pub cues: Vec<Cue>,
    /// The model's log-odds that the writer's words are subjective.
    pub score: f32,
}

/// The model's log-odds of "analysis" for a feature vector.
pub fn score(features: &[f32]) -> f32 {
    weights::BIAS
        + features
            .iter()
            .zip(weights::WEIGHTS)
            .map(|(x, w)| x * w)
            .sum::<f32>()
}

/// The quotations (scare quotes left out) and every cue of `text`.
fn analyse(text: &str, quoted: Vec<Span>) -> (Vec<Span>, Vec<Cue>) {
    let (quoted, scare) = cues::split_scare_quotes(text, quoted);
    let mut found = cues::find(text, &quoted);
    found.extend(scare);
    found.sort_by_key(|c| (c.span.start, c.span.end));
    (quoted, found)
}

/// The feature vector of a passage (names in [`cues::FEATURES`]); for training.
pub fn features_of(text: &str) -> Vec<f32> {
    let (quoted, found) = analyse(text, cues::quoted_spans(text));
    cues::features(text, &quoted, &found)
}

/// Suggests a tag for one sentence or passage on its own.
pub fn suggest_text(text: &str) -> Suggestion {
    decide(
        text,
        0,
        Span::new(0, text.len()),
        cues::quoted_spans(text),
        None,
    )
}

/// Suggests a tag for each body sentence of `doc`, in order; cue spans are bytes
/// of `doc.text`.
pub fn suggest(doc: &Document) -> Vec<Suggestion> {
    let mut out = vec![];
    let mut qi = 0;
    for (bi, b) in doc.blocks.iter().enumerate() {
        if !b.kind.is_body() {
            continue;
        }
        for &s in &b.sentences {
            let Some(text) = doc.text.get(s.start..s.end) else {
                continue;
            };
            // Quotes of the Document overlapping this sentence, relative to it.
            while qi < doc.quotes.len() && doc.quotes[qi].span.end <= s.start {
                qi += 1;
            }
            let mut quoted = cues::quoted_spans(text);
            let mut speaker = None;
            let here = doc.quotes[qi..]
                .iter()
                .take_while(|q| q.span.start < s.end)
                .filter(|q| q.span.end > s.start);
            for q in here {
                let a = q.span.start.max(s.start) - s.start;
                let e = q.span.end.min(s.end) - s.start;
                if a < e && text.is_char_boundary(a) && text.is_char_boundary(e) {
                    quoted.push(Span::new(a, e));
                    if speaker.is_none() || q.kind == QuoteKind::Direct {
                        speaker = q.speaker.as_ref().map(|sp| sp.name.clone());
                    }
                }
            }
            let mut sg = decide(text, bi, s, merge(quoted), speaker);
            for c in &mut sg.cues {
                c.span = Span::new(c.span.start + s.start, c.span.end + s.start);
            }
            out.push(sg);
        }
    }
    out
}

fn merge(mut v: Vec<Span>) -> Vec<Span> {
    v.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = vec![];
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Up to 32 characters of a cue's text, for a reason.
fn cue_text(text: &str, c: &Cue) -> String {
    let t = text.get(c.span.start..c.span.end).unwrap_or("").trim();
    let mut s: String = t.chars().take(32).collect();
    if t.chars().count() > 32 {
        s.push('…');
    }
    s
}

fn decide(
    text: &str,
    block: usize,
    sentence: Span,
    quoted: Vec<Span>,
    speaker: Option<String>,
) -> Suggestion {
    let (quoted, found) = analyse(text, quoted);
    let f = cues::features(text, &quoted, &found);
    let score = score(&f);
    let quoted_share = f[17];
    let first = |k: CueKind| found.iter().find(|c| c.kind == k);
    let (tag, reason) = if quoted_share > 0.5 {
        let who = speaker
            .map(|s| format!("said {s}"))
            .or_else(|| first(CueKind::Attribution).map(|c| cue_text(text, c)));
        let reason = match who {
            Some(w) => format!("quoted words, {w}"),
            None => "quoted words (speaker not named)".to_string(),
        };
        (Tag::Quote, reason)
    } else if score > 0.0 {
        let mut reason = analysis_reason(text, &found);
        if let Some(c) = first(CueKind::Attribution) {
            reason.push_str(&format!(" — but attributed: {}", cue_text(text, c)));
        }
        (Tag::Analysis, reason)
    } else if let Some(c) = first(CueKind::VagueSource) {
        (
            Tag::Quote,
            format!("attributed to a vague source: {}", cue_text(text, c)),
        )
    } else if let Some(c) = first(CueKind::Attribution) {
        (Tag::Quote, format!("attributed: {}", cue_text(text, c)))
    } else {
        let specifics: Vec<String> = found
            .iter()
            .filter(|c| c.kind == CueKind::Specific)
            .take(3)
            .map(|c| format!("“{}”", cue_text(text, c)))
            .collect();
        let weak: Vec<String> = found
            .iter()
            .filter(|c| {
                cues::feature_of(c.kind)
                    .and_then(|i| weights::WEIGHTS.get(i))
                    .is_some_and(|&w| w > 0.0)
            })
            .take(2)
            .map(|c| format!("“{}”", cue_text(text, c)))
            .collect();
        let reason = if !weak.is_empty() && specifics.is_empty() {
            format!(
                "a statement to check; only weak opinion cues: {}",
                weak.join(", ")
            )
        } else if specifics.is_empty() {
            "a plain statement in the writer's words, with no opinion cue".to_string()
        } else {
            format!("checkable specifics: {}", specifics.join(", "))
        };
        (Tag::Fact, reason)
    };
    Suggestion {
        block,
        sentence,
        tag,
        reason,
        cues: found,
        score,
    }
}

/// How much a cue kind must be named in an analysis reason, whatever its weight:
/// who says so (a vague source) first, then the writer interpreting causes or
/// motives ("in the hopes", "signaled"), the two cues a reader should learn to
/// spot even where the model learned little from them; 0 for the rest.
fn must_name(k: CueKind) -> u8 {
    match k {
        CueKind::VagueSource => 2,
        CueKind::Causal => 1,
        _ => 0,
    }
}

/// Names (at most two) cue kinds present: those of [`must_name`] first, then the
/// largest positive weights.
fn analysis_reason(text: &str, found: &[Cue]) -> String {
    let mut kinds: Vec<(f32, CueKind)> = vec![];
    for c in found {
        if let Some(i) = cues::feature_of(c.kind) {
            let w = weights::WEIGHTS.get(i).copied().unwrap_or(0.0);
            let wanted = w > 0.0 || must_name(c.kind) > 0;
            if wanted && !kinds.iter().any(|(_, k)| *k == c.kind) {
                kinds.push((w, c.kind));
            }
        }
    }
    kinds.sort_by(|a, b| {
        must_name(b.1)
            .cmp(&must_name(a.1))
            .then(b.0.total_cmp(&a.0))
    });
    let parts: Vec<String> = kinds
        .iter()
        .take(2)
        .map(|&(_, k)| {
            let words: Vec<String> = found
                .iter()
                .filter(|c| c.kind == k)
                .take(2)
                .map(|c| format!("“{}”", cue_text(text, c)))
                .collect();
            format!("{}: {}", k.name(), words.join(", "))
        })
        .collect();
    if parts.is_empty() {
        "the writer's own interpretation: no source and nothing checkable".to_string()
    } else {
        parts.join("; ")
    }
}
