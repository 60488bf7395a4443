//! Classroom scoring on small hand-made cases, degenerate cases, and scale.

use claimmark::annotation::Annotation;
use claimmark::classroom::kappa::{Kappa, ONE_CATEGORY, ONE_RATER};
use claimmark::classroom::{score, AnnotationSet};
use claimmark::json;
use claimmark::segment::{segment, Document};
use claimmark::text::Span;

const TEXT: &str = "Talks resume between the two neighbours\n\n\
The ministers met on Tuesday in Geneva for three hours. They agreed to meet again in May.\n\n\
The deal is likely to collapse soon. Officials said the next round will be hard.\n";

fn doc() -> Document {
    let d = segment(TEXT);
    let n: usize = d.body().map(|b| b.sentences.len()).sum();
    assert_eq!(n, 4, "the fixture should have four body sentences");
    d
}

/// The i-th body sentence's span.
fn sent(d: &Document, i: usize) -> Span {
    d.body()
        .flat_map(|b| b.sentences.iter().copied())
        .nth(i)
        .unwrap()
}

/// An annotation with any span at all (the scorer must cope).
fn raw(id: String, span: Option<Span>, tag: &str) -> Annotation {
    Annotation {
        id,
        span,
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tag: tag.into(),
        note: String::new(),
        created: String::new(),
        modified: String::new(),
        creator: None,
        extra: vec![],
    }
}

fn ann(d: &Document, id: &str, span: Span, tag: &str) -> Annotation {
    Annotation::new(id, &d.text, span, tag, "", "t").unwrap()
}

/// One annotation per listed sentence (whole sentence), tags by sentence index.
fn set(d: &Document, name: &str, tags: &[(usize, &str)]) -> AnnotationSet {
    AnnotationSet {
        name: name.into(),
        creator: None,
        annotations: tags
            .iter()
            .enumerate()
            .map(|(k, &(i, t))| ann(d, &format!("{name}{k}"), sent(d, i), t))
            .collect(),
    }
}

#[test]
fn more_than_half_rule_and_ties() {
    let d = doc();
    let s0 = sent(&d, 0);
    let text = &d.text;
    // Exactly half of the non-space characters does not count; one more does.
    let nonspace: Vec<usize> = s0
        .of(text)
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| s0.start + i)
        .collect();
    let half = nonspace.len() / 2;
    let at_half = Span::new(s0.start, nonspace[half - 1] + 1);
    let past_half = Span::new(s0.start, nonspace[half] + 1);
    let a = AnnotationSet {
        name: "a".into(),
        creator: None,
        annotations: vec![ann(&d, "x", at_half, "fact")],
    };
    let b = AnnotationSet {
        name: "b".into(),
        creator: None,
        annotations: vec![ann(&d, "y", past_half, "fact")],
    };
    let r = score(&d, None, &[a, b]);
    assert_eq!(r.categories.name(r.students[0].labels[0]), "none");
    assert_eq!(r.categories.name(r.students[1].labels[0]), "fact");
    // Two spans covering the whole sentence equally: the earlier start wins.
    let tie = AnnotationSet {
        name: "t".into(),
        creator: None,
        annotations: vec![
            ann(&d, "late", Span::new(s0.start, s0.end), "analysis"),
            ann(&d, "early", Span::new(s0.start, s0.end), "quote"),
        ],
    };
    let r = score(&d, None, &[tie]);
    assert_eq!(r.categories.name(r.students[0].labels[0]), "analysis");
}

