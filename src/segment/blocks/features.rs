//! Per-line features: size, sentence ends, hashes, and a few multilingual cues.
//!
//! Everything here looks at one line at a time and is linear in its length:
//! one byte loop for the counts, one for the hash, and cue checks only on
//! lines of at most [`SHORT`] bytes. Those are case-folded into a buffer on
//! the stack ([`fold`]: ASCII, Latin-1 and Cyrillic letters; punctuation
//! becomes spaces) and matched word by word against one sorted table of cue
//! phrases ([`CUES`], packed into one byte string and indexed by first byte)
//! — no allocation, no Unicode case tables.

/// How a line ends (after closing quotes and brackets are skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `.`, `!`, `?`, `。`, `！`, `？`, `;`: a finished sentence.
    Sentence,
    /// `...` or `…`: possibly a cut-off teaser or caption.
    Ellipsis,
    /// `[…]`, `[...]`: a cut-off teaser.
    Cut,
    /// `:` — a lead-in to what follows.
    Colon,
    /// Anything else (titles, menu items, names).
    Other,
}

/// A boilerplate cue found in a short line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// No cue.
    None,
    /// A copyright / rights notice.
    Copyright,
    /// "Sponsored", "Promoted", "Paid content", …
    Sponsored,
    /// "Advertisement", "Subscribe", "Newsletter", …
    Advertising,
    /// "Share", "Tweet", "Facebook", "Comments", …
    Share,
    /// A heading of teasers: "Related", "Read more", "Most popular", …
    Related,
    /// A heading of reader comments: "Comments", "12 Comments", "Leave a reply", …
    Comments,
}

/// What is known about one line on its own.
#[derive(Debug, Clone, Copy)]
pub struct LineInfo {
    /// Whitespace-separated tokens, plus half the CJK characters (which carry
    /// no spaces), so that a line's "word" count is comparable across scripts.
    pub words: usize,
    /// Sentence-ending marks inside the line (`. ! ? 。 ！ ？` followed by a space or the end).
    pub stops: usize,
    /// How the line ends.
    pub end: End,
    /// Hash of the whole line.
    pub hash: u64,
    /// A boilerplate cue, if the line is short and carries one.
    pub cue: Cue,
    /// A date or time written on its own line ("Jul 26, 2021, 8:34 PM", "12.03.2019 14:05").
    pub date: bool,
    /// A relative time ("16 hours ago", "2H ago", "vor 3 Stunden").
    pub ago: bool,
    /// A photo credit ("(AP Photo/Jon Chol Jin)", "Photo: Reuters", "© Jane Doe").
    pub credit: bool,
    /// A caption: text that ends with a photo credit ("… (AP Photo/Jon Chol Jin)",
    /// "… Credit: ESA") or starts with a caption label, or a "© Name" caption.
    pub captioned: bool,
    /// Starts with "By " (or "Von ", "Por ", "Par ", "Автор"): an author line when short.
    pub by: bool,
}

impl LineInfo {
    /// A line of running prose: long enough and ending a sentence.
    pub fn prose(&self) -> bool {
        self.words >= 8 && matches!(self.end, End::Sentence | End::Ellipsis | End::Colon)
            || self.words >= 20 && self.stops >= 2
    }
}

/// FxHash-style hash of a byte string, eight bytes at a time.
pub fn hash_bytes(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = b.len() as u64;
    let mut i = 0;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        i += 8;
    }
    if i < b.len() {
        h = (h.rotate_left(5) ^ word_at(b, i, 0)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The eight bytes of `b` from `i` as a little-endian word, `pad` bytes past the end.
#[inline]
fn word_at(b: &[u8], i: usize, pad: u8) -> u64 {
    if let Some(Ok(w)) = b.get(i..i + 8).map(<[u8; 8]>::try_from) {
        return u64::from_le_bytes(w);
    }
    let mut w = [pad; 8];
    let rest = b.get(i..).unwrap_or(&[]);
    let n = rest.len().min(8);
    w[..n].copy_from_slice(&rest[..n]);
    u64::from_le_bytes(w)
}

/// `s` without the characters of `set` at its end.
#[inline(never)]
pub(crate) fn trim_end_any<'a>(s: &'a str, set: &[char]) -> &'a str {
    let mut t = s;
    while let Some(c) = t.chars().next_back() {
        if !set.contains(&c) {
            break;
        }
        t = &t[..t.len() - c.len_utf8()];
    }
    t
}

/// `s` without the characters of `set` at its start.
#[inline(never)]
pub(crate) fn trim_start_any<'a>(s: &'a str, set: &[char]) -> &'a str {
    let mut t = s;
    while let Some(c) = t.chars().next() {
        if !set.contains(&c) {
            break;
        }
        t = &t[c.len_utf8()..];
    }
    t
}

/// Lines up to this many bytes are checked for cues; longer ones are prose or
/// tag clouds (only their tail is checked, for a photo credit).
pub const SHORT: usize = 400;

