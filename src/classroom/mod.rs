//! Classroom scoring: compare students' annotation sets with a teacher's key and
//! with each other.
//!
//! # Matching rules
//!
//! Only **body sentences** count ([`Document::body`]: paragraphs and subheads).
//! Sizes are counted in **non-space characters**.
//!
//! * A span **counts for a sentence** when it covers more than 50 % of the
//!   sentence's non-space characters.
//! * A sentence's **label** for one annotator is the tag of the annotation that
//!   covers most of it among those that count; ties go to the annotation that
//!   starts first in the text, then to the one listed first. A sentence no span
//!   counts for is labelled `none`. Two half-sentence spans do not add up.
//! * Orphans (no span) and spans outside the text or empty are ignored, and counted.
//!
//! # Per student (when there is a key)
//!
//! * **Accuracy**: over the body sentences the key labels (key label ≠ `none`),
//!   the share the student labels the same way (a student's `none` there is wrong).
//!   Sentences the key leaves `none` are not scored; how many of them the student
//!   tagged anyway is reported as `unkeyed_tagged`.
//! * **Span overlap per tag**, by characters: with K = the non-space characters of
//!   the key's spans with that tag and S = the student's, precision = |K∩S|/|S|,
//!   recall = |K∩S|/|K|, F1 their harmonic mean. A ratio over an empty set is
//!   undefined (`null`); F1 is 0 when only one side is empty, undefined when both are.
//! * **Missed**: key annotations that share no non-space character with any
//!   student span of the same tag.
//!
//! # Class
//!
//! Raters are the students (the key is not a rater); categories are `none`,
//! `fact`, `analysis`, `quote` and any other tag used; items are body sentences.
//! **Fleiss' κ** over all students, **Cohen's κ** for every pair, and a **heat map**:
//! per sentence, how many students gave each label, sorted most disputed first by
//! normalised entropy of the label shares (ties: lower top share, then text order).
//! Undefined coefficients carry a reason ([`kappa`]); no output contains NaN.
//! Without a key only the class statistics are computed.

pub mod csv;
pub mod kappa;
pub mod matching;
pub mod report;

use crate::annotation::Annotation;
use crate::segment::Document;
use kappa::Kappa;
use matching::{
    chars_in, merged_spans, overlap_chars, touches, usable_span, Categories, SentenceIndex,
};

/// One annotator's annotations (a student's file, or the key).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    /// Who made it (e.g. the file name).
    pub name: String,
    /// The annotations, spans in bytes of the Document's text.
    pub annotations: Vec<Annotation>,
}

impl AnnotationSet {
    /// Reads a W3C annotation file (claimmark's export or any form
    /// [`crate::w3c::import`] accepts) and anchors it on `doc`'s text; the error
    /// names the problem and where, as the import does.
    pub fn from_w3c(doc: &Document, name: &str, json: &str) -> Result<AnnotationSet, String> {
        let mut store = crate::annotation::Store::new(doc.text.clone());
        let opts = crate::w3c::ImportOptions {
            mode: crate::w3c::ImportMode::Replace,
            time: "",
            block_count: Some(doc.blocks.len()),
        };
        crate::w3c::import_into(&mut store, json, &opts).map_err(|e| e.message)?;
        Ok(AnnotationSet {
            name: name.to_string(),
            annotations: store.annotations().to_vec(),
        })
    }
}

/// Span-overlap scores for one tag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagOverlap {
    /// Non-space characters in the key's spans with this tag.
    pub key_chars: usize,
    /// Non-space characters in the student's spans with this tag.
    pub student_chars: usize,
    /// Non-space characters in both.
    pub overlap_chars: usize,
    /// overlap / student; `None` when the student has no such span.
    pub precision: Option<f64>,
    /// overlap / key; `None` when the key has no such span.
    pub recall: Option<f64>,
    /// Harmonic mean; 0 when one side is empty, `None` when both are.
    pub f1: Option<f64>,
}

/// Sentence-level accuracy against the key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accuracy {
    /// Sentences the key labels.
    pub scored: usize,
    /// Of those, labelled the same by the student.
    pub correct: usize,
    /// Sentences the key leaves `none` that the student tagged.
    pub unkeyed_tagged: usize,
}

impl Accuracy {
    /// correct / scored; `None` when the key labels no sentence.
    pub fn value(&self) -> Option<f64> {
        (self.scored > 0).then(|| self.correct as f64 / self.scored as f64)
    }
}