#[test]
fn student_against_key() {
    let d = doc();
    let key = set(&d, "key", &[(0, "fact"), (1, "fact"), (2, "analysis")]);
    // Right on 0 and 2, wrong on 1, tags unkeyed sentence 3.
    let st = set(
        &d,
        "s",
        &[(0, "fact"), (1, "analysis"), (2, "analysis"), (3, "quote")],
    );
    let r = score(&d, Some(&key), &[st]);
    let s = &r.students[0];
    let acc = s.accuracy.unwrap();
    assert_eq!((acc.scored, acc.correct, acc.unkeyed_tagged), (3, 2, 1));
    // fact: key = sentences 0+1, student = sentence 0 → P = 1, R = |s0| / (|s0|+|s1|).
    let nonspace = |sp: Span| {
        sp.of(&d.text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
    };
    let (n0, n1, n2) = (
        nonspace(sent(&d, 0)),
        nonspace(sent(&d, 1)),
        nonspace(sent(&d, 2)),
    );
    let fact = s.tags.iter().find(|(t, _)| t == "fact").unwrap().1;
    assert_eq!(fact.precision, Some(1.0));
    let want_r = n0 as f64 / (n0 + n1) as f64;
    assert!((fact.recall.unwrap() - want_r).abs() < 1e-12);
    // analysis: student = sentences 1+2, key = 2 → P = n2/(n1+n2), R = 1.
    let an = s.tags.iter().find(|(t, _)| t == "analysis").unwrap().1;
    assert!((an.precision.unwrap() - n2 as f64 / (n1 + n2) as f64).abs() < 1e-12);
    assert_eq!(an.recall, Some(1.0));
    // quote: only the student has it → precision 0, recall undefined, F1 0.
    let q = s.tags.iter().find(|(t, _)| t == "quote").unwrap().1;
    assert_eq!((q.precision, q.recall, q.f1), (Some(0.0), None, Some(0.0)));
    // Missed: the key's "fact" on sentence 1 (no student fact span touches it).
    let keyann = &r.key.as_ref().unwrap().annotations;
    let missed: Vec<&str> = s.missed.iter().map(|&i| keyann[i].id.as_str()).collect();
    assert_eq!(missed, vec!["key1"]);
}

#[test]
fn everyone_agrees_and_degenerate_cases() {
    let d = doc();
    let same = |n: &str| {
        set(
            &d,
            n,
            &[(0, "fact"), (1, "fact"), (2, "analysis"), (3, "quote")],
        )
    };
    let r = score(&d, None, &[same("a"), same("b"), same("c")]);
    assert_eq!(r.fleiss, Kappa::Value(1.0));
    assert!(r.cohen.iter().all(|p| p.kappa == Kappa::Value(1.0)));
    assert!(r
        .heat
        .iter()
        .all(|h| h.entropy == 0.0 && h.max_share == 1.0));
    // All in one category: undefined, with the reason, and no NaN in JSON.
    let one = |n: &str| set(&d, n, &[(0, "fact"), (1, "fact"), (2, "fact"), (3, "fact")]);
    let r = score(&d, None, &[one("a"), one("b")]);
    assert_eq!(r.fleiss, Kappa::Undefined(ONE_CATEGORY));
    let js = r.to_json(&d);
    assert!(!js.contains("NaN") && js.contains(ONE_CATEGORY));
    json::parse(&js).expect("valid JSON");
    // One student: Fleiss undefined, no pairs.
    let r = score(&d, None, &[one("a")]);
    assert_eq!(r.fleiss, Kappa::Undefined(ONE_RATER));
    assert!(r.cohen.is_empty());
    // No students, no key: still a report.
    let r = score(&d, None, &[]);
    let v = json::parse(&r.to_json(&d)).unwrap();
    assert_eq!(v.get("key"), Some(&json::Value::Null));
    // No key: no accuracy.
    let r = score(&d, None, &[same("a"), one("b")]);
    assert!(r
        .students
        .iter()
        .all(|s| s.accuracy.is_none() && s.tags.is_empty()));
}

#[test]
fn disputed_sentences_come_first_and_outputs_are_safe() {
    let d = doc();
    let a = set(&d, "=cmd|' /C calc'!A0", &[(0, "fact"), (2, "analysis")]);
    let b = set(&d, "b", &[(0, "fact"), (2, "fact")]);
    let c = set(&d, "c", &[(0, "fact"), (2, "quote")]);
    let mut broken = set(&d, "d", &[(0, "fact")]);
    broken.annotations[0].span = Some(Span::new(5, 10_000)); // past the end: ignored
    let r = score(&d, None, &[a, b, c, broken]);
    assert_eq!(r.students[3].ignored, 1);
    assert_eq!(r.heat[0].sentence, 2, "sentence 2 is split three ways");
    let csv = r.students_csv();
    assert!(csv.starts_with("\u{feff}student,"), "{csv}");
    assert!(r.pairs_csv().starts_with('\u{feff}'));
    assert!(csv.contains("\n'=cmd|' /C calc'!A0,"), "{csv}");
    assert!(csv.lines().all(|l| !l.starts_with('=')));
    let sv = r.sentences_csv(&d);
    assert!(sv.starts_with('\u{feff}'));
    assert_eq!(sv.lines().count(), 1 + 4);
    json::parse(&r.to_json(&d)).unwrap();
}

#[test]
fn scale_200_students_on_1mb() {
    // A 1 MB article: the fixture's body repeated as paragraphs.
    let para = "The ministers met on Tuesday in Geneva for three hours. They agreed to meet again in May. The deal is likely to collapse soon.\n\n";
    let mut text = String::from("A long article for the benchmark\n\n");
    while text.len() < 1_000_000 {
        text.push_str(para);
    }
    let t0 = std::time::Instant::now();
    let d = segment(&text);
    let sents: Vec<Span> = d.body().flat_map(|b| b.sentences.iter().copied()).collect();
    let seg = t0.elapsed();
    let tags = ["fact", "analysis", "quote"];
    let mut students = vec![];
    for s in 0..200usize {
        let annotations = (0..100usize)
            .map(|k| {
                let i = (s * 7919 + k * 104_729) % sents.len();
                raw(format!("{s}-{k}"), Some(sents[i]), tags[(s + k) % 3])
            })
            .collect();
        students.push(AnnotationSet {
            name: format!("s{s}"),
            creator: None,
            annotations,
        });
    }
    let key = students[0].clone();
    let t1 = std::time::Instant::now();
    let r = score(&d, Some(&key), &students[1..]);
    let scored = t1.elapsed();
    let js = r.to_json(&d);
    let total = t1.elapsed();
    eprintln!(
        "scale: {} bytes, {} body sentences, 199 students x 100 annotations: segment {:?}, score {:?}, score+JSON {:?} ({} bytes of JSON, {} Cohen pairs)",
        text.len(),
        sents.len(),
        seg,
        scored,
        total,
        js.len(),
        r.cohen.len()
    );
    assert_eq!(r.cohen.len(), 199 * 198 / 2);
    assert!(r.fleiss.value().is_some());
}

#[test]
fn never_panics_on_odd_spans() {
    let text = "Ünïcödé headline here\n\nÉtude 😀 one is “quoted”. Two — deux! Three?\n\nFour é.\n";
    let d = segment(text);
    let mut seed = 12345u64;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m.max(1)
    };
    let mut sets = vec![];
    for s in 0..6 {
        let mut annotations = vec![];
        for k in 0..20 {
            let (x, y) = (next(d.text.len() + 10), next(d.text.len() + 10));
            let span = match next(5) {
                0 => None,
                _ => Some(Span { start: x, end: y }), // reversed, past the end, mid-character
            };
            let tag = ["fact", "analysis", "quote", "", "-x"][next(5)];
            annotations.push(raw(format!("{s}-{k}"), span, tag));
        }
        sets.push(AnnotationSet {
            name: format!("s{s}"),
            creator: None,
            annotations,
        });
    }
    let r = score(&d, Some(&sets[0]), &sets[1..]);
    json::parse(&r.to_json(&d)).expect("valid JSON");
    let _ = (
        r.students_csv(),
        r.sentences_csv(&d),
        r.pairs_csv(),
        r.to_text(&d, 5),
    );
}

