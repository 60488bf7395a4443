use super::*;

fn sents(t: &str) -> Vec<&str> {
    split(t, Span::new(0, t.len()))
        .iter()
        .map(|s| s.of(t))
        .collect()
}

#[track_caller]
fn check(t: &str, want: &[&str]) {
    assert_eq!(sents(t), want, "text: {t:?}");
}

#[test]
fn plain_terminators() {
    check("It rained. We stayed in.", &["It rained.", "We stayed in."]);
    check("Why now? Nobody knows!", &["Why now?", "Nobody knows!"]);
    check("Wait?! Really.", &["Wait?!", "Really."]);
    check("no terminator at all", &["no terminator at all"]);
    check("   ", &[]);
    check("", &[]);
}

#[test]
fn titles_and_initials() {
    check(
        "Gov. Ron Smith met Sen. Ana Ruiz on Friday.",
        &["Gov. Ron Smith met Sen. Ana Ruiz on Friday."],
    );
    check(
        "Dr. Lee and Mrs. Park left.",
        &["Dr. Lee and Mrs. Park left."],
    );
    check(
        "Author Mary K. Lowe spoke first.",
        &["Author Mary K. Lowe spoke first."],
    );
    check(
        "It was written by T. S. Eliot in 1922.",
        &["It was written by T. S. Eliot in 1922."],
    );
    check(
        "Both of them and I. Then we ate.",
        &["Both of them and I.", "Then we ate."],
    );
}

#[test]
fn initialisms_and_companies() {
    check("The U.S. Navy said so.", &["The U.S. Navy said so."]);
    check(
        "The U.N. Security Council met.",
        &["The U.N. Security Council met."],
    );
    check(
        "He moved to the U.K. The rain did not stop him.",
        &["He moved to the U.K.", "The rain did not stop him."],
    );
    check(
        "She sued Acme Inc. Her lawyer was sure.",
        &["She sued Acme Inc.", "Her lawyer was sure."],
    );
    check(
        "She sued Acme Inc. last year.",
        &["She sued Acme Inc. last year."],
    );
    check(
        "Shares of Widget Corp. Holdings rose.",
        &["Shares of Widget Corp. Holdings rose."],
    );
}

#[test]
fn dates_times_units() {
    check(
        "The vote is set for Nov. 3 in Ohio.",
        &["The vote is set for Nov. 3 in Ohio."],
    );
    check(
        "It ended at 9 p.m. They went home.",
        &["It ended at 9 p.m.", "They went home."],
    );
    check(
        "It ended at 9 p.m. Officials said nothing.",
        &["It ended at 9 p.m.", "Officials said nothing."],
    );
    check(
        "By 9 p.m. Officer Diaz had left.",
        &["By 9 p.m. Officer Diaz had left."],
    );
    check(
        "Shops close at 8 p.m. on Sundays.",
        &["Shops close at 8 p.m. on Sundays."],
    );
    check(
        "The fish weighed 3 lb. 2 oz. in total.",
        &["The fish weighed 3 lb. 2 oz. in total."],
    );
    check(
        "The wall is 9 ft. Nobody can climb it.",
        &["The wall is 9 ft.", "Nobody can climb it."],
    );
    check(
        "Please come in. Take a seat.",
        &["Please come in.", "Take a seat."],
    );
    check(
        "Troy fell around 1180 B.C. Homer wrote later.",
        &["Troy fell around 1180 B.C.", "Homer wrote later."],
    );
}

#[test]
fn numbers_urls_emails() {
    check(
        "Prices rose 2.5 percent. Wages did not.",
        &["Prices rose 2.5 percent.", "Wages did not."],
    );
    check("It cost $3.99. Cheap.", &["It cost $3.99.", "Cheap."]);
    check(
        "Write to info@news.example.org. We reply fast.",
        &["Write to info@news.example.org.", "We reply fast."],
    );
    check(
        "See http://a.example.com/x.html. Then decide.",
        &["See http://a.example.com/x.html.", "Then decide."],
    );
    check("Version 3.Two is odd.", &["Version 3.Two is odd."]);
    check(
        "It was late.Nobody came.",
        &["It was late.", "Nobody came."],
    );
}

