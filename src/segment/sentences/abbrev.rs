//! Word lists for the sentence splitter: abbreviations, sentence starters and
//! introductory prepositions. All lookups are allocation-free: the probe is
//! lower-cased into a small stack buffer and binary-searched in a sorted table.

/// How a known abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A normal word: its period ends the sentence before a capital.
    Ordinary,
    /// Prepositive (titles, `p.`, `vs.`): never ends a sentence.
    Title,
    /// May end a sentence, but usually does not (`Co.`, `Jan.`, `U.S.`, initials):
    /// split only before a typical sentence starter such as "The" or "It".
    Ambiguous,
    /// Clock times (`a.m.`, `p.m.`): end a sentence before a capital or a number
    /// unless the clause is an introductory adverbial ("At 6 a.m. Mr. Smith …").
    Time,
    /// Postpositive quantities and titles (eras, degrees, units after a number):
    /// like [`Class::Time`], but a following number continues the phrase
    /// ("5 ft. 6 in.", "A.D. 79").
    Post,
}

use super::{pack_words, Words};
use Class::*;

/// One abbreviation: its lower-case key (without the final period), its class
/// right after a number, its class elsewhere, and whether it must be capitalised
/// in the text (for keys that are also ordinary words, such as "Miss" or "Mass").
type Entry = (&'static [u8], Class, Class, bool);

/// Longest abbreviation key, in bytes.
const KEY_WIDTH: usize = 6;

/// Abbreviations, sorted by key (checked by a unit test). Only read at compile
/// time: the binary holds [`KEYS`] and [`CLASSES`].
const ABBREVS: [Entry; 208] = [
    (b"a.d", Post, Post, false),
    (b"a.m", Time, Time, false),
    (b"adm", Title, Title, false),
    (b"al", Ambiguous, Ambiguous, false),
    (b"ala", Ambiguous, Ambiguous, true),
    (b"amb", Title, Title, false),
    (b"approx", Ambiguous, Ambiguous, false),
    (b"apr", Ambiguous, Ambiguous, true),
    (b"apt", Ambiguous, Ambiguous, false),
    (b"ariz", Ambiguous, Ambiguous, true),
    (b"ark", Ambiguous, Ambiguous, true),
    (b"art", Ambiguous, Ambiguous, true),
    (b"assn", Ambiguous, Ambiguous, false),
    (b"assoc", Ambiguous, Ambiguous, false),
    (b"asst", Title, Title, false),
    (b"atty", Title, Title, false),
    (b"aug", Ambiguous, Ambiguous, true),
    (b"ave", Ambiguous, Ambiguous, false),
    (b"b.a", Post, Post, false),
    (b"b.c", Post, Post, false),
    (b"b.c.e", Post, Post, false),
    (b"b.s", Post, Post, false),
    (b"b.sc", Post, Post, false),
    (b"bldg", Ambiguous, Ambiguous, false),
    (b"blvd", Ambiguous, Ambiguous, false),
    (b"brig", Title, Title, false),
    (b"bros", Ambiguous, Ambiguous, false),
    (b"c.e", Post, Post, false),
    (b"ca", Ambiguous, Ambiguous, false),
    (b"calif", Ambiguous, Ambiguous, true),
    (b"capt", Title, Title, false),
    (b"cf", Title, Title, false),
    (b"ch", Ambiguous, Ambiguous, false),
    (b"cm", Post, Ordinary, false),
    (b"cmdr", Title, Title, false),
    (b"co", Ambiguous, Ambiguous, false),
    (b"col", Title, Title, false),
    (b"colo", Ambiguous, Ambiguous, true),
    (b"conn", Ambiguous, Ambiguous, true),
    (b"corp", Ambiguous, Ambiguous, false),
    (b"cos", Ambiguous, Ambiguous, false),
    (b"cpl", Title, Title, false),
    (b"cpt", Title, Title, false),
    (b"ct", Ambiguous, Ambiguous, true),
    (b"cu", Post, Ordinary, false),
    (b"d.d.s", Post, Post, false),
    (b"d.phil", Post, Post, false),
    (b"d.v.m", Post, Post, false),
    (b"dec", Ambiguous, Ambiguous, true),
    (b"del", Ambiguous, Ambiguous, true),
    (b"dept", Ambiguous, Ambiguous, false),
    (b"det", Title, Title, false),
    (b"dist", Ambiguous, Ambiguous, false),
    (b"doz", Post, Ordinary, false),
    (b"dr", Title, Title, false),
    (b"drs", Title, Title, false),
    (b"e.g", Title, Title, false),
    (b"ed", Ambiguous, Ambiguous, false),
    (b"ed.d", Post, Post, false),
    (b"eds", Ambiguous, Ambiguous, false),
    (b"eq", Ambiguous, Ambiguous, false),
    (b"esq", Ambiguous, Ambiguous, false),
    (b"est", Ambiguous, Ambiguous, false),
    (b"etc", Ambiguous, Ambiguous, false),
    (b"ext", Ambiguous, Ambiguous, false),
    (b"feb", Ambiguous, Ambiguous, true),
    (b"fig", Ambiguous, Ambiguous, false),
    (b"figs", Ambiguous, Ambiguous, false),
    (b"fl", Post, Ordinary, false),
    (b"fla", Ambiguous, Ambiguous, true),
    (b"fr", Title, Title, true),
    (b"fri", Ambiguous, Ambiguous, true),
    (b"ft", Post, Ambiguous, false),
    (b"ga", Ambiguous, Ambiguous, true),
    (b"gal", Post, Ordinary, false),
    (b"gen", Title, Title, false),
    (b"gov", Title, Title, false),
    (b"govt", Ambiguous, Ambiguous, false),
    (b"hon", Title, Title, false),
    (b"hr", Post, Ordinary, false),
    (b"hrs", Post, Ordinary, false),
    (b"hwy", Ambiguous, Ambiguous, false),
    (b"i.e", Title, Title, false),
    (b"ibid", Ambiguous, Ambiguous, false),
    (b"ill", Ambiguous, Ambiguous, true),
    (b"in", Post, Ordinary, false),
    (b"inc", Ambiguous, Ambiguous, false),
    (b"ind", Ambiguous, Ambiguous, true),
    (b"insp", Title, Title, false),
    (b"intl", Ambiguous, Ambiguous, false),
    (b"j.d", Post, Post, false),
    (b"jan", Ambiguous, Ambiguous, true),
    (b"jr", Ambiguous, Ambiguous, false),
    (b"jul", Ambiguous, Ambiguous, true),
    (b"jun", Ambiguous, Ambiguous, true),
    (b"kan", Ambiguous, Ambiguous, true),
    (b"kans", Ambiguous, Ambiguous, true),
    (b"kg", Post, Ordinary, false),
    (b"km", Post, Ordinary, false),
    (b"ky", Ambiguous, Ambiguous, true),
    (b"la", Ambiguous, Ambiguous, true),
    (b"lb", Post, Ordinary, false),
    (b"lbs", Post, Ordinary, false),
    (b"ll.b", Post, Post, false),
    (b"ll.d", Post, Post, false),
    (b"ll.m", Post, Post, false),
    (b"lt", Title, Title, false),
    (b"ltd", Ambiguous, Ambiguous, false),
    (b"m.a", Post, Post, false),
    (b"m.b.a", Post, Post, false),
    (b"m.d", Post, Post, false),
    (b"m.p.h", Post, Post, false),
    (b"m.s", Post, Post, false),
    (b"m.sc", Post, Post, false),
    (b"maj", Title, Title, false),
    (b"mar", Ambiguous, Ambiguous, true),
    (b"mass", Ambiguous, Ambiguous, true),
    (b"md", Ambiguous, Ambiguous, true),
    (b"messrs", Title, Title, false),
    (b"mfg", Ambiguous, Ambiguous, false),
    (b"mg", Post, Ordinary, false),
    (b"mi", Post, Ordinary, false),
    (b"mich", Ambiguous, Ambiguous, true),
    (b"min", Post, Ordinary, false),
    (b"minn", Ambiguous, Ambiguous, true),
    (b"mins", Post, Ordinary, false),
    (b"miss", Ambiguous, Ambiguous, true),
    (b"ml", Post, Ordinary, false),
    (b"mlle", Title, Title, false),
    (b"mm", Post, Ordinary, false),
    (b"mme", Title, Title, false),
    (b"mo", Ambiguous, Ambiguous, true),
    (b"mon", Ambiguous, Ambiguous, true),
    (b"mont", Ambiguous, Ambiguous, true),
    (b"mr", Title, Title, false),
    (b"mrs", Title, Title, false),
    (b"ms", Title, Title, false),
    (b"msgr", Title, Title, false),
    (b"mt", Ambiguous, Ambiguous, false),
    (b"n.b", Title, Title, false),
    (b"natl", Ambiguous, Ambiguous, false),
    (b"neb", Ambiguous, Ambiguous, true),
    (b"nev", Ambiguous, Ambiguous, true),
    (b"no", Ambiguous, Ambiguous, true),
    (b"nos", Ambiguous, Ambiguous, true),
    (b"nov", Ambiguous, Ambiguous, true),
    (b"n\xc2\xb0", Title, Title, false), // "N°" (numero)
    (b"oct", Ambiguous, Ambiguous, true),
    (b"okla", Ambiguous, Ambiguous, true),
    (b"op", Ambiguous, Ambiguous, false),
    (b"ore", Ambiguous, Ambiguous, true),
    (b"oz", Post, Ordinary, false),
    (b"p.m", Time, Time, false),
    (b"pa", Ambiguous, Ambiguous, true),
    (b"para", Ambiguous, Ambiguous, false),
    (b"ph.d", Post, Post, false),
    (b"pkwy", Ambiguous, Ambiguous, false),
    (b"pl", Ambiguous, Ambiguous, false),
    (b"pp", Title, Title, false),
    (b"pres", Title, Title, false),
    (b"prof", Title, Title, false),
    (b"profs", Title, Title, false),
    (b"psy.d", Post, Post, false),
    (b"pt", Post, Ambiguous, false),
    (b"pvt", Title, Title, false),
    (b"qt", Post, Ordinary, false),
    (b"r.n", Post, Post, false),
    (b"rd", Ambiguous, Ambiguous, false),
    (b"ref", Ambiguous, Ambiguous, false),
    (b"rep", Title, Title, false),
    (b"reps", Title, Title, false),
    (b"rev", Title, Title, false),
    (b"sat", Ambiguous, Ambiguous, true),
    (b"sec", Post, Ambiguous, false),
    (b"sen", Title, Title, false),
    (b"sens", Title, Title, false),
    (b"sep", Ambiguous, Ambiguous, true),
    (b"sept", Ambiguous, Ambiguous, true),
    (b"sgt", Title, Title, false),
    (b"sq", Post, Ordinary, false),
    (b"sr", Ambiguous, Ambiguous, false),
    (b"st", Ambiguous, Ambiguous, false),
    (b"ste", Ambiguous, Ambiguous, false),
    (b"sun", Ambiguous, Ambiguous, true),
    (b"supt", Title, Title, false),
    (b"tbsp", Post, Ordinary, false),
    (b"tenn", Ambiguous, Ambiguous, true),
    (b"tex", Ambiguous, Ambiguous, true),
    (b"thu", Ambiguous, Ambiguous, true),
    (b"thur", Ambiguous, Ambiguous, true),
    (b"thurs", Ambiguous, Ambiguous, true),
    (b"tsp", Post, Ordinary, false),
    (b"tue", Ambiguous, Ambiguous, true),
    (b"tues", Ambiguous, Ambiguous, true),
    (b"univ", Ambiguous, Ambiguous, false),
    (b"va", Ambiguous, Ambiguous, true),
    (b"viz", Title, Title, false),
    (b"vol", Title, Title, false),
    (b"vols", Title, Title, false),
    (b"vs", Title, Title, false),
    (b"vt", Ambiguous, Ambiguous, true),
    (b"wash", Ambiguous, Ambiguous, true),
    (b"wed", Ambiguous, Ambiguous, true),
    (b"wis", Ambiguous, Ambiguous, true),
    (b"wisc", Ambiguous, Ambiguous, true),
    (b"wyo", Ambiguous, Ambiguous, true),
    (b"yd", Post, Ordinary, false),
    (b"yds", Post, Ordinary, false),
];

/// The keys of [`ABBREVS`], packed.
static KEYS: Words = Words::new(&KEY_BYTES, KEY_WIDTH, true);
static KEY_BYTES: [u8; ABBREVS.len() * KEY_WIDTH] = {
    let mut out = [0u8; ABBREVS.len() * KEY_WIDTH];
    let mut i = 0;
    while i < ABBREVS.len() {
        let k = ABBREVS[i].0;
        let mut j = 0;
        while j < k.len() {
            out[i * KEY_WIDTH + j] = k[j];
            j += 1;
        }
        i += 1;
    }
    out
};

/// The classes of [`ABBREVS`], one byte each: class after a number, class
/// elsewhere (times 8), and 64 when the key must be capitalised.
static CLASSES: [u8; ABBREVS.len()] = {
    let mut out = [0u8; ABBREVS.len()];
    let mut i = 0;
    while i < ABBREVS.len() {
        let (_, num, other, cap) = ABBREVS[i];
        out[i] = num as u8 | (other as u8) << 3 | (cap as u8) << 6;
        i += 1;
    }
    out
};

/// The class numbered `v` (as in [`CLASSES`]).
fn class(v: u8) -> Class {
    match v & 7 {
        1 => Title,
        2 => Ambiguous,
        3 => Time,
        4 => Post,
        _ => Ordinary,
    }
}

/// Capitalised words that typically open an English sentence (pronouns,
/// determiners, conjunctions, question words, auxiliaries, sentence adverbs).
/// Sorted; lower case.
const STARTER_WORDS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "are",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "every",
    "finally",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "later",
    "many",
    "may",
    "meanwhile",
    "might",
    "most",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "today",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
];
static STARTERS: Words = Words::new(&STARTER_BYTES, 9, true);
static STARTER_BYTES: [u8; STARTER_WORDS.len() * 9] = pack_words(STARTER_WORDS);