/// One student's results.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentScore {
    /// The set's name.
    pub name: String,
    /// Annotations in the set.
    pub annotations: usize,
    /// Orphans and broken spans, ignored.
    pub ignored: usize,
    /// The label of every body sentence (category ids).
    pub labels: Vec<u16>,
    /// Against the key, when there is one.
    pub accuracy: Option<Accuracy>,
    /// Per tag of the key or the student: span overlap (empty without a key).
    pub tags: Vec<(String, TagOverlap)>,
    /// Indices into the key's annotations that this student missed.
    pub missed: Vec<usize>,
}

/// One row of the heat map.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    /// Index into [`ClassReport::sentences`].
    pub sentence: usize,
    /// Students per category (indexed like [`ClassReport::categories`]).
    pub counts: Vec<u32>,
    /// Largest share of students giving one label (0 with no students).
    pub max_share: f64,
    /// Entropy of the label shares, divided by log(number of categories): 0 = all
    /// agree, 1 = evenly split across every category.
    pub entropy: f64,
}

/// A pair of students and their Cohen's κ.
#[derive(Debug, Clone, PartialEq)]
pub struct PairKappa {
    /// Index of the first student.
    pub a: usize,
    /// Index of the second student.
    pub b: usize,
    /// Their agreement.
    pub kappa: Kappa,
}

/// Everything [`score`] computes.
#[derive(Debug, Clone)]
pub struct ClassReport {
    /// The body sentences, in text order, and the text index.
    pub index: SentenceIndex,
    /// Category names, `none` first.
    pub categories: Categories,
    /// The key's name, label per sentence and annotations, when there is a key.
    pub key: Option<(String, Vec<u16>, Vec<Annotation>)>,
    /// One entry per student, in input order.
    pub students: Vec<StudentScore>,
    /// Fleiss' κ over all students.
    pub fleiss: Kappa,
    /// Cohen's κ for every pair of students (a < b).
    pub cohen: Vec<PairKappa>,
    /// The heat map, most disputed sentence first.
    pub heat: Vec<HeatRow>,
}

impl ClassReport {
    /// The body sentences (shortcut for `index.sentences`).
    pub fn sentences(&self) -> &[matching::BodySentence] {
        &self.index.sentences
    }

    /// Mean of the defined pairwise Cohen's κ values, when any is defined.
    pub fn cohen_mean(&self) -> Option<f64> {
        let v: Vec<f64> = self.cohen.iter().filter_map(|p| p.kappa.value()).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }
}

/// Scores `students` against `key` (optional) on `doc`. Never panics; time is
/// linear in the text plus the sentences each span overlaps, plus students² ×
/// sentences for the pairwise κ.
pub fn score(
    doc: &Document,
    key: Option<&AnnotationSet>,
    students: &[AnnotationSet],
) -> ClassReport {
    let index = SentenceIndex::new(doc);
    let mut cats = Categories::default();
    let key_labels = key.map(|k| index.labels(&k.annotations, &mut cats));
    let all_labels: Vec<Vec<u16>> = students
        .iter()
        .map(|s| index.labels(&s.annotations, &mut cats))
        .collect();
    let k = cats.len();
    let text_len = index.text.len();

    let mut scores = Vec::with_capacity(students.len());
    for (s, labels) in students.iter().zip(all_labels) {
        let ignored = s
            .annotations
            .iter()
            .filter(|a| usable_span(a, text_len).is_none())
            .count();
        let mut st = StudentScore {
            name: s.name.clone(),
            annotations: s.annotations.len(),
            ignored,
            labels,
            accuracy: None,
            tags: vec![],
            missed: vec![],
        };
        if let (Some(key), Some(kl)) = (key, key_labels.as_ref()) {
            let mut acc = Accuracy {
                scored: 0,
                correct: 0,
                unkeyed_tagged: 0,
            };
            for (&want, &got) in kl.iter().zip(&st.labels) {
                if want == matching::NONE {
                    acc.unkeyed_tagged += usize::from(got != matching::NONE);
                } else {
                    acc.scored += 1;
                    acc.correct += usize::from(want == got);
                }
            }
            st.accuracy = Some(acc);
            let mut tags: Vec<&str> = vec![];
            for a in key.annotations.iter().chain(&s.annotations) {
                if !tags.contains(&a.tag.as_str()) {
                    tags.push(&a.tag);
                }
            }
            tags.sort_by_key(|t| (cats.id_of(t).unwrap_or(u16::MAX), t.to_string()));
            for tag in tags {
                let ks = merged_spans(&key.annotations, tag, text_len);
                let ss = merged_spans(&s.annotations, tag, text_len);
                st.tags
                    .push((tag.to_string(), tag_overlap(&ks, &ss, &index.text)));
                for (ai, a) in key.annotations.iter().enumerate() {
                    if a.tag == tag {
                        if let Some(span) = usable_span(a, text_len) {
                            if !touches(span, &ss, &index.text) {
                                st.missed.push(ai);
                            }
                        }
                    }
                }
            }
            st.missed.sort_by_key(|&i| {
                usable_span(&key.annotations[i], text_len).map_or((0, 0), |s| (s.start, i))
            });
        }
        scores.push(st);
    }

    let n = index.sentences.len();
    let rows: Vec<Vec<u32>> = (0..n)
        .map(|i| {
            let mut r = vec![0u32; k];
            for s in &scores {
                r[s.labels[i] as usize] += 1;
            }
            r
        })
        .collect();
    let fleiss = if scores.len() < 2 {
        Kappa::Undefined(kappa::ONE_RATER)
    } else {
        kappa::fleiss(&rows)
    };
    let cohen = pairwise(&scores, k);
    let heat = heat_map(rows);
    ClassReport {
        key: key
            .zip(key_labels)
            .map(|(k, l)| (k.name.clone(), l, k.annotations.clone())),
        index,
        categories: cats,
        students: scores,
        fleiss,
        cohen,
        heat,
    }
}

