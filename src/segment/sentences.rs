//! Sentence boundaries inside one block.
//!
//! [`split`] scans the bytes of a block once and stops only at candidate
//! terminators (`.` `?` `!` `…` `。` `！` `？`), quotation marks, brackets, bullets
//! and line breaks. At a terminator it gathers the whole run (`?!`, `...`,
//! `. . .`), the closing marks glued to it (`.”` `.)` `?'` `.[3]`), and decides
//! from the word before and the word after whether a sentence ends there:
//!
//! * a period after a known abbreviation follows the abbreviation's class
//!   (titles such as "Dr." never end a sentence; "Co.", "Jan.", "U.S." and
//!   initials only before a typical sentence starter such as "The" or "It";
//!   "a.m.", "B.C.", "Ph.D." and units after a number before any capital, unless
//!   the clause is an introductory phrase such as "At 6 a.m. Mr. Smith …");
//! * a lower-case word, a comma or a dash after the terminator continues the
//!   sentence; so does the pronoun "I" after an ellipsis;
//! * nothing splits inside a quotation or bracket that closes later in the
//!   block, nor inside e-mail addresses, URLs, decimals or "[...]";
//! * a list ("1. … 2. …", "a) … b) …", "• …") splits before each item;
//! * a line break always ends a sentence.
//!
//! When in doubt it does not split. All work is on byte slices: no allocation
//! besides the output vector, and time linear in the input (every look-around is
//! bounded or cached).

mod abbrev;

use crate::text::{trim_blank, Span};
use abbrev::Class;

/// Splits `text[block]` into sentences.
///
/// Returns byte spans in order, disjoint, inside `block`, each trimmed of
/// surrounding blanks (whitespace and invisible marks, per [`is_blank`](crate::text::is_blank)) and non-empty. A block
/// with no sentence boundary is one sentence; a blank block gives no sentence.
/// A `block` that is not a valid char-boundary range of `text` gives none.
pub fn split(text: &str, block: Span) -> Vec<Span> {
    let Some(s) = text.get(block.start..block.end) else {
        return Vec::new();
    };
    let mut sp = Splitter::new(s, block.start);
    sp.run();
    sp.out
}

/// A sorted table of short ASCII words, each zero-padded to `width` bytes:
/// compact data and one binary search shared by every word list.
pub(crate) struct Words {
    bytes: &'static [u8],
    width: usize,
    fold: bool,
    /// Bit [`bit`]`(first byte, length)` is set for every record: a look-up whose
    /// bit is clear ends without a search (most do).
    seen: u64,
}

impl Words {
    /// A table over `bytes` (records of `width` bytes, sorted); `fold` makes
    /// look-ups ignore ASCII case (the records are then lower case).
    pub(crate) const fn new(bytes: &'static [u8], width: usize, fold: bool) -> Self {
        let mut seen = 0u64;
        let mut r = 0;
        while r + width <= bytes.len() {
            let mut len = width;
            while len > 0 && bytes[r + len - 1] == 0 {
                len -= 1;
            }
            seen |= 1 << bit(bytes[r], len);
            r += width;
        }
        Words {
            bytes,
            width,
            fold,
            seen,
        }
    }

    /// Index of `word` in the table, if present.
    #[inline(never)]
    pub(crate) fn find(&self, word: &[u8]) -> Option<usize> {
        let w = self.width;
        let mut buf = [0u8; 24];
        let key = buf.get_mut(..w)?;
        if word.is_empty() || word.len() > w {
            return None;
        }
        // Trailing NULs match the records' padding.
        let mut len = word.len();
        while len > 0 && word[len - 1] == 0 {
            len -= 1;
        }
        if self.seen & (1 << bit(word[0], len)) == 0 {
            return None;
        }
        for (d, &c) in key.iter_mut().zip(word) {
            *d = if self.fold { c.to_ascii_lowercase() } else { c };
        }
        let (mut lo, mut hi) = (0, self.bytes.len() / w);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.bytes.get(mid * w..mid * w + w)?.cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// A word's bit in [`Words::seen`], from its first byte (ASCII case ignored) and length.
const fn bit(first: u8, len: usize) -> u32 {
    ((first & 31) as u32 + 23 * len as u32) & 63
}

/// Packs the sorted `list` into records of `N / list.len()` bytes for [`Words`].
pub(crate) const fn pack_words<const N: usize>(list: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let w = N / list.len();
    let mut i = 0;
    while i < list.len() {
        let k = list[i].as_bytes();
        assert!(k.len() <= w);
        let mut j = 0;
        while j < k.len() {
            out[i * w + j] = k[j];
            j += 1;
        }
        i += 1;
    }
    out
}

/// Bytes at which the scanner stops.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let list = b".?!\n\r\"'`()[]{}";
    let mut i = 0;
    while i < list.len() {
        t[list[i] as usize] = true;
        i += 1;
    }
    // Lead bytes of « » (U+00AB/BB), U+2000–U+2FFF (quotes, …, bullets, dashes,
    // U+2028/9), U+3000–U+3FFF (。 「 」…) and U+F000–U+FFFF (fullwidth ！？（）).
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

const NONE: usize = usize::MAX;

/// What kind of terminator a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Dot,
    Strong,
    Ellipsis,
    Cjk,
}

/// Double or single quotation marks (index into the quote state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QKind {
    Double = 0,
    Single = 1,
}

