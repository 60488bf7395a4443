//! W3C JSON → one atomic [`Op::Batch`] on a [`Store`].
//!
//! Rules (also in the user-facing docs):
//! * the input is at most [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES) (checked
//!   before parsing) and nests at most [`crate::json::MAX_DEPTH`] levels;
//! * everything is validated before anything changes; the first problem is
//!   reported with where it is (`item 3 ("id"): TextPositionSelector.end (4) is
//!   before start (9)`; items are counted from 1);
//! * two items with the same id in one file are an **error**;
//! * an item whose id equals an annotation already in the store **replaces** it
//!   (merge mode; counted in [`ImportReport::replaced`]);
//! * positions must be non-negative integers; with a `TextQuoteSelector` the
//!   position is only a hint (it may be stale), without one it must lie within
//!   the text and select something;
//! * items are placed with [`crate::anchor::anchor`]; those that cannot be placed
//!   become orphans (kept with their quote, never dropped); a position past the
//!   end of the text is still a hint, and `claimmark:copies` tells where the
//!   quote's other copies were;
//! * block choices (`claimmark:blocks`) are applied only when the file's
//!   `claimmark:contentHash` equals the current text's (block numbers mean
//!   nothing for another text); the report says whether the hash matched
//!   ([`ImportReport::same_text`]), who made the file and its title;
//! * keys such as `__proto__` or `constructor` are plain data; notes are plain text.

use super::parse::{self, err, item_at, num, Item};
use crate::anchor::{anchor_all, Anchored, CodepointMap, Method, Selector};
use crate::annotation::{context, Annotation, Change, Op, Store};
use crate::hash::content_hash;
use crate::text::Span;

/// Why an import was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// What is wrong and where, in plain words.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// Whether an import adds to the store or replaces its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep existing annotations; same ids are replaced.
    Merge,
    /// Remove every annotation and block choice first (in the same batch).
    Replace,
}

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions<'a> {
    /// Merge or replace.
    pub mode: ImportMode,
    /// Time (ISO 8601) used for items without `created`/`modified`.
    pub time: &'a str,
    /// Number of blocks of the Document, to check `claimmark:blocks` (`None`: unchecked).
    pub block_count: Option<usize>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Annotations in the file (all of them are added).
    pub imported: usize,
    /// Of those, how many replaced an annotation with the same id (merge mode).
    pub replaced: usize,
    /// Of those, how many could not be placed on the text.
    pub orphans: usize,
    /// Placed at their old position.
    pub by_position: usize,
    /// Placed by an exact quote search.
    pub by_exact: usize,
    /// Placed by a fuzzy match.
    pub by_fuzzy: usize,
    /// Block choices applied.
    pub blocks: usize,
    /// Block choices ignored because the file was made for another text.
    pub blocks_skipped: usize,
    /// Whether the file's `claimmark:contentHash` equals the text's: `None` when
    /// the file carries no hash (e.g. another tool's annotations).
    pub same_text: Option<bool>,
    /// Who made the file: the collection's `creator`, else the creator every
    /// annotation names (when they all name the same one).
    pub creator: Option<String>,
    /// The collection's `label` (claimmark writes the article title there).
    pub title: Option<String>,
}

/// A validated import, ready to apply as one step.
#[derive(Debug, Clone)]
pub struct Import {
    /// The batch to apply.
    pub op: Op,
    /// What it does.
    pub report: ImportReport,
}

/// Checks `json` without a text (shape, types, limits, unique ids); returns the
/// number of annotations. Positions are checked against a text by [`import`].
pub fn validate(json: &str) -> Result<usize, ImportError> {
    read(json).map(|f| f.items.len())
}

