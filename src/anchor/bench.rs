//! Re-anchoring benchmark: random annotations, random realistic edits, then
//! re-anchoring from the **exported W3C selectors** (export → import on the
//! edited text), counted right / wrong / orphaned against the truth tracked by
//! construction.
//!
//! Truth: every edit is a byte-range replacement, and each annotation's span is
//! carried through it (text inserted at its edges stays outside; replaced words
//! inside or at its edges become part of it). Afterwards an annotation is
//! * **deleted** when its span became empty — the right answer is an orphan;
//! * **kept** when the text now at its span is within a quarter of its length in
//!   (folded) edits of the original quote — right = placed on that span
//!   (overlap ≥ 80 % of the union);
//! * **rewritten** otherwise (e.g. a one-word quote whose word was replaced) —
//!   right = an orphan or that span.
//!
//! "wrong" is any other placement.

use super::fuzzy::{fold_str, levenshtein};
use crate::annotation::{Annotation, Op, Store};
use crate::text::Span;
use crate::w3c::{export_collection, import, ExportOptions, ImportMode, ImportOptions};

/// A small deterministic xorshift64* generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Seeds the generator (any seed; 0 is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// The kinds of edit applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A new paragraph inserted between two.
    InsertParagraph,
    /// A paragraph (line) deleted.
    DeleteParagraph,
    /// Words replaced by other words.
    ChangeWords,
    /// Punctuation removed, replaced or added.
    Punctuation,
    /// Spaces doubled, lines split or doubled.
    Whitespace,
    /// Typographic quotes made straight or the other way round.
    QuoteStyle,
    /// The sentence(s) holding an annotation deleted.
    DeleteSentence,
    /// All of the above, mixed.
    Mixed,
}

impl Edit {
    /// Every kind, in table order.
    pub const ALL: [Edit; 8] = [
        Edit::InsertParagraph,
        Edit::DeleteParagraph,
        Edit::ChangeWords,
        Edit::Punctuation,
        Edit::Whitespace,
        Edit::QuoteStyle,
        Edit::DeleteSentence,
        Edit::Mixed,
    ];
    /// Row name.
    pub fn name(self) -> &'static str {
        match self {
            Edit::InsertParagraph => "insert paragraph",
            Edit::DeleteParagraph => "delete paragraph",
            Edit::ChangeWords => "change words",
            Edit::Punctuation => "punctuation",
            Edit::Whitespace => "whitespace",
            Edit::QuoteStyle => "quote style",
            Edit::DeleteSentence => "delete sentence",
            Edit::Mixed => "mixed",
        }
    }
}

/// Counts for one row of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Kept text: placed right / wrong / orphaned.
    pub kept: [usize; 3],
    /// Rewritten text: acceptable (orphan or its span) / wrong.
    pub rewritten: [usize; 2],
    /// Deleted text: orphaned (right) / placed (wrong).
    pub deleted: [usize; 2],
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        for i in 0..3 {
            self.kept[i] += o.kept[i];
        }
        for i in 0..2 {
            self.rewritten[i] += o.rewritten[i];
            self.deleted[i] += o.deleted[i];
        }
    }
    /// Share of kept annotations placed right (1.0 when there are none).
    pub fn kept_right_rate(&self) -> f64 {
        let n: usize = self.kept.iter().sum();
        if n == 0 {
            1.0
        } else {
            self.kept[0] as f64 / n as f64
        }
    }
}

/// One edited text to re-anchor on.
struct Case {
    store: Store,
    truth: Vec<Option<Span>>,
    edited: String,
}