/// Computes the features of one trimmed, non-empty line.
pub fn line_info(s: &str) -> LineInfo {
    let b = s.as_bytes();
    let Counts {
        tokens,
        cjk,
        mut stops,
        class,
    } = counts(b);
    if class & CJK != 0 {
        // 。 ！ ？ (E3 80 82, EF BC 81, EF BC 9F)
        for w in b.windows(3) {
            stops += usize::from(
                w == [0xE3, 0x80, 0x82] || w[..2] == [0xEF, 0xBC] && (w[2] == 0x81 || w[2] == 0x9F),
            );
        }
    }
    let mut info = LineInfo {
        words: tokens + cjk / 2,
        stops,
        end: line_end(s),
        hash: hash_bytes(b),
        cue: Cue::None,
        date: false,
        ago: false,
        credit: false,
        captioned: false,
        by: false,
    };
    let mut buf = [0u8; SHORT + 1];
    if b.len() <= SHORT && info.words <= 60 {
        let t = fold(b, &mut buf);
        short_line_cues(b, t, class, &mut info);
    } else if info.words > 6 {
        // A long caption still ends in its credit: look at the tail only.
        let mut cut = b.len().saturating_sub(100);
        while cut > 0 && b[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
        let tail = &b[cut..];
        if tail.ends_with(b")") || tail.contains(&b':') {
            info.captioned = ends_with_credit(fold(tail, &mut buf));
        }
    }
    info
}

/// Byte counts of a line, see [`counts`].
struct Counts {
    /// Runs of bytes other than space and tab.
    tokens: usize,
    /// Lead bytes of CJK characters.
    cjk: usize,
    /// `.`, `!`, `?` followed by a space, a tab or the end.
    stops: usize,
    /// Which of [`CJK`], [`DIGIT`], [`NON_ASCII`], [`MARK`] occur.
    class: u8,
}

// Classes of bytes in a line (bits of [`Counts::class`]).
const CJK: u8 = 1;
const DIGIT: u8 = 2;
const NON_ASCII: u8 = 4;
/// `(` or a byte of `©`: worth looking for "(c)" and "©".
const MARK: u8 = 8;

/// Counts tokens, CJK lead bytes and sentence stops eight bytes at a time
/// (SWAR): each comparison gives a mask with the high bit of every matching byte.
fn counts(b: &[u8]) -> Counts {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    // High bit of each byte of `v` equal to `c` (exact: no carries between bytes).
    let eq = |v: u64, c: u8| {
        let x = v ^ (ONES * u64::from(c));
        !(((x & LOW7) + LOW7) | x) & HIGH
    };
    // High bit of each byte whose low seven bits are >= `c` (c in 1..=0x80).
    let ge7 = |v: u64, c: u8| ((v & LOW7) + ONES * u64::from(0x80 - c)) & HIGH;
    // The number of high bits set (a multiply adds up the bytes; no popcount
    // instruction is needed, which wasm and baseline x86-64 builds lack).
    let count = |m: u64| ((m >> 7).wrapping_mul(ONES) >> 56) as usize;
    let mut out = Counts {
        tokens: 0,
        cjk: 0,
        stops: 0,
        class: 0,
    };
    // Flags of the byte before the chunk: space, stop. The line starts after a space.
    let (mut space_before, mut stop_before) = (HIGH, 0);
    let (mut any, mut digits, mut marks) = (0u64, 0u64, 0u64);
    // Whole words, then the rest padded with spaces (the end counts as a
    // space): always one word more than fit.
    let mut i = 0;
    while i <= b.len() {
        let v = word_at(b, i, b' ');
        i += 8;
        let high = v & HIGH;
        let space = eq(v, b' ') | eq(v, b'\t');
        let stop = eq(v, b'.') | eq(v, b'!') | eq(v, b'?');
        let prev_space = space << 8 | space_before >> 56;
        let prev_stop = stop << 8 | stop_before >> 56;
        out.tokens += count(!space & prev_space & HIGH);
        out.stops += count(space & prev_stop);
        // CJK lead bytes E3..ED: high bit set, low seven bits 0x63..=0x6D.
        out.cjk += count(high & ge7(v, 0x63) & !ge7(v, 0x6E));
        digits |= !high & ge7(v, b'0') & !ge7(v, b'9' + 1);
        marks |= eq(v, b'(') | eq(v, 0xC2);
        any |= high;
        (space_before, stop_before) = (space, stop);
    }
    out.class = (if out.cjk > 0 { CJK } else { 0 })
        | (if digits != 0 { DIGIT } else { 0 })
        | (if any != 0 { NON_ASCII } else { 0 })
        | (if marks != 0 { MARK } else { 0 });
    out
}

/// Classifies how `s` ends.
pub fn line_end(s: &str) -> End {
    let t = trim_end_any(
        s,
        &[
            '"', '\'', '”', '’', '»', '«', '“', ')', '」', '』', '）', ' ', '*',
        ],
    );
    if t.ends_with("[…]") || t.ends_with("[...]") || t.ends_with("(…)") {
        return End::Cut;
    }
    let t = trim_end_any(t, &[']']);
    if t.ends_with("...") || t.ends_with('…') {
        return End::Ellipsis;
    }
    match t.chars().next_back() {
        Some('.' | '!' | '?' | '。' | '！' | '？' | ';' | '؟' | '।') => End::Sentence,
        Some(':' | '：') => End::Colon,
        _ => End::Other,
    }
}

/// Case-folds `src` into `dst` (which must be longer) and returns the folded
/// bytes followed by one space: ASCII, Latin-1 (À–Þ) and Cyrillic (Ѐ–Я)
/// capitals become small letters, and punctuation outside ASCII (no-break
/// space, ©, « », ·, dashes, curly quotes, bullets, `…`, CJK punctuation)
/// becomes spaces. Every character keeps its byte length, so offsets into
/// the result are offsets into `src`; other characters are copied as they are.
pub fn fold<'a>(src: &[u8], dst: &'a mut [u8]) -> &'a [u8] {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let n = src.len();
    let mut i = 0;
    while i < n {
        // Eight ASCII bytes at a time: add 0x20 to each of A..Z.
        if i + 8 <= n {
            let mut w = [0u8; 8];
            w.copy_from_slice(&src[i..i + 8]);
            let v = u64::from_le_bytes(w);
            if v & (ONES * 0x80) == 0 {
                let ge_a = (v + ONES * (0x80 - u64::from(b'A'))) & (ONES * 0x80);
                let gt_z = (v + ONES * (0x80 - u64::from(b'Z') - 1)) & (ONES * 0x80);
                let lower = v | ((ge_a & !gt_z) >> 2);
                dst[i..i + 8].copy_from_slice(&lower.to_le_bytes());
                i += 8;
                continue;
            }
        }
        let c = src[i];
        if c < 0x80 {
            dst[i] = c.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let d = src.get(i + 1).copied().unwrap_or(0);
        let pair = match (c, d) {
            // U+0080..U+00BF: no-break space, ©, «, », ·, …
            (0xC2, _) => Some((b' ', b' ')),
            // À..Þ (but not ×) → à..þ
            (0xC3, 0x80..=0x9E) if d != 0x97 => Some((0xC3, d + 0x20)),
            // Ѐ..Џ → ѐ..џ, А..П → а..п, Р..Я → р..я
            (0xD0, 0x80..=0x8F) => Some((0xD1, d + 0x10)),
            (0xD0, 0x90..=0x9F) => Some((0xD0, d + 0x20)),
            (0xD0, 0xA0..=0xAF) => Some((0xD1, d - 0x20)),
            _ => None,
        };
        if let (Some((x, y)), true) = (pair, i + 1 < n) {
            dst[i] = x;
            dst[i + 1] = y;
            i += 2;
            continue;
        }
        // U+2000..U+207F (spaces, dashes, quotes, bullets, …) and U+3000..U+303F.
        if (c == 0xE2 && (d == 0x80 || d == 0x81) || c == 0xE3 && d == 0x80) && i + 2 < n {
            dst[i..i + 3].fill(b' ');
            i += 3;
            continue;
        }
        dst[i] = c;
        i += 1;
    }
    dst[n] = b' ';
    &dst[..=n]
}

