//! Lines of page text and their labels (article cleaning).
//!
//! A pasted news page (browser `innerText`) is menus, a headline, a date line,
//! photo captions and credits, the article, a copyright line, teasers for other
//! stories, sponsored links, and often the headline again. [`classify`] labels
//! every line, language-independently as far as possible:
//!
//! 1. **Line features** ([`features`]): word count (CJK characters count as
//!    half words), how the line ends (sentence mark, ellipsis, `[…]`, colon,
//!    nothing), sentence marks inside it, and a few multilingual cues on short
//!    lines (©/copyright, sponsored, advertisement, share, related, dates,
//!    "… ago", photo credits, "By …").
//! 2. **Repetition**: a hash map of line hashes counts how often each line
//!    occurs. The count is compared with the page's own *repetition base* (the
//!    median count of its prose lines), so a page pasted twice does not turn
//!    into boilerplate; a line repeated beyond that base is furniture (or the
//!    headline again). Cut-off lines ending in `...` that are the start of a
//!    longer line (the short form of a caption or teaser) are found with a map
//!    of line-prefix hashes. No pairwise comparisons: time is linear.
//! 3. **The main region**: each line gets a score — positive for prose
//!    (about its word count), negative for short lines without a sentence end,
//!    repeated lines, cues, dates, and slightly negative for captions and
//!    credits (they sit inside bodies too); past eight non-body lines in a row
//!    each further one costs more (a long gap ends the article). The
//!    contiguous run with the largest sum (Kadane) is the article body; a list
//!    right after it (lines of one shape: table rows, numbered, bulleted,
//!    "Label: value", after a ':' line or a short heading) joins it. Short
//!    lines inside it (subheads, list items, one-line paragraphs) stay in;
//!    runs of three or more short lines that hold a cue, credit or relative
//!    time (an inserted "Trending" box) and cue lines do not.
//! 4. **Around the body**: the headline is the best title-like line shortly
//!    before the body (longer, followed by a date or byline, repeated on the
//!    page); date lines, bylines, captions and credits are labelled; after the
//!    body a small state machine follows section headings ("Related",
//!    "Sponsored") and teaser shapes ("16 hours ago", `[…]`) to give each
//!    boilerplate line its [`Reason`].

mod features;
mod metadata;

use features::trim_end_any;
pub use features::{hash_bytes, line_end, line_info, Cue, End, LineInfo};
pub use metadata::{byline, credit_source, dateline, timestamps};

use super::{BlockKind, Metadata, Reason};
use crate::text::{trim_blank, Span};

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
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut pos = 0;
    for line in text.split('\n') {
        let (lead, t) = trim_blank(line);
        if !t.is_empty() {
            out.push(Span::new(pos + lead, pos + lead + t.len()));
        }
        pos += line.len() + 1;
    }
    out
}

/// A free slot of a [`Table`].
const FREE: u32 = u32::MAX;

/// An open-addressing map from line hashes (already well mixed, so used as
/// they are) to line indices, with linear probing. It holds at most as many
/// keys as there are lines and has at least twice as many slots, so probing
/// always ends at a free slot.
struct Table {
    keys: Vec<u64>,
    vals: Vec<u32>,
}

impl Table {
    fn new(n: usize) -> Table {
        let cap = (2 * n + 2).next_power_of_two();
        Table {
            keys: vec![0; cap],
            vals: vec![FREE; cap],
        }
    }

    /// The slot holding `key`, or the free slot where it goes (its value is [`FREE`]).
    #[inline(never)]
    fn slot(&mut self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (key ^ key >> 32) as usize & mask;
        while self.vals[i] != FREE && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        i
    }
}

/// Bytes of a line's start used to find cut-off copies of it.
const PREFIX: usize = 32;

/// The page-level view of every line: features plus repetition.
struct Page<'a> {
    text: &'a str,
    lines: &'a [Span],
    info: Vec<LineInfo>,
    /// Occurrences beyond the page's repetition base.
    repeated: Vec<bool>,
    /// Lines ending in an ellipsis that are the start of another, longer line.
    cut_copy: Vec<bool>,
    /// The [`shape`] of every line as a list item.
    shapes: Vec<u8>,
}