/// The role a quotation mark plays, judged from its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Open,
    Close,
    /// Stand-alone (space on both sides): opener or closer by context.
    Ambig,
    /// Apostrophe or elision ("don't", "'80s", "Walter 's").
    Apos,
}

/// What follows a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Upper,
    Lower,
    Digit,
    /// A letter without case (CJK, Arabic, …).
    Other,
    Punct,
}

/// Class of the token before a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// No word before the period (start, opening bracket).
    Bare,
    Word(Class),
}

/// A cached forward search: the first match at or after `from`.
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    valid: bool,
    from: usize,
    found: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default)]
struct QState {
    depth: u32,
    seen: bool,
    look: Look,
}

struct Splitter<'a> {
    s: &'a str,
    b: &'a [u8],
    base: usize,
    out: Vec<Span>,
    /// Start of the current sentence (may point at whitespace).
    start: usize,
    /// Position of the next list item found by enumeration, or `NONE`.
    forced: usize,
    q: [QState; 2],
    br: u32,
    br_look: Look,
    colon_to: usize,
    last_colon: usize,
}

fn is_space_byte(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | 0x0B | 0x0C)
}

fn is_opener_char(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '“'
            | '‘'
            | '«'
            | '„'
            | '—'
            | '–'
            | '（'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■' | '►' | '➢' | '➤')
}

/// Length of the terminator at `j`, if any.
fn term_at(b: &[u8], j: usize) -> Option<(usize, Term)> {
    match *b.get(j)? {
        b'.' => Some((1, Term::Dot)),
        b'?' | b'!' => Some((1, Term::Strong)),
        0xE2 => match (*b.get(j + 1)?, *b.get(j + 2)?) {
            (0x80, 0xA6) => Some((3, Term::Ellipsis)),
            (0x80, 0xBC) | (0x81, 0x87..=0x89) => Some((3, Term::Strong)),
            _ => None,
        },
        0xE3 if b.get(j + 1..j + 3) == Some(&[0x80u8, 0x82][..]) => Some((3, Term::Cjk)),
        0xEF => match (*b.get(j + 1)?, *b.get(j + 2)?) {
            (0xBC, 0x81) | (0xBC, 0x9F) | (0xBD, 0xA1) => Some((3, Term::Cjk)),
            _ => None,
        },
        _ => None,
    }
}

/// Length of the opening / closing bracket at `j`, if any.
fn bracket_at(b: &[u8], j: usize) -> Option<(usize, bool)> {
    match *b.get(j)? {
        b'(' | b'[' | b'{' => Some((1, true)),
        b')' | b']' | b'}' => Some((1, false)),
        0xE3 if b.get(j + 1) == Some(&0x80) => match *b.get(j + 2)? {
            0x88 | 0x8A | 0x8C | 0x8E | 0x90 | 0x94 => Some((3, true)),
            0x89 | 0x8B | 0x8D | 0x8F | 0x91 | 0x95 => Some((3, false)),
            _ => None,
        },
        0xEF if b.get(j + 1) == Some(&0xBC) => match *b.get(j + 2)? {
            0x88 => Some((3, true)),
            0x89 => Some((3, false)),
            _ => None,
        },
        _ => None,
    }
}

/// Length of a footnote reference such as `[12]` or `[2–11]` at `j`.
fn footnote_at(b: &[u8], j: usize) -> Option<usize> {
    if b.get(j) != Some(&b'[') || !b.get(j + 1)?.is_ascii_digit() {
        return None;
    }
    let mut k = j + 1;
    while k < b.len() && k < j + 16 {
        match b[k] {
            b']' => return Some(k + 1 - j),
            b'0'..=b'9' | b',' | b'-' | b' ' => k += 1,
            0xE2 if b.get(k + 1..k + 3) == Some(&[0x80u8, 0x93][..]) => k += 3, // en dash
            _ => return None,
        }
    }
    None
}

/// True when the ASCII word at `j` is an elided form written with a leading
/// apostrophe: clitics of tokenised text ("'s", "n't" split as "n 't") and
/// "'em", "'tis", "'twas".
fn elision_at(b: &[u8], j: usize) -> bool {
    if b.get(j).is_some_and(u8::is_ascii_digit) {
        return true; // '80s
    }
    let mut k = j;
    while k < b.len() && k < j + 6 && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k == j || b.get(k).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let mut buf = [0u8; 6];
    let w = &mut buf[..k - j];
    for (d, c) in w.iter_mut().zip(&b[j..k]) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &w[..],
        b"s" | b"d" | b"m" | b"t" | b"ll" | b"re" | b"ve" | b"em" | b"tis" | b"twas" | b"n"
    )
}

