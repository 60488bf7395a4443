//! Approximate quote search: bit-parallel Myers (Hyyrö's block version with
//! Ukkonen's cut-off) over a *folded* text, where typographic quotes, dashes and
//! whitespace runs are unified so that quote-style and spacing edits cost nothing.
//!
//! [`matches`] lists the candidates in a window; [`super::anchor_all`] decides
//! between them (context, position, ambiguity).

use crate::text::Span;

/// Longest quote (in characters) searched approximately; longer ones must match exactly.
pub const MAX_FUZZY_CHARS: usize = 4096;

/// Folds one character: curly quotes, primes and guillemets to `"`/`'`, dashes to `-`,
/// any whitespace to a space.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A folded text: characters after [`fold_char`] with whitespace runs collapsed,
/// each with the byte range of the original it stands for.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Folded characters.
    pub chars: Vec<char>,
    /// Byte start (in the original) of each folded character.
    pub starts: Vec<usize>,
    /// Byte end (in the original) of each folded character.
    pub ends: Vec<usize>,
}

impl Folded {
    /// Folds `text[range]` (offsets stay those of `text`).
    pub fn new(text: &str, range: Span) -> Folded {
        let mut f = Folded::default();
        for (i, c) in text[range.start..range.end].char_indices() {
            let (b, e) = (range.start + i, range.start + i + c.len_utf8());
            let c = fold_char(c);
            if c == ' ' && f.chars.last() == Some(&' ') {
                if let Some(last) = f.ends.last_mut() {
                    *last = e;
                }
                continue;
            }
            f.chars.push(c);
            f.starts.push(b);
            f.ends.push(e);
        }
        f
    }
}

/// Folds a short string to its characters (for patterns and context).
pub fn fold_str(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars().map(fold_char) {
        if !(c == ' ' && out.last() == Some(&' ')) {
            out.push(c);
        }
    }
    out
}

/// Myers' bit-vector state for one pattern.
struct Myers {
    m: usize,
    /// Per pattern character: its match mask in each 64-row block.
    peq: Vec<(char, Vec<u64>)>,
    last: Vec<u64>,
    p: Vec<u64>,
    mv: Vec<u64>,
    score: Vec<usize>,
}

impl Myers {
    fn new(pat: &[char]) -> Myers {
        let m = pat.len();
        let blocks = m.div_ceil(64);
        let mut peq: Vec<(char, Vec<u64>)> = vec![];
        for (i, &c) in pat.iter().enumerate() {
            let k = match peq.binary_search_by(|(x, _)| x.cmp(&c)) {
                Ok(k) => k,
                Err(k) => {
                    peq.insert(k, (c, vec![0; blocks]));
                    k
                }
            };
            peq[k].1[i / 64] |= 1 << (i % 64);
        }
        let mut last = Vec::with_capacity(blocks);
        for b in 0..blocks {
            let rows = (m - b * 64).min(64);
            last.push(1u64 << (rows - 1));
        }
        Myers {
            m,
            peq,
            last,
            p: vec![!0; blocks],
            mv: vec![0; blocks],
            score: vec![0; blocks],
        }
    }

    /// Index of `c` in `peq`, if the pattern has it.
    fn index(&self, ascii: &[u16; 128], c: char) -> Option<usize> {
        if c.is_ascii() {
            return ascii[c as usize].checked_sub(1).map(usize::from);
        }
        self.peq.binary_search_by(|(x, _)| x.cmp(&c)).ok()
    }

    /// One column step for block `b`; returns the horizontal delta at its last row.
    fn advance(&mut self, b: usize, eq: u64, hin: i32) -> i32 {
        let (pv, mv) = (self.p[b], self.mv[b]);
        let hneg = u64::from(hin < 0);
        let eq = eq | hneg;
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        let last = self.last[b];
        let hout = i32::from(ph & last != 0) - i32::from(mh & last != 0);
        ph <<= 1;
        mh <<= 1;
        mh |= hneg;
        ph |= u64::from(hin > 0);
        self.p[b] = mh | !(xv | ph);
        self.mv[b] = ph & xv;
        hout
    }

