//! Re-anchoring: finding where an annotation's text went after the article changed.
//!
//! In the spirit of Hypothesis, an annotation is described by its selectors —
//! the quote (`exact`) with ~32 characters of `prefix`/`suffix` context, and the
//! old position. All annotations of one import are placed together
//! ([`anchor_all`]; [`anchor`] is the same for one):
//!
//! 1. **landmarks** ([`index`]): annotations whose quote with its whole context
//!    (or with one side of it, the other side being nowhere) occurs exactly
//!    once, in the same order as the old positions, are placed there; the
//!    shifts they show locate every other annotation without a diff;
//! 2. **exact**: occurrences of the quote between the neighbouring landmarks,
//!    judged by context and by the editing their position would imply;
//! 3. **fuzzy**: an approximate match with at most ~quote length / 4 edits
//!    ([`fuzzy`]) in a bounded window around where the shift puts it;
//! 4. otherwise an **orphan**: no span, the quote is kept. Two candidates about
//!    equally good in words, context and position also give an orphan: better
//!    no highlight than one on the wrong copy of repeated words.
//!
//! Repeated words (menus, cookie notices, lists) need more than the quote and
//! its context: when the annotated copy was deleted, a surviving copy may
//! carry the same context, or inherit half of it from the deleted text.
//! claimmark's exports therefore say where the other copies were
//! ([`Copies`]): when the text now holds fewer copies than then, a candidate
//! that such a copy could explain, given the landmarks around, is not taken,
//! and with as many copies as then, a tie goes to the one at the annotation's
//! rank. Annotations without the hint (other tools') go without these checks.
//! Likewise an approximate match with neither side of the context left is not
//! taken where the landmarks show that at least the quote's length of text was
//! deleted: it is a similar passage, the annotated one being gone.
//!
//! Without any landmark, the old position still holding the quote in much the
//! same context is taken as is (**position**).
//!
//! All offsets here are UTF-8 bytes of the current text.

pub mod bench;
pub mod fuzzy;
pub mod index;

use crate::text::Span;

/// What is known about where an annotation was.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selector<'a> {
    /// The annotated text as it was.
    pub exact: &'a str,
    /// Text just before it (up to ~32 characters).
    pub prefix: &'a str,
    /// Text just after it (up to ~32 characters).
    pub suffix: &'a str,
    /// Where it was (bytes into the *current* text, possibly stale; any values).
    pub hint: Option<Span>,
    /// Where the other copies of the quote were (claimmark's own exports).
    pub copies: Option<Copies>,
}

/// Where the other occurrences of an annotation's quote were in the text it
/// was exported from (`claimmark:copies`). Distances are from its start to
/// theirs, in UTF-8 bytes of that text, as [`Selector::hint`] and the
/// landmarks are measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Copies {
    /// Occurrences of the quote (overlapping ones too), itself included.
    pub count: usize,
    /// Which of them it is (0-based, in text order).
    pub index: usize,
    /// Distances to the nearest other occurrence before it by the sides of
    /// the context it shares (index [`ANY`], [`PREFIX`], [`SUFFIX`], [`BOTH`]),
    /// then after it (index 4 + those); 0 where there is none.
    pub near: [usize; 8],
}

/// [`Copies`] index: any other occurrence.
pub const ANY: usize = 0;
/// [`Copies`] index: one with the same prefix.
pub const PREFIX: usize = 1;
/// [`Copies`] index: one with the same suffix.
pub const SUFFIX: usize = 2;
/// [`Copies`] index: one with the same prefix and suffix.
pub const BOTH: usize = 3;

/// Which sides of the selector's context surround `span` of `text` unchanged
/// ([`ANY`] for neither … [`BOTH`]).
fn sides(text: &str, span: Span, prefix: &str, suffix: &str) -> usize {
    usize::from(text[..span.start].ends_with(prefix))
        | usize::from(text[span.end..].starts_with(suffix)) << 1
}

/// Calls `f` with the start of each occurrence of `needle` in `text`
/// (overlapping ones too), in order, while it returns true.
fn each_occurrence(text: &str, needle: &str, f: &mut dyn FnMut(usize) -> bool) {
    if needle.is_empty() {
        return;
    }
    let step = needle.chars().next().map_or(1, char::len_utf8);
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        if !f(from + i) {
            return;
        }
        from += i + step;
    }
}