/// A byte that belongs to a word in folded text (non-ASCII is letters there).
const fn wordy(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// True if `hay` contains `needle` (not empty).
fn has(hay: &[u8], needle: &[u8]) -> bool {
    let n = needle.len();
    let mut i = 0;
    while i + n <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + n] == *needle {
            return true;
        }
        i += 1;
    }
    false
}

// Cue categories (bits).
const COPY: u16 = 1;
const COPY_L: u16 = 2;
const SPON: u16 = 4;
const ADV: u16 = 8;
const SHARE: u16 = 16;
const REL: u16 = 32;
const COMM: u16 = 64;
const PROMO: u16 = 128;
/// Only at the start of the line.
const LEAD: u16 = 256;
const AGO: u16 = 512;
/// Only at the start of the line.
const BY: u16 = 1024;

/// Cue phrases, folded, sorted by bytes (a test checks; [`CUE_START`]
/// indexes them by first byte), with their categories. A phrase matches at the start of a word and may end inside one
/// ("share" matches "Shares"); a phrase ending in a space needs the word to end.
/// Phrases in CJK scripts, which have no spaces, are in [`CJK_CUES`].
const CUES: &[(&str, u16)] = &[
    ("abonnieren", ADV),
    ("abonnieren sie", PROMO),
    ("advertisement", ADV),
    ("advertising", ADV),
    ("ago ", AGO),
    ("all rights reserved", COPY),
    ("alle rechte vorbehalten", COPY_L),
    ("also read", REL),
    ("anzeige", ADV),
    ("assine", ADV),
    ("assine já", PROMO),
    ("baca juga", REL),
    ("baca juga:", LEAD),
    ("bagikan", SHARE),
    ("by ", BY),
    ("comentarios", COMM),
    ("comentários", COMM),
    ("comment", SHARE),
    ("commentaires", COMM),
    ("comments", COMM),
    ("compartilh", SHARE),
    ("compartir", SHARE),
    ("copyright", COPY),
    ("di ", BY),
    ("don't miss", REL),
    ("e-mail", SHARE),
    ("email", SHARE),
    ("facebook", SHARE),
    ("follow her", PROMO),
    ("follow him", PROMO),
    ("follow us", PROMO),
    ("from our partners", SPON),
    ("gesponsert", SPON),
    ("hace ", AGO),
    ("hak cipta", COPY_L),
    ("have a tip", PROMO),
    ("há ", AGO),
    ("iklan", ADV),
    ("il y a", AGO),
    ("inscreva-se", PROMO),
    ("komentar", COMM),
    ("kommentare", COMM),
    ("lea también", REL),
    ("leave a comment", COMM),
    ("leave a reply", COMM),
    ("leia mais", REL),
    ("leia também", REL),
    ("leia também:", LEAD),
    ("lesen sie auch", REL),
    ("lesen sie auch:", LEAD),
    ("linkedin", SHARE),
    ("may be reached at", PROMO),
    ("may not be reproduced", PROMO),
    ("mehr zum thema", REL),
    ("more from", REL),
    ("more in ", REL),
    ("more stories", REL),
    ("more:", LEAD),
    ("most popular", REL),
    ("most read", REL),
    ("must read", REL),
    ("news tip", PROMO),
    ("newsletter", ADV | PROMO),
    ("oleh ", BY),
    ("paid content", SPON),
    ("paid post", SPON),
    ("par ", BY),
    ("partager", SHARE),
    ("partner content", SPON),
    ("patrocinado", SPON),
    ("pinterest", SHARE),
    ("por ", BY),
    ("print", SHARE),
    ("privacy policy", PROMO),
    ("promoted", SPON),
    ("publicidad", ADV),
    ("publicidade", ADV),
    ("publicité", ADV),
    ("read also", REL),
    ("read also:", LEAD),
    ("read more", REL),
    ("read more:", LEAD),
    ("recommended", REL),
    ("reddit", SHARE),
    ("related", REL),
    ("related:", LEAD),
    ("responses", COMM),
    ("see also", REL),
    ("see also:", LEAD),
    ("share", SHARE),
    ("sign up", ADV),
    ("sign up for", PROMO),
    ("sponsored", SPON),
    ("subscribe", ADV),
    ("subscribe now", PROMO),
    ("subscribe to", PROMO),
    ("teilen", SHARE),
    ("terms of use", PROMO),
    ("todos los derechos", COPY_L),
    ("todos os direitos", COPY_L),
    ("top stories", REL),
    ("tous droits", COPY_L),
    ("trending", REL),
    ("tweet", SHARE),
    ("twitter", SHARE),
    ("unsubscribe", PROMO),
    ("use of cookies", PROMO),
    ("user agreement", PROMO),
    ("veja também", REL),
    ("veja também:", LEAD),
    ("von ", BY),
    ("vor ", AGO),
    ("we use cookies", PROMO),
    ("werbung", ADV),
    ("whatsapp", SHARE),
    ("yang lalu", AGO),
    ("you may also", REL),
    ("you might also", REL),
    ("à lire aussi", REL),
    ("автор", BY),
    ("все права", COPY_L),
    ("комментариев", COMM),
    ("комментарии", COMM),
    ("комментарий", COMM),
    ("назад", AGO),
    ("поделит", SHARE),
    ("подпис", ADV),
    ("подписывайтесь", PROMO),
    ("подпишитесь", PROMO),
    ("реклама", ADV),
    ("спонсор", SPON),
    ("читайте также", REL),
    ("читайте также:", LEAD),
];

