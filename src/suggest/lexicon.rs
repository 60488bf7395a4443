//! Compact cue word lists (lower case; `'` for apostrophes). Single words are
//! kept sorted for binary search (checked by a test); phrases are matched word by
//! word. Written by hand from general knowledge; the categories were chosen by
//! looking at NewsSD-ENG train.csv, never by fitting words to val.csv.

/// Hedges: the writer is not sure.
#[rustfmt::skip]
pub const HEDGE: &[&str] = &[
    "allegedly", "apparently", "appear", "appears", "arguably", "could", "doubt", "doubtful",
    "likely", "may", "maybe", "might", "perhaps", "plausibly", "possibly", "potentially",
    "presumably", "probably", "seem", "seemed", "seemingly", "seems", "supposedly", "uncertain",
    "unclear", "unlikely",
];
/// Hedge phrases.
pub const HEDGE_PHRASES: &[&str] = &["it remains to be seen", "remains to be seen", "hard to say"];

/// Predictions about what will happen.
pub const PREDICTION: &[&str] = &["eventually", "someday", "soon", "will", "won't"];
/// Prediction phrases.
#[rustfmt::skip]
pub const PREDICTION_PHRASES: &[&str] = &[
    "anytime soon", "any time soon", "down the road", "in the coming", "in the long run", "in
    the near term", "in the years ahead", "is expected to", "are expected to", "going to", "is
    set to", "one day",
];