impl<'a> Page<'a> {
    fn new(text: &'a str, lines: &'a [Span]) -> Page<'a> {
        // Features are computed once per distinct line (menus, "Share", "16 hours
        // ago" recur on a page); the first line of each hash counts occurrences.
        let n = lines.len();
        let mut table = Table::new(n);
        let mut info: Vec<LineInfo> = Vec::with_capacity(n);
        let mut first = vec![0usize; n];
        let mut count = vec![0u32; n];
        for i in 0..n {
            let s = lines[i].of(text);
            let at = table.slot(hash_bytes(s.as_bytes()));
            if table.vals[at] == FREE {
                table.vals[at] = i as u32;
                info.push(line_info(s));
            } else {
                let f = info[table.vals[at] as usize];
                info.push(f);
            }
            let j = table.vals[at] as usize;
            first[i] = j;
            count[j] += 1;
        }
        // The repetition base: the median count of the prose lines (a histogram:
        // counts are at most `n`).
        let mut hist = vec![0usize; n + 1];
        let mut prose = 0;
        for i in 0..n {
            if info[i].prose() {
                hist[count[first[i]] as usize] += 1;
                prose += 1;
            }
        }
        let mut base = 1;
        if prose > 0 {
            let mut below = 0;
            for (c, &h) in hist.iter().enumerate() {
                below += h;
                if below > prose / 2 {
                    base = c as u64;
                    break;
                }
            }
        }
        let mut repeated = vec![false; n];
        for i in 0..n {
            repeated[i] = u64::from(count[first[i]]) * 2 > base * 3;
        }

        // Cut-off copies: "Pyongyang citizens visit the ... North Korea, ..." is the
        // start of the full caption further down.
        let mut longest = Table::new(n);
        for i in 0..n {
            let b = lines[i].of(text).as_bytes();
            if b.len() > PREFIX {
                let at = longest.slot(hash_bytes(&b[..PREFIX]));
                let j = longest.vals[at];
                if j == FREE || lines[j as usize].len() < b.len() {
                    longest.vals[at] = i as u32;
                }
            }
        }
        let mut cut_copy = vec![false; n];
        for i in 0..n {
            if info[i].end != End::Ellipsis {
                continue;
            }
            let s = lines[i].of(text);
            let stem = trim_end_any(s, &['.', '…', ' ']).as_bytes();
            if stem.len() < PREFIX {
                continue;
            }
            let at = longest.slot(hash_bytes(&stem[..PREFIX]));
            let j = longest.vals[at];
            cut_copy[i] = j != FREE
                && j as usize != i
                && lines[j as usize].of(text).as_bytes().starts_with(stem);
        }
        let mut page = Page {
            text,
            lines,
            info,
            repeated,
            cut_copy,
            shapes: Vec::with_capacity(n),
        };
        for k in 0..n {
            let m = shape(&page, k);
            page.shapes.push(m);
        }
        page
    }

    fn line(&self, i: usize) -> &'a str {
        self.lines[i].of(self.text)
    }

    /// Not body material whatever its length: captions, credits, cues, stamps.
    fn furniture(&self, i: usize) -> bool {
        let f = &self.info[i];
        f.cue != Cue::None
            || f.credit
            || f.captioned
            || self.cut_copy[i]
            || f.end == End::Cut
            || (f.date || f.ago) && f.words <= 16
            || f.by && !f.prose()
            || self.above_credit(i)
    }

    /// A caption line standing right above its photo credit.
    fn above_credit(&self, i: usize) -> bool {
        let f = &self.info[i];
        let next = self.info.get(i + 1);
        next.is_some_and(|n| n.credit && n.cue == Cue::None)
            && !f.credit
            && f.cue == Cue::None
            && (3..=40).contains(&f.words)
    }

    /// True when neither neighbour is prose (a lone long line among short ones).
    fn isolated(&self, i: usize) -> bool {
        let prev = i > 0 && self.long(i - 1);
        let next = i + 1 < self.info.len() && self.long(i + 1);
        !prev && !next
    }

    /// Prose, or at least 15 words.
    fn long(&self, k: usize) -> bool {
        self.info[k].prose() || self.info[k].words >= 15
    }

    /// Neither furniture nor repeated.
    fn plain(&self, k: usize) -> bool {
        !self.furniture(k) && !self.repeated[k]
    }

    /// The score of a line for the main-region search.
    fn score(&self, i: usize) -> i64 {
        let f = &self.info[i];
        let w = f.words.min(150) as i64;
        if f.cue == Cue::Copyright {
            return -20;
        }
        if f.cue == Cue::Comments {
            // Reader comments follow: a near-barrier.
            return -80;
        }
        if self.furniture(i) {
            if f.cue == Cue::None && (f.captioned || f.credit || self.above_credit(i)) {
                // Captions and credits come inside the body as often as around it.
                return -2;
            }
            return -10 - w / 2;
        }
        if self.repeated[i] {
            return -4 - w.min(40);
        }
        if f.prose() {
            let w = if f.end == End::Ellipsis { w / 2 } else { w };
            // A lone prose line between short lines is a teaser's summary or a
            // quote card more often than a paragraph.
            return if self.isolated(i) { w / 4 } else { w };
        }
        if f.words >= 15 {
            // Long but unfinished: a list item or a teaser; a tag cloud has no stop at all.
            return if f.stops > 0 { w / 4 } else { 0 };
        }
        if f.end == End::Sentence {
            return 1;
        }
        -5
    }
}

