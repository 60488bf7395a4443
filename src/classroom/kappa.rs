//! Chance-corrected agreement: Fleiss' κ (many raters) and Cohen's κ (two raters).
//!
//! κ = (P̄ − P̄e) / (1 − P̄e), observed against chance agreement. It is
//! **undefined** — reported as [`Kappa::Undefined`] with a reason, never NaN —
//! when there is nothing to rate, fewer than two raters, or when chance agreement
//! is already total (P̄e = 1: every rating fell in one category, so raters agree
//! perfectly but nothing distinguishes that from chance). When raters agree on
//! every item and more than one category is used, κ = 1.

/// An agreement coefficient, or why it cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Kappa {
    /// The coefficient (≤ 1; below 0 means less agreement than chance).
    Value(f64),
    /// Why the coefficient is undefined here.
    Undefined(&'static str),
}

impl Kappa {
    /// The value, when defined.
    pub fn value(&self) -> Option<f64> {
        match self {
            Kappa::Value(v) => Some(*v),
            Kappa::Undefined(_) => None,
        }
    }
}

/// Reason: nothing was rated.
pub const NO_ITEMS: &str = "no sentences to rate";
/// Reason: fewer than two raters.
pub const ONE_RATER: &str = "fewer than two raters";
/// Reason: every rating fell in one category.
pub const ONE_CATEGORY: &str = "every rating is in one category, so chance agreement is total";
/// Reason: raters rated different numbers of items.
pub const UNEVEN: &str = "items were rated by different numbers of raters";

fn chance_corrected(observed: f64, chance: f64) -> Kappa {
    if 1.0 - chance <= 1e-12 {
        Kappa::Undefined(ONE_CATEGORY)
    } else {
        Kappa::Value(((observed - chance) / (1.0 - chance)).clamp(-1.0, 1.0))
    }
}

/// Fleiss' κ from a subjects × categories table of counts (`rows[i][j]` = raters
/// who put subject `i` in category `j`); every row must sum to the same rater count.
pub fn fleiss(rows: &[Vec<u32>]) -> Kappa {
    let Some(first) = rows.first() else {
        return Kappa::Undefined(NO_ITEMS);
    };
    let n: u64 = first.iter().map(|&c| u64::from(c)).sum();
    if n < 2 {
        return Kappa::Undefined(ONE_RATER);
    }
    let k = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut col = vec![0u64; k];
    let mut agree_sum = 0.0;
    for r in rows {
        let rn: u64 = r.iter().map(|&c| u64::from(c)).sum();
        if rn != n {
            return Kappa::Undefined(UNEVEN);
        }
        let sq: u64 = r.iter().map(|&c| u64::from(c) * u64::from(c)).sum();
        // P_i = (Σ_j n_ij² − n) / (n (n − 1))
        agree_sum += (sq - n) as f64 / (n * (n - 1)) as f64;
        for (j, &c) in r.iter().enumerate() {
            col[j] += u64::from(c);
        }
    }
    let total = (rows.len() as u64 * n) as f64;
    let p_bar = agree_sum / rows.len() as f64;
    let p_e: f64 = col.iter().map(|&c| (c as f64 / total).powi(2)).sum();
    chance_corrected(p_bar, p_e)
}

/// Cohen's κ for two raters' labels of the same items (category ids `< k`).
pub fn cohen(a: &[u16], b: &[u16], k: usize) -> Kappa {
    let n = a.len().min(b.len());
    if n == 0 {
        return Kappa::Undefined(NO_ITEMS);
    }
    let mut ma = vec![0u64; k];
    let mut mb = vec![0u64; k];
    let mut agree = 0u64;
    for (&x, &y) in a.iter().zip(b) {
        if let Some(c) = ma.get_mut(x as usize) {
            *c += 1;
        }
        if let Some(c) = mb.get_mut(y as usize) {
            *c += 1;
        }
        agree += u64::from(x == y);
    }
    cohen_counts(agree, n as u64, &ma, &mb)
}