/// Evaluative words: praise, blame, judgement.
#[rustfmt::skip]
pub const EVALUATIVE: &[&str] = &[
    "abject", "absurd", "absurdity", "abuse", "abusive", "acclaimed", "admirable", "adorable",
    "adverse", "aggressive", "alarming", "alarmist", "amateurish", "amazing", "angry",
    "appalling", "appealing", "apt", "arrogant", "astonishing", "atrocious", "atrocity",
    "audacious", "autocratic", "awe", "awesome", "awful", "awkward", "backward", "bad", "badly",
    "baffling", "banal", "barbaric", "baseless", "beautiful", "beloved", "benevolent", "benign",
    "best", "biased", "bigoted", "bitter", "bizarre", "blatant", "bleak", "blessed", "bloated",
    "blunt", "bogus", "bold", "boring", "botched", "brave", "brazen", "breathtaking", "bright",
    "brilliant", "bumbling", "bungled", "callous", "careless", "catastrophic", "chaotic",
    "charming", "cheap", "cheerful", "childish", "clever", "clueless", "clumsy", "comical",
    "compelling", "competent", "complacent", "conceited", "confused", "contemptible",
    "contemptuous", "convoluted", "corrupt", "costly", "courageous", "cowardice", "cowardly",
    "crass", "crazy", "creepy", "crippling", "critical", "crooked", "crucial", "crude", "cruel",
    "cunning", "cynical", "cynicism", "damaging", "dangerous", "dazzling", "deadly", "decadent",
    "decent", "deceptive", "deliberately", "delicious", "delightful", "delusional", "demagogue",
    "demeaning", "deplorable", "desirable", "desperate", "despicable", "despotic",
    "destructive", "detestable", "devastating", "dignified", "dim", "dire", "dirty",
    "disappointing", "disastrous", "disgrace", "disgraceful", "disgusting", "dishonest",
    "disingenuous", "dismal", "dismissive", "disorderly", "disreputable", "distasteful",
    "distorted", "disturbing", "divisive", "dodgy", "doomed", "dramatic", "dreadful", "dreary",
    "dubious", "dull", "dumb", "eager", "effective", "egregious", "elegant", "elitist",
    "eloquent", "embarrassing", "embarrassment", "enlightened", "enormous", "enthusiastic",
    "erratic", "essential", "evasive", "evil", "excellence", "excellent", "excessive",
    "exemplary", "exploitative", "extraordinary", "extravagant", "extreme", "fabricated",
    "fabulous", "failed", "failure", "fair", "faithful", "fake", "false", "fanatical",
    "fantastic", "farce", "farcical", "fearless", "feeble", "fiasco", "fierce", "filthy",
    "fine", "flagrant", "flawed", "flawless", "flimsy", "foolish", "foolishness", "fortunately",
    "fragile", "fraudulent", "frightening", "frivolous", "futile", "generous", "genuine",
    "gifted", "glaring", "gloomy", "glorious", "good", "gorgeous", "graceful", "grandiose",
    "gratuitous", "grave", "great", "greedy", "grim", "grossly", "grotesque", "gullible",
    "handsome", "hapless", "harmful", "harsh", "hasty", "hateful", "heinous", "heroic",
    "hideous", "hilarious", "hollow", "honest", "honorable", "hopefully", "hopeless",
    "horrendous", "horrible", "horrific", "hostile", "huge", "humiliating", "hypocrisy",
    "hypocritical", "hysterical", "ideal", "idiocy", "idiotic", "ignorant", "ill-advised",
    "illegitimate", "illogical", "imbecile", "immense", "immoral", "impeccable", "important",
    "impotent", "impressive", "impudent", "inadequate", "inane", "incoherent", "incompetent",
    "incredible", "ineffective", "inept", "inevitable", "inexcusable", "inferior", "inhumane",
    "insane", "insensitive", "insidious", "insincere", "insulting", "intelligent",
    "intolerable", "intolerant", "ironic", "irrational", "irrelevant", "irresistible",
    "irresponsible", "jealous", "joke", "lame", "laudable", "laughable", "lavish", "lax",
    "lazy", "legendary", "lethargic", "lofty", "loony", "lousy", "lovely", "lucid", "lucky",
    "ludicrous", "mad", "madness", "magnificent", "malicious", "manipulative", "marvelous",
    "massive", "meager", "meagre", "meaningful", "mediocre", "mediocrity", "melodramatic",
    "menace", "menacing", "mindless", "miracle", "miraculous", "miserable", "misery",
    "misguided", "misleading", "mismanaged", "mistake", "mockery", "monstrous", "moronic",
    "naive", "nasty", "naughty", "needless", "nefarious", "negligent", "nice", "nightmare",
    "noble", "nonsense", "nonsensical", "notable", "notorious", "novel", "oblivious",
    "obnoxious", "obscene", "obsessive", "odd", "odious", "offensive", "ominous", "oppressive",
    "optimistic", "outlandish", "outrage", "outrageous", "outstanding", "overblown",
    "overrated", "painful", "paranoia", "paranoid", "pathetic", "patronising", "patronizing",
    "pernicious", "perverse", "petty", "phony", "pitiful", "pleasant", "pleasing", "poignant",
    "pointless", "poisonous", "pompous", "poor", "powerful", "precious", "predatory",
    "pretentious", "proud", "prudent", "puzzling", "questionable", "radical", "rampant", "rash",
    "reasonable", "reckless", "refreshing", "regressive", "regrettably", "remarkable",
    "repugnant", "repulsive", "resilient", "respectable", "revolting", "ridiculous", "rigid",
    "robust", "romantic", "rosy", "rotten", "rude", "ruthless", "sad", "sadly", "sane",
    "sarcastic", "savage", "scandal", "scandalous", "scary", "scathing", "scrupulous",
    "selfish", "selfless", "sensational", "senseless", "sensible", "severe", "shabby",
    "shallow", "sham", "shameful", "shameless", "shocking", "shoddy", "shrewd", "sick",
    "sickening", "silly", "sinister", "skilful", "skillful", "slick", "sloppy", "sly", "smart",
    "smug", "sneaky", "sober", "solid", "sordid", "spectacular", "spineless", "splendid",
    "squalid", "stale", "stellar", "stingy", "strange", "striking", "strong", "stubborn",
    "stunning", "stupid", "stupidity", "subtle", "superb", "superficial", "superior", "supreme",
    "suspicious", "sycophantic", "tacky", "talented", "tasteless", "tedious", "terrible",
    "terrific", "thoughtful", "thoughtless", "tiresome", "tolerant", "toxic", "tragedy",
    "tragic", "treacherous", "tremendous", "triumphant", "trivial", "troubled", "troubling",
    "trustworthy", "tyrannical", "ugly", "unacceptable", "unbearable", "unbelievable",
    "unconscionable", "uncritical", "undemocratic", "undeserved", "unethical", "unfair",
    "unfit", "unforgivable", "unfortunate", "unfortunately", "unhealthy", "unhinged",
    "unimaginable", "unjust", "unjustified", "unprecedented", "unreasonable", "unscrupulous",
    "unseemly", "unsustainable", "unthinkable", "untrustworthy", "unwise", "unworthy", "upbeat",
    "useful", "useless", "valiant", "valuable", "venal", "vengeful", "vibrant", "vicious",
    "vile", "villain", "vindictive", "violent", "virtuous", "visionary", "vital", "vulgar",
    "wasteful", "weak", "weird", "wholesome", "wicked", "wisdom", "wise", "witty", "woeful",
    "wonderful", "wonderfully", "worrying", "worse", "worst", "worthless", "worthwhile",
    "worthy", "wretched", "wrong",
];
/// Evaluative phrases.
pub const EVALUATIVE_PHRASES: &[&str] = &["so-called"];

