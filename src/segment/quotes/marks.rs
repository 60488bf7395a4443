//! Quotation marks of one block and how they pair up.
//!
//! Double marks (`“ ” " „ « »`) are paired first, left to right, each mark
//! classed as opening or closing by its neighbours (a straight `"` after a
//! space and before a letter opens; before a space or punctuation it closes),
//! with curly marks keeping their own direction when the neighbours do not
//! decide. Single marks (`‘ ’ '`) are then paired only outside double quotes
//! and only when unambiguous: an opening `‘`/`'` after a space and before a
//! letter, and a closing one before a non-letter, with no sentence end in
//! between; apostrophes (`didn’t`, `Kim’s`, `countries’ border`) never open.

use super::lex::{
    char_at, char_before, is_close_punct, is_open_punct, is_word_char, sentence_stops,
};

/// A paired (or left open) quotation inside a block, byte offsets into the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pair {
    /// The opening mark's first byte.
    pub start: usize,
    /// One past the closing mark, or the block end / text end when unclosed.
    pub end: usize,
    /// One past the opening mark.
    pub inner: usize,
    /// False when no closing mark was found.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

/// What neighbours say about a mark at `i..i+len`: (may open, may close).
fn context(s: &str, i: usize, len: usize) -> (bool, bool) {
    let prev = char_before(s, i);
    let next = char_at(s, i + len);
    let open = prev.map_or(true, |p| p.is_whitespace() || is_open_punct(p))
        && next.is_some_and(|n| !n.is_whitespace());
    let close = next.map_or(true, |n| n.is_whitespace() || is_close_punct(n))
        && prev.is_some_and(|p| !p.is_whitespace());
    (open, close)
}

/// True when one of the 8 bytes in `x` is `"`, `'`, 0xE2 or 0xC2 (the first
/// byte of every quotation mark handled here).
#[inline]
fn may_hold_mark(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has = |n: u8| {
        let y = x ^ (ONES * n as u64);
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    };
    has(b'"') || has(b'\'') || has(0xE2) || has(0xC2)
}

/// Quotation pairs of the block text `s`, ordered by start, disjoint.
pub(super) fn pairs(s: &str) -> Vec<Pair> {
    let b = s.as_bytes();
    let mut out: Vec<Pair> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    // Single marks (`'`, `‘`, `’`): (position, length), paired afterwards.
    let mut singles: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Skip 8 bytes at a time while none can start a mark.
        while let Some(chunk) = b.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if may_hold_mark(u64::from_le_bytes(w)) {
                break;
            }
            i += 8;
        }
        let Some(&c) = b.get(i) else { break };
        // Only `"`, `'`, and the lead bytes of U+2018–U+201E and « » matter.
        if c != b'"' && c != b'\'' && c != 0xE2 && c != 0xC2 {
            i += 1;
            continue;
        }
        let (len, kind) = match c {
            b'"' => (1, 's'),
            b'\'' => {
                singles.push((i, 1));
                i += 1;
                continue;
            }
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) | Some(0x9E) => (3, 'o'),
                Some(0x9D) => (3, 'c'),
                Some(0x98) | Some(0x99) => {
                    singles.push((i, 3));
                    i += 3;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 => match b.get(i + 1) {
                Some(0xAB) => (2, 'o'),
                Some(0xBB) => (2, 'c'),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let (may_open, may_close) = context(s, i, len);
        let dir = match kind {
            's' => match (may_open, may_close) {
                (true, false) => Dir::Open,
                (false, true) => Dir::Close,
                _ => Dir::Either,
            },
            'o' => {
                if may_close && !may_open {
                    Dir::Close
                } else {
                    Dir::Open
                }
            }
            _ => {
                if may_open && !may_close {
                    Dir::Open
                } else {
                    Dir::Close
                }
            }
        };
        match (open, dir) {
            (None, Dir::Close) => {}
            (None, _) => open = Some((i, i + len)),
            (Some((st, inner)), Dir::Open) => {
                // A new opening mark while one is open: the first was never closed.
                let end = st.max(inner.max(s[..i].trim_end().len()));
                out.push(Pair {
                    start: st,
                    end,
                    inner,
                    closed: false,
                });
                open = Some((i, i + len));
            }
            (Some((st, inner)), _) => {
                out.push(Pair {
                    start: st,
                    end: i + len,
                    inner,
                    closed: true,
                });
                open = None;
            }
        }
        i += len;
    }
    if let Some((st, inner)) = open {
        out.push(Pair {
            start: st,
            end: s.len(),
            inner,
            closed: false,
        });
    }
    // Only worth pairing when some single mark could open a quotation.
    if singles
        .iter()
        .any(|&(i, _)| single_at(s, i).is_some_and(|m| m.1))
    {
        let doubles = std::mem::take(&mut out);
        let mut from = 0;
        let mut k = 0;
        for p in doubles {
            k = single_pairs(s, &singles, k, from, p.start, &mut out);
            out.push(p);
            from = p.end;
        }
        single_pairs(s, &singles, k, from, s.len(), &mut out);
    }
    out
}

