//! Small lexical helpers for the quote finder: characters, words, sentence ends.
//!
//! Every offset here is a byte offset into one block's text `s`, always on a
//! char boundary. Nothing here panics on any input.

use crate::segment::sentences::{pack_words, Words};

/// The char starting at byte `i` of `s` (`None` at the end or off a boundary).
#[inline(never)]
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The char ending at byte `i` of `s` (`None` at the start or off a boundary).
#[inline(never)]
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// Any quotation mark this module knows (double or single, curly or straight).
#[inline(never)]
pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›'
    )
}

/// Punctuation after which an opening quotation mark may stand.
#[inline]
pub(super) fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '<' | ':' | '…') || is_quote_char(c)
}

/// Punctuation before which a closing quotation mark may stand.
#[inline]
pub(super) fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '>' | '…'
    ) || is_quote_char(c)
}

/// A character that can be part of a word: anything but whitespace and punctuation
/// (so letters, digits, combining marks, emoji).
#[inline(never)]
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(c.is_whitespace()
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || matches!(c, '«' | '»' | '\u{a0}' | '¡' | '¿' | '·' | '§' | '¶'))
}

/// Abbreviations whose trailing period does not end a sentence (sorted, case as written).
const ABBREVIATION_WORDS: &[&str] = &[
    "Adm", "Apr", "Aug", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dept", "Dr", "Feb", "Ft",
    "Gen", "Gens", "Gov", "Inc", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mar", "Mme", "Mr", "Mrs", "Ms",
    "Msgr", "Mt", "No", "Nov", "Oct", "Pres", "Prof", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep",
    "Sept", "Sgt", "Sr", "St", "Supt", "Univ", "etc", "vs",
];
static ABBREVIATIONS: Words = Words::new(
    &pack_words::<{ ABBREVIATION_WORDS.len() * 4 }>(ABBREVIATION_WORDS),
    4,
    false,
);

/// True when a period right after `w` belongs to the word (`U.N.`, `J.`, `Mr.`).
pub(super) fn is_abbrev(w: &str) -> bool {
    if w.contains('.') {
        return true;
    }
    let mut cs = w.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.find(w.as_bytes()).is_some()
}

/// A word: byte range `start..end` in the block text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// The text of the word.
    #[inline]
    pub fn of<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }
}

/// The words of `s[from..to]`, into `out` (cleared first: one buffer serves every
/// quotation). Apostrophes, hyphens and periods between word characters stay inside
/// a word (`didn’t`, `Jae-in`, `U.N`), as does the period closing an abbreviation
/// (`U.N.`, `Mr.`).
pub(super) fn words(out: &mut Vec<Word>, s: &str, from: usize, to: usize) {
    out.clear();
    let to = to.min(s.len());
    let mut i = from;
    let b = s.as_bytes();
    while i < to {
        // ASCII fast path for the gaps between words.
        if b[i] < 0x80 && !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some(c) = char_at(s, i) else { break };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        while j < to {
            if b[j].is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            let Some(d) = char_at(s, j) else { break };
            if is_word_char(d) {
                j += d.len_utf8();
                continue;
            }
            if matches!(d, '\'' | '’' | '-' | '‐' | '.' | '&') {
                let k = j + d.len_utf8();
                if k < to && char_at(s, k).is_some_and(is_word_char) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        if j < to && s.as_bytes().get(j) == Some(&b'.') && is_abbrev(&s[start..j]) {
            j += 1;
        }
        out.push(Word { start, end: j });
        i = j;
    }
}

/// A sentence end inside a block: the terminator cluster ends at `end`
/// (after any closing quotes/brackets), the next sentence starts at `next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stop {
    pub end: usize,
    pub next: usize,
}

/// The start of the word that ends right before byte `i`.
fn word_start_before(s: &str, i: usize) -> usize {
    let mut k = i;
    while let Some(c) = char_before(s, k) {
        if is_word_char(c) || c == '.' {
            k -= c.len_utf8();
        } else {
            break;
        }
    }
    k
}

/// Sentence ends of a block: `.`, `?` or `!` (not closing an abbreviation),
/// then closing marks, whitespace, and an upper-case letter, digit or opening mark.
pub(super) fn sentence_stops(s: &str) -> Vec<Stop> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !matches!(c, b'.' | b'?' | b'!') {
            i += 1;
            continue;
        }
        if c == b'.' {
            let ws = word_start_before(s, i);
            if ws < i && is_abbrev(s[ws..i].trim_start_matches('.')) {
                i += 1;
                continue;
            }
        }
        let mut j = i + 1;
        while let Some(d) = char_at(s, j) {
            if matches!(d, '.' | '?' | '!' | ')' | ']' | '…') || is_quote_char(d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let mut k = j;
        while let Some(d) = char_at(s, k) {
            if d.is_whitespace() {
                k += d.len_utf8();
            } else {
                break;
            }
        }
        if k > j {
            if let Some(n) = char_at(s, k) {
                if n.is_uppercase() || n.is_ascii_digit() || is_open_punct(n) {
                    out.push(Stop { end: j, next: k });
                }
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// True when the gap `s[a..b]` between two words separates phrases
/// (a comma, colon, dash, bracket, quotation mark or sentence terminator).
pub(super) fn gap_breaks(s: &str, a: usize, b: usize) -> bool {
    let Some(g) = s.get(a..b) else { return true };
    g.chars().any(|c| {
        matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '.' | '?' | '!' | '…'
        ) || (is_quote_char(c) && c != '’' && c != '\'')
    }) || g.contains(" - ")
}

/// True when the gap `s[a..b]` holds a comma.
pub(super) fn gap_has_comma(s: &str, a: usize, b: usize) -> bool {
    s.get(a..b).is_some_and(|g| g.contains(','))
}

#[cfg(test)]
mod lex_tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATION_WORDS.windows(2).all(|p| p[0] < p[1]));
        for (i, w) in ABBREVIATION_WORDS.iter().enumerate() {
            assert_eq!(ABBREVIATIONS.find(w.as_bytes()), Some(i), "{w}");
        }
        assert!(is_abbrev("Mr") && is_abbrev("vs") && !is_abbrev("VS") && !is_abbrev(""));
    }
}