/// Intensifiers and certainty adverbs.
#[rustfmt::skip]
pub const INTENSIFIER: &[&str] = &[
    "absolutely", "actually", "certainly", "clearly", "completely", "deeply", "definitely",
    "enormously", "entirely", "especially", "even", "extremely", "highly", "hugely",
    "incredibly", "indeed", "merely", "obviously", "particularly", "quite", "really", "simply",
    "so", "surely", "too", "totally", "truly", "undoubtedly", "utterly", "very",
];
/// Intensifier phrases.
pub const INTENSIFIER_PHRASES: &[&str] = &["in fact", "no doubt", "of course", "by far"];

/// Exhortation: what should be done.
pub const OBLIGATION: &[&str] = &["must", "mustn't", "ought", "should", "shouldn't"];
/// Exhortation phrases.
pub const OBLIGATION_PHRASES: &[&str] = &["need to", "needs to", "it is time", "let us", "let's"];

/// The writer speaking as "I" or "we".
#[rustfmt::skip]
pub const FIRST_PERSON: &[&str] = &[
    "i", "i'd", "i'm", "i've", "me", "mine", "my", "our", "ours", "us", "we", "we're", "we've",
];
/// Addressing the reader.
pub const SECOND_PERSON: &[&str] = &["you", "you'll", "you're", "you've", "your", "yours"];

/// Verbs of opinion in the writer's voice.
#[rustfmt::skip]
pub const OPINION: &[&str] = &[
    "believe", "feel", "guess", "hope", "hopes", "imagine", "suppose", "suspect", "think",
    "wish",
];

/// Interpretation of causes, motives and meaning.
#[rustfmt::skip]
pub const CAUSAL: &[&str] = &[
    "because", "consequently", "demonstrates", "hence", "indicates", "means", "proves",
    "reflects", "reveals", "showed", "shows", "signal", "signaled", "signalled", "signals",
    "therefore", "thus",
];
/// Causal phrases.
#[rustfmt::skip]
pub const CAUSAL_PHRASES: &[&str] = &[
    "aimed at", "as a result", "designed to", "in order to", "in the hope", "in the hopes",
    "meant to", "so that", "which means",
];

/// Contrast and concession.
#[rustfmt::skip]
pub const CONTRAST: &[&str] = &[
    "although", "but", "despite", "however", "instead", "nevertheless", "nonetheless", "still",
    "though", "while", "yet",
];

/// Attribution verbs (reported speech).
#[rustfmt::skip]
pub const ATTRIBUTION: &[&str] = &[
    "acknowledged", "added", "admitted", "announced", "argued", "asked", "asserted", "cited",
    "claimed", "claims", "commented", "confirmed", "declared", "denied", "explained",
    "insisted", "noted", "recalled", "replied", "reported", "said", "say", "says", "stated",
    "tells", "testified", "told", "tweeted", "warned", "wrote",
];
/// Attribution phrases.
pub const ATTRIBUTION_PHRASES: &[&str] = &["according to", "in a statement"];

/// Quantifiers that make a source vague ("some experts").
pub const VAGUE_QUANT: &[&str] = &["many", "most", "other", "several", "some"];
/// Who vague sources are.
#[rustfmt::skip]
pub const SOURCE_NOUNS: &[&str] = &[
    "analysts", "commentators", "critics", "economists", "experts", "journalists", "observers",
    "officials", "people", "researchers", "scholars", "scientists", "sources",
];