/// Shape bits of line `k` as a list item (0 for a line that cannot be one):
/// a table row (tabs), numbered, bulleted, or "Label words: value".
fn shape(page: &Page, k: usize) -> u8 {
    let f = &page.info[k];
    if page.furniture(k) || page.repeated[k] || f.words > 40 || f.prose() && f.words > 25 {
        return 0;
    }
    let b = page.line(k).as_bytes();
    let mut m = 0;
    if b.contains(&b'\t') {
        m |= 1;
    }
    if b[0].is_ascii_digit() {
        m |= 2;
    }
    if page
        .line(k)
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '*' | '•' | '-' | '–' | '·' | '▪'))
    {
        m |= 4;
    }
    let head = &b[..b.len().min(48)];
    if let Some(c) = head.iter().position(|&c| c == b':') {
        if c + 2 < b.len() && b[c + 1] == b' ' && head[..c].contains(&b' ') {
            m |= 8;
        }
    }
    m
}

/// Lines of a long gap between body parts after which each costs more.
const GAP: i64 = 8;
/// The extra cost of each further gap line.
const GAP_STEP: i64 = 2;

/// A line of a list: of one [`shape`] with a neighbour.
fn in_list(page: &Page, k: usize) -> bool {
    let s = &page.shapes;
    let m = s[k];
    m != 0 && (k > 0 && s[k - 1] & m != 0 || k + 1 < s.len() && s[k + 1] & m != 0)
}

/// Extends a body region ending at `end` (exclusive `limit`) over a list right
/// after it: after a line ending in ':' two or more lines of one [`shape`],
/// otherwise three or more, possibly after a short heading and a ':' line.
fn extend_list(page: &Page, mut end: usize, limit: usize) -> usize {
    loop {
        let mut k = end + 1;
        if k >= limit {
            return end;
        }
        let mut colon = page.info[end].end == End::Colon;
        let f = &page.info[k];
        if !colon && page.shapes[k] == 0 && f.words <= 8 && f.end == End::Other && page.plain(k) {
            k += 1;
        }
        if !colon && k < limit && page.info[k].end == End::Colon && page.plain(k) {
            colon = true;
            k += 1;
        }
        let mut mask = u8::MAX;
        let mut j = k;
        while j < limit && mask & page.shapes[j] != 0 {
            mask &= page.shapes[j];
            j += 1;
        }
        if j - k < if colon { 2 } else { 3 } {
            return end;
        }
        end = j - 1;
    }
}