fn words(text: &str) -> Vec<Span> {
    let mut out = vec![];
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// Random word-aligned annotations of 1–40 words within one line.
fn annotate(text: &str, n: usize, rng: &mut Rng) -> Store {
    let mut store = Store::new(text);
    let w = words(text);
    let mut tries = 0;
    while store.annotations().len() < n && tries < n * 20 && !w.is_empty() {
        tries += 1;
        let i = rng.below(w.len());
        let len = 1 + rng.below(40);
        let mut j = i;
        while j + 1 < w.len() && j + 1 < i + len && !text[w[j].end..w[j + 1].start].contains('\n') {
            j += 1;
        }
        let span = Span::new(w[i].start, w[j].end);
        if store.annotations().iter().any(|a| a.span == Some(span)) {
            continue;
        }
        let id = format!("a{}", store.annotations().len());
        let tag = ["fact", "analysis", "quote"][rng.below(3)];
        if let Ok(a) = Annotation::new(id, text, span, tag, "", "2024-01-01T00:00:00Z") {
            let _ = store.apply(Op::Add(a));
        }
    }
    store
}

/// Carries a span through the replacement of `a..b` by `len` bytes.
fn carry(s: Span, a: usize, b: usize, len: usize) -> Span {
    let map = |x: usize, is_start: bool| -> usize {
        if a == b {
            if x > a || (x == a && is_start) {
                x + len
            } else {
                x
            }
        } else if x <= a {
            x
        } else if x >= b {
            x + len - (b - a)
        } else if is_start {
            a + len
        } else {
            a
        }
    };
    let (st, en) = (map(s.start, true), map(s.end, false));
    Span::new(st.min(en), en)
}

struct Editor<'a> {
    text: String,
    spans: Vec<Span>,
    donors: &'a [String],
    rng: Rng,
}

impl Editor<'_> {
    fn replace(&mut self, a: usize, b: usize, with: &str) {
        if a > b
            || b > self.text.len()
            || !self.text.is_char_boundary(a)
            || !self.text.is_char_boundary(b)
        {
            return;
        }
        self.text.replace_range(a..b, with);
        for s in &mut self.spans {
            *s = carry(*s, a, b, with.len());
        }
    }

    fn lines(&self) -> Vec<Span> {
        let mut out = vec![];
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            if c == '\n' {
                out.push(Span::new(start, i));
                start = i + 1;
            }
        }
        out.push(Span::new(start, self.text.len()));
        out
    }

    fn random_word_from_donors(&mut self) -> String {
        let d = &self.donors[self.rng.below(self.donors.len())];
        let w = words(d);
        if w.is_empty() {
            return "word".into();
        }
        w[self.rng.below(w.len())].of(d).to_string()
    }

    fn apply(&mut self, kind: Edit) {
        match kind {
            Edit::InsertParagraph => {
                let lines = self.lines();
                let at = lines[self.rng.below(lines.len())].start;
                let d = &self.donors[self.rng.below(self.donors.len())];
                let dl: Vec<&str> = d.lines().filter(|l| l.len() > 40).collect();
                let para = if dl.is_empty() {
                    "A new paragraph was added here by the editors.".to_string()
                } else {
                    dl[self.rng.below(dl.len())].to_string()
                };
                self.replace(at, at, &format!("{para}\n"));
            }
            Edit::DeleteParagraph => {
                let lines: Vec<Span> = self.lines().into_iter().filter(|l| !l.is_empty()).collect();
                if let Some(l) = lines.get(self.rng.below(lines.len())) {
                    let end = (l.end + 1).min(self.text.len());
                    self.replace(l.start, end, "");
                }
            }
            Edit::ChangeWords => {
                let w = words(&self.text);
                if !w.is_empty() {
                    let s = w[self.rng.below(w.len())];
                    let new = self.random_word_from_donors();
                    self.replace(s.start, s.end, &new);
                }
            }
            Edit::Punctuation => {
                let marks: Vec<usize> = self
                    .text
                    .char_indices()
                    .filter(|(_, c)| matches!(c, ',' | '.' | ';' | ':' | '!' | '?'))
                    .map(|(i, _)| i)
                    .collect();
                let w = words(&self.text);
                match (self.rng.below(3), marks.is_empty(), w.is_empty()) {
                    (0, false, _) => {
                        let i = marks[self.rng.below(marks.len())];
                        self.replace(i, i + 1, "");
                    }
                    (1, false, _) => {
                        let i = marks[self.rng.below(marks.len())];
                        let m = [",", ";", ".", " —"][self.rng.below(4)];
                        self.replace(i, i + 1, m);
                    }
                    (_, _, false) => {
                        let s = w[self.rng.below(w.len())];
                        self.replace(s.end, s.end, ",");
                    }
                    _ => {}
                }
            }
            Edit::Whitespace => {
                let spots: Vec<(usize, char)> = self
                    .text
                    .char_indices()
                    .filter(|(_, c)| *c == ' ' || *c == '\n')
                    .collect();
                if let Some(&(i, c)) = spots.get(self.rng.below(spots.len())) {
                    let with = match (c, self.rng.below(3)) {
                        ('\n', 0) => "\n\n",
                        ('\n', _) => " \n",
                        (_, 0) => "  ",
                        (_, 1) => " \t",
                        _ => "\u{a0}",
                    };
                    self.replace(i, i + 1, with);
                }
            }
            Edit::QuoteStyle => {
                let straight = self.rng.below(2) == 0;
                let spots: Vec<(usize, char)> = self
                    .text
                    .char_indices()
                    .filter(|(_, c)| matches!(c, '"' | '“' | '”' | '\'' | '’'))
                    .collect();
                let mut open = true;
                for &(i, c) in spots.iter().rev() {
                    let with = match (straight, c) {
                        (true, '“' | '”') => "\"",
                        (true, '’') => "'",
                        (false, '"') => {
                            open = !open;
                            if open {
                                "“"
                            } else {
                                "”"
                            }
                        }
                        (false, '\'') => "’",
                        _ => continue,
                    };
                    self.replace(i, i + c.len_utf8(), with);
                }
            }
            Edit::DeleteSentence => {
                let live: Vec<Span> = self
                    .spans
                    .iter()
                    .copied()
                    .filter(|s| !s.is_empty())
                    .collect();
                let Some(&s) = live.get(self.rng.below(live.len())) else {
                    return;
                };
                let t = &self.text;
                let is_end = |i: usize| {
                    t[..i].ends_with('\n')
                        || t[..i].ends_with(". ")
                        || t[..i].ends_with("? ")
                        || t[..i].ends_with("! ")
                };
                let mut a = s.start;
                while a > 0 && !is_end(a) {
                    a = super::floor_boundary(t, a - 1);
                }
                let mut b = s.end;
                while b < t.len() && !(is_end(b) || t[b..].starts_with('\n')) {
                    b += t[b..].chars().next().map_or(1, char::len_utf8);
                }
                self.replace(a, b, "");
            }
            Edit::Mixed => {
                let k = Edit::ALL[self.rng.below(7)];
                self.apply(k);
            }
        }
    }
}

