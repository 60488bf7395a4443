//! Unit tests of the quote finder, on hand-made paragraphs.

use super::find;
use crate::segment::{Block, BlockKind, Quote, QuoteKind};
use crate::text::Span;

/// One paragraph block per non-blank line, trimmed (independent of the labeller).
fn blocks_of(text: &str) -> Vec<Block> {
    let mut out = vec![];
    let mut pos = 0;
    for line in text.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let span = Span::new(pos + lead, pos + lead + t.len());
            out.push(Block {
                kind: BlockKind::Paragraph,
                reason: None,
                span,
                sentences: vec![span],
            });
        }
        pos += line.len() + 1;
    }
    out
}

fn quotes(text: &str) -> Vec<Quote> {
    let qs = find(text, &blocks_of(text));
    check_contract(text, &qs);
    qs
}

/// (kind, quoted text, speaker name) for each quotation.
fn found(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    quotes(text)
        .into_iter()
        .map(|q| {
            (
                q.kind,
                q.span.of(text).to_string(),
                q.speaker.map(|s| s.name),
            )
        })
        .collect()
}

fn check_contract(text: &str, qs: &[Quote]) {
    let mut last = 0;
    for q in qs {
        assert!(q.span.start >= last, "quotes out of order or overlapping");
        assert!(q.span.start < q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        last = q.span.end;
        if let Some(sp) = &q.speaker {
            assert!(sp.span.end <= text.len() && sp.span.start <= sp.span.end);
            assert!(text.is_char_boundary(sp.span.start) && text.is_char_boundary(sp.span.end));
            assert_eq!(
                sp.span.of(text),
                sp.name,
                "speaker name is the text of its span"
            );
        }
    }
}

use QuoteKind::{Direct, Partial};

fn one(text: &str) -> (QuoteKind, String, Option<String>) {
    let f = found(text);
    assert_eq!(f.len(), 1, "expected one quote in {text:?}, got {f:?}");
    f.into_iter().next().unwrap()
}

#[test]
fn said_after_name_inverted() {
    let (k, q, s) = one("“We are ready to talk,” said Lee Jae-myung, a lawmaker.");
    assert_eq!(k, Direct);
    assert_eq!(q, "“We are ready to talk,”");
    assert_eq!(s.as_deref(), Some("Lee Jae-myung"));
}

#[test]
fn name_then_said_after_quote() {
    let (k, _, s) = one("“The talks failed,” Ana Pereira said on Tuesday.");
    assert_eq!(k, Direct);
    assert_eq!(s.as_deref(), Some("Ana Pereira"));
}

#[test]
fn colon_attribution_before_quote() {
    let (k, q, s) = one("The mayor later told reporters: “Nobody will be left behind.”");
    assert_eq!(k, Direct);
    assert_eq!(q, "“Nobody will be left behind.”");
    assert_eq!(s.as_deref(), Some("The mayor"));
}

#[test]
fn comma_attribution_before_quote() {
    let (k, _, s) = one("Smith added, “That is all we can do.”");
    assert_eq!(k, Direct);
    assert_eq!(s.as_deref(), Some("Smith"));
}

#[test]
fn said_that_is_partial_with_speaker() {
    let (k, _, s) = one("Garcia said that “the deal is dead” and left the room.");
    assert_eq!(k, Partial);
    assert_eq!(s.as_deref(), Some("Garcia"));
}

#[test]
fn verb_far_after_quote_in_same_sentence() {
    let (k, _, s) =
        one("“The economy will recover” in a way nobody expected, said Okafor, an economist.");
    assert_eq!(k, Direct);
    assert_eq!(s.as_deref(), Some("Okafor"));
}

#[test]
fn according_to() {
    let (k, _, s) = one(
        "The plant will close “within weeks,” according to company officials, who declined to be named.",
    );
    assert_eq!(k, Partial);
    assert_eq!(s.as_deref(), Some("company officials"));
}

#[test]
fn title_dropped_before_proper_name() {
    let (_, _, s) = one("“We stand with them,” Foreign Minister Maria Santos said.");
    assert_eq!(s.as_deref(), Some("Maria Santos"));
    let (_, _, s) = one("The plan “goes too far,” E.U. deputy spokeswoman Hanna Berg said.");
    assert_eq!(s.as_deref(), Some("Hanna Berg"));
}

#[test]
fn possessive_subject_keeps_head_noun() {
    let (k, _, s) = one(
        "Chen’s campaign said the two sides agreed to “work together on the budget as soon as possible.”",
    );
    assert_eq!(k, Partial);
    assert_eq!(s.as_deref(), Some("Chen’s campaign"));
}

#[test]
fn parenthetical_between_subject_and_verb() {
    let (_, _, s) =
        one("The ministry, for its part, said Ortiz and Vega hoped to “end the dispute quickly.”");
    assert_eq!(s.as_deref(), Some("The ministry"));
}

#[test]
fn scare_quote_after_naming_verb() {
    let (k, q, s) = one(
        "Floods are hitting the region, causing what Ruiz has described as a “historic” disaster.",
    );
    assert_eq!(k, Partial);
    assert_eq!(q, "“historic”");
    assert_eq!(s.as_deref(), Some("Ruiz"));
}

#[test]
fn scare_quote_without_speaker() {
    let (k, _, s) = one("The so-called “peace dividend” never arrived.");
    assert_eq!(k, Partial);
    assert_eq!(s, None);
}

#[test]
fn pronoun_resolved_to_last_named_speaker() {
    let text = "“Prices must fall,” said Amara Diallo, a trader.\n\
                Markets rose after the news.\n\
                “We will see,” she said.";
    let f = found(text);
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].2.as_deref(), Some("Amara Diallo"));
    // The speaker span points at the earlier name.
    let qs = quotes(text);
    let sp = qs[1].speaker.as_ref().unwrap();
    assert!(sp.span.end < qs[0].span.end + 30);
}