/// The contiguous run of lines with the largest total score (Kadane), if any is positive.
fn best_run(scores: &[i64]) -> Option<(usize, usize)> {
    let mut best = None;
    let mut best_sum = 0;
    let mut cur = 0i64;
    let mut start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if cur <= 0 {
            cur = 0;
            start = i;
        }
        cur += s;
        if cur > 0 && (best.is_none() || cur > best_sum) {
            best = Some((start, i));
            best_sum = cur;
        }
    }
    best
}

/// A body this strong before a comments heading is the article; what follows is comments.
const BODY_BEFORE_COMMENTS: i64 = 50;

/// Where reader comments start, when an article-sized run comes before their heading.
fn comments_start(page: &Page, scores: &[i64]) -> usize {
    let mut from = 0;
    for (c, f) in page.info.iter().enumerate() {
        if f.cue != Cue::Comments {
            continue;
        }
        if let Some((s, e)) = best_run(&scores[from..c]) {
            if run_sum(scores, from + s, from + e) >= BODY_BEFORE_COMMENTS {
                return c;
            }
        }
        from = c + 1;
    }
    scores.len()
}

fn run_sum(scores: &[i64], s: usize, e: usize) -> i64 {
    let mut sum = 0;
    for &x in &scores[s..=e] {
        sum += x;
    }
    sum
}

/// The body regions. Full rights notices ("© 2021 X. All rights reserved.")
/// end an article, so they split the page into parts; the best run of each
/// part is found, the strongest is the main body, and the runs of other
/// parts nearly as strong (4/5) are kept too (a page pasted more than once).
/// Nothing after a comments heading counts (see [`comments_start`]).
fn body_regions(page: &Page, scores: &[i64]) -> Vec<(usize, usize, i64)> {
    let limit = comments_start(page, scores);
    let mut runs = vec![];
    let mut from = 0;
    for c in 0..=limit {
        let barrier = c < limit && page.info[c].cue == Cue::Copyright && page.info[c].words >= 6;
        if c < limit && !barrier {
            continue;
        }
        if from < c {
            if let Some((a, b)) = best_run(&scores[from..c]) {
                runs.push((from + a, from + b, run_sum(scores, from + a, from + b)));
            }
        }
        from = c + 1;
    }
    let mut main = 0;
    for r in &runs {
        main = main.max(r.2);
    }
    let mut kept = Vec::with_capacity(runs.len());
    for r in runs {
        if r.2 * 5 >= main * 4 {
            kept.push(r);
        }
    }
    kept
}