/// Cue phrases in scripts without spaces, found anywhere in a line.
const CJK_CUES: &[(&str, u16)] = &[
    ("著作権", COPY_L),
    ("版权所有", COPY_L),
    ("無断転載", COPY_L),
    ("広告", ADV),
    ("シェア", SHARE),
    ("関連", REL),
    ("相关", REL),
    ("コメント", COMM),
    ("前", AGO),
];

/// The size of `list` packed by [`pack`].
pub(super) const fn packed_size(list: &[(&str, u16)]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < list.len() {
        n += 3 + list[i].0.len();
        i += 1;
    }
    n
}

/// Packs `(phrase, categories)` pairs into one byte string of records
/// `[length, categories (2 bytes, little-endian), phrase…]`, read with
/// [`record`]: compact data without a table of pointers.
pub(super) const fn pack<const N: usize>(list: &[(&str, u16)]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < list.len() {
        let p = list[i].0.as_bytes();
        assert!(p.len() < 256);
        out[at] = p.len() as u8;
        out[at + 1] = list[i].1 as u8;
        out[at + 2] = (list[i].1 >> 8) as u8;
        let mut j = 0;
        while j < p.len() {
            out[at + 3 + j] = p[j];
            j += 1;
        }
        at += 3 + p.len();
        i += 1;
    }
    out
}

/// `list` as pairs with no categories, for [`pack`].
pub(super) const fn plain<const N: usize>(list: &[&'static str]) -> [(&'static str, u16); N] {
    let mut out = [("", 0); N];
    let mut i = 0;
    while i < N {
        out[i] = (list[i], 0);
        i += 1;
    }
    out
}

/// The record of a packed table (see [`pack`]) at `*q`: its phrase and
/// categories; moves `*q` to the next record.
#[inline]
pub(super) fn record<'t>(t: &'t [u8], q: &mut usize) -> (&'t [u8], u16) {
    let at = *q;
    let n = usize::from(t.get(at).copied().unwrap_or(0));
    *q = at + 3 + n;
    match t.get(at..at + 3 + n) {
        Some(r) => (&r[3..], u16::from(r[1]) | u16::from(r[2]) << 8),
        None => (&[], 0),
    }
}

/// [`CUES`] packed.
static CUE_BYTES: [u8; packed_size(CUES)] = pack(CUES);
/// [`CJK_CUES`] packed.
static CJK_BYTES: [u8; packed_size(CJK_CUES)] = pack(CJK_CUES);

const _: () = assert!(packed_size(CUES) < 0xFFFF);

/// Where the records of [`CUE_BYTES`] starting with each byte begin (and
/// end, at the next byte's start).
static CUE_START: [u16; 257] = {
    let mut at = [0u16; 257];
    let mut b = 0;
    let mut k = 0;
    let mut off = 0;
    while b < 256 {
        while k < CUES.len() && (CUES[k].0.as_bytes()[0] as usize) < b {
            off += 3 + CUES[k].0.len();
            k += 1;
        }
        at[b] = off as u16;
        b += 1;
    }
    at[256] = packed_size(CUES) as u16;
    at
};

/// Marks a byte of a word in [`CUE_CATS`].
const WORDY: u16 = 1 << 15;

/// The categories found in any entry of each bucket of [`CUES`], and [`WORDY`].
static CUE_CATS: [u16; 256] = {
    let mut cats = [0u16; 256];
    let mut c = 0;
    while c < 256 {
        if wordy(c as u8) {
            cats[c] = WORDY;
        }
        c += 1;
    }
    let mut k = 0;
    while k < CUES.len() {
        cats[CUES[k].0.as_bytes()[0] as usize] |= CUES[k].1;
        k += 1;
    }
    cats
};

