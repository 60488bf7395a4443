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
//!
//! # Files
//!
//! A file made for another article (its `claimmark:contentHash` is not the
//! article's) is refused with an error saying so ([`AnnotationSet::from_w3c`]).
//! The key may also be the teacher's exercise file ([`exercise`]), whose article
//! must be the one scored. Files are never merged silently ([`Duplicate`]): a
//! student file with exactly the key's annotations is left out, a file repeating
//! another one's annotations (same creator or none) counts once, and files with the
//! same annotations but different creators, or the same creator, all count, flagged.

pub mod csv;
pub mod exercise;
pub mod kappa;
pub mod matching;
pub mod report;

use crate::annotation::Annotation;
use crate::segment::Document;
use exercise::Exercise;
use kappa::Kappa;
use matching::{
    chars_in, merged_spans, overlap_chars, touches, usable_span, Categories, SentenceIndex,
};

/// One annotator's annotations (a student's file, or the key).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationSet {
    /// The file it came from (e.g. the file name); unique among a class's files.
    pub name: String,
    /// Who made it: the export's `creator` (the student's name), when it has one.
    pub creator: Option<String>,
    /// The annotations, spans in bytes of the Document's text.
    pub annotations: Vec<Annotation>,
}

impl AnnotationSet {
    /// Reads a W3C annotation file (claimmark's export or any form
    /// [`crate::w3c::import`] accepts) and anchors it on `doc`'s text; the error
    /// names the problem and where, as the import does. A file whose
    /// `claimmark:contentHash` is not the hash of `doc`'s text was made for a
    /// different article and is refused; an exercise file is refused with a hint
    /// to use it as the key ([`AnnotationSet::key_from_json`]).
    pub fn from_w3c(doc: &Document, name: &str, json: &str) -> Result<AnnotationSet, String> {
        let mut store = crate::annotation::Store::new(doc.text.clone());
        let opts = crate::w3c::ImportOptions {
            mode: crate::w3c::ImportMode::Replace,
            time: "",
            block_count: Some(doc.blocks.len()),
        };
        let (_, report) = crate::w3c::import_into(&mut store, json, &opts).map_err(|e| {
            if crate::json::parse(json).is_ok_and(|v| exercise::is_exercise(&v)) {
                "this is an exercise file (the teacher's), not an annotation export: choose it as the answer key".to_string()
            } else {
                e.message
            }
        })?;
        if report.same_text == Some(false) {
            let title = report
                .title
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map_or(String::new(), |t| format!(" (\u{201c}{t}\u{201d})"));
            return Err(format!(
                "made for a different article{title}: its claimmark:contentHash does not match the text of the article being scored"
            ));
        }
        Ok(AnnotationSet {
            name: name.to_string(),
            creator: report.creator.filter(|c| !c.trim().is_empty()),
            annotations: store.annotations().to_vec(),
        })
    }

    /// Reads the answer key: a W3C file (as [`AnnotationSet::from_w3c`]) or the
    /// teacher's exercise file, whose article must be `doc`'s and which must have
    /// a key. (To score an exercise's article, segment [`Exercise::article`]; see
    /// [`exercise_article`].)
    pub fn key_from_json(doc: &Document, name: &str, json: &str) -> Result<AnnotationSet, String> {
        let Some(ex) = exercise_in(json)? else {
            return AnnotationSet::from_w3c(doc, name, json);
        };
        let key = ex.key_json().ok_or_else(|| {
            format!(
                "this exercise{} has no answer key (no \"key\"): save it again from teacher mode with your annotations",
                quoted_title(&ex.title)
            )
        })?;
        if crate::segment::normalize_newlines(&ex.article) != doc.text {
            return Err(format!(
                "this exercise{} is for a different article than the one being scored",
                quoted_title(&ex.title)
            ));
        }
        AnnotationSet::from_w3c(doc, name, &key).map_err(|e| format!("the exercise's key: {e}"))
    }

    /// Annotations that could not be anchored on the text (no span).
    pub fn orphans(&self) -> usize {
        self.annotations.iter().filter(|a| a.span.is_none()).count()
    }
}

/// ` (“title”)`, or nothing for a blank title.
fn quoted_title(t: &str) -> String {
    if t.trim().is_empty() {
        String::new()
    } else {
        format!(" (\u{201c}{t}\u{201d})")
    }
}