/// Labels each line of `text` (as returned by [`lines`]).
///
/// Never panics; linear in the number and length of the lines.
pub fn classify(text: &str, lines: &[Span]) -> Labelled {
    let n = lines.len();
    let mut labels = vec![(BlockKind::Boilerplate, Some(Reason::Other)); n];
    let mut metadata = Metadata::default();
    if n == 0 {
        return Labelled { labels, metadata };
    }
    let page = Page::new(text, lines);
    let mut scores: Vec<i64> = Vec::with_capacity(n);
    for i in 0..n {
        scores.push(page.score(i));
    }
    // A long stretch of non-body lines ends the article more surely than a
    // short one: past GAP lines each costs more (list items do not count).
    let mut run = 0;
    for (k, s) in scores.iter_mut().enumerate() {
        if *s > 0 {
            run = 0;
        } else if !in_list(&page, k) {
            run += 1;
            *s -= GAP_STEP * (run - GAP).max(0);
        }
    }
    let mut regions = body_regions(&page, &scores);
    for r in 0..regions.len() {
        let limit = if r + 1 < regions.len() {
            regions[r + 1].0
        } else {
            n
        };
        regions[r].1 = extend_list(&page, regions[r].1, limit);
    }
    let start = if regions.is_empty() { n } else { regions[0].0 };
    let info = &page.info;
    let mut in_region = vec![false; n];

    // --- the body regions ---
    for &(start, end, _) in &regions {
        for x in &mut in_region[start..=end] {
            *x = true;
        }
        let mut i = start;
        while i <= end {
            // A run of short, non-sentence lines inside the body is an inserted box
            // when one of its lines is furniture ("Related", "16 hours ago", a
            // credit); otherwise it is a list, a table or a run of subheads.
            let mut j = i;
            let mut boxy = false;
            while j <= end && !info[j].prose() && info[j].end != End::Sentence {
                let f = &info[j];
                boxy |= f.cue != Cue::None
                    || f.ago
                    || f.credit
                    || f.captioned
                    || page.cut_copy[j]
                    || f.end == End::Cut;
                j += 1;
            }
            if j - i >= 3 && boxy {
                let mut k = i;
                while k < j {
                    labels[k] = (
                        BlockKind::Boilerplate,
                        Some(reason_of(&page, k, Reason::Navigation)),
                    );
                    k += 1;
                }
                i = j;
                continue;
            }
            let stop = j.max(i + 1);
            for k in i..stop {
                let f = &info[k];
                labels[k] = if page.furniture(k) {
                    furniture_label(&page, k)
                } else if page.repeated[k] && f.words <= 10 {
                    (BlockKind::Boilerplate, Some(Reason::Other))
                } else if f.prose() || f.words >= 15 || f.end != End::Other {
                    (BlockKind::Paragraph, None)
                } else {
                    (BlockKind::Subhead, None)
                };
            }
            i = stop;
        }
    }

    // --- the headline: the best title-like line shortly before the body ---
    let head = headline(&page, start.min(n));
    if let Some(h) = head {
        labels[h] = (BlockKind::Headline, None);
        metadata.title = Some(page.line(h).to_string());
    }
    let head_hash = head.map(|h| info[h].hash);

    // --- before the body ---
    for k in 0..start.min(n) {
        if Some(k) == head {
            continue;
        }
        labels[k] = if Some(info[k].hash) == head_hash {
            (BlockKind::Boilerplate, Some(Reason::DuplicateTitle))
        } else if page.furniture(k) {
            furniture_label(&page, k)
        } else if k + 1 < n && info[k + 1].credit && info[k].words >= 5 {
            (BlockKind::Caption, None)
        } else if page.repeated[k] || info[k].words < 8 {
            (BlockKind::Boilerplate, Some(Reason::Navigation))
        } else {
            (BlockKind::Boilerplate, Some(Reason::Other))
        };
    }

    // --- after the body: follow section headings and teaser shapes ---
    let mut state = Reason::Other;
    for k in start..n {
        let f = &info[k];
        if in_region[k] {
            state = Reason::Other;
            continue;
        }
        if Some(f.hash) == head_hash {
            labels[k] = (BlockKind::Boilerplate, Some(Reason::DuplicateTitle));
            // A page pasted again starts over.
            state = Reason::Other;
            continue;
        }
        if state == Reason::Other && f.cue == Cue::None && (f.date || f.credit) {
            labels[k] = furniture_label(&page, k);
            continue;
        }
        let reason = match f.cue {
            Cue::Copyright => Reason::Copyright,
            Cue::Sponsored => {
                state = Reason::Sponsored;
                Reason::Sponsored
            }
            Cue::Related => {
                state = Reason::Related;
                Reason::Related
            }
            Cue::Advertising if state == Reason::Other => Reason::Advertising,
            Cue::Share if state == Reason::Other => Reason::Share,
            _ if state != Reason::Other => state,
            _ if f.ago
                || f.end == End::Cut
                || f.end == End::Ellipsis && f.words >= 5
                || page.cut_copy[k]
                || f.captioned =>
            {
                state = Reason::Related;
                Reason::Related
            }
            _ if f.words < 8 => Reason::Navigation,
            _ => Reason::Other,
        };
        labels[k] = (BlockKind::Boilerplate, Some(reason));
    }

    // --- metadata ---
    let mut para = None;
    for k in 0..n {
        if para.is_none() && labels[k].0 == BlockKind::Paragraph {
            para = Some(k);
        }
        match labels[k].0 {
            BlockKind::Timestamp
                if info[k].date && metadata.published.is_none() && metadata.updated.is_none() =>
            {
                let (p, u) = timestamps(page.line(k));
                metadata.published = p;
                metadata.updated = u;
            }
            BlockKind::Byline if metadata.byline.is_none() => {
                metadata.byline = byline(page.line(k))
            }
            BlockKind::Credit if metadata.source.is_none() => {
                metadata.source = credit_source(page.line(k))
            }
            _ => {}
        }
    }
    if let Some(k) = para {
        if let Some((place, src)) = dateline(page.line(k)) {
            metadata.dateline = Some(place);
            if src.is_some() {
                metadata.source = src;
            }
        }
    }
    Labelled { labels, metadata }
}

