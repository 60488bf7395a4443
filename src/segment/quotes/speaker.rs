//! Finding who said a quotation: speech verbs and the noun phrase beside them.
//!
//! Patterns handled (the speaker is marked `[…]`):
//! * `“…,” said [Nam].` / `“…,” [Nam] said.` / `“…,” [he] said.` (verb after the quote);
//! * `[Nam] said: “…”` / `[Nam] said that “…”` / `[Moon’s office] said the leaders agreed to “…”`
//!   (the speech verb nearest before the quote);
//! * `The agency, for its part, said …` (a parenthetical between subject and verb);
//! * `according to [Seoul officials], “…”`;
//! * `[Nam] praised it, saying “…”` (a participle takes the sentence's subject);
//! * `what [Kim] has called its “worst-ever” crisis` (verbs of naming: called, dubbed, described).
//!
//! **Name rule**: when the phrase ends in a proper name, the speaker is that name
//! with any leading title dropped (`U.N. deputy spokesman Farhan Haq` → `Farhan Haq`,
//! `South Korean President Moon Jae-in` → `Moon Jae-in`); a possessive name keeps its
//! head noun (`Moon’s office`, `The North’s state media`); otherwise the whole
//! short noun phrase (`Seoul officials`, `the ministry`).

use super::lex::{gap_breaks, gap_has_comma, Word};
use crate::segment::sentences::{pack_words, Words};

/// How a speech verb attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// `said`, `told`, `called`…: subject before, or after when inverted.
    Finite,
    /// `saying`, `adding`…: the subject of the sentence.
    Participle,
    /// `according` (to): the phrase after `to`.
    According,
}

/// Speech verbs (lower case). Noun-like forms (`reports`, `claims`, `notes`,
/// `states`, `calls`) are left out on purpose.
const FINITE_WORDS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "announces",
    "argued",
    "argues",
    "asked",
    "asks",
    "boasted",
    "called",
    "cautioned",
    "claimed",
    "complained",
    "conceded",
    "concluded",
    "contended",
    "countered",
    "declared",
    "declares",
    "demanded",
    "described",
    "dubbed",
    "emphasised",
    "emphasized",
    "exclaimed",
    "explained",
    "explains",
    "insisted",
    "insists",
    "joked",
    "maintained",
    "noted",
    "observed",
    "pledged",
    "predicted",
    "promised",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "said",
    "say",
    "says",
    "shouted",
    "stated",
    "stressed",
    "suggested",
    "tell",
    "tells",
    "termed",
    "testified",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "warns",
    "wondered",
    "writes",
    "wrote",
];
static FINITE: Words = Words::new(
    &pack_words::<{ FINITE_WORDS.len() * 12 }>(FINITE_WORDS),
    12,
    true,
);

const PARTICIPLE_WORDS: &[&str] = &[
    "adding",
    "arguing",
    "asking",
    "calling",
    "declaring",
    "describing",
    "explaining",
    "insisting",
    "noting",
    "saying",
    "stating",
    "stressing",
    "telling",
    "urging",
    "vowing",
    "warning",
    "writing",
];
static PARTICIPLE: Words = Words::new(
    &pack_words::<{ PARTICIPLE_WORDS.len() * 10 }>(PARTICIPLE_WORDS),
    10,
    true,
);

/// Words that may stand between a subject and its verb (`Nam also said`, `Kim has called`).
const SKIP_WORDS: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "bluntly",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "explicitly",
    "flatly",
    "frequently",
    "friday",
    "further",
    "had",
    "has",
    "have",
    "is",
    "just",
    "last",
    "later",
    "long",
    "may",
    "might",
    "monday",
    "month",
    "never",
    "not",
    "often",
    "on",
    "once",
    "openly",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "saturday",
    "separately",
    "should",
    "simply",
    "still",
    "sunday",
    "then",
    "this",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "was",
    "wednesday",
    "week",
    "were",
    "will",
    "would",
    "year",
    "yesterday",
];
static SKIP: Words = Words::new(
    &pack_words::<{ SKIP_WORDS.len() * 10 }>(SKIP_WORDS),
    10,
    true,
);