fn make_case(text: &str, kind: Edit, per_text: usize, donors: &[String], rng: &mut Rng) -> Case {
    let store = annotate(text, per_text, rng);
    let spans: Vec<Span> = store.annotations().iter().filter_map(|a| a.span).collect();
    let mut ed = Editor {
        text: text.to_string(),
        spans,
        donors,
        rng: Rng::new(rng.next_u64()),
    };
    let edits = match kind {
        Edit::QuoteStyle => 1,
        Edit::DeleteSentence => (per_text / 8).max(1),
        _ => (text.len() / 400).clamp(3, 40),
    };
    for _ in 0..edits {
        ed.apply(kind);
    }
    Case {
        store,
        truth: ed.spans.into_iter().map(Some).collect(),
        edited: ed.text,
    }
}

fn iou(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Re-anchors one case through export → import and tallies it.
fn score(case: &Case) -> Tally {
    score_json(
        case,
        &export_collection(&case.store, &ExportOptions::default()),
    )
    .0
}

/// Imports `json` (the case's export) on the edited text and tallies it; also
/// returns the seconds the import (parsing and re-anchoring) took.
fn score_json(case: &Case, json: &str) -> (Tally, f64) {
    let target = Store::new(case.edited.as_str());
    let mut t = Tally::default();
    let opts = ImportOptions {
        mode: ImportMode::Replace,
        time: "t",
        block_count: None,
    };
    let t0 = std::time::Instant::now();
    let imported = import(&target, json, &opts);
    let secs = t0.elapsed().as_secs_f64();
    let Ok(imp) = imported else {
        return (t, secs);
    };
    let Op::Batch(ops) = imp.op else {
        return (t, secs);
    };
    let placed: std::collections::HashMap<String, Option<Span>> = ops
        .into_iter()
        .filter_map(|op| match op {
            Op::Add(a) => Some((a.id, a.span)),
            _ => None,
        })
        .collect();
    let text = &case.edited;
    for (a, truth) in case.store.annotations().iter().zip(&case.truth) {
        let got = placed.get(&a.id).copied().flatten();
        let truth = truth.filter(|s| !s.is_empty());
        match truth {
            None => t.deleted[usize::from(got.is_some())] += 1,
            Some(ts) => {
                let q = fold_str(&a.quote);
                let now = fold_str(ts.of(text));
                let kept = levenshtein(&q, &now) <= q.len() / 4;
                let right = got.is_some_and(|g| iou(g, ts) >= 0.8);
                if kept {
                    t.kept[match (got, right) {
                        (_, true) => 0,
                        (Some(_), false) => 1,
                        (None, _) => 2,
                    }] += 1;
                } else {
                    t.rewritten[usize::from(!(right || got.is_none()))] += 1;
                }
            }
        }
    }
    (t, secs)
}

/// Runs every edit kind over `texts` (`per_text` annotations each) and returns
/// one tally per [`Edit::ALL`] row.
pub fn run(texts: &[String], per_text: usize, seed: u64) -> Vec<(Edit, Tally)> {
    let mut rng = Rng::new(seed);
    Edit::ALL
        .iter()
        .map(|&kind| {
            let mut total = Tally::default();
            for (i, text) in texts.iter().enumerate() {
                let donors: Vec<String> = texts
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, t)| t.clone())
                    .take(8)
                    .collect();
                let donors = if donors.is_empty() {
                    vec![text.clone()]
                } else {
                    donors
                };
                let case = make_case(text, kind, per_text, &donors, &mut rng);
                total.add(&score(&case));
            }
            (kind, total)
        })
        .collect()
}