#[test]
fn quotes_and_brackets() {
    check(
        "“We are ready. We will win,” she said.",
        &["“We are ready. We will win,” she said."],
    );
    check(
        "He said, “Go.” Then he left.",
        &["He said, “Go.”", "Then he left."],
    );
    check("He said, “Go.” and left.", &["He said, “Go.” and left."]);
    check("“Why?” she asked.", &["“Why?” she asked."]);
    check(
        "The ban (announced Tuesday.) ends soon.",
        &["The ban (announced Tuesday.) ends soon."],
    );
    check(
        "It ended. (Nobody noticed.) Then rain.",
        &["It ended.", "(Nobody noticed.)", "Then rain."],
    );
    check(
        "He spoke last, said Kim. “Peace is near,” he added.",
        &["He spoke last, said Kim.", "“Peace is near,” he added."],
    );
    check(
        "It was a leader’s choice. Kim’s sister agreed.",
        &["It was a leader’s choice.", "Kim’s sister agreed."],
    );
    check(
        "He read it.[4] Then slept.",
        &["He read it.[4]", "Then slept."],
    );
}

#[test]
fn unclosed_quote_does_not_swallow_the_paragraph() {
    // AP style: a quotation running into the next paragraph has no closing mark.
    check(
        "“We tried. It failed. We will try again.",
        &["“We tried.", "It failed.", "We will try again."],
    );
}

#[test]
fn ellipses() {
    check("He paused … then went on.", &["He paused … then went on."]);
    check(
        "He paused… Then he went on.",
        &["He paused…", "Then he went on."],
    );
    check("Maybe... I don't know.", &["Maybe... I don't know."]);
    check("The text [...] was cut.", &["The text [...] was cut."]);
}

#[test]
fn lists_and_bullets() {
    check(
        "1. Eggs 2. Milk 3. Bread",
        &["1. Eggs", "2. Milk", "3. Bread"],
    );
    check("a) red b) blue", &["a) red", "b) blue"]);
    check("• Eggs • Milk", &["• Eggs", "• Milk"]);
    check(
        "1. Buy eggs. 2. Cook them.",
        &["1. Buy eggs.", "2. Cook them."],
    );
}

#[test]
fn datelines_and_dashes() {
    check(
        "TOKYO, Japan (AP) — The yen fell. Traders shrugged.",
        &["TOKYO, Japan (AP) — The yen fell.", "Traders shrugged."],
    );
    check(
        "ST. PAUL, Minn. (AP) — Snow fell.",
        &["ST. PAUL, Minn. (AP) — Snow fell."],
    );
    check(
        "He left at 7 a.m.—early—and ran.",
        &["He left at 7 a.m.—early—and ran."],
    );
}

#[test]
fn line_breaks_are_boundaries() {
    check("first line\nsecond line", &["first line", "second line"]);
    check(
        "A title\r\n\r\nBody text. More.",
        &["A title", "Body text.", "More."],
    );
}

#[test]
fn non_ascii() {
    check(
        "東京に行った。京都も見た。",
        &["東京に行った。", "京都も見た。"],
    );
    check("「行く。」と言った。", &["「行く。」と言った。"]);
    // A symbol after the terminator is no evidence of a new sentence.
    check(
        "Great game! 🎉 Fans cheered.",
        &["Great game! 🎉 Fans cheered."],
    );
    check(
        "Great game! Fans 🎉 cheered.",
        &["Great game!", "Fans 🎉 cheered."],
    );
    check("Le café. Élodie arriva.", &["Le café.", "Élodie arriva."]);
    // "e" + combining acute accent before the period.
    check(
        "He said cafe\u{301}. Then left.",
        &["He said cafe\u{301}.", "Then left."],
    );
    check("Wow\u{a0}! Yes.", &["Wow\u{a0}!", "Yes."]);
}

#[test]
fn offsets_are_relative_to_text() {
    let text = "xx One. Two. yy";
    let got = split(text, Span::new(3, 12));
    assert_eq!(got, vec![Span::new(3, 7), Span::new(8, 12)]);
    // A block that is not on char boundaries gives nothing instead of panicking.
    assert!(split("é", Span::new(1, 2)).is_empty());
    assert!(split("ab", Span::new(1, 9)).is_empty());
}