#[test]
fn pronoun_kept_without_named_speaker() {
    let (_, _, s) = one("“It is over,” he said.");
    assert_eq!(s.as_deref(), Some("he"));
}

#[test]
fn unattributed_direct_quote_continues_paragraph_speaker() {
    let f = found("“Rain is coming,” said Ito. “We have sandbags ready” for the whole street.");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].0, Direct);
    assert_eq!(f[1].2.as_deref(), Some("Ito"));
}

#[test]
fn split_quote_around_attribution() {
    let f = found("“I think,” he said, “we can still win this.”");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].0, Direct, "second half of a split quotation is direct");
    assert_eq!(f[0].2.as_deref(), Some("he"));
    assert_eq!(f[1].2.as_deref(), Some("he"));
}

#[test]
fn two_fragments_share_a_speaker() {
    let f = found("Kowalski called the plan “reckless” and “doomed from the start.”");
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|x| x.0 == Partial));
    assert_eq!(f[0].2.as_deref(), Some("Kowalski"));
    assert_eq!(f[1].2.as_deref(), Some("Kowalski"));
}

#[test]
fn straight_double_quotes() {
    let text = "\"We did not expect this,\" said Brown. Officials called it a \"minor\" issue.";
    let f = found(text);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].1, "\"We did not expect this,\"");
    assert_eq!(f[0].2.as_deref(), Some("Brown"));
    assert_eq!(f[1].1, "\"minor\"");
    assert_eq!(f[1].0, Partial);
}