/// `set` with a creator.
fn by(d: &Document, name: &str, creator: &str, tags: &[(usize, &str)]) -> AnnotationSet {
    AnnotationSet {
        creator: Some(creator.into()),
        ..set(d, name, tags)
    }
}

#[test]
fn duplicate_files_are_flagged_never_merged_silently() {
    use claimmark::classroom::DuplicateKind::*;
    let d = doc();
    let key = set(&d, "key", &[(0, "fact"), (1, "analysis")]);
    // The key dropped again among the students (same annotations, another name).
    let key_again = AnnotationSet {
        name: "key-copy.json".into(),
        ..key.clone()
    };
    let ana = by(&d, "ana.json", "Ana", &[(0, "fact")]);
    // Ana's file twice (same name in another folder), her name spelled " ana ".
    let ana_again = AnnotationSet {
        name: "ana (2).json".into(),
        creator: Some(" ana ".into()),
        ..ana.clone()
    };
    // Bo handed in Ana's annotations under his name; Cy handed in twice, different work.
    let bo = AnnotationSet {
        name: "bo.json".into(),
        creator: Some("Bo".into()),
        ..ana.clone()
    };
    let cy1 = by(&d, "cy1.json", "Cy", &[(2, "quote")]);
    let cy2 = by(&d, "cy2.json", "Cy", &[(2, "quote"), (3, "fact")]);
    // Two empty files without a creator: nothing says they are the same work.
    let e1 = set(&d, "e1.json", &[]);
    let e2 = set(&d, "e2.json", &[]);
    let students = [key_again, ana, ana_again, bo, cy1, cy2, e1, e2];
    let r = score(&d, Some(&key), &students);
    let kinds: Vec<_> = r
        .duplicates
        .iter()
        .map(|x| (x.kind, x.files.clone(), x.left_out.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (SameAsKey, vec![0], vec![0]),
            (Repeated, vec![1, 2], vec![2]),
            (Copied, vec![1, 3], vec![]),
            (SameCreator, vec![4, 5], vec![]),
        ]
    );
    assert_eq!(r.duplicates[3].creator.as_deref(), Some("Cy"));
    let counted: Vec<&str> = r.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        counted,
        ["ana.json", "bo.json", "cy1.json", "cy2.json", "e1.json", "e2.json"]
    );
    assert_eq!(r.students[0].creator.as_deref(), Some("Ana"));
    // The JSON names the files and the creators.
    let v = json::parse(&r.to_json(&d)).unwrap();
    let dups = v.get("duplicates").and_then(json::Value::as_array).unwrap();
    assert_eq!(dups.len(), 4);
    assert_eq!(
        dups[1].get("kind").and_then(json::Value::as_str),
        Some("repeated")
    );
    let names = |x: &json::Value, k: &str| -> Vec<String> {
        x.get(k)
            .and_then(json::Value::as_array)
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&dups[1], "files"), ["ana.json", "ana (2).json"]);
    assert_eq!(names(&dups[1], "left_out"), ["ana (2).json"]);
    let st = v.get("students").and_then(json::Value::as_array).unwrap();
    assert_eq!(
        st[0].get("creator").and_then(json::Value::as_str),
        Some("Ana")
    );
    assert_eq!(st[4].get("creator"), Some(&json::Value::Null));
    // The students CSV has the creator beside the file.
    let csv = r.students_csv();
    assert!(
        csv.starts_with("\u{feff}student,creator,annotations,ignored,orphans,"),
        "{csv}"
    );
    assert!(csv.contains("\r\nana.json,Ana,1,0,0,"), "{csv}");
    // Without duplicates nothing is flagged.
    let r = score(&d, Some(&key), &students[4..5]);
    assert!(r.duplicates.is_empty());
}

