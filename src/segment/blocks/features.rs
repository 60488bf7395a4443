//! Per-line features: size, sentence ends, hashes, and a few multilingual cues.
//!
//! Everything here looks at one line at a time and is linear in its length:
//! one byte loop for the counts and the hash, and cue-word checks only on
//! short lines (cues such as "Share" or "Advertisement" are never long).

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
    /// Length in bytes.
    pub bytes: usize,
    /// Number of characters.
    pub chars: usize,
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
    /// A photo credit ("(AP Photo/Jon Chol Jin)", "Photo: Reuters").
    pub credit: bool,
    /// A caption: text that ends with a parenthesised photo credit.
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
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// Computes the features of one trimmed, non-empty line.
pub fn line_info(s: &str) -> LineInfo {
    let b = s.as_bytes();
    let mut chars = 0;
    let mut tokens = 0;
    let mut cjk = 0;
    let mut stops = 0;
    let mut in_word = false;
    for (i, &c) in b.iter().enumerate() {
        if c & 0xC0 != 0x80 {
            chars += 1;
        }
        let space = c == b' ' || c == b'\t';
        if !space && !in_word {
            tokens += 1;
        }
        in_word = !space;
        // U+3000..U+9FFF (CJK punctuation, kana, ideographs) and Hangul start with E3..ED.
        if (0xE3..=0xED).contains(&c) {
            cjk += 1;
        }
        match c {
            b'.' | b'!' | b'?' if b.get(i + 1).map_or(true, |&n| n == b' ') => stops += 1,
            // 。 ！ ？ (E3 80 82, EF BC 81, EF BC 9F)
            0x82 if i >= 2 && b[i - 2] == 0xE3 && b[i - 1] == 0x80 => stops += 1,
            0x81 | 0x9F if i >= 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBC => stops += 1,
            _ => {}
        }
    }
    let words = tokens + cjk / 2;
    let end = line_end(s);
    let mut info = LineInfo {
        bytes: b.len(),
        chars,
        words,
        stops,
        end,
        hash: hash_bytes(b),
        cue: Cue::None,
        date: false,
        ago: false,
        credit: false,
        captioned: false,
        by: false,
    };
    if b.len() <= 400 {
        short_line_cues(s, &mut info);
    } else if s.ends_with(')') || std::env::var("VC").is_ok() {
        // A long caption still ends in its credit: look at the tail only.
        let mut cut = b.len() - 100;
        while !s.is_char_boundary(cut) {
            cut += 1;
        }
        info.captioned = ends_with_credit(&s[cut..].to_lowercase());
    }
    info
}

/// Classifies how `s` ends.
pub fn line_end(s: &str) -> End {
    let t = s.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | '」' | '』' | '）' | ' ' | '*'
        )
    });
    if t.ends_with("[…]") || t.ends_with("[...]") || t.ends_with("(…)") {
        return End::Cut;
    }
    let t = t.trim_end_matches(']');
    if t.ends_with("...") || t.ends_with('…') {
        return End::Ellipsis;
    }
    match t.chars().next_back() {
        Some('.' | '!' | '?' | '。' | '！' | '？' | ';' | '؟' | '।') => End::Sentence,
        Some(':' | '：') => End::Colon,
        _ => End::Other,
    }
}

/// True if `hay` (already lower-case) contains any of `needles`.
fn any_in(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

const COPYRIGHT: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "(c) 19",
    "(c) 20",
    "alle rechte vorbehalten",
    "todos os direitos",
    "todos los derechos",
    "tous droits",
    "все права",
    "hak cipta",
    "著作権",
    "版权所有",
    "無断転載",
];
const SPONSORED: &[&str] = &[
    "sponsored",
    "promoted",
    "paid content",
    "paid post",
    "partner content",
    "from our partners",
    "patrocinado",
    "спонсор",
    "gesponsert",
];
const ADVERTISING: &[&str] = &[
    "advertisement",
    "advertising",
    "werbung",
    "anzeige",
    "publicidade",
    "publicidad",
    "publicité",
    "реклама",
    "iklan",
    "subscribe",
    "newsletter",
    "sign up",
    "abonnieren",
    "assine",
    "подпис",
    "広告",
];
const SHARE: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "email",
    "e-mail",
    "print",
    "comment",
    "teilen",
    "compartilh",
    "compartir",
    "partager",
    "поделит",
    "bagikan",
    "シェア",
];
const RELATED: &[&str] = &[
    "related",
    "read more",
    "read also",
    "more from",
    "more stories",
    "more in ",
    "most popular",
    "most read",
    "trending",
    "recommended",
    "you may also",
    "you might also",
    "see also",
    "top stories",
    "lesen sie auch",
    "mehr zum thema",
    "читайте также",
    "leia também",
    "leia mais",
    "veja também",
    "lea también",
    "à lire aussi",
    "baca juga",
    "関連",
    "相关",
];
const COMMENTS: &[&str] = &[
    "comments",
    "responses",
    "leave a reply",
    "leave a comment",
    "kommentare",
    "комментарии",
    "комментариев",
    "комментарий",
    "comentários",
    "comentarios",
    "commentaires",
    "komentar",
    "コメント",
];
const PROMO: &[&str] = &[
    "subscribe to",
    "subscribe now",
    "sign up for",
    "newsletter",
    "unsubscribe",
    "follow us",
    "follow him",
    "follow her",
    "have a tip",
    "news tip",
    "may be reached at",
    "terms of use",
    "privacy policy",
    "user agreement",
    "we use cookies",
    "use of cookies",
    "may not be reproduced",
    "inscreva-se",
    "assine já",
    "abonnieren sie",
    "подпишитесь",
    "подписывайтесь",
];
const LEAD_RELATED: &[&str] = &[
    "related:",
    "read more:",
    "read also:",
    "see also:",
    "more:",
    "lesen sie auch:",
    "читайте также:",
    "leia também:",
    "veja também:",
    "baca juga:",
];
const AGO: &[&str] = &[
    " ago",
    "h ago",
    "m ago",
    "vor ",
    "назад",
    "há ",
    "hace ",
    "il y a",
    "yang lalu",
    "前",
];
const MONTHS: &[&str] = &[
    // English (abbreviations cover the full names)
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    // German, French, Spanish, Portuguese, Indonesian, Italian, Dutch
    "januar", "februar", "märz", "mai", "juni", "juli", "okt", "dez", "janv", "févr", "avr", "juin",
    "juil", "août", "déc", "ene", "abr", "ago", "dic", "fev", "maio", "out", "dez", "mei", "agu",
    "des", "gen", "giu", "lug", "set", "ott", "mrt", "okt",
    // Russian stems (genitive and nominative)
    "янв", "фев", "мар", "апр", "мая", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];
