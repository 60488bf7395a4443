//! Landmarks: annotations whose quote *with* its whole stored context
//! (`prefix + exact + suffix`) occurs exactly once in the new text, in the
//! same order as their old positions. They tell how the text shifted around
//! every other annotation, without a diff and without the old text.
//!
//! All needles are found in **one pass** over the text: a rolling hash of
//! [`KEY`] bytes is checked against a small bitmap, then against the sorted
//! needle keys, then verified byte for byte.

/// Bytes hashed per window; shorter needles are not looked up.
pub const KEY: usize = 16;

const BASE: u64 = 0x0100_0000_01b3;

/// Occurrences of a needle in the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Found {
    /// How many (counting stops at 2).
    pub count: u8,
    /// Byte offset of the first one.
    pub first: usize,
}

/// Sorts `v` ascending: one small non-generic heapsort that every sort of the
/// anchoring and import code shares (keys packed as pairs of integers), so the
/// wasm carries one sort routine instead of one per element type.
#[inline(never)]
pub fn sort_pairs(v: &mut [(u64, u64)]) {
    fn sift(v: &mut [(u64, u64)], mut root: usize, end: usize) {
        loop {
            let mut c = 2 * root + 1;
            if c >= end {
                return;
            }
            if c + 1 < end && v[c] < v[c + 1] {
                c += 1;
            }
            if v[root] >= v[c] {
                return;
            }
            v.swap(root, c);
            root = c;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// FNV-1a of `s`.
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `(hash, index)` of each of `ids`, sorted (for lookups without a hash map).
pub fn sorted_hashes(ids: &[&str]) -> Vec<(u64, u64)> {
    let mut keys: Vec<(u64, u64)> = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        keys.push((str_hash(id), i as u64));
    }
    sort_pairs(&mut keys);
    keys
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

/// Counts the occurrences of each needle in `text` (needles shorter than [`KEY`]
/// bytes get a zero count).
pub fn find_all(text: &[u8], needles: &[&[u8]]) -> Vec<Found> {
    let mut out = vec![Found::default(); needles.len()];
    let mut keys: Vec<(u64, u64)> = vec![];
    for (i, n) in needles.iter().enumerate() {
        if n.len() >= KEY {
            keys.push((hash(&n[..KEY]), i as u64));
        }
    }
    if keys.is_empty() || text.len() < KEY {
        return out;
    }
    sort_pairs(&mut keys);
    let mut bits = vec![0u64; 1024];
    for &(h, _) in &keys {
        let b = (h >> 48) as usize;
        bits[b / 64] |= 1 << (b % 64);
    }
    // BASE^(KEY-1), to take the outgoing byte away.
    let top = (1..KEY).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut h = hash(&text[..KEY]);
    let mut p = 0;
    loop {
        let b = (h >> 48) as usize;
        if bits[b / 64] & (1 << (b % 64)) != 0 {
            let from = keys.partition_point(|&(k, _)| k < h);
            for &(k, i) in &keys[from..] {
                if k != h {
                    break;
                }
                let i = i as usize;
                let f = &mut out[i];
                if f.count < 2 && text[p..].starts_with(needles[i]) {
                    if f.count == 0 {
                        f.first = p;
                    }
                    f.count += 1;
                }
            }
        }
        if p + KEY >= text.len() {
            break;
        }
        h = h
            .wrapping_sub(u64::from(text[p]).wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(u64::from(text[p + KEY]));
        p += 1;
    }
    out
}

/// A landmark: old position → new position (bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    /// Old start (the hint).
    pub old: usize,
    /// New start.
    pub new: usize,
}

/// Keeps the longest chain of `marks` increasing in both old and new position
/// (an out-of-order match is a copy elsewhere, not the annotated text).
/// Old positions claimed by two different new ones, and the reverse, are
/// dropped first: such evidence is ambiguous.
pub fn chain(marks: Vec<Mark>) -> Vec<Mark> {
    let mut pairs: Vec<(u64, u64)> = Vec::with_capacity(marks.len());
    for m in &marks {
        pairs.push((m.old as u64, m.new as u64));
    }
    sort_pairs(&mut pairs);
    let mut marks: Vec<Mark> = Vec::with_capacity(pairs.len());
    for (k, &(old, new)) in pairs.iter().enumerate() {
        // Equal pairs are adjacent once sorted: keep one.
        if k > 0 && pairs[k - 1] == (old, new) {
            continue;
        }
        marks.push(Mark {
            old: old as usize,
            new: new as usize,
        });
    }
    let n = marks.len();
    let clash =
        |i: usize, j: usize| (marks[i].old == marks[j].old) != (marks[i].new == marks[j].new);
    let mut keep = vec![true; n];
    for i in 1..n {
        if clash(i - 1, i) {
            keep[i - 1] = false;
            keep[i] = false;
        }
    }
    // In order of (new, old): marks are sorted by old, so among equal new
    // positions the index order is the old order.
    let mut by_new: Vec<(u64, u64)> = Vec::with_capacity(n);
    for (i, m) in marks.iter().enumerate() {
        by_new.push((m.new as u64, i as u64));
    }
    sort_pairs(&mut by_new);
    for w in by_new.windows(2) {
        let (a, b) = (w[0].1 as usize, w[1].1 as usize);
        if clash(a, b) {
            keep[a] = false;
            keep[b] = false;
        }
    }
    let marks = kept(marks, &keep);
    // Longest strictly increasing subsequence in `new` (patience sorting).
    let mut tails: Vec<usize> = vec![];
    let mut prev = vec![usize::MAX; marks.len()];
    for (i, m) in marks.iter().enumerate() {
        let k = tails.partition_point(|&t| marks[t].new < m.new);
        if k > 0 {
            prev[i] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = vec![];
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        out.push(marks[at]);
        at = prev[at];
    }
    out.reverse();
    out
}

/// Drops runs of `marks` (a [`chain`]) that moved by one shift unlike both
/// runs around them: the shift changes only at edits, so a run whose shift lies
/// more than `tol` outside its neighbours' (after halving, as in the cost of a
/// placement) is a copy of the words elsewhere, such as the survivor of two
/// identical paragraphs one of which was deleted.
pub fn rigid(marks: Vec<Mark>, tol: usize) -> Vec<Mark> {
    let shift = |m: &Mark| m.new as isize - m.old as isize;
    // Runs of equal shift: (first index, end index, shift).
    let mut runs: Vec<(usize, usize, isize)> = vec![];
    for (i, m) in marks.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if r.2 == shift(m) => r.1 = i + 1,
            _ => runs.push((i, i + 1, shift(m))),
        }
    }
    let mut keep = vec![true; marks.len()];
    for (k, r) in runs.iter().enumerate() {
        let (Some(a), Some(b)) = (
            k.checked_sub(1).map(|j| runs[j].2),
            runs.get(k + 1).map(|x| x.2),
        ) else {
            continue;
        };
        let (lo, hi) = (a.min(b), a.max(b));
        let out = if r.2 < lo {
            lo - r.2
        } else {
            (r.2 - hi).max(0)
        };
        if 2 * out.unsigned_abs() > tol {
            keep[r.0..r.1].iter_mut().for_each(|x| *x = false);
        }
    }
    kept(marks, &keep)
}

/// The `marks` whose `keep` flag is set, in order.
fn kept(marks: Vec<Mark>, keep: &[bool]) -> Vec<Mark> {
    let mut out = Vec::with_capacity(marks.len());
    for (m, &k) in marks.iter().zip(keep) {
        if k {
            out.push(*m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_counts() {
        let text = b"the quick brown fox jumps over the quick brown fox. the lazy dog sleeps";
        let n: [&[u8]; 4] = [
            b"the quick brown fox",
            b"the lazy dog sleeps",
            b"short",
            b"not in the text at all",
        ];
        let f = find_all(text, &n);
        assert_eq!((f[0].count, f[0].first), (2, 0));
        assert_eq!((f[1].count, f[1].first), (1, 52));
        assert_eq!((f[2].count, f[3].count), (0, 0));
    }

    #[test]
    fn chain_drops_out_of_order_and_ambiguous() {
        let m = |old, new| Mark { old, new };
        let got = chain(vec![
            m(0, 5),
            m(10, 15),
            m(20, 2),
            m(30, 35),
            m(40, 45),
            m(50, 45),
        ]);
        assert_eq!(got, vec![m(0, 5), m(10, 15), m(30, 35)]);
    }
}