/// Words that end a subject phrase when walking away from the verb.
const STOP_WORDS: &[&str] = &[
    "about", "after", "against", "also", "although", "and", "are", "as", "at", "be", "because",
    "been", "before", "between", "but", "by", "during", "for", "from", "had", "has", "have",
    "here", "how", "if", "in", "into", "is", "it's", "its", "not", "on", "or", "over", "said",
    "says", "since", "so", "than", "that", "there", "though", "through", "to", "told", "under",
    "was", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "without", "would",
];
static STOP: Words = Words::new(&pack_words::<{ STOP_WORDS.len() * 8 }>(STOP_WORDS), 8, true);

/// Words that may follow an inverted subject (`said Nam in a statement`).
const FOLLOWERS_WORDS: &[&str] = &[
    "adding",
    "after",
    "as",
    "at",
    "before",
    "citing",
    "during",
    "earlier",
    "friday",
    "from",
    "in",
    "last",
    "later",
    "monday",
    "noting",
    "on",
    "referring",
    "saturday",
    "speaking",
    "sunday",
    "this",
    "through",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "via",
    "wednesday",
    "when",
    "while",
    "who",
    "whose",
    "with",
    "yesterday",
];
static FOLLOWERS: Words = Words::new(
    &pack_words::<{ FOLLOWERS_WORDS.len() * 9 }>(FOLLOWERS_WORDS),
    9,
    true,
);

/// Subject pronouns; `he`/`she` may be resolved to a named speaker.
const PRONOUNS_WORDS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];
static PRONOUNS: Words = Words::new(
    &pack_words::<{ PRONOUNS_WORDS.len() * 4 }>(PRONOUNS_WORDS),
    4,
    true,
);

/// Titles dropped before a proper name.
const TITLE_WORDS: &[&str] = &[
    "Adm.",
    "Ambassador",
    "Attorney",
    "Bishop",
    "CEO",
    "Capt.",
    "Cardinal",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Coach",
    "Col.",
    "Commander",
    "Commissioner",
    "Deputy",
    "Director",
    "Director-General",
    "Dr.",
    "Emperor",
    "Envoy",
    "Gen.",
    "General",
    "Gens.",
    "Gov.",
    "Governor",
    "Judge",
    "Justice",
    "King",
    "Leader",
    "Lt.",
    "Mayor",
    "Minister",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Pope",
    "Premier",
    "President",
    "Prime",
    "Prince",
    "Princess",
    "Prof.",
    "Professor",
    "Queen",
    "Rep.",
    "Representative",
    "Rev.",
    "Sec.",
    "Secretary",
    "Secretary-General",
    "Sen.",
    "Senator",
    "Sgt.",
    "Sheikh",
    "Sheriff",
    "Speaker",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Superintendent",
    "Vice",
];
static TITLES: Words = Words::new(
    &pack_words::<{ TITLE_WORDS.len() * 17 }>(TITLE_WORDS),
    17,
    false,
);

/// Name particles allowed between capitalised words (`Bank of Korea`, `Ursula von der Leyen`).
const CONNECTORS_WORDS: &[&str] = &[
    "al", "bin", "da", "de", "del", "den", "der", "dos", "du", "la", "le", "of", "van", "von",
];
static CONNECTORS: Words = Words::new(
    &pack_words::<{ CONNECTORS_WORDS.len() * 3 }>(CONNECTORS_WORDS),
    3,
    true,
);

/// True when `w` (ASCII case ignored) is in the table `list`.
#[inline]
fn eq_any(w: &str, list: &Words) -> bool {
    list.find(w.as_bytes()).is_some()
}

fn verb_kind(w: &str) -> Option<Verb> {
    // Speech verbs are 3–11 ASCII letters; most words fail here.
    if !(3..=11).contains(&w.len()) || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    if w.eq_ignore_ascii_case("according") {
        Some(Verb::According)
    } else if eq_any(w, &FINITE) {
        Some(Verb::Finite)
    } else if eq_any(w, &PARTICIPLE) {
        Some(Verb::Participle)
    } else {
        None
    }
}

/// True for a subject pronoun.
pub(super) fn is_pronoun(w: &str) -> bool {
    eq_any(w, &PRONOUNS)
}

/// True when `w` starts with an upper-case letter (or is `al-Zawahri`-like).
fn is_cap(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => {
            // al-Zawahri, el-Sisi, bin-Salman: a particle and a hyphen before a capital.
            w.find('-')
                .filter(|&h| h <= 4)
                .and_then(|h| w[h + 1..].chars().next())
                .is_some_and(|d| d.is_uppercase())
        }
        _ => false,
    }
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("’S") || w.ends_with("'S")
}