/// Prepositions that open an introductory adverbial ("In 44 B.C. …", "At 6 a.m. …").
/// Sorted; lower case.
const INTRO_WORDS: &[&str] = &[
    "about",
    "after",
    "around",
    "at",
    "before",
    "between",
    "by",
    "circa",
    "during",
    "from",
    "in",
    "near",
    "on",
    "since",
    "through",
    "throughout",
    "until",
    "within",
];
static INTRO: Words = Words::new(&INTRO_BYTES, 10, true);
static INTRO_BYTES: [u8; INTRO_WORDS.len() * 10] = pack_words(INTRO_WORDS);

/// The abbreviation `key` (text before the final period, periods inside kept),
/// as `(class after a number, class elsewhere)`, or `None` when unknown.
pub(crate) fn lookup(key: &[u8]) -> Option<(Class, Class)> {
    let v = CLASSES[KEYS.find(key)?];
    if v & 64 != 0 && !key[0].is_ascii_uppercase() {
        return None;
    }
    Some((class(v), class(v >> 3)))
}

/// True when the capitalised `word` typically starts a sentence.
pub(crate) fn is_starter(word: &[u8]) -> bool {
    STARTERS.find(word).is_some()
}

/// True when `word` is a preposition that opens an introductory phrase.
pub(crate) fn is_intro(word: &[u8]) -> bool {
    INTRO.find(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_lowercase() {
        assert!(ABBREVS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ABBREVS.iter().all(|e| e.0.len() <= KEY_WIDTH));
        assert!(STARTER_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(INTRO_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STARTER_WORDS.iter().all(|w| w.len() <= 9));
        assert!(INTRO_WORDS.iter().all(|w| w.len() <= 10));
        for (i, e) in ABBREVS.iter().enumerate() {
            assert!(!e.0.iter().any(u8::is_ascii_uppercase), "{:?}", e.0);
            assert_eq!(KEYS.find(e.0), Some(i));
            assert_eq!(class(CLASSES[i]), e.1);
            assert_eq!(class(CLASSES[i] >> 3), e.2);
        }
        for w in STARTER_WORDS {
            assert!(is_starter(w.as_bytes()), "{w}");
        }
        for w in INTRO_WORDS {
            assert!(is_intro(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup(b"Mr"), Some((Title, Title)));
        assert_eq!(lookup(b"P.M"), Some((Time, Time)));
        assert_eq!(lookup(b"in"), Some((Post, Ordinary)));
        assert_eq!(lookup(b"Miss"), Some((Ambiguous, Ambiguous)));
        assert_eq!(lookup(b"miss"), None);
        assert_eq!(lookup(b"table"), None);
        assert_eq!(lookup(b"averyveryverylongword"), None);
        assert!(is_starter(b"The") && is_starter(b"HOWEVER") && !is_starter(b"Smith"));
        assert!(is_intro(b"At") && !is_intro(b"He"));
    }
}