/// The [`Copies`] of `span` of `text` with the context `prefix`/`suffix`.
pub fn copies(text: &str, span: Span, prefix: &str, suffix: &str) -> Copies {
    let mut c = Copies::default();
    each_occurrence(text, span.of(text), &mut |st| {
        let k = sides(text, Span::new(st, st + span.len()), prefix, suffix);
        for j in 0..4 {
            if st == span.start || j & k != j {
            } else if st < span.start {
                c.near[j] = span.start - st;
            } else if c.near[4 + j] == 0 {
                c.near[4 + j] = st - span.start;
            }
        }
        if st == span.start {
            c.index = c.count;
        }
        c.count += 1;
        true
    });
    c
}

/// How an annotation was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The old position still holds the quote.
    Position,
    /// An exact occurrence of the quote.
    Exact,
    /// An approximate occurrence of the quote.
    Fuzzy,
    /// Not placed.
    Orphan,
}

impl Method {
    /// Lower-case name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Method::Position => "position",
            Method::Exact => "exact",
            Method::Fuzzy => "fuzzy",
            Method::Orphan => "orphan",
        }
    }
}

/// The result of anchoring one annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchored {
    /// Where it is now; `None` for an orphan.
    pub span: Option<Span>,
    /// How it was found.
    pub method: Method,
}

/// The largest byte offset `<= i` that is a char boundary of `text` (clamped to its length).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Places one annotation on `text` (see the module docs for the order of attempts).
pub fn anchor(text: &str, sel: &Selector<'_>) -> Anchored {
    anchor_all(text, std::slice::from_ref(sel))
        .pop()
        .unwrap_or(ORPHAN)
}

const ORPHAN: Anchored = Anchored {
    span: None,
    method: Method::Orphan,
};

/// Most net insertion + deletion (bytes) a placement may imply beyond what the
/// landmarks around it show (see [`Frame::cost`]); farther is another place.
const MAX_SHIFT_COST: usize = 64;

/// Places every annotation of one import on `text` together (the result is in
/// the order of `sels`).
///
/// Annotations whose quote *with its whole context* is found exactly once, in
/// the same order as their old positions, are placed there and become
/// landmarks ([`index`]): between two of them the old text can only have
/// moved by the shifts they show, so every other annotation is looked for
/// between its neighbouring landmarks, near where that shift puts it. A match
/// that would need more editing than the landmarks allow is another copy of
/// the words, not the annotated text; two matches equally good in words,
/// context and position are ambiguous: both give an orphan rather than a guess.
pub fn anchor_all(text: &str, sels: &[Selector<'_>]) -> Vec<Anchored> {
    // Per selector: prefix+exact+suffix, prefix+exact, exact+suffix.
    let mut needles: Vec<String> = Vec::with_capacity(3 * sels.len());
    for s in sels {
        let ok = s.hint.is_some() && !s.exact.is_empty();
        for (p, q) in [(true, true), (true, false), (false, true)] {
            let mut t = String::new();
            if ok {
                if p {
                    t.push_str(s.prefix);
                }
                t.push_str(s.exact);
                if q {
                    t.push_str(s.suffix);
                }
            }
            needles.push(t);
        }
    }
    let mut bytes: Vec<&[u8]> = Vec::with_capacity(needles.len());
    for t in &needles {
        bytes.push(t.as_bytes());
    }
    let found = index::find_all(text.as_bytes(), &bytes);
    let mut own: Vec<Option<index::Mark>> = Vec::with_capacity(sels.len());
    for (k, s) in sels.iter().enumerate() {
        own.push(own_mark(
            text,
            s,
            &found[3 * k..3 * k + 3],
            &needles[3 * k..3 * k + 3],
        ));
    }
    let mut marks: Vec<index::Mark> = vec![];
    for m in own.iter().flatten() {
        marks.push(*m);
    }
    if !marks.is_empty() {
        // The start of the text is where it was.
        marks.push(index::Mark { old: 0, new: 0 });
    }
    let marks = index::rigid(index::chain(marks), MAX_SHIFT_COST);
    let mut out = Vec::with_capacity(sels.len());
    for (k, s) in sels.iter().enumerate() {
        out.push(match own[k] {
            Some(m) if marks.binary_search(&m).is_ok() => {
                placed(Span::new(m.new, m.new + s.exact.len()), s, Method::Exact)
            }
            _ => place(text, s, &Frame::new(&marks, s.hint), marks.is_empty()),
        });
    }
    out
}

/// Where the selector's quote is now if its needles (`f`: what was found of
/// `n`, see [`anchor_all`]) make it a landmark candidate.
fn own_mark(text: &str, s: &Selector<'_>, f: &[index::Found], n: &[String]) -> Option<index::Mark> {
    let h = s.hint?;
    // The quote with its whole context once, and no other place with
    // half of it; or half of the context once and the other half nowhere.
    // A half too short to look up does not count against the whole.
    let half = |k: usize| {
        if n[k].len() < index::KEY && f[0].count == 1 {
            1
        } else {
            f[k].count
        }
    };
    // Found once now, it may still be another copy: one that had the same
    // context, or took over half of it when the text between was deleted.
    let twin = s
        .copies
        .is_some_and(|c| c.near[BOTH] + c.near[4 + BOTH] > 0);
    let new = match (f[0].count, half(1), half(2)) {
        (1, 1, 1) if !twin => f[0].first + s.prefix.len(),
        (0, 1, 0) => f[1].first + s.prefix.len(),
        (0, 0, 1) => f[2].first,
        _ => return None,
    };
    let span = Span::new(new, new + s.exact.len());
    if f[0].count == 0 && Frame::default().doubt(text, span, s, &mut None) {
        return None;
    }
    Some(index::Mark { old: h.start, new })
}

fn placed(span: Span, sel: &Selector<'_>, method: Method) -> Anchored {
    let method = if sel.hint == Some(span) {
        Method::Position
    } else {
        method
    };
    Anchored {
        span: Some(span),
        method,
    }
}

/// Where an annotation may be now, from its old start and the landmarks
/// around it (old positions are the hints, new ones bytes of the text).
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    old: Option<usize>,
    left: Option<index::Mark>,
    right: Option<index::Mark>,
}

