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

use Class::*;

/// One abbreviation: its lower-case key (without the final period), its class
/// right after a number, its class elsewhere, and whether it must be capitalised
/// in the text (for keys that are also ordinary words, such as "Miss" or "Mass").
type Entry = (&'static [u8], Class, Class, bool);

/// Abbreviations, sorted by key (checked by a unit test).
static ABBREVS: &[Entry] = &ABBREVS_ARR;
const ABBREVS_LEN: usize = ABBREVS_ARR.len();
const ABBREVS_ARR: [Entry; 208] = [
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

/// `key` packed big-endian into a `u64` (zero-padded), which keeps the byte
/// order of keys up to 8 bytes; `u64::MAX` for longer keys (never in the table).
const fn pack(key: &[u8]) -> u64 {
    if key.len() > 8 {
        return u64::MAX;
    }
    let mut v = 0u64;
    let mut i = 0;
    while i < 8 {
        v <<= 8;
        if i < key.len() {
            v |= key[i].to_ascii_lowercase() as u64;
        }
        i += 1;
    }
    v
}

/// The keys of [`ABBREVS`], packed, in the same (sorted) order.
static PACKED: [u64; ABBREVS_LEN] = {
    let mut out = [0u64; ABBREVS_LEN];
    let mut i = 0;
    while i < ABBREVS_LEN {
        out[i] = pack(ABBREVS_ARR[i].0);
        i += 1;
    }
    out
};

/// Capitalised words that typically open an English sentence (pronouns,
/// determiners, conjunctions, question words, auxiliaries, sentence adverbs).
/// Sorted; lower case.
static STARTERS: &[&[u8]] = &[
    b"a",
    b"after",
    b"all",
    b"also",
    b"although",
    b"an",
    b"and",
    b"another",
    b"are",
    b"as",
    b"at",
    b"because",
    b"before",
    b"both",
    b"but",
    b"by",
    b"can",
    b"could",
    b"did",
    b"do",
    b"does",
    b"during",
    b"each",
    b"even",
    b"every",
    b"finally",
    b"for",
    b"from",
    b"had",
    b"has",
    b"have",
    b"he",
    b"her",
    b"here",
    b"his",
    b"how",
    b"however",
    b"if",
    b"in",
    b"instead",
    b"is",
    b"it",
    b"its",
    b"later",
    b"many",
    b"may",
    b"meanwhile",
    b"might",
    b"most",
    b"must",
    b"my",
    b"neither",
    b"no",
    b"nor",
    b"not",
    b"now",
    b"of",
    b"on",
    b"once",
    b"one",
    b"only",
    b"or",
    b"other",
    b"our",
    b"she",
    b"should",
    b"since",
    b"so",
    b"some",
    b"still",
    b"such",
    b"that",
    b"the",
    b"their",
    b"then",
    b"there",
    b"these",
    b"they",
    b"this",
    b"those",
    b"thus",
    b"to",
    b"today",
    b"was",
    b"we",
    b"were",
    b"what",
    b"when",
    b"where",
    b"which",
    b"while",
    b"who",
    b"why",
    b"will",
    b"with",
    b"would",
    b"yes",
    b"yet",
    b"you",
    b"your",
];

/// Prepositions that open an introductory adverbial ("In 44 B.C. …", "At 6 a.m. …").
/// Sorted; lower case.
static INTRO: &[&[u8]] = &[
    b"about",
    b"after",
    b"around",
    b"at",
    b"before",
    b"between",
    b"by",
    b"circa",
    b"during",
    b"from",
    b"in",
    b"near",
    b"on",
    b"since",
    b"through",
    b"throughout",
    b"until",
    b"within",
];

const MAX_KEY: usize = 12;

/// Lower-cases `word` (ASCII) into `buf`; `None` when too long to be in a table.
fn lower<'a>(word: &[u8], buf: &'a mut [u8; MAX_KEY]) -> Option<&'a [u8]> {
    if word.is_empty() || word.len() > MAX_KEY {
        return None;
    }
    for (d, &c) in buf.iter_mut().zip(word) {
        *d = c.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// The abbreviation `key` (text before the final period, periods inside kept),
/// as `(class after a number, class elsewhere)`, or `None` when unknown.
pub(crate) fn lookup(key: &[u8]) -> Option<(Class, Class)> {
    // No key is longer than 8 bytes, nor longer than 6 without a period.
    if key.is_empty() || key.len() > 8 || (key.len() > 6 && !key.contains(&b'.')) {
        return None;
    }
    let i = PACKED.binary_search(&pack(key)).ok()?;
    let (_, num, other, cap) = ABBREVS[i];
    if cap && !key[0].is_ascii_uppercase() {
        return None;
    }
    Some((num, other))
}

/// True when the capitalised `word` typically starts a sentence.
pub(crate) fn is_starter(word: &[u8]) -> bool {
    let mut buf = [0u8; MAX_KEY];
    lower(word, &mut buf).is_some_and(|k| STARTERS.binary_search(&k).is_ok())
}

/// True when `word` is a preposition that opens an introductory phrase.
pub(crate) fn is_intro(word: &[u8]) -> bool {
    let mut buf = [0u8; MAX_KEY];
    lower(word, &mut buf).is_some_and(|k| INTRO.binary_search(&k).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_lowercase() {
        assert!(ABBREVS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(PACKED.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVS.iter().all(|e| e.0.len() <= 8));
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(INTRO.windows(2).all(|w| w[0] < w[1]));
        for e in ABBREVS {
            assert!(e.0.len() <= MAX_KEY);
            assert!(!e.0.iter().any(u8::is_ascii_uppercase), "{:?}", e.0);
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
