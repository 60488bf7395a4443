//! Quotations and their speakers.
//!
//! [`find`] looks only at the blocks that hold a quotation mark, and within
//! them only near the marks, so it runs in time linear in the text.
//!
//! **Marks** (see `marks`): curly `“…”`, straight `"…"` (paired by context: a
//! mark after a space and before a letter opens, one before a space or
//! punctuation closes), guillemets, and single `‘…’` / `'…'` outside double
//! quotes when unambiguous (apostrophes as in `Kim’s`, `didn’t` or
//! `countries’ border` are never taken as quotes). Quotes nested inside a
//! double quotation are not reported separately.
//!
//! **Kind**: [`QuoteKind::Direct`] when the quotation starts its sentence (and
//! does not start in lower case), follows a colon (`Nam said: “…”`), or follows
//! an attribution ending in a comma (`Nam said, “…”`, `“…,” he said, “…”`);
//! otherwise it is a fragment inside the writer's sentence, [`QuoteKind::Partial`]
//! (`agreed to “restore …”`, `Nam said that “…”`, scare quotes `its “worst-ever” crisis`).
//!
//! **Speaker** (see `speaker` for the patterns and the name rule): the subject
//! of the speech verb that attributes the quotation — the words the text says
//! someone uttered, so `X welcomed … and “fully supports …,” spokesman Farhan Haq
//! said` gives `Farhan Haq`, the person who said them. A quote that starts its
//! sentence looks after itself first (`“…,” said Nam.`); a fragment looks
//! first at the nearest speech verb before it (`Moon’s office said … “…”`),
//! unless it ends with a comma-led attribution (`,” Haq said`). `he`/`she` are
//! resolved to the last named speaker of the same or the two previous blocks
//! (the speaker span then points at that earlier name), else kept as written.
//! A direct quotation with no attribution of its own continues the speaker of
//! the previous quotation in its paragraph (or of the previous paragraph when it
//! opens its paragraph); a second fragment in the same sentence shares the
//! first one's speaker.
//!
//! **Multi-paragraph quotations**: a quote left open at the end of a paragraph
//! runs to that paragraph's end; when the next paragraph starts with an opening
//! mark, its quote continues the first one (kind Direct, same speaker, filled
//! in both directions along the chain). A quote that never closes runs to the
//! end of its paragraph.

mod lex;
mod marks;
mod speaker;
#[cfg(test)]
mod tests;

use super::{Block, Quote, QuoteKind, Speaker};
use crate::text::Span;
use speaker::Region;

/// How many blocks back a `he`/`she` may find its named speaker.
const PRONOUN_REACH: usize = 2;