impl Frame {
    fn new(marks: &[index::Mark], hint: Option<Span>) -> Frame {
        let old = hint.map(|h| h.start);
        let (left, right) = match old {
            Some(o) => {
                let l = marks.partition_point(|m| m.old <= o);
                let r = marks.partition_point(|m| m.old < o);
                (l.checked_sub(1).map(|j| marks[j]), marks.get(r).copied())
            }
            None => (None, None),
        };
        Frame { old, left, right }
    }

    /// Allowed new starts: between the neighbouring landmarks.
    fn range(&self, len: usize) -> (usize, usize) {
        (
            self.left.map_or(0, |m| m.new),
            self.right.map_or(len, |m| m.new.min(len)),
        )
    }

    /// The least net insertion + deletion (bytes) that puts the annotation's
    /// start at `n` given the landmarks around it (0 for a shift between
    /// theirs; distance from the old position without landmarks; 0 without a
    /// position); `None` out of order.
    fn cost(&self, n: usize) -> Option<usize> {
        let Some(o) = self.old else { return Some(0) };
        let s = n as isize - o as isize;
        let shift = |m: index::Mark| m.new as isize - m.old as isize;
        match (self.left, self.right) {
            (None, None) => Some(n.abs_diff(o)),
            (Some(l), None) => (n >= l.new).then(|| s.abs_diff(shift(l))),
            (None, Some(r)) => (n <= r.new).then(|| s.abs_diff(shift(r))),
            (Some(l), Some(r)) => {
                if n < l.new || n > r.new {
                    return None;
                }
                let (a, b) = (shift(l).min(shift(r)), shift(l).max(shift(r)));
                Some(
                    2 * if s < a {
                        a.abs_diff(s)
                    } else if s > b {
                        s.abs_diff(b)
                    } else {
                        0
                    },
                )
            }
        }
    }

    /// Net bytes deleted between the landmarks around (`None` without one on
    /// each side).
    fn deleted(&self) -> Option<usize> {
        let (l, r) = self.left.zip(self.right)?;
        Some((l.new + r.old).saturating_sub(l.old + r.new))
    }

