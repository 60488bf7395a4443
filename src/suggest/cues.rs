//! Finding cues in a sentence: words, quoted stretches, and the cue phrases of
//! [`super::lexicon`], each with its span, plus the feature vector the model reads.
//!
//! Only the writer's own words count as opinion cues: words inside quotation
//! marks are masked before looking for every cue but the quote itself.

use super::lexicon as lx;
use crate::text::Span;

/// What a cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// Words inside quotation marks.
    Quote,
    /// A few words (at most three) in quotation marks inside the writer's own
    /// sentence: "scare quotes" that distance the writer from a word.
    ScareQuote,
    /// Reported speech: "Seoul officials said", "according to".
    Attribution,
    /// An unnamed, vague source: "some experts say".
    VagueSource,
    /// Uncertainty: "may", "unlikely".
    Hedge,
    /// A prediction: "will", "anytime soon".
    Prediction,
    /// Praise, blame or judgement: "misguided", "remarkable".
    Evaluative,
    /// Intensifier or certainty: "very", "clearly", "of course".
    Intensifier,
    /// What should happen: "should", "must".
    Obligation,
    /// The writer as "I"/"we".
    FirstPerson,
    /// The reader addressed as "you".
    SecondPerson,
    /// An opinion verb: "think", "believe", "hope".
    Opinion,
    /// Interpreting causes or meaning: "in the hopes", "signaled", "because".
    Causal,
    /// Contrast or concession: "but", "while".
    Contrast,
    /// Comparison: "more", "than", "best".
    Comparative,
    /// Negation: "not", "never".
    Negation,
    /// A checkable specific: a number, a date, a weekday.
    Specific,
    /// A question asked by the writer.
    Question,
    /// An exclamation.
    Exclamation,
    /// A time reference: "last week", "recently".
    Time,
    /// A quantity: "million", "nearly".
    Quantity,
    /// A role or institution: "president", "study".
    Role,
    /// A sweeping generalisation: "everything", "such".
    General,
    /// An abstract idea: "democracy", "society".
    Abstract,
    /// Ability or hypothetical: "can", "would".
    Modal,
    /// A manner adverb: "abruptly".
    Manner,
    /// A descriptive adjective: "vigorous", "hostile".
    Descriptive,
    /// A conversational opener: "And", "So".
    Opener,
}

impl CueKind {
    /// The name used in JSON and in reasons.
    pub fn name(self) -> &'static str {
        match self {
            CueKind::Quote => "quote",
            CueKind::ScareQuote => "scare quotes",
            CueKind::Attribution => "attribution",
            CueKind::VagueSource => "vague source",
            CueKind::Hedge => "hedge",
            CueKind::Prediction => "prediction",
            CueKind::Evaluative => "judgement word",
            CueKind::Intensifier => "intensifier",
            CueKind::Obligation => "should/must",
            CueKind::FirstPerson => "first person",
            CueKind::SecondPerson => "addresses the reader",
            CueKind::Opinion => "opinion verb",
            CueKind::Causal => "interprets cause or motive",
            CueKind::Contrast => "contrast",
            CueKind::Comparative => "comparison",
            CueKind::Negation => "negation",
            CueKind::Specific => "checkable specific",
            CueKind::Question => "question",
            CueKind::Exclamation => "exclamation",
            CueKind::Time => "time reference",
            CueKind::Quantity => "quantity",
            CueKind::Role => "role or institution",
            CueKind::General => "generalisation",
            CueKind::Abstract => "abstract idea",
            CueKind::Modal => "can/would",
            CueKind::Manner => "manner adverb",
            CueKind::Descriptive => "descriptive word",
            CueKind::Opener => "conversational opener",
        }
    }
}

/// A cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Where (bytes of the text given to the suggester).
    pub span: Span,
    /// What it signals.
    pub kind: CueKind,
}

/// A word of the text.
#[derive(Debug, Clone)]
pub struct Word {
    /// Where.
    pub span: Span,
    /// ASCII lower case (the word lists are ASCII), `’` as `'`.
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Inside quotation marks.
    pub quoted: bool,
}

/// Splits quoted spans into quotations (returned) and scare quotes of at most
/// three words inside a longer sentence (cues), which stay the writer's words.
pub fn split_scare_quotes(text: &str, quoted: Vec<Span>) -> (Vec<Span>, Vec<Cue>) {
    let total = text.split_whitespace().count();
    let mut scare = vec![];
    let mut real = vec![];
    for q in quoted {
        let n = q.of(text).split_whitespace().count();
        if n <= 3 && total > n + 3 && q.end < text.len() {
            scare.push(Cue {
                span: q,
                kind: CueKind::ScareQuote,
            });
        } else {
            real.push(q);
        }
    }
    (real, scare)
}