/// The words of one stretch of a block (the lead before a quote or the tail after it).
pub(super) struct Region<'a> {
    /// The block text.
    pub s: &'a str,
    /// Words of the stretch, in order.
    pub w: &'a [Word],
    /// Where the stretch starts (a phrase boundary).
    pub lo: usize,
}

impl Region<'_> {
    fn text(&self, i: usize) -> &str {
        self.w[i].of(self.s)
    }

    /// True when a phrase boundary stands right before word `i`.
    fn breaks_before(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        gap_breaks(self.s, self.w[i - 1].end, self.w[i].start)
    }

    fn comma_before(&self, i: usize) -> bool {
        if i == 0 {
            return gap_has_comma(self.s, self.lo, self.w[0].start);
        }
        gap_has_comma(self.s, self.w[i - 1].end, self.w[i].start)
    }

    /// The subject phrase ending right before word `v` (after skipping auxiliaries).
    fn before(&self, v: usize) -> Option<(usize, usize)> {
        let mut k = v;
        while k > 0 && !self.breaks_before(k) && eq_any(self.text(k - 1), &SKIP) {
            k -= 1;
        }
        if k == 0 || self.breaks_before(k) {
            return None;
        }
        let last = k - 1;
        let lw = self.text(last);
        if is_pronoun(lw) {
            return Some((last, last));
        }
        if eq_any(lw, &STOP) {
            return None;
        }
        let mut first = last;
        while first > 0
            && last - first < 7
            && !self.breaks_before(first)
            && !eq_any(self.text(first - 1), &STOP)
            && !is_pronoun(self.text(first - 1))
        {
            first -= 1;
        }
        Some((first, last))
    }

    /// The phrase starting at word `k`, when it stands alone (followed by a
    /// boundary, the end of the stretch, or a preposition/time word).
    fn after(&self, k: usize, need_follower: bool) -> Option<(usize, usize)> {
        if k >= self.w.len() || self.breaks_before(k) {
            return None;
        }
        if eq_any(self.text(k), &STOP) {
            return None;
        }
        let mut last = k;
        if !is_pronoun(self.text(k)) {
            while last + 1 < self.w.len()
                && last - k < 7
                && !self.breaks_before(last + 1)
                && !eq_any(self.text(last + 1), &STOP)
                && !eq_any(self.text(last + 1), &FOLLOWERS)
            {
                last += 1;
            }
        }
        let ok = !need_follower
            || last + 1 >= self.w.len()
            || self.breaks_before(last + 1)
            || eq_any(self.text(last + 1), &FOLLOWERS);
        ok.then_some((k, last))
    }

    /// The speaker phrase attached to the speech verb at word `v`, if any.
    fn at_verb(&self, v: usize) -> Option<(usize, usize)> {
        match verb_kind(self.text(v))? {
            Verb::According => {
                if v + 1 < self.w.len() && self.text(v + 1).eq_ignore_ascii_case("to") {
                    self.after(v + 2, false)
                } else {
                    None
                }
            }
            Verb::Participle => {
                if !self.comma_before(v) || v == 0 {
                    return None;
                }
                // The subject of the sentence: its first phrase, when it is a name or pronoun.
                let first = self.text(0);
                if !(is_cap(first) || is_pronoun(first)) || self.lo != self.w[0].start {
                    return None;
                }
                let mut last = 0;
                while last + 1 < v
                    && last < 7
                    && !self.breaks_before(last + 1)
                    && !eq_any(self.text(last + 1), &STOP)
                {
                    last += 1;
                }
                Some((0, last))
            }
            Verb::Finite => {
                if v > 0 && self.text(v - 1).eq_ignore_ascii_case("to") {
                    return None; // an infinitive: `to tell`, `to say`
                }
                if let Some(np) = self.before(v) {
                    return Some(np);
                }
                // Skip auxiliaries back to what stands before them.
                let mut k = v;
                while k > 0 && !self.breaks_before(k) && eq_any(self.text(k - 1), &SKIP) {
                    k -= 1;
                }
                if !self.breaks_before(k) {
                    return None;
                }
                // Inverted: `…,” said Nam.`
                if let Some(np) = self.after(v + 1, true) {
                    if is_cap(self.text(np.0))
                        || is_pronoun(self.text(np.0))
                        || matches!(self.text(np.0), "the" | "The" | "a" | "A" | "an" | "An")
                    {
                        return Some(np);
                    }
                }
                // A parenthetical between subject and verb: `The agency, for its part, said`.
                if k > 0 && self.comma_before(k) {
                    let mut p = k - 1;
                    let floor = k.saturating_sub(6);
                    while p > floor && !self.breaks_before(p) {
                        p -= 1;
                    }
                    if p > 0 && self.comma_before(p) {
                        if let Some(np) = self.before_at(p) {
                            return Some(np);
                        }
                    }
                }
                None
            }
        }
    }

    /// The subject phrase ending right before word `p`, across
    /// the comma that opens a parenthetical at word `p`.
    fn before_at(&self, p: usize) -> Option<(usize, usize)> {
        let last = p.checked_sub(1)?;
        let lw = self.text(last);
        if eq_any(lw, &STOP) {
            return None;
        }
        if is_pronoun(lw) {
            return Some((last, last));
        }
        let mut first = last;
        while first > 0
            && last - first < 7
            && !self.breaks_before(first)
            && !eq_any(self.text(first - 1), &STOP)
        {
            first -= 1;
        }
        Some((first, last))
    }

    /// The speaker of the first speech verb in the stretch (`limit` words at most
    /// before it), searching forwards.
    pub fn first_attribution(&self, limit: usize) -> Option<(usize, usize)> {
        (0..self.w.len().min(limit.saturating_add(1))).find_map(|v| self.at_verb(v))
    }

    /// The speaker of the last speech verb in the stretch, searching backwards.
    pub fn last_attribution(&self) -> Option<(usize, usize)> {
        (0..self.w.len()).rev().find_map(|v| self.at_verb(v))
    }

    /// True when the stretch holds a speech verb.
    pub fn has_speech_verb(&self) -> bool {
        (0..self.w.len()).any(|v| verb_kind(self.text(v)).is_some())
    }

    /// Byte range of the speaker's name inside phrase `a..=b` (see the module docs).
    pub fn name(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let span = |x: usize, y: usize| (self.w[x].start, self.w[y].end);
        if a == b {
            return span(a, b);
        }
        let Some(j) = (a..=b).rev().find(|&i| is_cap(self.text(i))) else {
            return span(a, b);
        };
        let mut r = j;
        loop {
            if r > a && is_cap(self.text(r - 1)) {
                r -= 1;
            } else if r > a + 1 && eq_any(self.text(r - 1), &CONNECTORS) && is_cap(self.text(r - 2))
            {
                r -= 2;
            } else {
                break;
            }
        }
        if j == b {
            // Drop titles before the proper name, keeping at least one word.
            if let Some(t) = (r..j)
                .rev()
                .find(|&t| TITLES.find(self.text(t).as_bytes()).is_some())
            {
                r = t + 1;
                while r + 1 < j && eq_any(self.text(r), &CONNECTORS) {
                    r += 2; // `Secretary of State Antony Blinken`
                }
            }
            span(r, j)
        } else if is_possessive(self.text(j)) {
            span(r, b)
        } else {
            span(a, b)
        }
    }
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            FINITE_WORDS,
            PARTICIPLE_WORDS,
            SKIP_WORDS,
            STOP_WORDS,
            FOLLOWERS_WORDS,
            PRONOUNS_WORDS,
            CONNECTORS_WORDS,
        ] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
            assert!(list
                .iter()
                .all(|w| *w == w.to_ascii_lowercase() && w.len() <= 16));
        }
        let tables = [
            (FINITE_WORDS, &FINITE),
            (PARTICIPLE_WORDS, &PARTICIPLE),
            (SKIP_WORDS, &SKIP),
            (STOP_WORDS, &STOP),
            (FOLLOWERS_WORDS, &FOLLOWERS),
            (PRONOUNS_WORDS, &PRONOUNS),
            (CONNECTORS_WORDS, &CONNECTORS),
            (TITLE_WORDS, &TITLES),
        ];
        for (list, table) in tables {
            for (i, w) in list.iter().enumerate() {
                assert_eq!(table.find(w.as_bytes()), Some(i), "{w}");
            }
        }
        assert!(TITLE_WORDS.windows(2).all(|p| p[0] < p[1]));
        assert!(TITLES.find(b"Dr.").is_some() && TITLES.find(b"dr.").is_none());
        assert!(eq_any("Said", &FINITE) && eq_any("SAYING", &PARTICIPLE));
        assert!(!eq_any("sáid", &FINITE) && !eq_any("", &FINITE) && !eq_any("sai", &FINITE));
    }
}