    /// Whether an occurrence of the quote at `span` may be another copy of
    /// the words than the annotated one, which was deleted: the export knew a
    /// copy that would now look the same there (same context on the sides
    /// found, or half of it taken over from the deleted text), between the
    /// same landmarks and no farther than what was deleted between them
    /// allows; and the text holds fewer copies than then (`lost`, counted
    /// when first needed).
    fn doubt(&self, text: &str, span: Span, sel: &Selector<'_>, lost: &mut Option<bool>) -> bool {
        let Some(c) = sel.copies else {
            return false;
        };
        let k = sides(text, span, sel.prefix, sel.suffix);
        // A copy with the same sides of the context, before or after (index
        // `k` of [`Copies::near`] or `4 + k`), where the landmarks allow it;
        // or an heir: a copy after (before) with other context that took over
        // the annotated one's prefix (suffix) when just the text between them
        // was deleted.
        let near = |i: usize, heir: bool| {
            let d = c.near[i];
            let Some(o) = self.old.filter(|_| d > 0) else {
                return d > 0;
            };
            let at = if i >= 4 {
                o.saturating_add(d)
            } else {
                o.saturating_sub(d)
            };
            // Old positions are approximate (code points read as bytes of
            // the current text): some slack.
            let slack = MAX_SHIFT_COST / 2;
            self.left.map_or(true, |l| at + slack >= l.old)
                && self.right.map_or(true, |r| at <= r.old + slack)
                && match self.deleted() {
                    Some(gone) if heir => gone.abs_diff(d) <= slack,
                    Some(gone) if k != ANY => d <= gone + slack,
                    _ => true,
                }
        };
        let found = near(k, false)
            || near(4 + k, false)
            || (k == PREFIX && near(4 + ANY, true))
            || (k == SUFFIX && near(ANY, true));
        found && *lost.get_or_insert_with(|| nth(text, sel.exact, c).0 < c.count)
    }

    /// Whether landmarks constrain the position.
    fn anchored(&self) -> bool {
        self.left.is_some() || self.right.is_some()
    }

    /// The start if nothing changed near the annotation.
    fn expected(&self) -> Option<usize> {
        let o = self.old?;
        let m = self.left.or(self.right);
        Some(m.map_or(o, |m| (o + m.new).saturating_sub(m.old)))
    }
}

/// One possible placement.
#[derive(Debug, Clone, Copy)]
struct Cand {
    span: Span,
    errors: usize,
    context: f64,
    cost: usize,
}

impl Cand {
    fn score(&self, m: usize) -> f64 {
        1.25 * (1.0 - self.errors as f64 / m.max(1) as f64) + self.context
            - 0.5 * (self.cost as f64 / 4000.0).min(1.0)
    }
}

/// What the candidates say.
enum Verdict {
    Place(Span),
    Ambiguous,
    Nothing,
}

/// The best acceptable candidate, unless another is about as good in words,
/// context and position.
fn decide(m: usize, cands: &[Cand], anchored: bool) -> Verdict {
    let ok = |c: &Cand| accept(m, c.errors, c.context) && (!anchored || c.cost <= MAX_SHIFT_COST);
    let Some(best) = cands
        .iter()
        .filter(|c| ok(c))
        .max_by(|a, b| a.score(m).total_cmp(&b.score(m)))
    else {
        return Verdict::Nothing;
    };
    let rival = cands.iter().any(|c| {
        c.span != best.span
            && c.errors <= best.errors + 1
            && c.context >= best.context - 0.1
            && if anchored {
                c.cost <= best.cost
            } else {
                c.cost <= 2 * best.cost + 16
            }
    });
    if rival {
        Verdict::Ambiguous
    } else {
        Verdict::Place(best.span)
    }
}

/// How many occurrences of `needle` the text holds (counted up to one more
/// than `c.count`), and where the `c.index`-th starts.
fn nth(text: &str, needle: &str, c: Copies) -> (usize, Option<usize>) {
    let (mut n, mut at) = (0, None);
    each_occurrence(text, needle, &mut |st| {
        if n == c.index {
            at = Some(st);
        }
        n += 1;
        n <= c.count
    });
    (n, at)
}