fn tag_overlap(
    ks: &[crate::text::Span],
    ss: &[crate::text::Span],
    t: &matching::TextIndex,
) -> TagOverlap {
    let key_chars = chars_in(ks, t);
    let student_chars = chars_in(ss, t);
    let overlap = overlap_chars(ks, ss, t);
    let precision = (student_chars > 0).then(|| overlap as f64 / student_chars as f64);
    let recall = (key_chars > 0).then(|| overlap as f64 / key_chars as f64);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (None, None) => None,
        _ => Some(0.0),
    };
    TagOverlap {
        key_chars,
        student_chars,
        overlap_chars: overlap,
        precision,
        recall,
        f1,
    }
}

/// Cohen's κ for every pair, agreement counted with one bitset per student and
/// category (popcount of the AND), so a pair costs categories × sentences / 64.
fn pairwise(scores: &[StudentScore], k: usize) -> Vec<PairKappa> {
    let n = scores.first().map_or(0, |s| s.labels.len());
    let words = n.div_ceil(64);
    let mut marg: Vec<Vec<u64>> = Vec::with_capacity(scores.len());
    let mut bits: Vec<Vec<u64>> = Vec::with_capacity(scores.len());
    for s in scores {
        let mut m = vec![0u64; k];
        let mut b = vec![0u64; k * words];
        for (i, &l) in s.labels.iter().enumerate() {
            m[l as usize] += 1;
            b[l as usize * words + i / 64] |= 1 << (i % 64);
        }
        marg.push(m);
        bits.push(b);
    }
    let mut out = Vec::with_capacity(scores.len() * scores.len().saturating_sub(1) / 2);
    for a in 0..scores.len() {
        for b in a + 1..scores.len() {
            let agree: u64 = bits[a]
                .iter()
                .zip(&bits[b])
                .map(|(x, y)| u64::from((x & y).count_ones()))
                .sum();
            let kappa = kappa::cohen_counts(agree, n as u64, &marg[a], &marg[b]);
            out.push(PairKappa { a, b, kappa });
        }
    }
    out
}

fn heat_map(rows: Vec<Vec<u32>>) -> Vec<HeatRow> {
    let mut heat: Vec<HeatRow> = rows
        .into_iter()
        .enumerate()
        .map(|(sentence, counts)| {
            let total: u32 = counts.iter().sum();
            let (mut max_share, mut entropy) = (0.0, 0.0);
            if total > 0 {
                let t = f64::from(total);
                max_share = f64::from(*counts.iter().max().unwrap_or(&0)) / t;
                for &c in &counts {
                    if c > 0 {
                        let p = f64::from(c) / t;
                        entropy -= p * p.ln();
                    }
                }
                if counts.len() > 1 {
                    entropy /= (counts.len() as f64).ln();
                }
            }
            HeatRow {
                sentence,
                counts,
                max_share,
                entropy,
            }
        })
        .collect();
    heat.sort_by(|x, y| {
        y.entropy
            .total_cmp(&x.entropy)
            .then(x.max_share.total_cmp(&y.max_share))
            .then(x.sentence.cmp(&y.sentence))
    });
    heat
}