fn read(json: &str) -> Result<parse::File, ImportError> {
    if json.len() > super::MAX_INPUT_BYTES {
        // Megabytes with one decimal, in integers (no float formatting in the wasm).
        let tenths = (json.len() + 50_000) / 100_000;
        return Err(err(
            "",
            &[
                "the file is too large (",
                &num(tenths / 10),
                ".",
                &num(tenths % 10),
                " MB; at most ",
                &num(super::MAX_INPUT_BYTES / (1024 * 1024)),
                " MB)",
            ],
        ));
    }
    match crate::json::parse(json) {
        Ok(value) => parse::file(&value),
        Err(e) => Err(err("", &["not valid JSON: ", &e.to_string()])),
    }
}

/// Validates `json` and turns it into one batch for `store` (which is not changed).
pub fn import(store: &Store, json: &str, opts: &ImportOptions<'_>) -> Result<Import, ImportError> {
    let file = read(json)?;
    let text = store.text();
    let map = CodepointMap::new(text);
    let same_text = file
        .content_hash
        .as_deref()
        .map(|h| h == content_hash(text));
    let mut report = ImportReport {
        same_text,
        creator: file.creator.clone().or_else(|| common_creator(&file.items)),
        title: file.title.clone(),
        ..ImportReport::default()
    };
    let mut placed = Vec::with_capacity(file.items.len());
    // Every quoted item is anchored in one go: those found unchanged guide the others.
    let mut sels: Vec<Selector<'_>> = vec![];
    for it in &file.items {
        let Some(q) = quoted(it) else {
            continue;
        };
        // A stale position past the end of the text still tells roughly where
        // the quote was: counted on from the end, not dropped.
        let to = |cp: usize| {
            map.to_byte(cp)
                .unwrap_or_else(|| text.len().saturating_add(cp - map.len()))
        };
        let hint = it.position.map(|(s, e)| Span::new(to(s), to(e).max(to(s))));
        sels.push(Selector {
            exact: &q.exact,
            prefix: &q.prefix,
            suffix: &q.suffix,
            hint,
            copies: q.copies,
        });
    }
    // In item order, one for each quoted item.
    let mut anchored = anchor_all(text, &sels).into_iter();
    for (i, it) in file.items.iter().enumerate() {
        let r = match quoted(it) {
            Some(_) => anchored.next(),
            None => None,
        };
        let (a, method) = place(text, &map, r, it, opts.time, i)?;
        match method {
            Method::Position => report.by_position += 1,
            Method::Exact => report.by_exact += 1,
            Method::Fuzzy => report.by_fuzzy += 1,
            Method::Orphan => report.orphans += 1,
        }
        placed.push(a);
    }
    let mut ops = vec![];
    if opts.mode == ImportMode::Replace {
        if let Op::Batch(clear) = store.clear_op() {
            ops = clear;
        }
    }
    for a in placed {
        if opts.mode == ImportMode::Merge && store.get(&a.id).is_some() {
            report.replaced += 1;
            ops.push(Op::Remove { id: a.id.clone() });
        }
        report.imported += 1;
        ops.push(Op::Add(a));
    }
    if !file.blocks.is_empty() {
        if same_text == Some(true) {
            for &(block, in_article) in &file.blocks {
                if let Some(n) = opts.block_count.filter(|&n| block >= n) {
                    return Err(err(
                        "collection: claimmark:blocks",
                        &[
                            "block ",
                            &num(block),
                            " does not exist (the article has ",
                            &num(n),
                            " blocks)",
                        ],
                    ));
                }
                ops.push(Op::SetBlock {
                    block,
                    in_article: Some(in_article),
                });
                report.blocks += 1;
            }
        } else {
            report.blocks_skipped = file.blocks.len();
        }
    }
    Ok(Import {
        op: Op::Batch(ops),
        report,
    })
}

/// The creator every item names, when they all name the same one.
fn common_creator(items: &[Item]) -> Option<String> {
    let first = items.first()?.creator.as_ref()?;
    items
        .iter()
        .all(|it| it.creator.as_ref() == Some(first))
        .then(|| first.clone())
}