/// Comparatives and superlatives.
#[rustfmt::skip]
pub const COMPARATIVE: &[&str] = &[
    "better", "biggest", "greater", "greatest", "largest", "least", "less", "more", "most",
    "than",
];

/// Negation.
pub const NEGATION: &[&str] = &[
    "neither", "never", "no", "nobody", "none", "nor", "not", "nothing",
];

/// Months and weekdays: checkable dates.
#[rustfmt::skip]
pub const DATES: &[&str] = &[
    "april", "august", "december", "february", "friday", "january", "july", "june", "march",
    "monday", "november", "october", "percent", "saturday", "september", "sunday", "thursday",
    "today", "tuesday", "wednesday", "yesterday",
];

/// Past-tense narration verbs that are not "-ed" forms.
#[rustfmt::skip]
pub const PAST: &[&str] = &[
    "began", "came", "did", "found", "gave", "had", "left", "made", "met", "took", "was",
    "went", "were", "won",
];

/// Present tense of "to be" (generic claims).
pub const PRESENT_BE: &[&str] = &["are", "is", "it's", "that's", "there's"];

/// Time references: when something happened.
#[rustfmt::skip]
pub const TIME: &[&str] = &[
    "ago", "daily", "days", "decade", "decades", "during", "earlier", "hours", "last", "later",
    "month", "months", "recent", "recently", "week", "weekend", "weeks", "year", "years",
];

/// Quantities and measures.
#[rustfmt::skip]
pub const QUANTITY: &[&str] = &[
    "average", "billion", "dozen", "dozens", "five", "four", "half", "hundreds", "million",
    "nearly", "rate", "rates", "thousands", "three", "two",
];

/// Roles and institutions that can be checked.
#[rustfmt::skip]
pub const ROLE: &[&str] = &[
    "administration", "agency", "association", "chairman", "committee", "council", "court",
    "department", "director", "governor", "minister", "ministry", "police", "president",
    "professor", "report", "secretary", "senator", "spokesman", "spokeswoman", "study",
    "survey", "university",
];

/// Generalising words: sweeping claims.
#[rustfmt::skip]
pub const GENERAL: &[&str] = &[
    "always", "anything", "entire", "ever", "everybody", "everyone", "everything", "itself",
    "kind", "nothing", "something", "sort", "such", "themselves", "these", "thing", "things",
    "whole",
];

/// Abstract ideas argued about.
#[rustfmt::skip]
pub const ABSTRACT: &[&str] = &[
    "capitalism", "civilization", "democracy", "freedom", "humanity", "ideology", "justice",
    "liberty", "morality", "nature", "power", "principle", "responsibility", "socialism",
    "society", "truth", "values", "wealth",
];

/// Ability and hypothetical modals.
pub const MODAL: &[&str] = &["can", "can't", "cannot", "shall", "would", "wouldn't"];

/// Words that open a sentence in a conversational, arguing voice.
pub const OPENER: &[&str] = &["and", "now", "or", "so", "well"];

/// "-ly" words that are not manner adverbs.
#[rustfmt::skip]
pub const NOT_MANNER: &[&str] = &[
    "early", "family", "likely", "nearly", "only", "rally", "really", "recently", "reply",
    "supply", "unlikely",
];

/// Endings of descriptive adjectives.
pub const ADJ_ENDINGS: &[&str] = &["able", "ful", "ible", "ive", "less", "ous"];

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted_for_binary_search() {
        for l in [
            super::HEDGE,
            super::PREDICTION,
            super::EVALUATIVE,
            super::INTENSIFIER,
            super::OBLIGATION,
            super::FIRST_PERSON,
            super::SECOND_PERSON,
            super::OPINION,
            super::CAUSAL,
            super::CONTRAST,
            super::ATTRIBUTION,
            super::VAGUE_QUANT,
            super::SOURCE_NOUNS,
            super::COMPARATIVE,
            super::NEGATION,
            super::DATES,
            super::PAST,
            super::PRESENT_BE,
            super::TIME,
            super::QUANTITY,
            super::ROLE,
            super::GENERAL,
            super::ABSTRACT,
            super::MODAL,
            super::NOT_MANNER,
            super::OPENER,
        ] {
            assert!(l.windows(2).all(|w| w[0] < w[1]), "{l:?}");
        }
    }
}
