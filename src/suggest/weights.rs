//! Weights of the suggestion model, written by `scripts/train_suggest.py`
//! (class-balanced L2 logistic regression on NewsSD-ENG train.csv, CC BY 4.0;
//! L2 = 10.0 chosen by 5-fold cross-validation on train). Do not edit by hand:
//! change the features in `cues.rs` and run the script again.
//! A positive weight pushes a sentence towards analysis (subjective).
#![allow(clippy::approx_constant)] // learned numbers may look like constants

/// Intercept of the logistic model (log-odds of analysis with no cue).
pub const BIAS: f32 = -0.4518;

/// One weight per feature of [`super::cues::FEATURES`], in order.
pub const WEIGHTS: &[f32] = &[
    0.2821,  // hedge
    0.1862,  // prediction
    0.5708,  // judgement_word
    0.2249,  // intensifier
    0.2876,  // should_must
    0.5619,  // first_person
    0.1507,  // second_person
    0.3536,  // opinion_verb
    -0.0017, // causal
    0.0957,  // contrast
    -0.8003, // attribution
    0.0084,  // vague_source
    0.1053,  // comparison
    0.3171,  // negation
    -0.4034, // specifics
    0.1095,  // question
    0.1812,  // exclamation
    -0.5809, // quoted_share
    -0.3127, // proper_name_share
    -0.1108, // past_tense_share
    0.3455,  // present_be
    -0.0467, // sqrt_words_over_5
    -0.5389, // time_reference
    -0.4342, // quantity
    -0.4051, // role_or_institution
    0.6925,  // generalisation
    0.3849,  // abstract_idea
    0.2366,  // can_would
    0.1145,  // manner_adverb
    0.1116,  // descriptive_word
    -0.1927, // scare_quotes
    0.0624,  // opener
];