/// The item's quote selector when it has a non-empty `exact`.
fn quoted(it: &Item) -> Option<&parse::Quote> {
    it.quote.as_ref().filter(|q| !q.exact.is_empty())
}

/// One item as an [`Annotation`] on `text`, and how it was placed.
fn place(
    text: &str,
    map: &CodepointMap,
    anchored: Option<Anchored>,
    it: &Item,
    time: &str,
    i: usize,
) -> Result<(Annotation, Method), ImportError> {
    let created = it.created.clone().unwrap_or_else(|| time.to_string());
    let modified = it.modified.clone().unwrap_or_else(|| created.clone());
    let mut a = Annotation {
        id: it.id.clone(),
        span: None,
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tag: it.tag.clone(),
        note: it.note.clone(),
        created,
        modified,
        creator: it.creator.clone(),
        extra: it.extra.clone(),
    };
    let (span, method) = match (&it.quote, it.position, anchored) {
        (Some(q), _, Some(r)) => {
            if r.span.is_none() {
                a.quote = q.exact.clone();
                a.prefix = q.prefix.clone();
                a.suffix = q.suffix.clone();
            }
            (r.span, r.method)
        }
        (_, Some((s, e)), _) => {
            let len = map.len();
            if e > len {
                return Err(err(
                    &item_at(i, &a.id),
                    &[
                        "TextPositionSelector.end (",
                        &e.to_string(),
                        ") is past the end of the text (",
                        &num(len),
                        " characters)",
                    ],
                ));
            }
            if s == e {
                return Err(err(
                    &item_at(i, &a.id),
                    &[
                        "TextPositionSelector selects nothing (start = end = ",
                        &s.to_string(),
                        ")",
                    ],
                ));
            }
            let span = Span::new(map.to_byte_clamped(s), map.to_byte_clamped(e));
            (Some(span), Method::Position)
        }
        _ => (None, Method::Orphan),
    };
    if let Some(s) = span {
        a.span = Some(s);
        a.quote = s.of(text).to_string();
        (a.prefix, a.suffix) = context(text, s);
    }
    Ok((a, method))
}

/// Validates `json` and applies it to `store` as one undo step.
///
/// The returned [`Change`] lists an id that was both removed and added (a
/// replacement) under `changed` only.
pub fn import_into(
    store: &mut Store,
    json: &str,
    opts: &ImportOptions<'_>,
) -> Result<(Change, ImportReport), ImportError> {
    let Import { op, report } = import(store, json, opts)?;
    match store.apply(op) {
        Ok(change) => Ok((change.fold_replacements(), report)),
        Err(e) => Err(err(
            "",
            &["the import could not be applied: ", &e.to_string()],
        )),
    }
}