/// The categories of the cue phrases in folded line `t` of `words` words
/// (only those that count at that length: see [`short_line_cues`]).
fn cue_bits(t: &[u8], cjk: bool, words: usize) -> u16 {
    let mut allowed = COPY | COPY_L | PROMO;
    if words <= 30 {
        allowed |= LEAD | BY;
    }
    if words <= 6 {
        allowed |= SPON | ADV | SHARE | REL | COMM | AGO;
    }
    let mut bits = 0;
    let mut prev_word = false;
    for p in 0..t.len() - 1 {
        let c = t[p];
        let cats = CUE_CATS[c as usize];
        let start = !prev_word;
        prev_word = cats & WORDY != 0;
        if !start || cats & allowed == 0 {
            continue;
        }
        let rest = &t[p..];
        let here = if p == 0 {
            allowed
        } else {
            allowed & !(LEAD | BY)
        };
        let mut q = usize::from(CUE_START[c as usize]);
        let z = usize::from(CUE_START[c as usize + 1]);
        while q < z {
            let (e, b) = record(&CUE_BYTES, &mut q);
            // Cheap tests first: the categories, the second byte (every entry has two or more).
            if b & here == 0 || e.len() < 2 || rest[1] != e[1] {
                continue;
            }
            let whole = e.ends_with(b" ");
            let e = if whole { &e[..e.len() - 1] } else { e };
            if rest.starts_with(e) && !(whole && rest.get(e.len()).copied().is_some_and(wordy)) {
                bits |= b & here;
            }
        }
    }
    if cjk {
        let mut q = 0;
        while q < CJK_BYTES.len() {
            let (c, b) = record(&CJK_BYTES, &mut q);
            if has(t, c) {
                bits |= b;
            }
        }
    }
    bits
}

/// Fills the cue fields of a short line: `b` as written, `t` folded.
fn short_line_cues(b: &[u8], t: &[u8], class: u8, info: &mut LineInfo) {
    let w = info.words;
    let ascii = class & NON_ASCII == 0;
    let digits = class & DIGIT != 0;
    let bits = cue_bits(t, class & CJK != 0, w);
    // "©" followed by a year, or "(c) 2019": a rights notice; "© Jane Doe": a photo credit.
    let mut sign = false;
    let mut notice = false;
    for i in 0..if class & MARK != 0 { b.len() } else { 0 } {
        let skip = if b[i] == 0xC2 && b.get(i + 1) == Some(&0xA9) {
            sign = true;
            2
        } else if b[i] == b'(' && t[i + 1..].starts_with(b"c)") {
            3
        } else {
            continue;
        };
        let r = t[i + skip..].trim_ascii_start();
        notice |= r.len() >= 4 && r[..4].iter().all(u8::is_ascii_digit);
    }
    let strong = bits & COPY != 0 || notice;
    let weak = bits & COPY_L != 0 && (w <= 8 || !ascii && w <= 20 || strong || sign);
    if w <= 60 && (strong || weak) {
        info.cue = Cue::Copyright;
    } else if w <= 6 && bits & SPON != 0 {
        info.cue = Cue::Sponsored;
    } else if w <= 6 && bits & ADV != 0 {
        info.cue = Cue::Advertising;
    } else if w <= 4 && bits & COMM != 0 && is_comments_heading(t) {
        info.cue = Cue::Comments;
    } else if w <= 6 && bits & SHARE != 0 {
        info.cue = Cue::Share;
    } else if w <= 6 && info.end == End::Other && bits & REL != 0 || w <= 30 && bits & LEAD != 0 {
        info.cue = Cue::Related;
    } else if w <= 60 && bits & PROMO != 0 {
        info.cue = Cue::Advertising;
    }
    info.ago = w <= 6 && digits && bits & AGO != 0;
    info.by = bits & BY != 0 && info.end != End::Sentence;
    // "— Name (@handle) November 18, 2019" closes an embedded post: content, not a stamp.
    let stamp_end = info.end != End::Sentence || t.ends_with(b"a.m. ") || t.ends_with(b"p.m. ");
    if (w <= 16 || info.by && w <= 24) && digits && stamp_end && !has(t, b"(@") {
        info.date = is_date(t);
    }
    info.by &= w <= 10 || w <= 24 && info.date;
    info.credit = w <= 10 && is_credit(t) || sign && !notice && info.cue == Cue::None && w <= 6;
    info.captioned = !info.credit
        && (w > 6 && ends_with_credit(t)
            || t.starts_with(b"image caption")
            || t.starts_with(b"caption:")
            || sign && !notice && info.cue == Cue::None);
}

/// True for a heading of reader comments and nothing else: "Comments",
/// "12 Comments", "Kommentare (3)", "Leave a Reply" (`t` folded).
fn is_comments_heading(t: &[u8]) -> bool {
    let mut p = 0;
    let mut found = false;
    while p < t.len() {
        let c = t[p];
        if c.is_ascii_digit() || c == b' ' || b"()[]:.,-#".contains(&c) {
            p += 1;
            continue;
        }
        let rest = &t[p..];
        let mut q = 0;
        let mut hit = 0;
        while q < CUE_BYTES.len() {
            let (e, b) = record(&CUE_BYTES, &mut q);
            if b & COMM != 0 && rest.starts_with(e) {
                hit = e.len();
                break;
            }
        }
        if hit == 0 {
            return false;
        }
        found = true;
        p += hit;
    }
    found
}