/// Longest single-quoted span considered, in bytes.
const MAX_SINGLE: usize = 400;

/// A single mark (`‘`, `’`, `'`) at byte `i`: (len, may open, may close).
fn single_at(s: &str, i: usize) -> Option<(usize, bool, bool)> {
    let c = char_at(s, i)?;
    if !matches!(c, '‘' | '’' | '\'') {
        return None;
    }
    let len = c.len_utf8();
    let prev = char_before(s, i);
    let next = char_at(s, i + len);
    let may_open = c != '’'
        && prev.map_or(true, |p| p.is_whitespace() || is_open_punct(p))
        && next.is_some_and(|n| n.is_alphabetic());
    let may_close = c != '‘'
        && prev.is_some_and(|p| !p.is_whitespace())
        && next.map_or(true, |n| !is_word_char(n));
    Some((len, may_open, may_close))
}

/// Pairs single quotation marks in `s[from..to]` (a stretch outside double
/// quotes), reading `singles` (all single marks of the block, in order) from
/// index `k`; returns the index of the first mark at or after `to`.
fn single_pairs(
    s: &str,
    singles: &[(usize, usize)],
    mut k: usize,
    from: usize,
    to: usize,
    out: &mut Vec<Pair>,
) -> usize {
    while k < singles.len() && singles[k].0 < from {
        k += 1;
    }
    let first = k;
    while k < singles.len() && singles[k].0 < to {
        k += 1;
    }
    let marks: Vec<(usize, usize, bool, bool)> = singles[first..k]
        .iter()
        .filter_map(|&(i, _)| single_at(s, i).map(|(l, o, c)| (i, l, o, c)))
        .collect();
    let mut m = 0;
    while m < marks.len() {
        let (st, len, may_open, _) = marks[m];
        if !may_open {
            m += 1;
            continue;
        }
        let inner = st + len;
        // Candidate closers: not a possessive `s’ ` unless nothing better comes.
        let mut chosen: Option<usize> = None;
        let mut fallback: Option<usize> = None;
        for (n, &(ci, cl, _, may_close)) in marks.iter().enumerate().skip(m + 1) {
            if ci - st > MAX_SINGLE {
                break;
            }
            if !may_close {
                continue;
            }
            let content = &s[inner..ci];
            if content.chars().count() < 2 || !sentence_stops(content).is_empty() {
                continue;
            }
            let possessive = char_before(s, ci).is_some_and(|p| p == 's' || p == 'S')
                && char_at(s, ci + cl).is_some_and(|d| d == ' ');
            if possessive {
                if fallback.is_none() {
                    fallback = Some(n);
                }
            } else {
                chosen = Some(n);
                break;
            }
        }
        match chosen.or(fallback) {
            Some(n) => {
                let (ci, cl, _, _) = marks[n];
                out.push(Pair {
                    start: st,
                    end: ci + cl,
                    inner,
                    closed: true,
                });
                m = n + 1;
            }
            None => m += 1,
        }
    }
    k
}