/// Cohen's κ from the agreement count and each rater's per-category counts.
pub fn cohen_counts(agree: u64, n: u64, ma: &[u64], mb: &[u64]) -> Kappa {
    if n == 0 {
        return Kappa::Undefined(NO_ITEMS);
    }
    let nf = n as f64;
    let p_o = agree as f64 / nf;
    let p_e: f64 = ma
        .iter()
        .zip(mb)
        .map(|(&x, &y)| (x as f64 / nf) * (y as f64 / nf))
        .sum();
    chance_corrected(p_o, p_e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(k: Kappa, want: f64) {
        let v = k.value().expect("defined");
        assert!((v - want).abs() < 1e-4, "{v} != {want}");
    }

    #[test]
    fn fleiss_1971_wikipedia_example() {
        // 10 subjects, 14 raters, 5 categories (Wikipedia, "Fleiss' kappa").
        let rows: Vec<Vec<u32>> = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ]
        .iter()
        .map(|r| r.to_vec())
        .collect();
        // Column sums 20, 28, 39, 21, 32 of 140 ratings:
        //   P̄e = (20² + 28² + 39² + 21² + 32²) / 140² = 4170 / 19600 = 0.212755
        // Σ_i Σ_j n_ij² = 196+60+70+94+74+98+58+46+66+66 = 828
        //   P̄ = (828 − 10·14) / (10 · 14 · 13) = 688 / 1820 = 0.378022
        // κ = (0.378022 − 0.212755) / (1 − 0.212755) = 0.165267 / 0.787245 = 0.209934
        close(fleiss(&rows), 0.209934);
    }

    #[test]
    fn cohen_hand_computed() {
        // Categories 0 none, 1 fact, 2 analysis, 3 quote; ten sentences.
        let a = [1, 1, 1, 2, 2, 3, 3, 3, 0, 0];
        let b = [1, 1, 2, 2, 2, 3, 3, 0, 0, 1];
        // Agree on 7 of 10: p_o = 0.7.
        // A: fact 3, analysis 2, quote 3, none 2; B: fact 3, analysis 3, quote 2, none 2.
        // p_e = (3·3 + 2·3 + 3·2 + 2·2) / 100 = 25 / 100 = 0.25
        // κ = (0.7 − 0.25) / (1 − 0.25) = 0.45 / 0.75 = 0.6
        close(cohen(&a, &b, 4), 0.6);
        // Wikipedia's yes/no example: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no.
        // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2 / 0.5 = 0.4
        let mut x = vec![];
        let mut y = vec![];
        for (n, p, q) in [(20, 1, 1), (5, 1, 0), (10, 0, 1), (15, 0, 0)] {
            x.extend(std::iter::repeat(p).take(n));
            y.extend(std::iter::repeat(q).take(n));
        }
        close(cohen(&x, &y, 2), 0.4);
    }

    #[test]
    fn degenerate_cases() {
        // Total agreement over two categories: κ = 1.
        close(fleiss(&[vec![3, 0], vec![0, 3]]), 1.0);
        close(cohen(&[0, 1], &[0, 1], 2), 1.0);
        // Everyone uses one category: undefined, not NaN.
        assert_eq!(
            fleiss(&[vec![0, 3], vec![0, 3]]),
            Kappa::Undefined(ONE_CATEGORY)
        );
        assert_eq!(cohen(&[1, 1], &[1, 1], 2), Kappa::Undefined(ONE_CATEGORY));
        // One rater, no items, uneven rows.
        assert_eq!(fleiss(&[vec![1, 0]]), Kappa::Undefined(ONE_RATER));
        assert_eq!(fleiss(&[]), Kappa::Undefined(NO_ITEMS));
        assert_eq!(cohen(&[], &[], 2), Kappa::Undefined(NO_ITEMS));
        assert_eq!(fleiss(&[vec![2, 0], vec![1, 0]]), Kappa::Undefined(UNEVEN));
        // Systematic disagreement is negative.
        assert!(cohen(&[0, 1, 0, 1], &[1, 0, 1, 0], 2).value().unwrap() < 0.0);
    }
}