/// Month names (folded, sorted, none a prefix of another) in English, German,
/// French, Spanish, Portuguese, Italian, Dutch, Indonesian and Russian
/// (nominative and genitive); a word of 3–10 letters that starts one is a month.
const MONTHS: &[&str] = &[
    "abril",
    "agosto",
    "agustus",
    "août",
    "aprile",
    "augustus",
    "avril",
    "december",
    "desember",
    "dezember",
    "dezembro",
    "dicembre",
    "diciembre",
    "décembre",
    "enero",
    "febbraio",
    "febrero",
    "februari",
    "february",
    "fevereiro",
    "février",
    "gennaio",
    "giugno",
    "janeiro",
    "januari",
    "january",
    "janvier",
    "juillet",
    "juin",
    "julho",
    "julio",
    "july",
    "june",
    "junho",
    "junio",
    "luglio",
    "maart",
    "maggio",
    "maio",
    "march",
    "maret",
    "mars",
    "marzo",
    "março",
    "mayo",
    "mei",
    "mrt",
    "märz",
    "november",
    "novembre",
    "noviembre",
    "october",
    "octobre",
    "octubre",
    "oktober",
    "ottobre",
    "outubro",
    "september",
    "septembre",
    "septiembre",
    "setembro",
    "setiembre",
    "settembre",
    "августа",
    "апрель",
    "апреля",
    "декабрь",
    "декабря",
    "июль",
    "июля",
    "июнь",
    "июня",
    "май",
    "марта",
    "мая",
    "ноябрь",
    "ноября",
    "октябрь",
    "октября",
    "сентябрь",
    "сентября",
    "февраль",
    "февраля",
    "январь",
    "января",
];

/// [`MONTHS`] packed.
static MONTH_BYTES: [u8; packed_size(&plain::<{ MONTHS.len() }>(MONTHS))] =
    pack(&plain::<{ MONTHS.len() }>(MONTHS));

/// True if `word` (folded) is a month name or the start of one ("sept", "janv").
fn is_month(word: &[u8]) -> bool {
    let mut letters = 0;
    for &c in word {
        letters += usize::from(c & 0xC0 != 0x80);
    }
    (3..=10).contains(&letters) && any_phrase(&MONTH_BYTES, word, PREFIX_OF)
}

/// How [`any_phrase`] matches: the text starts with a phrase.
const STARTS: u8 = 0;
/// How [`any_phrase`] matches: a phrase starts with the text.
const PREFIX_OF: u8 = 1;
/// How [`any_phrase`] matches: the text ends with a phrase.
const ENDS: u8 = 2;
/// How [`any_phrase`] matches: the text contains a phrase.
const CONTAINS: u8 = 3;

/// True if a phrase of packed table `t` (see [`pack`]) matches `text` as
/// `how` says ([`STARTS`], [`PREFIX_OF`], [`ENDS`], [`CONTAINS`]).
#[inline(never)]
fn any_phrase(t: &[u8], text: &[u8], how: u8) -> bool {
    let mut q = 0;
    while q < t.len() {
        let (e, _) = record(t, &mut q);
        let hit = match how {
            STARTS => text.starts_with(e),
            PREFIX_OF => e.starts_with(text),
            ENDS => text.ends_with(e),
            _ => has(text, e),
        };
        if hit {
            return true;
        }
    }
    false
}

/// True for a short line (folded) that reads as a date or time stamp.
fn is_date(t: &[u8]) -> bool {
    let mut month = false;
    let mut year = false;
    let mut time = false;
    let mut numeric = false;
    let mut day = false;
    let mut cjk_date = false;
    let mut p = 0;
    while p < t.len() {
        // The next token (up to a space, tab, comma or bar) without what is
        // not a word at either end.
        let mut e = p;
        while e < t.len() && !matches!(t[e], b' ' | b'\t' | b',' | b'|') {
            e += 1;
        }
        let (mut a, mut z) = (p, e);
        p = e + 1;
        while a < z && !wordy(t[a]) {
            a += 1;
        }
        while a < z && !wordy(t[z - 1]) {
            z -= 1;
        }
        if a == z {
            continue;
        }
        let tok = &t[a..z];
        let (mut digits, mut colons, mut seps) = (0, 0, 0);
        for &c in tok {
            digits += usize::from(c.is_ascii_digit());
            colons += usize::from(c == b':');
            seps += usize::from(matches!(c, b'.' | b'/' | b'-'));
        }
        if digits == tok.len() {
            if tok.len() == 4 && (tok.starts_with(b"19") || tok.starts_with(b"20")) {
                year = true;
            } else if tok.len() <= 2 {
                day = true;
            }
            continue;
        }
        // Digits around colons, none empty ("8:34"); the token ends in word bytes.
        if colons > 0 && digits + colons == tok.len() && !has(tok, b"::") {
            time = true;
            continue;
        }
        if seps >= 2 && digits + seps == tok.len() {
            numeric = true;
            continue;
        }
        let (nian, yue, ri) = ("年".as_bytes(), "月".as_bytes(), "日".as_bytes());
        if has(tok, yue) && (has(tok, nian) || has(tok, ri)) {
            cjk_date = true;
        }
        let mut letters = 0;
        while letters < tok.len() && (tok[letters] >= 0x80 || tok[letters].is_ascii_alphabetic()) {
            letters += 1;
        }
        month |= is_month(&tok[..letters]);
    }
    numeric || cjk_date || month && (year || day || time) || year && time
}