/// The exercise `json` holds, `None` when it is not an exercise file (no
/// `"type": "claimmark-exercise"`), an error when it is one but invalid.
fn exercise_in(json: &str) -> Result<Option<Exercise>, String> {
    match crate::json::parse(json) {
        Ok(v) if exercise::is_exercise(&v) => Exercise::from_value(&v).map(Some),
        _ => Ok(None),
    }
}

/// When `json` is an exercise file, its article text (the article a key given
/// as an exercise is about); `Ok(None)` for any other file; an error naming the
/// problem for an invalid exercise.
pub fn exercise_article(json: &str) -> Result<Option<String>, String> {
    Ok(exercise_in(json)?.map(|e| e.article))
}

/// The display name of a set: `creator (file)`, or the file alone.
pub fn label(name: &str, creator: Option<&str>) -> String {
    match creator {
        Some(c) => format!("{c} ({name})"),
        None => name.to_string(),
    }
}

/// Why files were flagged as duplicates (see [`duplicates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKind {
    /// A student file with exactly the key's annotations: left out.
    SameAsKey,
    /// Files with the same annotations and the same creator (or none): the first
    /// counts, the others are left out.
    Repeated,
    /// Files with the same annotations but different creators: all count (one
    /// per creator, after [`DuplicateKind::Repeated`] left the others out).
    Copied,
    /// Different files with the same creator: all count.
    SameCreator,
}

impl DuplicateKind {
    /// The kind as written in JSON: `same_as_key`, `repeated`, `copied`, `same_creator`.
    pub fn name(self) -> &'static str {
        match self {
            DuplicateKind::SameAsKey => "same_as_key",
            DuplicateKind::Repeated => "repeated",
            DuplicateKind::Copied => "copied",
            DuplicateKind::SameCreator => "same_creator",
        }
    }
}

/// A group of student files that look like the same work or the same student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// What they share.
    pub kind: DuplicateKind,
    /// Indices into the students given to [`score`], in input order.
    pub files: Vec<usize>,
    /// Of those, the ones left out of the scores.
    pub left_out: Vec<usize>,
    /// The shared creator ([`DuplicateKind::SameCreator`]), as the first file writes it.
    pub creator: Option<String>,
}

/// Finds duplicate student files: sets with the same (non-empty) annotations as
/// the key or as each other, and sets whose creators are the same (ignoring case
/// and surrounding spaces). Linear in the annotations, plus comparisons within
/// groups of equal fingerprints.
pub fn duplicates(key: Option<&AnnotationSet>, students: &[AnnotationSet]) -> Vec<Duplicate> {
    use std::collections::hash_map::DefaultHasher;
    use std::collections::HashMap;
    use std::hash::{Hash, Hasher};
    let fingerprint = |set: &AnnotationSet| {
        let mut h = DefaultHasher::new();
        for a in &set.annotations {
            (&a.id, a.span.map(|s| (s.start, s.end)), &a.tag, &a.note).hash(&mut h);
        }
        h.finish()
    };
    let norm = |c: &Option<String>| c.as_deref().map(|c| c.trim().to_lowercase());
    let prints: Vec<u64> = students.iter().map(fingerprint).collect();
    let mut out = vec![];
    let mut left = vec![false; students.len()];
    if let Some(k) = key.filter(|k| !k.annotations.is_empty()) {
        let kf = fingerprint(k);
        let same: Vec<usize> = (0..students.len())
            .filter(|&i| prints[i] == kf && students[i].annotations == k.annotations)
            .collect();
        if !same.is_empty() {
            for &i in &same {
                left[i] = true;
            }
            out.push(Duplicate {
                kind: DuplicateKind::SameAsKey,
                files: same.clone(),
                left_out: same,
                creator: None,
            });
        }
    }
    // Equal annotations: groups of equal fingerprints, checked for real equality.
    let mut by_print: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut order = vec![];
    for (i, s) in students.iter().enumerate() {
        if left[i] || s.annotations.is_empty() {
            continue;
        }
        let e = by_print.entry(prints[i]).or_default();
        if e.is_empty() {
            order.push(prints[i]);
        }
        e.push(i);
    }
    for f in order {
        let mut rest = by_print.remove(&f).unwrap_or_default();
        while let Some(&first) = rest.first() {
            let (same, other): (Vec<usize>, Vec<usize>) = rest
                .iter()
                .partition(|&&j| students[j].annotations == students[first].annotations);
            rest = other;
            if same.len() < 2 {
                continue;
            }
            // Within the group, the files of one creator (or of none) are one
            // file handed in repeatedly: the first counts.
            let mut kept = vec![];
            let mut by: Vec<(Option<String>, Vec<usize>)> = vec![];
            for &j in &same {
                let c = norm(&students[j].creator);
                match by.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => v.push(j),
                    None => by.push((c, vec![j])),
                }
            }
            for (_, files) in by {
                kept.push(files[0]);
                if files.len() > 1 {
                    let left_out = files[1..].to_vec();
                    for &j in &left_out {
                        left[j] = true;
                    }
                    out.push(Duplicate {
                        kind: DuplicateKind::Repeated,
                        creator: students[files[0]].creator.clone(),
                        files,
                        left_out,
                    });
                }
            }
            if kept.len() > 1 {
                out.push(Duplicate {
                    kind: DuplicateKind::Copied,
                    files: kept,
                    left_out: vec![],
                    creator: None,
                });
            }
        }
    }
    // The same creator on files still counted.
    let mut by_creator: Vec<(String, Vec<usize>)> = vec![];
    for (i, s) in students.iter().enumerate() {
        let Some(c) = norm(&s.creator).filter(|c| !c.is_empty()) else {
            continue;
        };
        if left[i] {
            continue;
        }
        match by_creator.iter_mut().find(|(k, _)| *k == c) {
            Some((_, v)) => v.push(i),
            None => by_creator.push((c, vec![i])),
        }
    }
    for (_, files) in by_creator {
        if files.len() > 1 {
            out.push(Duplicate {
                kind: DuplicateKind::SameCreator,
                creator: students[files[0]].creator.clone(),
                files,
                left_out: vec![],
            });
        }
    }
    out
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
    /// The set's creator.
    pub creator: Option<String>,
    /// Annotations in the set.
    pub annotations: usize,
    /// Orphans and broken spans, ignored.
    pub ignored: usize,
    /// Of those, the orphans: annotations that could not be anchored on the text.
    pub orphans: usize,
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