/// Times re-anchoring `n` annotations after mixed edits on `text`; returns
/// (seconds for the import of the exported JSON, which re-anchors, and the tally).
pub fn timed(text: &str, n: usize, seed: u64) -> (f64, Tally) {
    let mut rng = Rng::new(seed);
    let donors = vec![text.to_string()];
    let case = make_case(text, Edit::Mixed, n, &donors, &mut rng);
    let json = export_collection(&case.store, &ExportOptions::default());
    let (tally, secs) = score_json(&case, &json);
    (secs, tally)
}

/// The table as text.
pub fn table(rows: &[(Edit, Tally)]) -> String {
    let mut out = String::from(
        "edit kind          | kept: right wrong orphaned  right% | rewritten: ok wrong | deleted: orphaned wrong\n",
    );
    let mut all = Tally::default();
    let mut line = |name: &str, t: &Tally| {
        out.push_str(&format!(
            "{name:<18} | {:>11} {:>5} {:>8} {:>6.2}% | {:>13} {:>5} | {:>17} {:>5}\n",
            t.kept[0],
            t.kept[1],
            t.kept[2],
            100.0 * t.kept_right_rate(),
            t.rewritten[0],
            t.rewritten[1],
            t.deleted[0],
            t.deleted[1]
        ));
    };
    for (k, t) in rows {
        line(k.name(), t);
        all.add(t);
    }
    line("total", &all);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carry_rules() {
        let s = Span::new(10, 20);
        assert_eq!(carry(s, 0, 0, 5), Span::new(15, 25)); // insert before
        assert_eq!(carry(s, 10, 10, 5), Span::new(15, 25)); // insert at start: outside
        assert_eq!(carry(s, 20, 20, 5), Span::new(10, 20)); // insert at end: outside
        assert_eq!(carry(s, 10, 14, 2), Span::new(10, 18)); // first word replaced: inside
        assert_eq!(carry(s, 8, 22, 0), Span::new(8, 8)); // deleted
        assert_eq!(carry(s, 5, 15, 0), Span::new(5, 10)); // head deleted
    }
}