/// The label of a furniture line (see [`Page::furniture`]).
fn furniture_label(page: &Page, k: usize) -> (BlockKind, Option<Reason>) {
    let f = &page.info[k];
    match f.cue {
        Cue::Copyright => return (BlockKind::Boilerplate, Some(Reason::Copyright)),
        Cue::Sponsored => return (BlockKind::Boilerplate, Some(Reason::Sponsored)),
        Cue::Advertising => return (BlockKind::Boilerplate, Some(Reason::Advertising)),
        Cue::Share => return (BlockKind::Boilerplate, Some(Reason::Share)),
        Cue::Related => return (BlockKind::Boilerplate, Some(Reason::Related)),
        Cue::Comments => return (BlockKind::Boilerplate, Some(Reason::Other)),
        Cue::None => {}
    }
    if f.credit {
        (BlockKind::Credit, None)
    } else if f.captioned || page.cut_copy[k] || page.above_credit(k) {
        (BlockKind::Caption, None)
    } else if f.end == End::Cut || f.ago && !f.date {
        (BlockKind::Boilerplate, Some(Reason::Related))
    } else if f.date || f.ago {
        (BlockKind::Timestamp, None)
    } else if f.by {
        (BlockKind::Byline, None)
    } else {
        (BlockKind::Boilerplate, Some(Reason::Other))
    }
}

/// The reason for a boilerplate line in a run of short lines.
fn reason_of(page: &Page, k: usize, default: Reason) -> Reason {
    match page.info[k].cue {
        Cue::Copyright => Reason::Copyright,
        Cue::Sponsored => Reason::Sponsored,
        Cue::Advertising => Reason::Advertising,
        Cue::Share => Reason::Share,
        Cue::Related => Reason::Related,
        Cue::Comments => Reason::Other,
        Cue::None if page.info[k].ago => Reason::Related,
        Cue::None => default,
    }
}

/// How far before the body the headline is looked for.
const HEAD_WINDOW: usize = 40;