/// The key as the report uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyReport {
    /// The key's name (its file).
    pub name: String,
    /// Its creator, when it names one.
    pub creator: Option<String>,
    /// Its label for every body sentence (category ids).
    pub labels: Vec<u16>,
    /// Its annotations.
    pub annotations: Vec<Annotation>,
    /// How many of them could not be anchored on the text.
    pub orphans: usize,
}

/// Everything [`score`] computes.
#[derive(Debug, Clone)]
pub struct ClassReport {
    /// The body sentences, in text order, and the text index.
    pub index: SentenceIndex,
    /// Category names, `none` first.
    pub categories: Categories,
    /// The key, when there is one.
    pub key: Option<KeyReport>,
    /// One entry per student counted, in input order (files left out as
    /// duplicates are not here).
    pub students: Vec<StudentScore>,
    /// Duplicate student files found ([`duplicates`]); indices into the
    /// students given to [`score`].
    pub duplicates: Vec<Duplicate>,
    /// The names of the students given to [`score`], in input order (what
    /// [`Duplicate::files`] indexes).
    pub given: Vec<String>,
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

/// Scores `students` against `key` (optional) on `doc`, leaving out the
/// duplicates [`duplicates`] says to. Never panics; time is linear in the text
/// plus the sentences each span overlaps, plus students² × sentences for the
/// pairwise κ.
pub fn score(
    doc: &Document,
    key: Option<&AnnotationSet>,
    students: &[AnnotationSet],
) -> ClassReport {
    let dups = duplicates(key, students);
    let mut counted = vec![true; students.len()];
    for d in &dups {
        for &i in &d.left_out {
            counted[i] = false;
        }
    }
    let given: Vec<String> = students.iter().map(|s| s.name.clone()).collect();
    let students: Vec<&AnnotationSet> = students
        .iter()
        .zip(&counted)
        .filter_map(|(s, &c)| c.then_some(s))
        .collect();
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
            creator: s.creator.clone(),
            annotations: s.annotations.len(),
            ignored,
            orphans: s.orphans(),
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
        key: key.zip(key_labels).map(|(k, labels)| KeyReport {
            name: k.name.clone(),
            creator: k.creator.clone(),
            labels,
            annotations: k.annotations.clone(),
            orphans: k.orphans(),
        }),
        index,
        categories: cats,
        students: scores,
        duplicates: dups,
        given,
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