/// Places one annotation that is not a landmark: exact occurrences between its
/// landmarks first, then approximate ones near where it should be.
fn place(text: &str, sel: &Selector<'_>, fr: &Frame, no_marks: bool) -> Anchored {
    let exact = sel.exact;
    if exact.is_empty() {
        return ORPHAN;
    }
    let m = exact.chars().count();
    let anchored = fr.anchored();
    let lost = &mut None;
    // Nothing to tell how the text moved: the old position, if it still holds
    // the quote in much the same context.
    if let Some(h) = sel.hint.filter(|_| !anchored) {
        if text.get(h.start..h.end) == Some(exact) && context_similarity(text, h, sel) >= 0.5 {
            return placed(h, sel, Method::Position);
        }
    }
    let (lo, hi) = fr.range(text.len());
    let end = floor_boundary(text, hi.saturating_add(exact.len()));
    // Exact occurrences: (cost, 2 × start + whole context equal).
    let mut occ: Vec<(u64, u64)> = vec![];
    if lo < end {
        each_occurrence(&text[lo..end], exact, &mut |i| {
            let span = Span::new(lo + i, lo + i + exact.len());
            if let Some(c) = fr
                .cost(span.start)
                .filter(|_| !fr.doubt(text, span, sel, lost))
            {
                let full = sides(text, span, sel.prefix, sel.suffix) == BOTH;
                occ.push((c as u64, 2 * span.start as u64 + u64::from(full)));
            }
            // Pathological repetition (a one-letter quote in 1 MB): enough.
            occ.len() < 4096
        });
    }
    index::sort_pairs(&mut occ);
    let mut cands: Vec<Cand> = vec![];
    let mut fulls = 0;
    for (k, &(cost, key)) in occ.iter().enumerate() {
        let (cost, st, full) = (cost as usize, (key / 2) as usize, key % 2 == 1);
        // Only the nearest and the whole-context ones; never one out of reach.
        if (k >= 6 && !(full && fulls < 8)) || (anchored && cost > MAX_SHIFT_COST) {
            continue;
        }
        fulls += usize::from(full);
        let span = Span::new(st, st + exact.len());
        let context = if full {
            1.0
        } else {
            context_similarity(text, span, sel)
        };
        cands.push(Cand {
            span,
            errors: 0,
            context,
            cost,
        });
    }
    match decide(m, &cands, anchored) {
        Verdict::Place(span) => return placed(span, sel, Method::Exact),
        Verdict::Ambiguous => {
            // As many copies as at the export: the annotated one is still
            // the one at its rank among them.
            let at = sel.copies.and_then(|c| match nth(text, exact, c) {
                (n, at) if n == c.count => at,
                _ => None,
            });
            for c in &cands {
                if Some(c.span.start) == at && accept(m, 0, c.context) {
                    return placed(c.span, sel, Method::Exact);
                }
            }
            return ORPHAN;
        }
        Verdict::Nothing => {}
    }
    // Approximate: near the expected start, within the landmarks.
    let reach = 4 * exact.len() + 2048;
    let (wlo, whi) = match fr.expected() {
        Some(e) => (
            lo.max(e.saturating_sub(reach)),
            end.min(e.saturating_add(reach + exact.len())),
        ),
        None => (lo, end),
    };
    let mut fuzzy_cands = |a: usize, b: usize| -> Vec<Cand> {
        let (a, b) = (floor_boundary(text, a), floor_boundary(text, b));
        let mut out = vec![];
        for (span, errors) in fuzzy::matches(text, Span::new(a, b.max(a)), exact) {
            let Some(cost) = fr.cost(span.start) else {
                continue;
            };
            if anchored && cost > MAX_SHIFT_COST {
                continue;
            }
            // Another copy, or, with other words and no side of the context
            // left, where the landmarks show that at least as much text as
            // the quote was deleted: a similar passage, not the deleted one.
            let gone = fr.deleted().is_some_and(|d| d >= exact.len());
            if fr.doubt(text, span, sel, lost)
                || (errors > 0 && gone && sides(text, span, sel.prefix, sel.suffix) == ANY)
            {
                continue;
            }
            out.push(Cand {
                span,
                errors,
                cost,
                context: context_similarity(text, span, sel),
            });
        }
        out
    };
    let mut verdict = decide(m, &fuzzy_cands(wlo, whi), anchored);
    // Without any landmark the old position may be far off: the whole text.
    if matches!(verdict, Verdict::Nothing) && no_marks && (wlo > lo || whi < end) {
        verdict = decide(m, &fuzzy_cands(lo, end), false);
    }
    match verdict {
        Verdict::Place(span) => placed(span, sel, Method::Fuzzy),
        _ => ORPHAN,
    }
}

/// Whether a match of a quote of `m` characters with `errors` edits and context
/// similarity `context` (0..=1) is trustworthy enough to place an annotation.
///
/// Short quotes recur by chance ("said", "the talks"), so they need their
/// context; every edit in the quote asks for more context support.
pub fn accept(m: usize, errors: usize, context: f64) -> bool {
    let need = if errors == 0 {
        if m >= 40 {
            0.2
        } else {
            0.4
        }
    } else {
        0.45 + 2.0 * errors as f64 / m.max(1) as f64
    };
    context >= need.min(0.9)
}