/// The most title-like line among the lines shortly before `start`.
fn headline(page: &Page, start: usize) -> Option<usize> {
    let info = &page.info;
    let n = info.len();
    let from = start.saturating_sub(HEAD_WINDOW);
    let mut best = None;
    let mut best_score = 0;
    for k in from..start.min(n) {
        let f = &info[k];
        let ends_ok = match f.end {
            End::Other => true,
            End::Sentence => matches!(
                trim_end_any(page.line(k), &['"', '”', '’', '\'', '»'])
                    .as_bytes()
                    .last(),
                Some(b'?' | b'!')
            ),
            _ => false,
        };
        if !ends_ok || f.words < 3 || f.words > 40 || page.furniture(k) {
            continue;
        }
        let mut s = 2 * f.words.min(15) as i64;
        if page.repeated[k] {
            s += 10;
        }
        for g in &info[k + 1..(k + 4).min(n)] {
            if g.date || g.by {
                s += 12;
                break;
            }
        }
        s -= (start - k) as i64 / 2;
        if best.is_none() || s > best_score {
            best = Some(k);
            best_score = s;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn kinds(text: &str) -> Vec<(String, BlockKind, Option<Reason>)> {
        let doc = segment(text);
        doc.blocks
            .iter()
            .map(|b| (b.span.of(&doc.text).to_string(), b.kind, b.reason))
            .collect()
    }

    const BODY_EN: &str =
        "The council voted on Tuesday to close the old bridge for repairs, officials said.\n\
        Engineers found cracks in two of its supports during an inspection last month.\n\
        Repairs are expected to take about six months and cost nearly two million dollars.\n\
        Residents will have to use the ferry or drive around the lake until then.\n";

    #[test]
    fn finds_body_headline_and_furniture() {
        let page = format!(
            "Home\nNews\nSport\nWeather\nCity closes old bridge for repairs\nMarch 3, 2020, 9:15 AM\n\
             {BODY_EN}Copyright © 2020 Example News. All rights reserved.\nRelated\nAnother story\n\
             Yet another story\nCity closes old bridge for repairs\n"
        );
        let k = kinds(&page);
        let kind_of = |p: &str| {
            k.iter()
                .find(|(t, _, _)| t.starts_with(p))
                .map(|x| (x.1, x.2))
        };
        assert_eq!(
            kind_of("Home"),
            Some((BlockKind::Boilerplate, Some(Reason::Navigation)))
        );
        assert_eq!(kind_of("City closes"), Some((BlockKind::Headline, None)));
        assert_eq!(kind_of("March 3"), Some((BlockKind::Timestamp, None)));
        assert_eq!(kind_of("The council"), Some((BlockKind::Paragraph, None)));
        assert_eq!(kind_of("Residents"), Some((BlockKind::Paragraph, None)));
        assert_eq!(
            kind_of("Copyright"),
            Some((BlockKind::Boilerplate, Some(Reason::Copyright)))
        );
        assert_eq!(
            kind_of("Another"),
            Some((BlockKind::Boilerplate, Some(Reason::Related)))
        );
        assert_eq!(
            k.last().map(|x| (x.1, x.2)),
            Some((BlockKind::Boilerplate, Some(Reason::DuplicateTitle)))
        );
        let doc = segment(&page);
        assert_eq!(
            doc.metadata.title.as_deref(),
            Some("City closes old bridge for repairs")
        );
        assert_eq!(
            doc.metadata.published.as_deref(),
            Some("March 3, 2020, 9:15 AM")
        );
    }

    #[test]
    fn body_in_other_scripts() {
        let ru = "Главная\nНовости\nСпорт\nМосква закрывает старый мост\n\
            Власти города во вторник решили закрыть старый мост на ремонт, сообщили чиновники.\n\
            Инженеры обнаружили трещины в двух опорах во время проверки в прошлом месяце.\n\
            Ремонт займёт около шести месяцев и обойдётся почти в два миллиона.\n\
            Все права защищены.\n";
        let k = kinds(ru);
        assert_eq!(k[3].1, BlockKind::Headline);
        assert!(k[4..7].iter().all(|x| x.1 == BlockKind::Paragraph), "{k:?}");
        assert_eq!(k[7].2, Some(Reason::Copyright));

        let ja = "ホーム\nニュース\n市が古い橋を閉鎖\n\
            市議会は火曜日、修理のため古い橋を閉鎖することを決めたと当局者が明らかにした。\n\
            技術者は先月の点検で二本の支柱にひびを見つけたという。修理には約半年かかる見込みだ。\n\
            住民はそれまでフェリーを使うか湖を迂回する必要がある。\n";
        let k = kinds(ja);
        assert!(k[3..6].iter().all(|x| x.1 == BlockKind::Paragraph), "{k:?}");
        assert_ne!(k[0].1, BlockKind::Paragraph);
    }

    #[test]
    fn subheads_stay_and_boxes_go() {
        let page = format!(
            "{BODY_EN}BRIDGE HISTORY\n{BODY_EN}Trending\nFirst other headline\nSecond other headline\nThird other headline\n{BODY_EN}"
        );
        let k = kinds(&page);
        let kind_of = |p: &str| k.iter().find(|(t, _, _)| t.starts_with(p)).map(|x| x.1);
        assert_eq!(kind_of("BRIDGE HISTORY"), Some(BlockKind::Subhead));
        assert_eq!(kind_of("Second other"), Some(BlockKind::Boilerplate));
        assert_eq!(kind_of("Trending"), Some(BlockKind::Boilerplate));
    }

    #[test]
    fn lists_belong_to_the_body() {
        let page = format!(
            "{BODY_EN}The five companies chosen are:\nBlue Origin, Kent\nCeres Robotics, Palo Alto\n\
             Sierra Nevada Corporation, Louisville\nSpaceX, Hawthorne\n{BODY_EN}Qualified teams\n\
             England (Group A): 10th appearance\nCzech Republic (Group A): Seventh appearance\n\
             Ukraine (Group B): Third appearance\nSpain (Group F): 11th appearance\nHome\nAbout us\nContact\n"
        );
        let k = kinds(&page);
        let kind_of = |p: &str| k.iter().find(|(t, _, _)| t.starts_with(p)).map(|x| x.1);
        for item in ["Ceres", "SpaceX", "England", "Spain (Group F)"] {
            assert!(
                matches!(
                    kind_of(item),
                    Some(BlockKind::Paragraph | BlockKind::Subhead)
                ),
                "{item}: {k:?}"
            );
        }
        assert_eq!(kind_of("About us"), Some(BlockKind::Boilerplate));
    }

    #[test]
    fn captions_inside_the_body() {
        let page = format!(
            "{BODY_EN}A reference habitation module for a crewed Mars mission. Credit: ESA\n{BODY_EN}\
             © John Brecher A needle during a flu shot at a community health center in Washington\n{BODY_EN}"
        );
        let k = kinds(&page);
        let kind_of = |p: &str| k.iter().find(|(t, _, _)| t.starts_with(p)).map(|x| x.1);
        assert_eq!(kind_of("A reference"), Some(BlockKind::Caption));
        assert_eq!(kind_of("© John"), Some(BlockKind::Caption));
        // The photo credit is no rights notice: the body goes on after it.
        let paragraphs = k.iter().filter(|x| x.1 == BlockKind::Paragraph).count();
        assert_eq!(paragraphs, 12, "{k:?}");
    }

    #[test]
    fn a_long_gap_ends_the_body() {
        let nav: String = (1..=14).map(|i| format!("Section {i}\n")).collect();
        let teasers: String = (1..=4)
            .map(|i| {
                format!(
                    "Another story number {i} about a different town and its plans for the coming \
                     year was published here today by the same newspaper.\n"
                )
            })
            .collect();
        let page = format!("{BODY_EN}{BODY_EN}{nav}{teasers}");
        let k = kinds(&page);
        assert!(
            k.iter()
                .all(|x| !x.0.starts_with("Another") || x.1 == BlockKind::Boilerplate),
            "{k:?}"
        );
        assert_eq!(k.iter().filter(|x| x.1 == BlockKind::Paragraph).count(), 8);
    }

    #[test]
    fn page_repeated_keeps_its_body() {
        let one = format!("Bridge to close\n{BODY_EN}Bridge to close\n");
        let many = one.repeat(5);
        let k = kinds(&many);
        let paragraphs = k.iter().filter(|x| x.1 == BlockKind::Paragraph).count();
        assert_eq!(paragraphs, 20);
    }

    #[test]
    fn no_panic_on_random_input() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let pieces = [
            "a",
            " ",
            "\n",
            "\r",
            ".",
            "…",
            "...",
            "©",
            "(",
            ")",
            "AP Photo",
            "—",
            " - ",
            "2021",
            "12:30",
            "Jul",
            "ago",
            "By ",
            "Sponsored",
            "[…]",
            "東京",
            "。",
            "Главная",
            "\t",
            "\u{00A0}",
            ":",
            "|",
            "Updated",
            "é",
            "🙂",
        ];
        for _ in 0..300 {
            let len = (next() % 200) as usize;
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
            let doc = segment(&s);
            assert!(doc.blocks.iter().all(|b| b.span.end <= doc.text.len()));
        }
    }
}