/// Words that make a parenthesised remark a photo credit.
/// [`CREDIT_WORDS`] packed.
static CREDIT_WORD_BYTES: [u8; packed_size(&plain::<{ CREDIT_WORDS.len() }>(CREDIT_WORDS))] =
    pack(&plain::<{ CREDIT_WORDS.len() }>(CREDIT_WORDS));

const CREDIT_WORDS: &[&str] = &[
    "photo",
    "foto",
    "фото",
    "image",
    "credit",
    "getty",
    "reuters",
    "afp",
    "shutterstock",
    "picture",
    "bild",
    "写真",
];

/// Labels that start a photo credit ("Photo: Reuters").
/// [`CREDIT_LABELS`] packed.
static CREDIT_LABEL_BYTES: [u8; packed_size(&plain::<{ CREDIT_LABELS.len() }>(CREDIT_LABELS))] =
    pack(&plain::<{ CREDIT_LABELS.len() }>(CREDIT_LABELS));

const CREDIT_LABELS: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "foto:",
    "фото:",
    "image:",
    "credit:",
    "picture:",
    "bild:",
    "imagem:",
    "imagen:",
    "photograph:",
    "source:",
    "写真:",
];

/// Labels of a credit at the end of a caption ("… Credit: ESA"), without the colon.
/// [`TAIL_LABELS`] packed.
static TAIL_LABEL_BYTES: [u8; packed_size(&plain::<{ TAIL_LABELS.len() }>(TAIL_LABELS))] =
    pack(&plain::<{ TAIL_LABELS.len() }>(TAIL_LABELS));

const TAIL_LABELS: &[&str] = &[
    "credit",
    "photo",
    "image",
    "foto",
    "фото",
    "picture",
    "photograph",
];

/// True for a line (folded) that is only a photo credit.
fn is_credit(t: &[u8]) -> bool {
    let t = t.trim_ascii();
    let paren = t.starts_with(b"(") && t.ends_with(b")");
    any_phrase(&CREDIT_LABEL_BYTES, t, STARTS)
        || paren && any_phrase(&CREDIT_WORD_BYTES, t, CONTAINS)
        || t.ends_with(b"getty images")
}