impl<'a> Splitter<'a> {
    fn new(s: &'a str, base: usize) -> Self {
        Splitter {
            s,
            b: s.as_bytes(),
            base,
            out: Vec::with_capacity(4),
            start: 0,
            forced: NONE,
            q: [QState::default(); 2],
            br: 0,
            br_look: Look::default(),
            colon_to: 0,
            last_colon: 0,
        }
    }

    /// The char starting at byte `i` (`None` at the end or off a boundary).
    fn char_at(&self, i: usize) -> Option<char> {
        let b = self.b;
        let c = *b.get(i)?;
        if c < 0x80 {
            return Some(c as char);
        }
        // `b` is valid UTF-8: decode the sequence led by `c`.
        let (len, init) = match c {
            0xC0..=0xDF => (2, u32::from(c & 0x1F)),
            0xE0..=0xEF => (3, u32::from(c & 0x0F)),
            0xF0..=0xF7 => (4, u32::from(c & 0x07)),
            _ => return None,
        };
        let tail = b.get(i + 1..i + len)?;
        let v = tail
            .iter()
            .fold(init, |v, &t| (v << 6) | u32::from(t & 0x3F));
        char::from_u32(v)
    }

    /// The char ending right before byte `i`.
    fn char_before(&self, i: usize) -> Option<char> {
        let b = self.b;
        let c = *b.get(i.checked_sub(1)?)?;
        if c < 0x80 {
            return Some(c as char);
        }
        let mut j = i - 1;
        while j > 0 && i - j < 4 && b[j] & 0xC0 == 0x80 {
            j -= 1;
        }
        self.char_at(j)
    }

    /// First position at or after `i` that is not horizontal whitespace
    /// (line breaks are not skipped: they are hard boundaries).
    fn skip_ws(&self, mut i: usize) -> usize {
        let b = self.b;
        while i < b.len() {
            let c = b[i];
            if is_space_byte(c) {
                i += 1;
            } else if c < 0x80 {
                break;
            } else {
                match self.char_at(i) {
                    Some(ch) if ch.is_whitespace() && ch != '\u{2028}' && ch != '\u{2029}' => {
                        i += ch.len_utf8()
                    }
                    _ => break,
                }
            }
        }
        i
    }

    fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        self.forced = self.enum_next(0).unwrap_or(NONE);
        let mut i = 0;
        while i < n {
            match b[i..].iter().position(|&c| INTERESTING[c as usize]) {
                Some(p) => i += p,
                None => break,
            }
            while self.forced <= i {
                let f = self.forced;
                self.cut(f, f);
            }
            i = self.step(i);
        }
        while self.forced < n {
            let f = self.forced;
            self.cut(f, f);
        }
        self.push(self.start, n);
    }

    /// Handles the interesting byte at `i`; returns where to resume.
    fn step(&mut self, i: usize) -> usize {
        let b = self.b;
        match b[i] {
            b'\n' | b'\r' => {
                self.hard(i, i + 1);
                i + 1
            }
            b'.' | b'?' | b'!' => self.candidate(i),
            b'"' | b'\'' | b'`' => self.quote(i),
            b'(' | b'[' | b'{' | b')' | b']' | b'}' => self.bracket(i),
            0xC2 => self.quote(i),
            0xE2 => {
                if term_at(b, i).is_some() {
                    return self.candidate(i);
                }
                match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(0xA8 | 0xA9)) => {
                        self.hard(i, i + 3);
                        i + 3
                    }
                    (Some(0x80), Some(0x98..=0x9E)) => self.quote(i),
                    _ => match self.char_at(i) {
                        Some(c) if is_bullet(c) => self.bullet(i, c.len_utf8()),
                        _ => i + 1,
                    },
                }
            }
            0xE3 | 0xEF => {
                if term_at(b, i).is_some() {
                    self.candidate(i)
                } else if bracket_at(b, i).is_some() {
                    self.bracket(i)
                } else {
                    i + 1
                }
            }
            _ => i + 1,
        }
    }

    /// Records the sentence `start..end` (trimmed) and starts the next at `next`.
    fn cut(&mut self, end: usize, next: usize) {
        self.push(self.start, end);
        self.start = next;
        let old = self.forced;
        self.forced = match self.enum_next(next) {
            Some(f) => f,
            None if old != NONE && old > next => old,
            None => NONE,
        };
    }

    /// A line break: ends the sentence and resets quotation and bracket state.
    fn hard(&mut self, i: usize, next: usize) {
        self.cut(i, next);
        self.q = [QState::default(); 2];
        self.br = 0;
        self.br_look = Look::default();
    }

    fn push(&mut self, a: usize, e: usize) {
        if a >= e {
            return;
        }
        let (lead, t) = trim_blank(&self.s[a..e]);
        let a2 = a + lead;
        if !t.is_empty() {
            self.out
                .push(Span::new(self.base + a2, self.base + a2 + t.len()));
        }
    }

    /// First non-space, non-bullet position of the sentence starting at `i`.
    fn content_start(&self, mut i: usize) -> usize {
        for _ in 0..8 {
            let j = self.skip_ws(i);
            match self.char_at(j) {
                Some(c) if is_bullet(c) => i = j + c.len_utf8(),
                _ => return j,
            }
        }
        i
    }

    /// If the sentence at `start` opens with a list marker ("1.", "2)", "b.",
    /// "3.)"), the position of the next marker in sequence (or `NONE`);
    /// `None` when there is no marker.
    fn enum_next(&self, start: usize) -> Option<usize> {
        let b = self.b;
        let k = self.content_start(start);
        let mut m = k;
        let mut pat = [0u8; 8];
        let mut len;
        if b.get(m).is_some_and(u8::is_ascii_digit) {
            let mut v: u32 = 0;
            while m < b.len() && m < k + 3 && b[m].is_ascii_digit() {
                v = v * 10 + u32::from(b[m] - b'0');
                m += 1;
            }
            if b.get(m).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            let v = v + 1;
            len = if v >= 1000 {
                4
            } else if v >= 100 {
                3
            } else if v >= 10 {
                2
            } else {
                1
            };
            let mut x = v;
            for d in pat[..len].iter_mut().rev() {
                *d = b'0' + (x % 10) as u8;
                x /= 10;
            }
        } else if b.get(m).is_some_and(u8::is_ascii_alphabetic) {
            let c = b[m];
            m += 1;
            if c == b'z' || c == b'Z' {
                return None;
            }
            pat[0] = c + 1;
            len = 1;
        } else {
            return None;
        }
        let letter = !b[k].is_ascii_digit();
        let style: &[u8] = if b[m..].starts_with(b".)") {
            b".)"
        } else if b[m..].starts_with(b".") {
            b"."
        } else if b[m..].starts_with(b")") {
            b")"
        } else {
            return None;
        };
        if letter && b[k].is_ascii_uppercase() && style == b"." {
            return None; // "A. Smith": an initial, not a list
        }
        m += style.len();
        if !b.get(m).is_some_and(|&c| is_space_byte(c)) {
            return None;
        }
        pat[len..len + style.len()].copy_from_slice(style);
        len += style.len();
        let pat = &pat[..len];
        let end = b.len().min(m + 2000);
        let mut j = m;
        while j + len < end {
            if is_space_byte(b[j])
                && &b[j + 1..j + 1 + len] == pat
                && b.get(j + 1 + len).is_some_and(|&c| is_space_byte(c))
            {
                return Some(j + 1);
            }
            if b[j] == b'\n' || b[j] == b'\r' {
                break;
            }
            j += 1;
        }
        Some(NONE)
    }

    fn bullet(&mut self, i: usize, len: usize) -> usize {
        let ws_before = self.char_before(i).is_some_and(char::is_whitespace);
        if ws_before && !self.s[self.start..i].trim().is_empty() {
            self.cut(i, i);
        }
        i + len
    }

    fn bracket(&mut self, i: usize) -> usize {
        match bracket_at(self.b, i) {
            Some((l, true)) => {
                self.br += 1;
                i + l
            }
            Some((l, false)) => {
                self.br = self.br.saturating_sub(1);
                i + l
            }
            None => i + 1,
        }
    }

    /// Classifies the quotation mark at `i`: `(length, kind, form)`.
    fn quote_at(&self, i: usize) -> Option<(usize, QKind, Form)> {
        let b = self.b;
        match *b.get(i)? {
            b'"' => Some((1, QKind::Double, self.straight(i, 1, false))),
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                Some((2, QKind::Double, self.straight(i, 2, false)))
            }
            b'\'' => Some((1, QKind::Single, self.straight(i, 1, true))),
            b'`' if b.get(i + 1) == Some(&b'`') => {
                let f = match self.straight(i, 2, false) {
                    Form::Close => Form::Close,
                    _ => Form::Open,
                };
                Some((2, QKind::Double, f))
            }
            b'`' => Some((1, QKind::Single, self.straight(i, 1, true))),
            0xC2 => match *b.get(i + 1)? {
                0xAB => Some((2, QKind::Double, Form::Open)),
                0xBB => Some((2, QKind::Double, Form::Close)),
                _ => None,
            },
            0xE2 if b.get(i + 1) == Some(&0x80) => match *b.get(i + 2)? {
                0x9C | 0x9E => Some((3, QKind::Double, Form::Open)),
                0x9D => Some((3, QKind::Double, Form::Close)),
                0x98 => {
                    let f = match self.straight(i, 3, true) {
                        Form::Apos => Form::Apos,
                        _ => Form::Open,
                    };
                    Some((3, QKind::Single, f))
                }
                0x99 => Some((3, QKind::Single, self.straight(i, 3, true))),
                _ => None,
            },
            _ => None,
        }
    }

    /// Form of a symmetric quotation mark (`"`, `''`, `'`, `’`, `` ` ``) of
    /// `len` bytes at `i`, from its neighbours.
    fn straight(&self, i: usize, len: usize, single: bool) -> Form {
        let prev = self.char_before(i);
        let next = self.char_at(i + len);
        if single
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric)
        {
            return Form::Apos;
        }
        let left_open = prev.map_or(true, |c| c.is_whitespace() || is_opener_char(c));
        let right_space = next.map_or(true, char::is_whitespace);
        if left_open {
            if right_space {
                Form::Ambig
            } else if single && elision_at(self.b, i + len) {
                Form::Apos
            } else {
                Form::Open
            }
        } else if next.is_some_and(char::is_alphanumeric) {
            Form::Apos // "Jr.'s", glued on both sides
        } else {
            Form::Close
        }
    }

    /// The previous non-space char before `i` (within a short window).
    fn prev_nonspace(&self, i: usize) -> Option<char> {
        let mut j = i;
        let lim = i.saturating_sub(16);
        while j > lim && is_space_byte(self.b[j - 1]) {
            j -= 1;
        }
        self.char_before(j)
    }

    /// True when what follows `i` (after spaces) can open a quotation: a word,
    /// a number, an ellipsis or another opening mark.
    fn word_follows(&self, i: usize) -> bool {
        let j = self.skip_ws(i);
        let b = self.b;
        match self.char_at(j) {
            Some(c) if c.is_alphanumeric() || c == '…' || is_opener_char(c) => true,
            Some('.') => b.get(j + 1) == Some(&b'.') || b.get(j + 1..j + 3) == Some(&b" ."[..]),
            Some('\'' | '"' | '`') => matches!(self.quote_at(j), Some((_, _, Form::Open))),
            _ => false,
        }
    }

    /// True when the next word after `i` (across spaces) starts in lower case.
    fn lower_follows(&self, i: usize) -> bool {
        self.char_at(self.skip_ws(i))
            .is_some_and(char::is_lowercase)
    }

    /// A quotation mark met by the scanner: updates the quotation state.
    fn quote(&mut self, i: usize) -> usize {
        let Some((l, k, f)) = self.quote_at(i) else {
            return i + 1;
        };
        let st = &self.q[k as usize];
        let open = match f {
            Form::Apos => return i + l,
            Form::Open => true,
            Form::Close => false,
            Form::Ambig => {
                let p = self.prev_nonspace(i);
                if p.map_or(true, is_opener_char) {
                    true
                } else if !st.seen && self.lower_follows(i + l) {
                    // The first mark, before a lower-case word: it closes a
                    // quotation that began before this block.
                    false
                } else if self.word_follows(i + l) {
                    st.depth == 0
                } else {
                    false
                }
            }
        };
        let st = &mut self.q[k as usize];
        st.seen = true;
        if open {
            st.depth += 1;
        } else {
            st.depth = st.depth.saturating_sub(1);
        }
        i + l
    }

    /// Position of the first mark at or after `p` (before a line break) that
    /// can close a quotation of kind `k`, or a bracket (`k = None`).
    fn find_close(&self, p: usize, k: Option<QKind>) -> Option<usize> {
        let b = self.b;
        let mut j = p;
        while j < b.len() {
            match b[j] {
                b'\n' | b'\r' => return None,
                b'"' | b'\'' | b'`' | 0xC2 | 0xE2 if k.is_some() => {
                    if let Some((l, kk, f)) = self.quote_at(j) {
                        if Some(kk) == k && matches!(f, Form::Close | Form::Ambig) {
                            return Some(j);
                        }
                        j += l;
                        continue;
                    }
                    if b[j] == 0xE2 && b.get(j + 1..j + 3) == Some(&[0x80u8, 0xA8][..]) {
                        return None;
                    }
                }
                b')' | b']' | b'}' | 0xE3 | 0xEF if k.is_none() => {
                    if let Some((_, false)) = bracket_at(b, j) {
                        return Some(j);
                    }
                }
                _ => {}
            }
            j += 1;
        }
        None
    }

    fn cached_close(&mut self, p: usize, k: Option<QKind>) -> bool {
        let look = match k {
            Some(k) => self.q[k as usize].look,
            None => self.br_look,
        };
        if look.valid && p >= look.from && look.found.map_or(true, |f| p <= f) {
            return look.found.is_some();
        }
        let found = self.find_close(p, k);
        let new = Look {
            valid: true,
            from: p,
            found,
        };
        match k {
            Some(k) => self.q[k as usize].look = new,
            None => self.br_look = new,
        }
        found.is_some()
    }

    /// True when `p` lies inside a quotation or bracket that closes later.
    fn inside(&mut self, p: usize) -> bool {
        (self.q[0].depth > 0 && self.cached_close(p, Some(QKind::Double)))
            || (self.q[1].depth > 0 && self.cached_close(p, Some(QKind::Single)))
            || (self.br > 0 && self.cached_close(p, None))
    }

    /// What starts at `w` (after opening marks), and the ASCII word there.
    fn next_kind(&self, w: usize) -> (Next, &'a [u8]) {
        let b = self.b;
        let mut k = w;
        for _ in 0..8 {
            if let Some((l, _, Form::Open | Form::Ambig)) = self.quote_at(k) {
                k = self.skip_ws(k + l);
            } else if let Some((l, true)) = bracket_at(b, k) {
                k = self.skip_ws(k + l);
            } else {
                break;
            }
        }
        let Some(c) = self.char_at(k) else {
            return (Next::End, &[]);
        };
        let kind = if c.is_uppercase() {
            Next::Upper
        } else if c.is_numeric() || matches!(c, '$' | '€' | '£' | '¥') {
            Next::Digit
        } else if c.is_lowercase() {
            Next::Lower
        } else if c.is_alphabetic() {
            Next::Other
        } else {
            Next::Punct
        };
        let mut e = k;
        while e < b.len() && e < k + 16 && b[e].is_ascii_alphabetic() {
            e += 1;
        }
        if e == k + 1 && b.get(e) == Some(&b'.') {
            return (kind, &[]); // an initial ("A. Smith"), not a word
        }
        (kind, &b[k..e])
    }

    /// A terminator at `i`: decides whether a sentence ends after it.
    fn candidate(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        // The whole run: "?!", "...", ". . .", "! ! !".
        let mut j = i;
        let (mut dots, mut strong, mut ell, mut cjk) = (0usize, false, false, false);
        loop {
            if let Some((l, t)) = term_at(b, j) {
                match t {
                    Term::Dot => dots += 1,
                    Term::Strong => strong = true,
                    Term::Ellipsis => ell = true,
                    Term::Cjk => cjk = true,
                }
                j += l;
            } else if j + 1 < n && b[j] == b' ' && term_at(b, j + 1).is_some() {
                j += 1;
            } else {
                break;
            }
        }
        let run_end = j;
        let kind = if cjk {
            Term::Cjk
        } else if strong {
            Term::Strong
        } else if ell || dots >= 2 {
            Term::Ellipsis
        } else {
            Term::Dot
        };
        // "[...]" and "(...)": an editorial omission, never a boundary.
        if kind == Term::Ellipsis
            && matches!(self.char_before(i), Some('[' | '('))
            && matches!(b.get(run_end), Some(b']' | b')'))
        {
            return run_end;
        }
        // Closing marks glued to the run: .” .) ?' .[3] .".
        let mut k = run_end;
        while k < n {
            if let Some((l, false)) = bracket_at(b, k) {
                self.br = self.br.saturating_sub(1);
                k += l;
            } else if let Some(l) = footnote_at(b, k) {
                k += l;
            } else if let Some((l, qk, Form::Close)) = self.quote_at(k) {
                let st = &mut self.q[qk as usize];
                st.depth = st.depth.saturating_sub(1);
                st.seen = true;
                k += l;
            } else if let Some((l, _)) = term_at(b, k) {
                k += l;
            } else {
                break;
            }
        }
        let glued_end = k;
        let w0 = self.skip_ws(glued_end);
        if w0 >= n {
            return glued_end;
        }
        if w0 == glued_end {
            // No space after the run: "world.Today", "3.5", "U.S.-led", "。次".
            if matches!(b[w0], b'\n' | b'\r') {
                return glued_end;
            }
            let split = match kind {
                // "。」と言った": after a closing mark the quotation usually
                // continues the sentence; a bare "。" ends it.
                Term::Cjk => glued_end == run_end && !self.inside(glued_end),
                Term::Dot if dots == 1 && glued_end == run_end => self.glued_split(i),
                _ => false,
            };
            if split {
                self.cut(glued_end, glued_end);
            }
            return glued_end;
        }
        // Tokenised text: stand-alone closing quotes and footnotes after spaces.
        let mut split_at = glued_end;
        let mut w = w0;
        loop {
            if let Some(mut l) = footnote_at(b, w) {
                while let Some(l2) = footnote_at(b, w + l) {
                    l += l2;
                }
                if self.char_at(w + l).map_or(true, char::is_whitespace) {
                    split_at = w + l;
                    w = self.skip_ws(w + l);
                    continue;
                }
            }
            if let Some((l, qk, Form::Ambig)) = self.quote_at(w) {
                let st = &mut self.q[qk as usize];
                if st.depth > 0 || !st.seen {
                    st.depth = st.depth.saturating_sub(1);
                    st.seen = true;
                    split_at = w + l;
                    w = self.skip_ws(w + l);
                    continue;
                }
            }
            break;
        }
        if w >= n || self.inside(split_at) {
            return split_at;
        }
        let (next, word) = self.next_kind(w);
        let split = match kind {
            Term::Cjk => next != Next::End,
            Term::Strong => matches!(next, Next::Upper | Next::Digit | Next::Other),
            Term::Ellipsis => match next {
                Next::Upper => word != b"I",
                Next::Other => true,
                _ => false,
            },
            Term::Dot => self.dot_split(i, next, word),
        };
        if !split {
            return split_at;
        }
        // "compounds. . . . The": the period ends the sentence, the spaced
        // ellipsis opens the next one.
        if kind == Term::Ellipsis
            && b[i] == b'.'
            && b.get(i + 1..i + 3) == Some(&b" ."[..])
            && self.char_before(i).is_some_and(char::is_alphanumeric)
        {
            self.cut(i + 1, i + 2);
            return split_at;
        }
        self.cut(split_at, split_at);
        split_at
    }

    /// Decision for a single period followed by space and then `next`.
    fn dot_split(&mut self, i: usize, next: Next, word: &[u8]) -> bool {
        let tok = self.token_before(i);
        match tok {
            Tok::Bare => !matches!(next, Next::Punct | Next::End),
            Tok::Word(Class::Ordinary) => matches!(next, Next::Upper | Next::Digit | Next::Other),
            Tok::Word(Class::Title) => false,
            Tok::Word(Class::Ambiguous) => next == Next::Upper && abbrev::is_starter(word),
            Tok::Word(c @ (Class::Time | Class::Post)) => match next {
                Next::Upper => abbrev::is_starter(word) || !self.intro(i),
                Next::Digit | Next::Other => c == Class::Time,
                _ => false,
            },
        }
    }

    /// True when the clause holding `i` opens with a preposition
    /// ("In 44 B.C.", "On Monday at 6 a.m."), so a capital after it is more
    /// likely its subject than a new sentence.
    fn intro(&mut self, i: usize) -> bool {
        let b = self.b;
        if self.colon_to < self.start {
            self.colon_to = self.start;
        }
        if self.colon_to < i {
            let seg = &b[self.colon_to..i];
            if let Some(p) = seg
                .windows(2)
                .rposition(|w| w[0] == b':' && is_space_byte(w[1]))
            {
                self.last_colon = self.colon_to + p + 1;
            }
            self.colon_to = i;
        }
        let from = if self.last_colon > self.start {
            self.last_colon
        } else {
            self.start
        };
        let (_, word) = self.next_kind(self.skip_ws(from));
        abbrev::is_intro(word)
    }

    /// Decision for a period glued to a following letter: only "word.Word"
    /// between plain words ("world.Today"), never in URLs, e-mails, initials,
    /// decimals or chess moves.
    fn glued_split(&mut self, i: usize) -> bool {
        let b = self.b;
        let j = i + 1;
        let mut e = j;
        if !b[j].is_ascii_uppercase() {
            return false;
        }
        e += 1;
        if !b.get(e).is_some_and(u8::is_ascii_lowercase) {
            return false;
        }
        while e < b.len() && b[e].is_ascii_lowercase() {
            e += 1;
        }
        if b.get(e)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'@' || *c == b'/')
        {
            return false;
        }
        if self.urlish(i, true) {
            return false;
        }
        // The word before: at least two letters or digits, not an abbreviation.
        let mut s0 = i;
        while s0 > 0 && i - s0 < 64 && (b[s0 - 1].is_ascii_alphanumeric() || b[s0 - 1] == b',') {
            s0 -= 1;
        }
        if i - s0 < 2 || b.get(s0.wrapping_sub(1)) == Some(&b'.') {
            return false;
        }
        matches!(self.token_before(i), Tok::Word(Class::Ordinary))
    }

    /// True when the whitespace-delimited token around `i` looks like an
    /// e-mail address, a URL or a path.
    fn urlish(&self, i: usize, slash: bool) -> bool {
        let b = self.b;
        let mut a = i;
        while a > 0 && i - a < 128 && !b[a - 1].is_ascii_whitespace() {
            a -= 1;
        }
        let mut e = i;
        while e < b.len() && e - i < 128 && !b[e].is_ascii_whitespace() {
            e += 1;
        }
        let t = &b[a..e];
        t.contains(&b'@')
            || (slash && t.contains(&b'/'))
            || t.windows(3).any(|w| w == b"://")
            || t.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
    }

    /// Classifies the token ending right before the period at `i`.
    fn token_before(&self, i: usize) -> Tok {
        let b = self.b;
        let mut e = i;
        // Tokenised text ("filming . He", "Mr . Robinson", "itself '' ."):
        // look through spaces and stand-alone quotes.
        if e > 0 && is_space_byte(b[e - 1]) {
            let lim = e.saturating_sub(32);
            while e > lim && matches!(b[e - 1], b' ' | b'\t' | b'\'' | b'"' | b'`') {
                e -= 1;
            }
        }
        let Some(c) = self.char_before(e) else {
            return Tok::Bare;
        };
        if c.is_whitespace() || is_opener_char(c) {
            return Tok::Bare;
        }
        if c.is_ascii_digit() {
            // A number; at the start of a sentence, a list marker ("2. The").
            let mut s0 = e;
            while s0 > 0 && e - s0 < 4 && b[s0 - 1].is_ascii_digit() {
                s0 -= 1;
            }
            if e - s0 <= 3 && s0 == self.content_start(self.start) {
                return Tok::Word(Class::Title);
            }
            return Tok::Word(Class::Ordinary);
        }
        if !(c.is_ascii_alphabetic() || c == '°') {
            return Tok::Word(Class::Ordinary);
        }
        // The abbreviation key: letters and inner periods ("Ph.D", "a.m", "N°").
        let lim = e.saturating_sub(16);
        let mut ks = e;
        while ks > lim {
            let p = b[ks - 1];
            if p.is_ascii_alphabetic() || p == b'.' {
                ks -= 1;
            } else if p == 0xB0 && ks >= 2 && b[ks - 2] == 0xC2 {
                ks -= 2;
            } else {
                break;
            }
        }
        if ks == lim && ks > 0 && (b[ks - 1].is_ascii_alphabetic() || b[ks - 1] == b'.') {
            return Tok::Word(Class::Ordinary); // too long to be an abbreviation
        }
        while ks < e && b[ks] == b'.' {
            ks += 1;
        }
        if ks == e {
            return Tok::Word(Class::Ordinary);
        }
        let key = &b[ks..e];
        let before = self.char_before(ks);
        if before.is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '’') {
            return Tok::Word(Class::Ordinary); // part of a longer word ("café", "Kim’s")
        }
        let tok = self.key_class(key, ks, e);
        if tok != Tok::Word(Class::Ordinary) && self.urlish(i, false) {
            return Tok::Word(Class::Ordinary);
        }
        tok
    }

    /// Class of the abbreviation candidate `key = b[ks..e]`.
    fn key_class(&self, key: &[u8], ks: usize, e: usize) -> Tok {
        let b = self.b;
        let before = self.char_before(ks);
        let single = key.len() == 1;
        if single && ks == self.content_start(self.start) {
            return Tok::Word(Class::Title); // list marker "a." at sentence start
        }
        let after_number = before.is_some_and(|c| c.is_ascii_digit())
            || (before == Some(' ') && ks >= 2 && b[ks - 2].is_ascii_digit());
        if let Some((num, other)) = abbrev::lookup(key) {
            return Tok::Word(if after_number { num } else { other });
        }
        // Spaced "a. m." / "p. m.".
        if single
            && key.eq_ignore_ascii_case(b"m")
            && ks >= 3
            && &b[ks - 2..ks] == b". "
            && matches!(b[ks - 3], b'a' | b'A' | b'p' | b'P')
            && (ks == 3 || !b[ks - 4].is_ascii_alphanumeric())
        {
            return Tok::Word(Class::Time);
        }
        if key.contains(&b'.') {
            // An initialism: "U.S", "E.U", "N.E", "U.S.A".
            if key
                .split(|&c| c == b'.')
                .all(|seg| !seg.is_empty() && seg.len() <= 3)
            {
                return Tok::Word(Class::Ambiguous);
            }
            // Words run together ("Tuesday.Mr"): judge the last one.
            let last = key
                .iter()
                .rposition(|&c| c == b'.')
                .map_or(ks, |p| ks + p + 1);
            return match abbrev::lookup(&b[last..e]) {
                Some((_, other)) => Tok::Word(other),
                None => Tok::Word(Class::Ordinary),
            };
        }
        if single {
            // "I" after a lower-case word is the pronoun ("you and I.");
            // otherwise a single letter is an initial ("Jonas E. Smith").
            if key == b"I" && self.prev_word_lower(ks) {
                return Tok::Word(Class::Ordinary);
            }
            return Tok::Word(Class::Ambiguous);
        }
        Tok::Word(Class::Ordinary)
    }

    /// True when the word before `ks` (across spaces) starts in lower case.
    fn prev_word_lower(&self, ks: usize) -> bool {
        let b = self.b;
        let mut e = ks;
        while e > 0 && ks - e < 4 && is_space_byte(b[e - 1]) {
            e -= 1;
        }
        let mut a = e;
        while a > 0 && e - a < 32 && b[a - 1].is_ascii_alphabetic() {
            a -= 1;
        }
        a < e && b[a].is_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests;