const BY: &[&str] = &["by ", "von ", "por ", "par ", "автор", "oleh ", "di "];

/// Fills the cue fields of a short line.
fn short_line_cues(s: &str, info: &mut LineInfo) {
    let w = info.words;
    let ascii = s.is_ascii();
    let lower = if ascii {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    };
    // Cheap gates first: most lines are neither short nor carry a rights mark.
    let rights_hint = w <= 8
        || !ascii && w <= 20
        || s.contains('©')
        || lower.contains("copyright")
        || lower.contains("rights")
        || lower.contains("(c) ");
    if w <= 60 && rights_hint && any_in(&lower, COPYRIGHT) {
        info.cue = Cue::Copyright;
    } else if w <= 6 && any_in(&lower, SPONSORED) {
        info.cue = Cue::Sponsored;
    } else if w <= 6 && any_in(&lower, ADVERTISING) {
        info.cue = Cue::Advertising;
    } else if w <= 4 && is_comments_heading(&lower) {
        info.cue = Cue::Comments;
    } else if w <= 6 && any_in(&lower, SHARE) {
        info.cue = Cue::Share;
    } else if w <= 6 && info.end == End::Other && any_in(&lower, RELATED)
        || w <= 30 && LEAD_RELATED.iter().any(|p| lower.starts_with(p))
    {
        info.cue = Cue::Related;
    } else if w <= 60 && any_in(&lower, PROMO) {
        info.cue = Cue::Advertising;
    }
    let digits = s.bytes().any(|c| c.is_ascii_digit());
    if std::env::var("VB").is_ok() && info.cue == Cue::Copyright && !any_in(&lower, &COPYRIGHT[1..])
    {
        let year = lower.split('©').skip(1).any(|r| {
            let r = r.trim_start().as_bytes();
            r.len() >= 4 && r[..4].iter().all(u8::is_ascii_digit)
        });
        if !year {
            info.cue = Cue::None;
            if w <= 6 {
                info.credit = true;
            } else {
                info.captioned = true;
            }
            return;
        }
    }
    if w <= 6 && digits && any_in(&lower, AGO) {
        info.ago = true;
    }
    // "— Name (@handle) November 18, 2019" closes an embedded post: content, not a stamp.
    if w <= 16 && digits && info.end != End::Sentence && !lower.contains("(@") {
        info.date = is_date(&lower);
    }
    info.credit = w <= 10 && is_credit(&lower);
    info.captioned = !info.credit && w > 6 && ends_with_credit(&lower);
    info.by = (w <= 10 || w <= 24 && info.date)
        && BY.iter().any(|p| lower.starts_with(p))
        && info.end != End::Sentence;
}

/// True for a heading of reader comments and nothing else: "Comments",
/// "12 Comments", "Kommentare (3)", "Leave a Reply".
pub fn is_comments_heading(lower: &str) -> bool {
    if !any_in(lower, COMMENTS) {
        return false;
    }
    let mut rest = lower.to_string();
    for c in COMMENTS {
        rest = rest.replace(c, " ");
    }
    if rest.len() == lower.len() {
        return false;
    }
    rest.chars()
        .all(|c| c.is_whitespace() || c.is_ascii_digit() || "()[]:.,-–—#".contains(c))
}