/// True for a text (folded) ending in a photo credit: a parenthesised one,
/// `… (AP Photo/Jon Chol Jin)`, or a labelled one, `… Credit: ESA`.
fn ends_with_credit(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    let tail = &t[t.len().saturating_sub(70)..];
    if t.ends_with(b")") {
        let mut i = t.len();
        while i > 0 && t[i - 1] != b'(' {
            i -= 1;
        }
        if i > 0 && t.len() - i < 79 && any_phrase(&CREDIT_WORD_BYTES, &t[i - 1..], CONTAINS) {
            return true;
        }
    }
    // A label near the end, followed by a name rather than another sentence.
    for i in 0..tail.len() {
        let rest = &tail[i + 1..];
        if tail[i] == b':'
            && rest.len() > 1
            && any_phrase(&TAIL_LABEL_BYTES, &tail[..i], ENDS)
            && !has(rest, b". ")
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded<R>(s: &str, f: impl Fn(&[u8]) -> R) -> R {
        let mut buf = vec![0; s.len() + 1];
        f(fold(s.as_bytes(), &mut buf))
    }

    #[test]
    fn cue_table_is_sorted() {
        for w in CUES.windows(2) {
            assert!(w[0].0.as_bytes() < w[1].0.as_bytes(), "{:?}", w[1].0);
        }
        for (e, _) in CUES {
            assert!(
                e.len() >= 2 && folded(e, |t| t[..e.len()] == *e.as_bytes()),
                "{e}"
            );
        }
    }

    #[test]
    fn counts_match_a_plain_loop() {
        let pieces = [
            "a", " ", "\t", ".", "!", "? ", "東京", "é", "9", "©", "(c)", "。", "Жук", "x.y",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for i in 0..(x % 40) {
                s.push_str(pieces[((x >> (i % 50)) as usize + i as usize) % pieces.len()]);
            }
            let b = s.as_bytes();
            let c = counts(b);
            let tokens = s.split([' ', '\t']).filter(|t| !t.is_empty()).count();
            let stops = (0..b.len())
                .filter(|&i| {
                    b"!.?".contains(&b[i]) && b.get(i + 1).map_or(true, |n| b" \t".contains(n))
                })
                .count();
            let cjk = b.iter().filter(|&&c| (0xE3..=0xED).contains(&c)).count();
            assert_eq!((c.tokens, c.stops, c.cjk), (tokens, stops, cjk), "{s:?}");
            assert_eq!(
                c.class & DIGIT != 0,
                b.iter().any(u8::is_ascii_digit),
                "{s:?}"
            );
            assert_eq!(c.class & NON_ASCII != 0, !s.is_ascii(), "{s:?}");
        }
    }

    #[test]
    fn month_table() {
        for w in MONTHS.windows(2) {
            assert!(w[0] < w[1] && !w[1].starts_with(w[0]), "{:?}", w[1]);
        }
        for m in ["jan", "sept", "märz", "янв", "мая", "agu", "mrt", "dic"] {
            assert!(is_month(m.as_bytes()), "{m}");
        }
        for m in ["energy", "martin", "descent", "ma", "jo"] {
            assert!(!is_month(m.as_bytes()), "{m}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(
            folded("Leia TAMBÉM «Новости» — ÀÞ×", |t| {
                String::from_utf8(t.to_vec())
            })
            .unwrap(),
            "leia também   новости       àþ× "
        );
        assert_eq!(
            folded("ЀЏАПРЯЁ", |t| String::from_utf8(t.to_vec())).unwrap(),
            "ѐџапряё "
        );
        assert_eq!(
            folded("THE QUICK BROWN FOX, AND [Z@]", |t| String::from_utf8(
                t.to_vec()
            ))
            .unwrap(),
            "the quick brown fox, and [z@] "
        );
    }

    #[test]
    fn ends() {
        assert_eq!(line_end("He said so."), End::Sentence);
        assert_eq!(line_end("“It is over,” she said.”"), End::Sentence);
        assert_eq!(line_end("Он сказал: «Да!»"), End::Sentence);
        assert_eq!(line_end("東京で会見した。"), End::Sentence);
        assert_eq!(line_end("Pyongyang citizens visit the ..."), End::Ellipsis);
        assert_eq!(line_end("Shortly after the death, […]"), End::Cut);
        assert_eq!(line_end("Here are the highlights:"), End::Colon);
        assert_eq!(line_end("Most Popular"), End::Other);
    }

    #[test]
    fn words_across_scripts() {
        assert_eq!(line_info("North and South Korea talk").words, 5);
        // One token of ten CJK characters: 1 + 10 / 2.
        assert_eq!(line_info("北朝鮮と韓国が通信再開").words, 6);
        assert_eq!(line_info("Северная и Южная Корея").words, 4);
        let p =
            line_info("Er sagte, dass die Gespräche bald wieder aufgenommen werden. Das ist gut.");
        assert!(p.prose());
        assert_eq!(p.stops, 2);
        assert!(!line_info("Mehr zum Thema").prose());
    }

    #[test]
    fn dates() {
        for d in [
            "Jul 26, 2021, 8:34 PM | Updated: Jul 27, 2021, 9:27 pm",
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "26. Juli 2021, 20:34 Uhr",
            "26 ИЮЛЯ 2021",
            "12.03.2019 14:05",
            "2021年7月26日",
            "publicado em 20/11/2019",
            "5 de agosto de 2019",
            "Sept. 3, 2019",
        ] {
            assert!(folded(d, is_date), "{d}");
        }
        for d in [
            "home",
            "the may queen",
            "2 comments",
            "north korea",
            "Monster Energy NASCAR Cup Series em 2019 após 36 etapas",
            "2 Martin Truex Jr. 5035",
        ] {
            assert!(!folded(d, is_date), "{d}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(
            line_info("Copyright © The Associated Press. All rights reserved.").cue,
            Cue::Copyright
        );
        assert_eq!(
            line_info("© 2019 Mensagens de Reflexão").cue,
            Cue::Copyright
        );
        assert_eq!(line_info("(C) 2019 Example Inc").cue, Cue::Copyright);
        assert_eq!(line_info("Alle Rechte vorbehalten").cue, Cue::Copyright);
        assert_eq!(line_info("Sponsored Articles").cue, Cue::Sponsored);
        assert_eq!(line_info("Реклама").cue, Cue::Advertising);
        assert_eq!(line_info("Поделиться").cue, Cue::Share);
        assert_eq!(line_info("Leia também").cue, Cue::Related);
        assert_eq!(line_info("“Related”").cue, Cue::Related);
        assert_eq!(line_info("関連記事").cue, Cue::Related);
        assert_eq!(
            line_info("The related events were big news.").cue,
            Cue::None
        );
        assert_eq!(line_info("Unrelated").cue, Cue::None);
        assert_eq!(line_info("12 Comments").cue, Cue::Comments);
        assert_eq!(line_info("Комментарии (3)").cue, Cue::Comments);
        assert_eq!(line_info("Leave a Reply").cue, Cue::Comments);
        assert_ne!(line_info("Comments RSS").cue, Cue::Comments);
        assert_ne!(line_info("New, 15 comments").cue, Cue::Comments);
        assert!(line_info("16 hours ago").ago);
        assert!(line_info("2H ago").ago);
        assert!(line_info("vor 3 Stunden").ago);
        assert!(!line_info("5 de agosto").ago);
        assert!(line_info("(AP Photo/Jon Chol Jin)").credit);
        assert!(line_info("Foto: dpa").credit);
        assert!(line_info("Kim speaks in Pyongyang on Tuesday. (AP Photo/Jon Chol Jin)").captioned);
        assert!(line_info("A habitation module for a crewed Mars mission. Credit: ESA").captioned);
        assert!(line_info("© John Doe").credit);
        assert!(line_info("© John Doe A needle during a flu shot at a health center").captioned);
        assert!(line_info("By Sarah E. Needleman").by);
        assert!(
            line_info("By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18").by
        );
        assert_eq!(
            line_info("Get the latest news in your inbox. Subscribe to our newsletter.").cue,
            Cue::Advertising
        );
        assert_eq!(
            line_info("Related: Ten photos of the moon").cue,
            Cue::Related
        );
        assert!(!line_info("By the end of the day, the talks had failed.").by);
        assert!(!line_info("Stand by me").by);
    }

    #[test]
    fn long_captions() {
        let long = format!("{} (AP Photo/Jon Chol Jin)", "word ".repeat(100));
        assert!(line_info(&long).captioned);
        let long = format!("{}. Credit: ESA", "wörd ".repeat(100));
        assert!(line_info(&long).captioned);
        assert!(!line_info(&"word ".repeat(100)).captioned);
    }

    #[test]
    fn hash_differs() {
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
        assert_ne!(hash_bytes(b"12345678a"), hash_bytes(b"12345678b"));
        assert_eq!(hash_bytes("Korea".as_bytes()), hash_bytes(b"Korea"));
    }
}