/// `{"change":{…},"imported":n,"replaced":n,"orphans":n,"blocksSkipped":n}`.
pub fn report_json(change: &Change, r: &ImportReport) -> String {
    let mut out = String::from("{\"change\":");
    out.push_str(&crate::annotation::change_to_json(change));
    for (k, n) in [
        ("imported", r.imported),
        ("replaced", r.replaced),
        ("orphans", r.orphans),
        ("fuzzy", r.by_fuzzy),
        ("blocksSkipped", r.blocks_skipped),
    ] {
        out.push_str(",\"");
        out.push_str(k);
        out.push_str("\":");
        out.push_str(&num(n));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::w3c::{export_collection, ExportOptions};

    const TEXT: &str = "Kim said “yes 😀.” The talks resume. The talks resume.";

    fn store() -> Store {
        let mut st = Store::new(TEXT);
        let s = TEXT.find("yes").unwrap();
        let a = Annotation::new(
            "a",
            TEXT,
            Span::new(s, s + 8),
            "quote",
            "n",
            "2024-01-01T00:00:00Z",
        )
        .unwrap();
        st.apply(Op::Add(a)).unwrap();
        let s = TEXT.rfind("talks").unwrap();
        let b = Annotation::new("b", TEXT, Span::new(s, s + 5), "fact", "", "t1").unwrap();
        st.apply(Op::Add(b)).unwrap();
        st.apply(Op::SetBlock {
            block: 0,
            in_article: Some(false),
        })
        .unwrap();
        st
    }

    fn opts(mode: ImportMode) -> ImportOptions<'static> {
        ImportOptions {
            mode,
            time: "t9",
            block_count: Some(1),
        }
    }

    #[test]
    fn merge_replaces_same_ids_in_one_undo_step() {
        let src = store();
        let json = export_collection(&src, &ExportOptions::default());
        let mut st = store();
        let before = st.annotations().to_vec();
        st.apply(Op::Update {
            id: "a".into(),
            tag: Some("fact".into()),
            note: None,
            span: None,
            modified: "t2".into(),
        })
        .unwrap();
        let (change, r) = import_into(&mut st, &json, &opts(ImportMode::Merge)).unwrap();
        assert_eq!((r.imported, r.replaced, r.orphans, r.blocks), (2, 2, 0, 1));
        assert!(change.added.is_empty() && change.removed.is_empty());
        assert_eq!(change.changed.len(), 2);
        let mut got = st.annotations().to_vec();
        got.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(got, before);
        st.undo().unwrap();
        assert_eq!(st.get("a").unwrap().tag, "fact");
    }

    #[test]
    fn report_says_whether_the_file_is_for_this_text_and_who_made_it() {
        let src = store();
        let by_ana = ExportOptions {
            creator: Some("Ana".into()),
            title: Some("Talks".into()),
            ..ExportOptions::default()
        };
        let json = export_collection(&src, &by_ana);
        let r = import(&store(), &json, &opts(ImportMode::Replace))
            .unwrap()
            .report;
        assert_eq!(r.same_text, Some(true));
        assert_eq!(r.creator.as_deref(), Some("Ana"));
        assert_eq!(r.title.as_deref(), Some("Talks"));
        // Another text: the hash differs (the block choice is skipped, as before).
        let other = Store::new(TEXT.replace("Kim", "Lee"));
        let r = import(&other, &json, &opts(ImportMode::Replace))
            .unwrap()
            .report;
        assert_eq!((r.same_text, r.blocks_skipped), (Some(false), 1));
        // No hash, creators on the items: the one they share, or none.
        let items = |c1: &str, c2: &str| {
            format!(
                "[{{\"type\":\"Annotation\",\"id\":\"urn:x:1\",\"creator\":{{\"name\":\"{c1}\"}},\"target\":{{\"selector\":{{\"type\":\"TextQuoteSelector\",\"exact\":\"talks\"}}}}}},\
                 {{\"type\":\"Annotation\",\"id\":\"urn:x:2\",\"creator\":\"{c2}\",\"target\":{{\"selector\":{{\"type\":\"TextQuoteSelector\",\"exact\":\"Kim\"}}}}}}]"
            )
        };
        let r = import(&store(), &items("Bo", "Bo"), &opts(ImportMode::Merge))
            .unwrap()
            .report;
        assert_eq!((r.same_text, r.creator.as_deref()), (None, Some("Bo")));
        let r = import(&store(), &items("Bo", "Cy"), &opts(ImportMode::Merge))
            .unwrap()
            .report;
        assert_eq!(r.creator, None);
        // A collection creator of an odd shape is not an error, just unknown.
        let odd = json.replacen("\"creator\":{", "\"creator\":7,\"x\":{", 1);
        let r = import(&store(), &odd, &opts(ImportMode::Replace))
            .unwrap()
            .report;
        assert_eq!(r.creator, None);
    }

    #[test]
    fn position_past_the_end_is_still_a_hint() {
        // Another tool's annotation on the last of two copies, the text since
        // cut short: the position still points at the end, not at nothing.
        let text = format!(
            "x\nHome\nx\n{}x\nHome\nx",
            "Filler words here. ".repeat(100)
        );
        let st = Store::new(text.as_str());
        let json = r#"{"type":"Annotation","id":"urn:x:1","body":"urn:x:b",
          "target":{"source":"urn:x","selector":[
            {"type":"TextQuoteSelector","exact":"Home","prefix":"x\n","suffix":"\nx"},
            {"type":"TextPositionSelector","start":2000,"end":2004}]}}"#;
        let imp = import(&st, json, &opts(ImportMode::Merge)).unwrap();
        let Op::Batch(ops) = imp.op else { panic!() };
        let Some(Op::Add(a)) = ops.last() else {
            panic!()
        };
        let last = text.rfind("Home").unwrap();
        assert_eq!(a.span, Some(Span::new(last, last + 4)));
    }

    #[test]
    fn deleted_copy_stays_an_orphan_through_export_and_import() {
        // Non-ASCII on purpose: positions in code points, distances in bytes.
        let notice = "Wir verwenden Cookies — „für Ihr Erlebnis“ beim Surfen auf dieser Website.\n";
        let para = |i: usize| format!("Absatz {i} hat eigene Wörter, Nummer {i}, und mehr.\n");
        let mut text = String::new();
        for i in 0..4 {
            text.push_str(&para(i));
        }
        text.push_str(notice);
        text.push_str(notice);
        for i in 4..8 {
            text.push_str(&para(i));
        }
        let mut st = Store::new(text.as_str());
        let q = "„für Ihr Erlebnis“";
        let mut spans = vec![];
        for w in ["Nummer 3,", "Nummer 4,"] {
            let s = text.find(w).unwrap();
            spans.push(Span::new(s, s + w.len()));
        }
        for s in [text.find(q).unwrap(), text.rfind(q).unwrap()] {
            spans.push(Span::new(s, s + q.len()));
        }
        for (i, &span) in spans.iter().enumerate() {
            let a = Annotation::new(format!("a{i}"), &text, span, "fact", "", "t").unwrap();
            st.apply(Op::Add(a)).unwrap();
        }
        let json = export_collection(&st, &ExportOptions::default());
        assert_eq!(json.matches("\"claimmark:copies\"").count(), 2);
        // The second notice deleted.
        let at = text.rfind(notice).unwrap();
        let mut new = text.clone();
        new.replace_range(at..at + notice.len(), "");
        let imp = import(&Store::new(new.as_str()), &json, &opts(ImportMode::Replace)).unwrap();
        let Op::Batch(ops) = imp.op else { panic!() };
        let mut got = std::collections::BTreeMap::new();
        for op in ops {
            if let Op::Add(a) = op {
                got.insert(a.id, a.span.map(|s| s.of(&new).to_string()));
            }
        }
        assert_eq!(got["a3"], None);
        assert_eq!(got["a0"].as_deref(), Some("Nummer 3,"));
        assert_eq!(got["a1"].as_deref(), Some("Nummer 4,"));
    }

    #[test]
    fn replace_clears_and_errors_change_nothing() {
        let json = export_collection(&store(), &ExportOptions::default());
        let mut st = Store::new(TEXT);
        let c = Annotation::new("c", TEXT, Span::new(0, 3), "fact", "", "t").unwrap();
        st.apply(Op::Add(c)).unwrap();
        let (change, _) = import_into(&mut st, &json, &opts(ImportMode::Replace)).unwrap();
        assert_eq!(change.removed, vec!["c".to_string()]);
        assert_eq!(st.annotations().len(), 2);
        let snapshot = st.annotations().to_vec();
        let bad = json.replace(
            "\"TextPositionSelector\",\"start\":",
            "\"TextPositionSelector\",\"start\":-",
        );
        let e = import_into(&mut st, &bad, &opts(ImportMode::Replace)).unwrap_err();
        assert!(
            e.message.contains("item 1") && e.message.contains("non-negative integer"),
            "{e}"
        );
        assert_eq!(st.annotations(), &snapshot[..]);
    }
}