#[test]
fn inch_marks_are_not_quotes() {
    let f = found("The 6'2\" guard and the 5'11\" forward both played.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn apostrophes_are_not_quotes() {
    let text = "Kim’s sister didn’t attend, and the countries’ border stayed shut. \
                Rock ‘n’ roll isn't dead, y'all, and the ’90s are back. The boys' team won.";
    let f = found(text);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn single_quotes_when_unambiguous() {
    let f = found("‘We got our miracle’: Families celebrate the soldiers’ return");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "‘We got our miracle’");
    let f = found("Critics dubbed it the ‘bridge to nowhere’ before it opened.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "‘bridge to nowhere’");
    assert_eq!(f[0].0, Partial);
}

#[test]
fn nested_single_quotes_are_not_reported_apart() {
    let f = found("“He told me ‘never again,’ and I believed him,” Park said.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].2.as_deref(), Some("Park"));
}

#[test]
fn multi_paragraph_quote_continues() {
    let text = "“The first thing we did was count the damage.\n\
                “Then we started to rebuild,” said Tanaka, the owner.\n\
                Other owners were less hopeful.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    let first_line_end = text.find('\n').unwrap();
    assert_eq!(
        qs[0].span.end, first_line_end,
        "open quote runs to its paragraph end"
    );
    assert!(qs.iter().all(|q| q.kind == Direct));
    for q in &qs {
        assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Tanaka"));
    }
}

#[test]
fn multi_paragraph_speaker_flows_forward() {
    let text = "Obi said: “We knew the risks.\n\
                “But nobody expected this much water.”";
    let f = found(text);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].2.as_deref(), Some("Obi"));
    assert_eq!(f[1].2.as_deref(), Some("Obi"));
    assert_eq!(f[1].0, Direct);
}

#[test]
fn unclosed_quote_runs_to_paragraph_end() {
    let text = "Reyes said “the vote was rigged and we will appeal\nThe court meets Monday.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        qs[0].span.of(text),
        "“the vote was rigged and we will appeal"
    );
    assert_eq!(qs[0].kind, Partial);
}

#[test]
fn emoji_and_combining_marks_keep_char_boundaries() {
    let text = "“Café 👩‍👩‍👧 re\u{301}sume\u{301} 🇰🇷,” said Zoë Ngô\u{302}.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].span.of(text), "“Café 👩‍👩‍👧 re\u{301}sume\u{301} 🇰🇷,”");
    assert_eq!(
        qs[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Zoë Ngô\u{302}")
    );
}

#[test]
fn abbreviations_do_not_end_the_sentence() {
    let (_, _, s) = one("“The vote is final,” U.S. Sen. Mary Jones said after the session.");
    assert_eq!(s.as_deref(), Some("Mary Jones"));
}

#[test]
fn stray_closing_marks_are_ignored() {
    let f = found("He said” nothing here, and then “this” was quoted.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, "“this”");
}

#[test]
fn empty_and_markless_inputs() {
    assert!(found("").is_empty());
    assert!(found("No quotation here at all.").is_empty());
    assert!(found("\"").len() <= 1);
    assert!(find("abc", &[]).is_empty());
}

#[test]
fn bad_block_spans_do_not_panic() {
    let text = "“Héllo,” said Ann.";
    let bad = [
        Span::new(0, 1000),
        Span::new(1, 3), // inside “
        Span::new(5, 5),
    ];
    for span in bad {
        let b = Block {
            kind: BlockKind::Paragraph,
            reason: None,
            span,
            sentences: vec![],
        };
        let _ = find(text, &[b]);
    }
}

use crate::test_rng::XorShift;

#[test]
fn random_inputs_keep_the_contract() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "?",
        "!",
        "—",
        "…",
        "said",
        "Nam",
        "he",
        "told",
        "according",
        "to",
        "U.N.",
        "Mr.",
        "the",
        "said:",
        "Kim’s",
        "didn’t",
        "é",
        "e\u{301}",
        "👩‍👩‍👧",
        "🇰🇷",
        "(",
        ")",
        "A",
        "b",
        "that",
        "called",
        "saying",
        "of",
        "President",
        "s’",
        "\u{a0}",
        "\t",
        "x",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let n = (rng.next() % 60) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        quotes(&text);
        // Also through the whole pipeline.
        let doc = crate::segment::segment(&text);
        check_contract(&doc.text, &doc.quotes);
    }
}