/// Finds quotations in the blocks of `text`, in order of their start.
///
/// Blocks are taken as consecutive lines of the page; a quotation left open
/// at the end of one block is continued by a quotation opening the next block.
/// Never panics: blocks whose span does not fit `text` are skipped.
pub fn find(text: &str, blocks: &[Block]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // The quotation (index into `out`) of the last named speaker, and its block.
    let mut last_named: Option<(usize, usize)> = None;
    // Indices into `out` of a quotation still open at the end of the previous block.
    let mut chain: Vec<usize> = Vec::new();
    // The last quotation of the previous block, when that block is `bi - 1`.
    let mut prev_block_last: Option<(usize, usize)> = None;
    let mut last_block_start = 0usize;
    let (mut lead_words, mut tail_words) = (Vec::new(), Vec::new());

    for (bi, b) in blocks.iter().enumerate() {
        let fits = b.span.start <= b.span.end && b.span.start >= last_block_start;
        let s = match text.get(b.span.start..b.span.end) {
            Some(s) if fits => s,
            _ => {
                chain.clear();
                continue;
            }
        };
        last_block_start = b.span.start;
        let base = b.span.start;
        let pairs = marks::pairs(s);
        if pairs.is_empty() {
            chain.clear();
            continue;
        }
        let stops = lex::sentence_stops(s);
        let mut prev_end = 0usize;
        let mut prev_in_block: Option<usize> = None;
        let inherited_block = prev_block_last.filter(|&(pb, _)| pb + 1 == bi).map(|x| x.1);

        for (pi, p) in pairs.iter().enumerate() {
            let continues = pi == 0 && p.start == 0 && !chain.is_empty();
            if pi == 0 && !continues {
                chain.clear();
            }
            // The sentence around the quotation, cut at neighbouring quotations.
            let si = stops.partition_point(|st| st.next <= p.start);
            let sent_start = if si == 0 { 0 } else { stops[si - 1].next };
            let lead_lo = sent_start.max(prev_end).min(p.start);
            let ti = stops.partition_point(|st| st.end < p.end);
            let sent_end = stops.get(ti).map_or(s.len(), |st| st.end);
            let next_open = pairs.get(pi + 1).map_or(s.len(), |n| n.start);
            let tail_hi = sent_end.min(next_open).max(p.end);

            lex::words(&mut lead_words, s, lead_lo, p.start);
            let lead = Region {
                s,
                w: &lead_words,
                lo: lead_lo,
            };
            lex::words(&mut tail_words, s, p.end, tail_hi);
            let tail = Region {
                s,
                w: &tail_words,
                lo: p.end,
            };
            let lead_text = s[lead_lo..p.start].trim();
            let same_sentence_as_prev = prev_in_block.is_some() && prev_end > sent_start;
            let prev_q = prev_in_block.map(|i| &out[i]);
            let starts_lower = s[p.inner..p.end]
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_lowercase());

            let kind = if continues {
                QuoteKind::Direct
            } else if lead_text.is_empty() {
                if starts_lower && !same_sentence_as_prev {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                }
            } else if lead_text.ends_with(':')
                || (lead_text.ends_with(',')
                    && lead.has_speech_verb()
                    && (!starts_lower
                        || (same_sentence_as_prev
                            && prev_q.is_some_and(|q| q.kind == QuoteKind::Direct))))
            {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };

            // Which side to read first.
            let before_close = if p.closed {
                s[p.inner..p.end].chars().rev().nth(1)
            } else {
                None
            };
            let comma_led = before_close.is_some_and(|c| matches!(c, ',' | '?' | '!'))
                || s[p.end..tail_hi].trim_start().starts_with(',');
            let tail_first = comma_led || (kind == QuoteKind::Direct && lead_text.is_empty());
            let tail_limit = if kind == QuoteKind::Direct {
                usize::MAX
            } else {
                8
            };
            let from_tail = || tail.first_attribution(tail_limit).map(|np| tail.name(np));
            let from_lead = || lead.last_attribution().map(|np| lead.name(np));
            let found = if tail_first {
                from_tail().or_else(from_lead)
            } else {
                from_lead().or_else(from_tail)
            };

            let mut speaker = found.map(|(a, z)| Speaker {
                span: Span::new(base + a, base + z),
                name: s[a..z].to_string(),
            });
            // he / she → the last named speaker nearby.
            if let Some(sp) = &speaker {
                let n = sp.name.as_str();
                if n.eq_ignore_ascii_case("he") || n.eq_ignore_ascii_case("she") {
                    if let Some((qi, nb)) = last_named {
                        if bi - nb <= PRONOUN_REACH {
                            speaker = speaker_of(&out, qi);
                        }
                    }
                }
            }
            // Fallbacks: the chain, the previous fragment of the sentence, the
            // previous quotation of the paragraph, or of the previous paragraph.
            if speaker.is_none() {
                let from = if continues {
                    chain.iter().find_map(|&i| speaker_of(&out, i))
                } else if same_sentence_as_prev && lead_lo == prev_end {
                    prev_in_block.and_then(|i| speaker_of(&out, i))
                } else if kind == QuoteKind::Direct && lead_text.is_empty() {
                    match prev_in_block {
                        Some(i) => speaker_of(&out, i),
                        None if p.start == 0 => inherited_block
                            .filter(|&i| out.get(i).is_some_and(|q| q.kind == QuoteKind::Direct))
                            .and_then(|i| speaker_of(&out, i)),
                        None => None,
                    }
                } else {
                    None
                };
                speaker = from;
            }
            let idx = out.len();
            if speaker.as_ref().is_some_and(|sp| is_named(&sp.name)) {
                last_named = Some((idx, bi));
            }

            out.push(Quote {
                span: Span::new(base + p.start, base + p.end),
                kind,
                speaker,
            });
            if continues {
                chain.push(idx);
                if out[idx].speaker.is_some() {
                    for &i in &chain {
                        if out[i].speaker.is_none() {
                            out[i].speaker = speaker_of(&out, idx);
                        }
                    }
                }
            }
            prev_end = p.end;
            prev_in_block = Some(idx);
        }

        let last = out.len() - 1;
        prev_block_last = Some((bi, last));
        match pairs.last() {
            Some(p) if !p.closed => {
                if chain.last() != Some(&last) {
                    chain.clear();
                    chain.push(last);
                }
            }
            _ => chain.clear(),
        }
    }
    out
}

/// The speaker of quotation `i` of `out` (a clone), if any: one out-of-line copy
/// for every place that reuses an earlier quotation's speaker.
#[inline(never)]
fn speaker_of(out: &[Quote], i: usize) -> Option<Speaker> {
    out.get(i)?.speaker.clone()
}

/// True for a speaker that names someone (not a pronoun, starts with a capital).
fn is_named(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase()) && !speaker::is_pronoun(name)
}