/// Spans inside quotation marks (“…”, "…", and ‘…’ opened at a word start),
/// marks included; a quote left open runs to the end, and a closing ” with no
/// opening mark closes a quote that began before the text (from its start).
pub fn quoted_spans(text: &str) -> Vec<Span> {
    let mut out = vec![];
    let first_open = text.find('“').unwrap_or(text.len());
    if let Some(close) = text.find('”').filter(|&c| c < first_open) {
        out.push(Span::new(0, close + '”'.len_utf8()));
    }
    let skip = out.first().map_or(0, |s| s.end);
    let mut open: Option<(usize, char)> = None;
    let mut prev = ' ';
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map_or(' ', |&(_, n)| n);
        if i < skip {
            prev = c;
            continue;
        }
        match open {
            None => {
                let starts = c == '“'
                    || c == '"'
                    || (c == '‘' && !prev.is_alphanumeric() && next.is_alphanumeric());
                if starts {
                    open = Some((i, c));
                }
            }
            Some((s, o)) => {
                let closes = match o {
                    '“' => c == '”',
                    '"' => c == '"',
                    _ => c == '’' && !next.is_alphanumeric(),
                };
                if closes {
                    out.push(Span::new(s, i + c.len_utf8()));
                    open = None;
                }
            }
        }
        prev = c;
    }
    if let Some((s, _)) = open {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Splits `text` into words (letters/digits with inner `'`, `’`, `-`, `.`, `,`
/// between digits), marking those inside `quoted` (sorted spans).
pub fn words(text: &str, quoted: &[Span]) -> Vec<Word> {
    let mut out = vec![];
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut q = 0;
    let mut push = |s: usize, e: usize, out: &mut Vec<Word>| {
        let w = &text[s..e];
        let lower: String = w
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .map(|c| c.to_ascii_lowercase())
            .collect();
        while q < quoted.len() && quoted[q].end <= s {
            q += 1;
        }
        let quoted = q < quoted.len() && quoted[q].start <= s;
        out.push(Word {
            span: Span::new(s, e),
            lower,
            cap: w.chars().next().is_some_and(char::is_uppercase),
            quoted,
        });
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-' | '.' | ',')
            && start.is_some()
            && k > 0
            && k + 1 < chars.len()
            && chars[k - 1].1.is_alphanumeric()
            && chars[k + 1].1.is_alphanumeric()
            && (!matches!(c, '.' | ',')
                || (chars[k - 1].1.is_ascii_digit() && chars[k + 1].1.is_ascii_digit()));
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push(s, i, &mut out);
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

fn is(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// A judgement word, or an adverb made from one ("brutally", "tragically",
/// "terribly", "happily").
fn evaluative(w: &str) -> bool {
    if is(lx::EVALUATIVE, w) {
        return true;
    }
    let Some(stem) = w.strip_suffix("ly") else {
        return false;
    };
    is(lx::EVALUATIVE, stem)
        || stem
            .strip_suffix("al")
            .is_some_and(|s| is(lx::EVALUATIVE, s))
        || stem
            .strip_suffix('i')
            .is_some_and(|s| is(lx::EVALUATIVE, &format!("{s}y")))
        || is(lx::EVALUATIVE, &format!("{stem}le"))
        || is(lx::EVALUATIVE, &format!("{stem}e"))
}

/// The number of words of `phrase` matching at `words[i..]` (unquoted), or 0.
fn phrase_at(words: &[Word], i: usize, phrase: &str) -> usize {
    let mut n = 0;
    for p in phrase.split(' ') {
        match words.get(i + n) {
            Some(w) if !w.quoted && w.lower == p => n += 1,
            _ => return 0,
        }
    }
    n
}

/// Words that end a speaker phrase on its left ("… and officials said").
const NOT_SPEAKER: &[&str] = &[
    "and", "as", "because", "but", "if", "or", "so", "than", "that", "when", "which", "while",
    "who",
];

/// Words that begin a speaker phrase ("the mayor", "his aide").
const SPEAKER_START: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

/// Finds every cue in `text` (quoted spans given, sorted). Spans are bytes of `text`.
pub fn find(text: &str, quoted: &[Span]) -> Vec<Cue> {
    let ws = words(text, quoted);
    let mut cues: Vec<Cue> = quoted
        .iter()
        .map(|&span| Cue {
            span,
            kind: CueKind::Quote,
        })
        .collect();
    let mut taken = vec![false; ws.len()];
    let add = |cues: &mut Vec<Cue>, taken: &mut [bool], a: usize, b: usize, kind| {
        for t in taken.iter_mut().take(b).skip(a) {
            *t = true;
        }
        cues.push(Cue {
            span: Span::new(ws[a].span.start, ws[b - 1].span.end),
            kind,
        });
    };
    let phrase_kinds: [(&[&str], CueKind); 7] = [
        (lx::HEDGE_PHRASES, CueKind::Hedge),
        (lx::PREDICTION_PHRASES, CueKind::Prediction),
        (lx::EVALUATIVE_PHRASES, CueKind::Evaluative),
        (lx::INTENSIFIER_PHRASES, CueKind::Intensifier),
        (lx::OBLIGATION_PHRASES, CueKind::Obligation),
        (lx::CAUSAL_PHRASES, CueKind::Causal),
        (lx::ATTRIBUTION_PHRASES, CueKind::Attribution),
    ];
    // Vague sources first ("Some experts say"), then multi-word phrases.
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let verb = |j: usize| {
            ws.get(j).is_some_and(|n: &Word| {
                !n.quoted && (is(lx::ATTRIBUTION, &n.lower) || is(lx::OPINION, &n.lower))
            })
        };
        let mut j = i;
        if !w.quoted {
            let next_source = ws
                .get(i + 1)
                .is_some_and(|n| !n.quoted && is(lx::SOURCE_NOUNS, &n.lower));
            let named_before = i > 0 && (ws[i - 1].cap || ws[i - 1].lower == "the");
            if is(lx::VAGUE_QUANT, &w.lower) && next_source {
                j = i + 2;
            } else if is(lx::SOURCE_NOUNS, &w.lower)
                && w.lower != "officials"
                && !named_before
                && verb(i + 1)
            {
                j = i + 1;
            }
        }
        if j > i {
            if verb(j) {
                j += 1;
            }
            add(&mut cues, &mut taken, i, j, CueKind::VagueSource);
            i = j;
            continue;
        }
        let mut hit = false;
        for (list, kind) in phrase_kinds {
            for p in list {
                let n = phrase_at(&ws, i, p);
                if n > 1 {
                    add(&mut cues, &mut taken, i, i + n, kind);
                    i += n;
                    hit = true;
                    break;
                }
            }
            if hit {
                break;
            }
        }
        if !hit {
            i += 1;
        }
    }
    // Single words.
    for (i, w) in ws.iter().enumerate() {
        if w.quoted || taken[i] {
            continue;
        }
        let l = w.lower.as_str();
        let kind = if i == 0 && is(lx::OPENER, l) {
            CueKind::Opener
        } else if is(lx::ATTRIBUTION, l) {
            // Extend to the speaker: "Seoul officials said" or "said Nam".
            let mut a = i;
            while a > 0
                && i - a < 4
                && !taken[a - 1]
                && !ws[a - 1].quoted
                && !NOT_SPEAKER.contains(&ws[a - 1].lower.as_str())
                && text[ws[a - 1].span.end..ws[a].span.start].trim().is_empty()
            {
                a -= 1;
                if SPEAKER_START.contains(&ws[a].lower.as_str()) {
                    break;
                }
            }
            let mut b = i + 1;
            if a == i {
                while b < ws.len()
                    && b - i <= 3
                    && ws[b].cap
                    && !ws[b].quoted
                    && text[ws[b - 1].span.end..ws[b].span.start].trim().is_empty()
                {
                    b += 1;
                }
            }
            let lone = a == i && b == i + 1;
            // A bare "say"/"says" with no speaker is too weak to call attribution.
            if lone && matches!(l, "asked" | "claims") {
                continue;
            }
            add(&mut cues, &mut taken, a, b, CueKind::Attribution);
            continue;
        } else if is(lx::HEDGE, l) {
            CueKind::Hedge
        } else if is(lx::PREDICTION, l) {
            CueKind::Prediction
        } else if evaluative(l) {
            CueKind::Evaluative
        } else if is(lx::INTENSIFIER, l) {
            CueKind::Intensifier
        } else if is(lx::OBLIGATION, l) {
            CueKind::Obligation
        } else if is(lx::FIRST_PERSON, l) && w.span.of(text) != "US" {
            CueKind::FirstPerson
        } else if is(lx::SECOND_PERSON, l) {
            CueKind::SecondPerson
        } else if is(lx::OPINION, l) {
            CueKind::Opinion
        } else if is(lx::CAUSAL, l) {
            CueKind::Causal
        } else if is(lx::CONTRAST, l) {
            CueKind::Contrast
        } else if is(lx::COMPARATIVE, l)
            || (l.ends_with("est") && l.len() > 6 && l.starts_with("most"))
        {
            CueKind::Comparative
        } else if is(lx::NEGATION, l) || l.ends_with("n't") {
            CueKind::Negation
        } else if is(lx::DATES, l) || l.bytes().any(|b| b.is_ascii_digit()) {
            CueKind::Specific
        } else if is(lx::TIME, l) {
            CueKind::Time
        } else if is(lx::QUANTITY, l) {
            CueKind::Quantity
        } else if is(lx::ROLE, l) {
            CueKind::Role
        } else if is(lx::GENERAL, l) {
            CueKind::General
        } else if is(lx::ABSTRACT, l) {
            CueKind::Abstract
        } else if is(lx::MODAL, l) {
            CueKind::Modal
        } else if l.len() > 5 && l.ends_with("ly") && !w.cap && !is(lx::NOT_MANNER, l) {
            CueKind::Manner
        } else if l.len() > 6 && !w.cap && lx::ADJ_ENDINGS.iter().any(|e| l.ends_with(e)) {
            CueKind::Descriptive
        } else {
            continue;
        };
        add(&mut cues, &mut taken, i, i + 1, kind);
    }
    // Question and exclamation marks outside quotes.
    for (i, c) in text.char_indices() {
        let kind = match c {
            '?' => CueKind::Question,
            '!' => CueKind::Exclamation,
            _ => continue,
        };
        if !quoted.iter().any(|q| q.start <= i && i < q.end) {
            cues.push(Cue {
                span: Span::new(i, i + 1),
                kind,
            });
        }
    }
    cues.sort_by_key(|c| (c.span.start, c.span.end));
    cues
}

/// Names of the model's features, in order (see [`features`]).
pub const FEATURES: &[&str] = &[
    "hedge",
    "prediction",
    "judgement_word",
    "intensifier",
    "should_must",
    "first_person",
    "second_person",
    "opinion_verb",
    "causal",
    "contrast",
    "attribution",
    "vague_source",
    "comparison",
    "negation",
    "specifics",
    "question",
    "exclamation",
    "quoted_share",
    "proper_name_share",
    "past_tense_share",
    "present_be",
    "sqrt_words_over_5",
    "time_reference",
    "quantity",
    "role_or_institution",
    "generalisation",
    "abstract_idea",
    "can_would",
    "manner_adverb",
    "descriptive_word",
    "scare_quotes",
    "opener",
];

fn kind_feature(k: CueKind) -> Option<usize> {
    Some(match k {
        CueKind::Hedge => 0,
        CueKind::Prediction => 1,
        CueKind::Evaluative => 2,
        CueKind::Intensifier => 3,
        CueKind::Obligation => 4,
        CueKind::FirstPerson => 5,
        CueKind::SecondPerson => 6,
        CueKind::Opinion => 7,
        CueKind::Causal => 8,
        CueKind::Contrast => 9,
        CueKind::Attribution => 10,
        CueKind::VagueSource => 11,
        CueKind::Comparative => 12,
        CueKind::Negation => 13,
        CueKind::Specific => 14,
        CueKind::Question => 15,
        CueKind::Exclamation => 16,
        CueKind::Time => 22,
        CueKind::Quantity => 23,
        CueKind::Role => 24,
        CueKind::General => 25,
        CueKind::Abstract => 26,
        CueKind::Modal => 27,
        CueKind::Manner => 28,
        CueKind::Descriptive => 29,
        CueKind::ScareQuote => 30,
        CueKind::Opener => 31,
        CueKind::Quote => return None,
    })
}

/// The feature index a cue kind counts towards (`None` for quotes, which count
/// through `quoted_share`).
pub fn feature_of(k: CueKind) -> Option<usize> {
    kind_feature(k)
}

/// The feature vector of `text` with its cues (see [`FEATURES`]): cue counts capped
/// at 3, shares in 0..=1, and √words / 5 (a square root is one wasm instruction).
pub fn features(text: &str, quoted: &[Span], cues: &[Cue]) -> Vec<f32> {
    let mut f = vec![0f32; FEATURES.len()];
    for c in cues {
        if let Some(i) = kind_feature(c.kind) {
            f[i] = (f[i] + 1.0).min(3.0);
        }
    }
    let ws = words(text, quoted);
    let nonspace = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let total = nonspace(text).max(1);
    let q: usize = quoted.iter().map(|s| nonspace(s.of(text))).sum();
    f[17] = (q as f32 / total as f32).min(1.0);
    let own: Vec<&Word> = ws.iter().filter(|w| !w.quoted).collect();
    let n = own.len().max(1) as f32;
    let proper = own.iter().skip(1).filter(|w| w.cap).count();
    f[18] = proper as f32 / n;
    let past = own
        .iter()
        .filter(|w| is(lx::PAST, &w.lower) || (w.lower.ends_with("ed") && w.lower.len() > 4))
        .count();
    f[19] = past as f32 / n;
    f[20] = own
        .iter()
        .filter(|w| is(lx::PRESENT_BE, &w.lower))
        .count()
        .min(3) as f32;
    f[21] = (ws.len() as f32).sqrt() / 5.0;
    f
}