/// True for a short line that reads as a date or time stamp.
pub fn is_date(lower: &str) -> bool {
    let mut month = false;
    let mut year = false;
    let mut time = false;
    let mut numeric = false;
    let mut day = false;
    let mut cjk_date = false;
    for tok in lower.split(|c: char| c.is_whitespace() || c == ',' || c == '|') {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        let b = t.as_bytes();
        let all_digits = b.iter().all(u8::is_ascii_digit);
        if all_digits {
            if b.len() == 4 && (b.starts_with(b"19") || b.starts_with(b"20")) {
                year = true;
            } else if b.len() <= 2 {
                day = true;
            }
            continue;
        }
        if t.contains(':')
            && t.split(':')
                .all(|p| p.bytes().all(|c| c.is_ascii_digit()) && !p.is_empty())
        {
            time = true;
            continue;
        }
        let seps = b
            .iter()
            .filter(|&&c| matches!(c, b'.' | b'/' | b'-'))
            .count();
        if seps >= 2
            && b.iter()
                .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'/' | b'-'))
        {
            numeric = true;
            continue;
        }
        if t.contains('年') && t.contains('月') || t.contains('月') && t.contains('日') {
            cjk_date = true;
        }
        let alpha_end = t
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(t.len(), |(i, _)| i);
        let alpha = &t[..alpha_end];
        let len = alpha.chars().count();
        if (3..=10).contains(&len) && MONTHS.iter().any(|m| alpha.starts_with(m)) {
            month = true;
        }
    }
    numeric || cjk_date || month && (year || day || time) || year && time
}

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
    "imagem",
    "imagen",
    "写真",
];

/// True for a line that is only a photo credit.
pub fn is_credit(lower: &str) -> bool {
    let t = lower.trim();
    let paren = t.starts_with('(') && t.ends_with(')');
    let labelled = [
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
    ]
    .iter()
    .any(|p| t.starts_with(p));
    labelled || paren && CREDIT_WORDS.iter().any(|w| t.contains(w)) || t.ends_with("getty images")
}

/// True for a text ending in a parenthesised photo credit, e.g. `… (AP Photo/Jon Chol Jin)`.
pub fn ends_with_credit(lower: &str) -> bool {
    let t = lower.trim_end();
    if std::env::var("VC").is_ok() {
        let mut cut = t.len().saturating_sub(70);
        while !t.is_char_boundary(cut) {
            cut += 1;
        }
        let tail = &t[cut..];
        for lab in [
            "credit:",
            "photo:",
            "image:",
            "foto:",
            "фото:",
            "picture:",
            "photograph:",
        ] {
            if let Some(i) = tail.rfind(lab) {
                let rest = &tail[i + lab.len()..];
                if !rest.contains(". ") && rest.trim().len() > 1 {
                    return true;
                }
            }
        }
    }
    if !t.ends_with(')') {
        return false;
    }
    match t.rfind('(') {
        Some(i) => {
            let inner = &t[i..];
            inner.len() < 80 && CREDIT_WORDS.iter().any(|w| inner.contains(w))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "jul 26, 2021, 8:34 pm | updated: jul 27, 2021, 9:27 pm",
            "updated 1:39 am est, wednesday, november 20, 2019",
            "26. juli 2021, 20:34 uhr",
            "26 июля 2021",
            "12.03.2019 14:05",
            "2021年7月26日",
            "publicado em 20/11/2019",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in ["home", "the may queen", "2 comments", "north korea"] {
            assert!(!is_date(d), "{d}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(
            line_info("Copyright © The Associated Press. All rights reserved.").cue,
            Cue::Copyright
        );
        assert_eq!(line_info("Alle Rechte vorbehalten").cue, Cue::Copyright);
        assert_eq!(line_info("Sponsored Articles").cue, Cue::Sponsored);
        assert_eq!(line_info("Реклама").cue, Cue::Advertising);
        assert_eq!(line_info("Поделиться").cue, Cue::Share);
        assert_eq!(line_info("Leia também").cue, Cue::Related);
        assert_eq!(
            line_info("The related events were big news.").cue,
            Cue::None
        );
        assert_eq!(line_info("12 Comments").cue, Cue::Comments);
        assert_eq!(line_info("Комментарии (3)").cue, Cue::Comments);
        assert_eq!(line_info("Leave a Reply").cue, Cue::Comments);
        assert_ne!(line_info("Comments RSS").cue, Cue::Comments);
        assert_ne!(line_info("New, 15 comments").cue, Cue::Comments);
        assert!(line_info("16 hours ago").ago);
        assert!(line_info("vor 3 Stunden").ago);
        assert!(line_info("(AP Photo/Jon Chol Jin)").credit);
        assert!(line_info("Foto: dpa").credit);
        assert!(line_info("Kim speaks in Pyongyang on Tuesday. (AP Photo/Jon Chol Jin)").captioned);
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
    }

    #[test]
    fn hash_differs() {
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"abd"));
        assert_ne!(hash_bytes(b"12345678a"), hash_bytes(b"12345678b"));
        assert_eq!(hash_bytes("Korea".as_bytes()), hash_bytes(b"Korea"));
    }
}