mod from_files {
    use super::*;
    use claimmark::annotation::{Op, Store};
    use claimmark::w3c::{export_collection, ExportOptions};

    /// A W3C export of `tags` on `text` (body sentences by index), by `creator`.
    fn export(text: &str, creator: Option<&str>, tags: &[(usize, &str)]) -> String {
        let d = segment(text);
        let mut store = Store::new(d.text.clone());
        for (k, &(i, t)) in tags.iter().enumerate() {
            store
                .apply(Op::Add(ann(&d, &format!("urn:x:{k}"), sent(&d, i), t)))
                .unwrap();
        }
        export_collection(
            &store,
            &ExportOptions {
                title: Some("Talks resume".into()),
                creator: creator.map(str::to_string),
                ..ExportOptions::default()
            },
        )
    }

    #[test]
    fn creator_orphans_and_the_article_check() {
        let d = doc();
        let json = export(TEXT, Some("Ana Lima"), &[(0, "fact"), (3, "quote")]);
        let s = AnnotationSet::from_w3c(&d, "notes.jsonld", &json).unwrap();
        assert_eq!(s.creator.as_deref(), Some("Ana Lima"));
        assert_eq!((s.annotations.len(), s.orphans()), (2, 0));
        // Same file on a changed article: refused, saying why.
        let other = segment(&TEXT.replace("Geneva", "Vienna"));
        let e = AnnotationSet::from_w3c(&other, "notes.jsonld", &json).unwrap_err();
        assert!(
            e.starts_with("made for a different article (“Talks resume”)"),
            "{e}"
        );
        // Without a content hash (another tool's file) it is anchored, and what
        // cannot be found is counted as an orphan.
        let no_hash = json.replace("\"claimmark:contentHash\"", "\"x:hash\"");
        let s = AnnotationSet::from_w3c(&other, "n", &no_hash).unwrap();
        assert_eq!((s.annotations.len(), s.orphans()), (2, 0));
        let gone = TEXT.replace(
            "The ministers met on Tuesday in Geneva for three hours.",
            "",
        );
        let s = AnnotationSet::from_w3c(&segment(&gone), "n", &no_hash).unwrap();
        assert_eq!(s.orphans(), 1);
        let r = score(&segment(&gone), None, &[s]);
        assert_eq!((r.students[0].orphans, r.students[0].ignored), (1, 1));
        let v = json::parse(&r.to_json(&segment(&gone))).unwrap();
        let st = &v.get("students").and_then(json::Value::as_array).unwrap()[0];
        assert_eq!(st.get("orphans").and_then(json::Value::as_f64), Some(1.0));
        assert!(r
            .to_text(&segment(&gone), 3)
            .contains("Ana Lima (n): 2 annotations, 1 orphan"));
    }