/// How similar the text around `span` is to the selector's prefix and suffix
/// (folded, edit-distance based), in `0.0..=1.0`; 1.0 when there is no context.
pub fn context_similarity(text: &str, span: Span, sel: &Selector<'_>) -> f64 {
    let p = fuzzy::fold_str(sel.prefix);
    let s = fuzzy::fold_str(sel.suffix);
    if p.is_empty() && s.is_empty() {
        return 1.0;
    }
    let side = |pat: &[char], before: bool| -> f64 {
        if pat.is_empty() {
            return 0.0;
        }
        // Unchanged context: no need to measure.
        if (before && text[..span.start].ends_with(sel.prefix))
            || (!before && text[span.end..].starts_with(sel.suffix))
        {
            return pat.len() as f64;
        }
        let reach = 4 * pat.len() + 16;
        let got: Vec<char> = if before {
            let lo = floor_boundary(text, span.start.saturating_sub(reach));
            let f = fuzzy::fold_str(&text[lo..span.start]);
            f[f.len().saturating_sub(pat.len())..].to_vec()
        } else {
            let hi = floor_boundary(text, span.end.saturating_add(reach));
            let f = fuzzy::fold_str(&text[span.end..hi]);
            f[..f.len().min(pat.len())].to_vec()
        };
        let d = fuzzy::levenshtein(pat, &got);
        (1.0 - d as f64 / pat.len() as f64).max(0.0) * pat.len() as f64
    };
    (side(&p, true) + side(&s, false)) / (p.len() + s.len()) as f64
}

/// Code point offsets → byte offsets for one text, in constant time per lookup.
#[derive(Debug, Clone)]
pub struct CodepointMap {
    /// Byte offset of each char boundary (empty for ASCII texts: identity).
    bytes: Vec<usize>,
    len: usize,
}