    /// Every end index (exclusive) in `text` where the pattern matches with at
    /// most `k` edits, with the edit count.
    fn ends(&mut self, text: &[char], k: usize) -> Vec<(usize, usize)> {
        let blocks = self.p.len();
        let m = self.m;
        let rows = |b: usize| (m - b * 64).min(64);
        let mut y = (k.div_ceil(64)).saturating_sub(1).min(blocks - 1);
        for b in 0..blocks {
            self.p[b] = !0;
            self.mv[b] = 0;
            self.score[b] = (b * 64 + rows(b)).min(self.m);
        }
        let mut ascii = [0u16; 128];
        for (i, (c, _)) in self.peq.iter().enumerate() {
            if c.is_ascii() {
                ascii[*c as usize] = u16::try_from(i + 1).unwrap_or(0);
            }
        }
        let mut out = vec![];
        for (j, &c) in text.iter().enumerate() {
            let idx = self.index(&ascii, c);
            let eq = |me: &Myers, b: usize| idx.map_or(0, |k| me.peq[k].1[b]);
            let mut carry = 0;
            for b in 0..=y {
                carry = self.advance(b, eq(self, b), carry);
                self.score[b] = self.score[b].saturating_add_signed(carry as isize);
            }
            if y + 1 < blocks
                && self.score[y] as isize - carry as isize <= k as isize
                && (eq(self, y + 1) & 1 != 0 || carry < 0)
            {
                y += 1;
                self.p[y] = !0;
                self.mv[y] = 0;
                let h = self.advance(y, eq(self, y), carry);
                let prev = (self.score[y - 1] as isize - carry as isize).max(0) as usize;
                self.score[y] = (prev + rows(y)).saturating_add_signed(h as isize);
            } else {
                while y > 0 && self.score[y] >= k + 64 {
                    y -= 1;
                }
            }
            if y + 1 == blocks && self.score[y] <= k {
                out.push((j + 1, self.score[y]));
            }
        }
        out
    }
}