    fn exercise(article: &str, key: Option<&str>) -> String {
        let mut o = String::from(
            "{\"type\":\"claimmark-exercise\",\"version\":1,\"title\":\"Ex 1\",\"article\":",
        );
        json::write_str(&mut o, article);
        if let Some(k) = key {
            o.push_str(",\"key\":");
            o.push_str(k);
        }
        o.push('}');
        o
    }

    #[test]
    fn the_key_may_be_the_exercise_file() {
        use claimmark::classroom::exercise_article;
        let d = doc();
        let key = export(TEXT, None, &[(0, "fact"), (1, "fact")]);
        let ex = exercise(&TEXT.replace('\n', "\r\n"), Some(&key));
        assert_eq!(
            exercise_article(&ex).unwrap().map(|a| a.replace('\r', "")),
            Some(TEXT.to_string())
        );
        assert_eq!(exercise_article(&key).unwrap(), None);
        let k = AnnotationSet::key_from_json(&d, "exercise.json", &ex).unwrap();
        assert_eq!(k.annotations.len(), 2);
        let st = set(&d, "s", &[(0, "fact"), (1, "quote")]);
        let r = score(&d, Some(&k), &[st]);
        assert_eq!(r.students[0].accuracy.unwrap().correct, 1);
        // A plain W3C key still works; an exercise for another article, or with
        // no key, is refused with the reason; so is an exercise as a student.
        assert!(AnnotationSet::key_from_json(&d, "k", &key).is_ok());
        let e = AnnotationSet::key_from_json(
            &segment("Other text.\n\nA body sentence here."),
            "x",
            &ex,
        )
        .unwrap_err();
        assert!(e.contains("(“Ex 1”) is for a different article"), "{e}");
        let e = AnnotationSet::key_from_json(&d, "x", &exercise(TEXT, None)).unwrap_err();
        assert!(e.contains("has no answer key"), "{e}");
        let e = AnnotationSet::from_w3c(&d, "x", &ex).unwrap_err();
        assert!(e.contains("exercise file (the teacher's)"), "{e}");
        let e = AnnotationSet::key_from_json(
            &d,
            "x",
            "{\"type\":\"claimmark-exercise\",\"version\":3}",
        )
        .unwrap_err();
        assert!(e.contains("\"version\" 3 is not supported"), "{e}");
    }
}