impl CodepointMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> CodepointMap {
        if text.is_ascii() {
            return CodepointMap {
                bytes: vec![],
                len: text.len(),
            };
        }
        let mut bytes: Vec<usize> = vec![];
        for (i, _) in text.char_indices() {
            bytes.push(i);
        }
        bytes.push(text.len());
        CodepointMap {
            len: bytes.len() - 1,
            bytes,
        }
    }

    /// The text's length in code points.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The byte offset of code point offset `cp`, or `None` past the end.
    pub fn to_byte(&self, cp: usize) -> Option<usize> {
        if cp > self.len {
            None
        } else if self.bytes.is_empty() {
            Some(cp)
        } else {
            Some(self.bytes[cp])
        }
    }

    /// The byte offset of `cp`, clamped to the end of the text.
    pub fn to_byte_clamped(&self, cp: usize) -> usize {
        self.to_byte(cp.min(self.len)).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel<'a>(
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
        hint: Option<Span>,
    ) -> Selector<'a> {
        Selector {
            exact,
            prefix,
            suffix,
            hint,
            copies: None,
        }
    }

    #[test]
    fn position_then_context_then_hint() {
        let text = "the cat sat. the cat ran. the cat sat.";
        // Position still right.
        let a = anchor(text, &sel("cat", "", "", Some(Span::new(17, 20))));
        assert_eq!(
            (a.span, a.method),
            (Some(Span::new(17, 20)), Method::Position)
        );
        // Context picks the second occurrence although the hint is near the first.
        let a = anchor(
            text,
            &sel("cat", "sat. the ", " ran", Some(Span::new(0, 3))),
        );
        assert_eq!(a.span, Some(Span::new(17, 20)));
        assert_eq!(a.method, Method::Exact);
        // Equal context: the hint decides.
        let a = anchor(text, &sel("cat sat", "the ", ".", Some(Span::new(30, 37))));
        assert_eq!(a.span, Some(Span::new(30, 37)));
        let a = anchor(text, &sel("cat sat", "the ", ".", Some(Span::new(1, 8))));
        assert_eq!(a.span, Some(Span::new(4, 11)));
        assert_eq!(anchor(text, &sel("", "", "", None)).method, Method::Orphan);
    }

    fn batch(old: &str, spans: &[Span]) -> Vec<(String, String)> {
        spans
            .iter()
            .map(|&s| crate::annotation::context(old, s))
            .collect()
    }

    #[test]
    fn landmarks_follow_shifts_and_deleted_copies_orphan() {
        let para = |i: usize| format!("Paragraph {i} has its own words, number {i}, and more.\n");
        let menu = "Home\nNews\nSport\n";
        let mut old = String::from(menu);
        for i in 0..20 {
            old.push_str(&para(i));
        }
        old.push_str(menu);
        let s_home2 = old.rfind("Home").unwrap();
        let s_p3 = old.find("number 3,").unwrap();
        let s_p15 = old.find("number 15,").unwrap();
        let spans = [
            Span::new(s_home2, s_home2 + 4),
            Span::new(s_p3, s_p3 + 8),
            Span::new(s_p15, s_p15 + 9),
        ];
        // Insert a long paragraph at the top: the second "Home" (same context as
        // the first but for its prefix) must follow the shift.
        let new = format!("{}{}", "An inserted paragraph of news. ".repeat(10), old);
        let ctx = batch(&old, &spans);
        let sels: Vec<Selector<'_>> = spans
            .iter()
            .zip(&ctx)
            .map(|(&s, (p, q))| sel(s.of(&old), p, q, Some(s)))
            .collect();
        let got = anchor_all(&new, &sels);
        let shift = new.len() - old.len();
        for (g, s) in got.iter().zip(&spans) {
            assert_eq!(g.span, Some(Span::new(s.start + shift, s.end + shift)));
        }
        // Delete paragraph 15: its words exist nowhere else, orphan; the rest stays.
        let line = para(15);
        let at = old.find(&line).unwrap();
        let mut new = old.clone();
        new.replace_range(at..at + line.len(), "");
        let got = anchor_all(&new, &sels);
        assert_eq!(got[2].span, None);
        assert_eq!(got[1].span, Some(spans[1]));
        assert_eq!(
            got[0].span,
            Some(Span::new(s_home2 - line.len(), s_home2 - line.len() + 4))
        );
    }

    /// Paragraphs 0..5, a cookie notice twice, paragraphs 5..10; annotations
    /// on a word of paragraphs 3, 4, 5, 6 and on the same words of each
    /// notice (whole context identical).
    fn notices() -> (String, Vec<Span>, String) {
        let para = |i: usize| format!("Paragraph {i} has its own words, number {i}, and more.\n");
        let notice = "We use cookies to improve your experience while you navigate \
                      through the website and to remember your choices.\n";
        let mut old = String::new();
        for i in 0..5 {
            old.push_str(&para(i));
        }
        old.push_str(notice);
        old.push_str(notice);
        for i in 5..10 {
            old.push_str(&para(i));
        }
        let mut spans = vec![];
        for i in 3..7 {
            let w = format!("number {i},");
            let s = old.find(&w).unwrap();
            spans.push(Span::new(s, s + w.len()));
        }
        let q = "experience while you navigate";
        let s = old.find(q).unwrap();
        spans.push(Span::new(s, s + q.len()));
        let s = old.rfind(q).unwrap();
        spans.push(Span::new(s, s + q.len()));
        (old, spans, notice.to_string())
    }

    /// Selectors as exported from `old` (with the copies hint or without).
    fn exported<'a>(
        old: &'a str,
        spans: &[Span],
        ctx: &'a [(String, String)],
        hint: bool,
    ) -> Vec<Selector<'a>> {
        let mut out = vec![];
        for (&s, (p, q)) in spans.iter().zip(ctx) {
            let mut sel = sel(s.of(old), p, q, Some(s));
            if hint {
                sel.copies = Some(copies(old, s, p, q));
            }
            out.push(sel);
        }
        out
    }

    #[test]
    fn copies_hint() {
        let (old, spans, notice) = notices();
        let ctx = batch(&old, &spans);
        let c = copies(&old, spans[5], &ctx[5].0, &ctx[5].1);
        let d = notice.len();
        assert_eq!((c.count, c.index), (2, 1));
        assert_eq!(c.near, [d, d, d, d, 0, 0, 0, 0]);
        let c = copies(&old, spans[0], &ctx[0].0, &ctx[0].1);
        assert_eq!((c.count, c.index, c.near), (1, 0, [0; 8]));
        // Nearest before and after, by the sides of the context shared.
        let text = "x ab z x ab y q ab y";
        let c = copies(text, Span::new(9, 11), "x ", " y");
        assert_eq!((c.count, c.index), (3, 1));
        assert_eq!(c.near, [7, 7, 0, 0, 7, 0, 7, 0]);
    }

    #[test]
    fn deleted_copy_orphans_with_the_hint() {
        let (old, spans, notice) = notices();
        let ctx = batch(&old, &spans);
        // The second notice deleted: its annotation has no text left. The
        // first notice's is orphaned too: the two texts left by deleting
        // either copy are the same, so nothing tells which one survived.
        let at = old.rfind(&notice).unwrap();
        let mut new = old.clone();
        new.replace_range(at..at + notice.len(), "");
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, true));
        assert_eq!((got[4].span, got[5].span), (None, None));
        for k in 0..4 {
            let shift = if spans[k].start > at { notice.len() } else { 0 };
            let want = Span::new(spans[k].start - shift, spans[k].end - shift);
            assert_eq!(got[k].span, Some(want), "annotation {k}");
        }
        // Without the hint (another tool's export) the deleted one is still
        // placed on the surviving copy: nothing tells it had a twin.
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, false));
        assert_eq!(got[5].span, Some(spans[4]));
    }

    #[test]
    fn kept_copies_each_stay_on_their_own() {
        let (old, spans, _) = notices();
        let ctx = batch(&old, &spans);
        // A paragraph inserted before the notices, longer than one: between
        // the landmarks of paragraphs 4 and 5 either notice fits the second
        // annotation equally; the hint says it was the second copy.
        let at = old.find("We use cookies").unwrap();
        let ins = "A new paragraph, inserted before the notice, longer than the notice itself is, by far and away.\n".repeat(2);
        let mut new = old.clone();
        new.insert_str(at, &ins);
        let moved = |s: Span| Span::new(s.start + ins.len(), s.end + ins.len());
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, true));
        for (k, g) in got.iter().enumerate() {
            let want = if spans[k].start > at {
                moved(spans[k])
            } else {
                spans[k]
            };
            assert_eq!(g.span, Some(want), "annotation {k}");
        }
        // Without the hint the tie stays unresolved (orphan), the rest anchors.
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, false));
        assert_eq!(got[5].span, None);
        assert_eq!(got[4].span, Some(moved(spans[4])));
        assert_eq!(got[0].span, Some(spans[0]));
    }

    #[test]
    fn deleted_line_not_moved_to_a_similar_one() {
        let mut old = String::new();
        for i in 0..4 {
            old.push_str(&format!(
                "Paragraph {i} has its own words, number {i}, and more.\n"
            ));
        }
        let lines = [
            "Spain (Group B): Eighth appearance\n",
            "Italy (Group J): Fifth appearance\n",
            "Wales (Group E): Second appearance\n",
        ];
        for l in lines {
            old.push_str(l);
        }
        old.push_str("Paragraph 9 has its own words, number 9, and more.\n");
        let q = "(Group B): Eighth appearance";
        let mut spans = vec![];
        for w in ["number 2,", "number 3,", q, "number 9,"] {
            let s = old.find(w).unwrap();
            spans.push(Span::new(s, s + w.len()));
        }
        let ctx = batch(&old, &spans);
        let at = old.find(lines[0]).unwrap();
        let mut new = old.clone();
        new.replace_range(at..at + lines[0].len(), "");
        // Its line deleted: not placed on "(Group J): Fifth appearance".
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, true));
        assert_eq!(got[2].span, None);
        assert_eq!(got[3].span.map(|s| s.of(&new)), Some("number 9,"));
        // With a word changed instead, it follows.
        let new = old.replacen("Eighth", "Ninth", 1);
        let got = anchor_all(&new, &exported(&old, &spans, &ctx, true));
        assert_eq!(
            got[2].span.map(|s| s.of(&new)),
            Some("(Group B): Ninth appearance")
        );
    }

    #[test]
    fn codepoint_map() {
        let m = CodepointMap::new("a😀b");
        assert_eq!(
            (m.len(), m.to_byte(2), m.to_byte(3), m.to_byte(4)),
            (3, Some(5), Some(6), None)
        );
        assert_eq!(m.to_byte_clamped(99), 6);
        let m = CodepointMap::new("abc");
        assert_eq!((m.to_byte(3), m.to_byte(4)), (Some(3), None));
    }
}
