//! Fuzz target: suggestions on arbitrary bytes (lossily decoded) never panic and
//! keep their documented contract — for one passage ([`suggest_text`]) and for
//! every body sentence of the segmented Document ([`suggest`]): the sentence is
//! the passage (block 0) or a body sentence of its block, in Document order;
//! every cue is a span of the text on character boundaries (inside its
//! sentence), cues are in text order; the score is a number, the reason is
//! there; features are cue counts capped at 3, shares in 0..=1, and √words / 5.
#![no_main]

use claimmark::suggest::{cues, features_of, suggest, suggest_text, Suggestion};
use claimmark::Span;
use libfuzzer_sys::fuzz_target;

/// Checks the cues of `sg` against `text` (the passage or the Document's text).
fn check_cues(text: &str, sg: &Suggestion) {
    let s = sg.sentence;
    assert!(s.start <= s.end && s.end <= text.len(), "sentence {s:?}");
    assert!(sg.score.is_finite(), "score {}", sg.score);
    assert!(!sg.reason.is_empty(), "a reason is given");
    let mut prev = Span::new(0, 0);
    for c in &sg.cues {
        let sp = c.span;
        assert!(
            sp.start <= sp.end && s.contains(sp),
            "cue {:?} {sp:?} outside sentence {s:?}",
            c.kind
        );
        assert!(
            text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end),
            "cue {:?} {sp:?} not on char boundaries",
            c.kind
        );
        assert!(
            (prev.start, prev.end) <= (sp.start, sp.end),
            "cues out of text order: {prev:?} then {sp:?}"
        );
        prev = sp;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    // One passage.
    let sg = suggest_text(&text);
    assert_eq!(sg.block, 0);
    assert_eq!(sg.sentence, Span::new(0, text.len()));
    check_cues(&text, &sg);

    let f = features_of(&text);
    assert_eq!(f.len(), cues::FEATURES.len());
    for (i, &x) in f.iter().enumerate() {
        let name = cues::FEATURES[i];
        assert!(x.is_finite() && x >= 0.0, "feature {name} = {x}");
        match name {
            "quoted_share" | "proper_name_share" | "past_tense_share" => {
                assert!(x <= 1.0, "share {name} = {x}")
            }
            "sqrt_words_over_5" => {}
            _ => assert!(x <= 3.0, "count {name} = {x}"),
        }
    }

    // Every body sentence of the Document, in order.
    let doc = claimmark::segment(&text);
    let all = suggest(&doc);
    let body: Vec<(usize, Span)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind.is_body())
        .flat_map(|(bi, b)| b.sentences.iter().map(move |&s| (bi, s)))
        .collect();
    assert_eq!(
        all.iter()
            .map(|s| (s.block, s.sentence))
            .collect::<Vec<_>>(),
        body,
        "one suggestion per body sentence, in order"
    );
    for sg in &all {
        check_cues(&doc.text, sg);
    }
});