// ---------------------------------------------------------------------------
// Property test: the output contract on random text.

use crate::test_rng::XorShift;

const ALPHABET: &[&str] = &[
    ".", ".", ".", "?", "!", "…", "。", "！", " ", " ", " ", "  ", "\n", "\t", "\u{a0}",
    "\u{2028}", "\"", "'", "''", "`", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "[1]", "{",
    "）", "「", "」", "A", "I", "The", "He", "Mr", "U.S", "a.m", "Co", "in", "ft", "x", "word",
    "é", "e\u{301}", "1", "42", "3.5", ",", ":", ";", "-", "—", "•", "⁃", "@", "/", "www.", "😀",
    "👍🏽", "東", "\r", "p", "m", "Ph.D",
];

fn random_text(rng: &mut XorShift) -> String {
    let len = rng.below(40);
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(ALPHABET[rng.below(ALPHABET.len())]);
    }
    s
}

/// Checks the output contract of `split` for `text[block]`.
fn check_contract(text: &str, block: Span) {
    let got = split(text, block);
    let mut prev_end = block.start;
    for sp in &got {
        assert!(sp.start < sp.end, "empty sentence {sp:?} in {text:?}");
        assert!(
            prev_end <= sp.start,
            "overlap or disorder {got:?} in {text:?}"
        );
        assert!(block.contains(*sp), "{sp:?} outside {block:?}");
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        let s = sp.of(text);
        assert_eq!(s, s.trim(), "untrimmed sentence {s:?} in {text:?}");
        prev_end = sp.end;
    }
    // Every non-whitespace char of the block lies inside some sentence.
    for (i, c) in block.of(text).char_indices() {
        let at = block.start + i;
        if !c.is_whitespace() {
            assert!(
                got.iter().any(|sp| sp.start <= at && at < sp.end),
                "char {c:?} at {at} dropped from {text:?}: {got:?}"
            );
        }
    }
}

/// A deliberately simple reference: a hard line break always ends a sentence,
/// so no sentence may contain one, and the sentences can never be fewer than
/// the non-blank lines.
fn reference_lines(text: &str) -> usize {
    text.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn property_contract_on_random_text() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let t = random_text(&mut rng);
        check_contract(&t, Span::new(0, t.len()));
        let got = split(&t, Span::new(0, t.len()));
        for sp in &got {
            assert!(
                !sp.of(&t).contains(['\n', '\r', '\u{2028}', '\u{2029}']),
                "line break inside a sentence of {t:?}"
            );
        }
        assert!(got.len() >= reference_lines(&t), "{t:?}: {got:?}");
        // A sub-block on char boundaries.
        let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let a = bounds[rng.below(bounds.len())];
        let b = bounds[rng.below(bounds.len())];
        check_contract(&t, Span::new(a.min(b), a.max(b)));
    }
}

#[test]
fn huge_and_degenerate_inputs_do_not_panic() {
    for t in [
        ".".repeat(100_000),
        ". ".repeat(50_000),
        "a.".repeat(50_000),
        "(".repeat(50_000) + "x. Y",
        "“".repeat(30_000) + "x. Y",
        "'' ".repeat(30_000) + ". A",
        "1. ".repeat(30_000),
        "x ".repeat(50_000) + ".",
        "…".repeat(30_000),
    ] {
        check_contract(&t, Span::new(0, t.len()));
    }
}

#[test]
fn linear_time_on_adversarial_input() {
    // Patterns that would be quadratic with unbounded look-around.
    let unit = "“a. B (c. D '' e. F 1. G a.m. H ";
    let small = unit.repeat(2_000);
    let big = unit.repeat(20_000);
    let time = |s: &str| {
        let t = std::time::Instant::now();
        for _ in 0..3 {
            std::hint::black_box(split(s, Span::new(0, s.len())));
        }
        t.elapsed().as_secs_f64()
    };
    let (ts, tb) = (time(&small), time(&big));
    // 10× the input may cost at most ~40× the time (generous for noisy CI).
    assert!(tb < ts * 40.0 + 0.05, "small {ts:.4}s, big {tb:.4}s");
}