/// Levenshtein distance of two short folded strings (bit-parallel when `a`
/// has at most 64 characters, as context strings do).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let m = a.len();
    if m == 0 || m > 64 {
        return levenshtein_dp(a, b);
    }
    let mut ascii = [0u64; 128];
    let mut other: Vec<(char, u64)> = vec![];
    for (i, &c) in a.iter().enumerate() {
        if c.is_ascii() {
            ascii[c as usize] |= 1 << i;
        } else if let Some(e) = other.iter_mut().find(|e| e.0 == c) {
            e.1 |= 1 << i;
        } else {
            other.push((c, 1 << i));
        }
    }
    let last = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (!0u64, 0u64, m);
    for &c in b {
        let eq = if c.is_ascii() {
            ascii[c as usize]
        } else {
            other.iter().find(|e| e.0 == c).map_or(0, |e| e.1)
        };
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

fn levenshtein_dp(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for j in 0..=b.len() {
        row.push(j);
    }
    for (i, &x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diag + usize::from(x != y))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// `s` back to front.
fn reversed(s: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s.iter().rev() {
        out.push(c);
    }
    out
}

/// Approximate occurrences of `exact` in `text[window]` with at most a quarter
/// of its (folded) length in edits: the best end in each run of neighbouring
/// ends (at most 16), as byte spans of `text` with their edit counts.
pub fn matches(text: &str, window: Span, exact: &str) -> Vec<(Span, usize)> {
    let pat = fold_str(exact);
    let m = pat.len();
    if m == 0 || m > MAX_FUZZY_CHARS || window.start >= window.end {
        return vec![];
    }
    let k = m / 4;
    let f = Folded::new(text, window);
    if f.chars.is_empty() {
        return vec![];
    }
    // By (errors, end).
    let mut ends: Vec<(u64, u64)> = vec![];
    for (e, err) in Myers::new(&pat).ends(&f.chars, k) {
        ends.push((err as u64, e as u64));
    }
    super::index::sort_pairs(&mut ends);
    let mut picked: Vec<(usize, usize)> = vec![];
    for (err, e) in ends {
        let (e, err) = (e as usize, err as usize);
        if picked.iter().all(|&(p, _)| p.abs_diff(e) > m / 2) {
            picked.push((e, err));
            if picked.len() >= 16 {
                break;
            }
        }
    }
    let rpat = reversed(&pat);
    let mut rev = Myers::new(&rpat);
    let mut out = vec![];
    for (e, err) in picked {
        let from = e.saturating_sub(m + k);
        let rtext = reversed(&f.chars[from..e]);
        let Some(&(r, _)) = rev
            .ends(&rtext, err)
            .iter()
            .min_by_key(|&&(r, er)| (er, r.abs_diff(m)))
        else {
            continue;
        };
        if r == 0 || r > e {
            continue;
        }
        out.push((Span::new(f.starts[e - r], f.ends[e - 1]), err));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{anchor, Selector};
    use super::*;

    /// Reference: the minimum edit distance of `pat` to any substring ending at each position.
    fn naive_ends(text: &[char], pat: &[char]) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=pat.len()).collect();
        let mut out = vec![];
        for &c in text {
            let mut prev = col.clone();
            prev[0] = 0;
            for i in 1..=pat.len() {
                prev[i] = (col[i - 1] + usize::from(pat[i - 1] != c))
                    .min(col[i] + 1)
                    .min(prev[i - 1] + 1);
            }
            col = prev;
            out.push(col[pat.len()]);
        }
        out
    }

    #[test]
    fn myers_matches_naive_dp_across_blocks() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rnd = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for round in 0..60 {
            let m = 1 + rnd(if round % 3 == 0 { 200 } else { 70 }) as usize;
            let pat: Vec<char> = (0..m).map(|_| (b'a' + rnd(4) as u8) as char).collect();
            let mut text: Vec<char> = (0..300).map(|_| (b'a' + rnd(4) as u8) as char).collect();
            let at = rnd(200) as usize;
            for (i, &c) in pat.iter().enumerate() {
                if at + i < text.len() && rnd(6) != 0 {
                    text[at + i] = c;
                }
            }
            let k = m / 4 + rnd(3) as usize;
            let want = naive_ends(&text, &pat);
            let got = Myers::new(&pat).ends(&text, k);
            let want: Vec<(usize, usize)> = want
                .iter()
                .enumerate()
                .filter(|(_, &d)| d <= k)
                .map(|(j, &d)| (j + 1, d))
                .collect();
            assert_eq!(got, want, "m={m} k={k}");
        }
    }

    #[test]
    fn bit_parallel_levenshtein_matches_dp() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut rnd = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let abc = ['a', 'b', 'é', 'c', ' '];
        for _ in 0..300 {
            let a: Vec<char> = (0..rnd(70)).map(|_| abc[rnd(5) as usize]).collect();
            let b: Vec<char> = (0..rnd(40)).map(|_| abc[rnd(5) as usize]).collect();
            assert_eq!(levenshtein(&a, &b), levenshtein_dp(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn folding_and_fuzzy_find() {
        assert_eq!(
            fold_str("“a”  —\n‘b’"),
            "\"a\" - 'b'".chars().collect::<Vec<_>>()
        );
        let text = "Intro. He said \"we will   talk\" — soon, the envoy added. End.";
        let sel = Selector {
            exact: "said “we will talk” – soon",
            prefix: "Intro. He ",
            suffix: ", the envoy",
            hint: None,
            copies: None,
        };
        let s = anchor(text, &sel).span.unwrap();
        assert_eq!(s.of(text), "said \"we will   talk\" — soon");
        // One word changed.
        let sel = Selector {
            exact: "the envoy added",
            prefix: "talk\" — soon, ",
            suffix: ". End.",
            hint: None,
            copies: None,
        };
        let text2 = text.replace("envoy", "envoi");
        assert_eq!(
            anchor(&text2, &sel).span.unwrap().of(&text2),
            "the envoi added"
        );
        // Nothing like it: no match.
        let sel = Selector {
            exact: "completely different words here",
            ..sel
        };
        assert_eq!(anchor(text, &sel).span, None);
    }
}
