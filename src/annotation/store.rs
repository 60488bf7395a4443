//! The annotation store: every change is an [`Op`]; each applied op records its
//! inverse, so undo/redo cover adds, edits, tag changes, deletes, block moves and
//! batches (imports, clear) alike.

use super::{check_span, context, Annotation};
use crate::text::Span;

/// How many undo steps are kept.
pub const UNDO_LIMIT: usize = 1000;

/// A change to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Adds an annotation (its id must be new).
    Add(Annotation),
    /// Removes the annotation with this id.
    Remove {
        /// Which annotation.
        id: String,
    },
    /// Changes fields of an annotation; `None` leaves a field as it is.
    Update {
        /// Which annotation.
        id: String,
        /// New tag.
        tag: Option<String>,
        /// New note.
        note: Option<String>,
        /// New place (re-attaching an orphan, or resizing); quote and context
        /// are re-read from the text.
        span: Option<Span>,
        /// Modification time, ISO 8601.
        modified: String,
    },
    /// Moves a block into the article (`Some(true)`), out of it (`Some(false)`), or
    /// back to what segmentation decided (`None`).
    SetBlock {
        /// Block index in the Document.
        block: usize,
        /// The reader's choice.
        in_article: Option<bool>,
    },
    /// Several ops as one step (an import, a clear); all or nothing.
    Batch(Vec<Op>),
    /// Puts an annotation back as it was, at its list position (undo of a remove
    /// or of an update); not meant for callers.
    Restore {
        /// The annotation as it was.
        annotation: Annotation,
        /// Its index in the list.
        index: usize,
    },
}

/// What an applied op (or undo/redo) changed, for the UI's events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Ids of annotations added.
    pub added: Vec<String>,
    /// Ids of annotations changed.
    pub changed: Vec<String>,
    /// Ids of annotations removed.
    pub removed: Vec<String>,
    /// Blocks whose in/out choice changed.
    pub blocks: Vec<usize>,
}

impl Change {
    fn merge(&mut self, other: Change) {
        self.added.extend(other.added);
        self.changed.extend(other.changed);
        self.removed.extend(other.removed);
        self.blocks.extend(other.blocks);
    }

    /// The same change with every id that was both removed and added (a
    /// replacement, as in an import's merge) listed under `changed` only.
    pub fn fold_replacements(self) -> Change {
        let mut c = self;
        let in_added = members(&c.added, &c.removed);
        if !in_added.contains(&true) {
            return c;
        }
        let in_removed = members(&c.removed, &c.added);
        let mut changed = vec![];
        let mut added = vec![];
        for (k, id) in std::mem::take(&mut c.added).into_iter().enumerate() {
            if in_added[k] {
                changed.push(id);
            } else {
                added.push(id);
            }
        }
        let mut removed = vec![];
        for (k, id) in std::mem::take(&mut c.removed).into_iter().enumerate() {
            if !in_removed[k] {
                removed.push(id);
            }
        }
        changed.append(&mut c.changed);
        c.added = added;
        c.removed = removed;
        c.changed = changed;
        c
    }
}

/// For each of `ids`, whether it is in `set` (hash and sort, no hash map).
fn members(ids: &[String], set: &[String]) -> Vec<bool> {
    let mut set_refs: Vec<&str> = Vec::with_capacity(set.len());
    for s in set {
        set_refs.push(s);
    }
    let keys = crate::anchor::index::sorted_hashes(&set_refs);
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let h = crate::anchor::index::str_hash(id);
        let from = keys.partition_point(|k| k.0 < h);
        let mut found = false;
        for k in &keys[from..] {
            if k.0 != h {
                break;
            }
            if set_refs[k.1 as usize] == id {
                found = true;
                break;
            }
        }
        out.push(found);
    }
    out
}

/// Why an op was refused. The store is unchanged after an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No annotation has this id.
    UnknownId(String),
    /// An annotation with this id exists already.
    DuplicateId(String),
    /// The span is empty, reversed, past the end or inside a character.
    BadSpan {
        /// Start (bytes).
        start: usize,
        /// End (bytes).
        end: usize,
        /// Text length (bytes).
        len: usize,
    },
    /// A tag must not be empty.
    EmptyTag,
}

impl StoreError {
    /// The message `Display` shows (built without `core::fmt`, which keeps
    /// formatting code out of the reader's wasm module).
    pub fn message(&self) -> String {
        use crate::json::num;
        match self {
            StoreError::UnknownId(id) => ["no annotation has id \"", id, "\""].concat(),
            StoreError::DuplicateId(id) => {
                ["an annotation with id \"", id, "\" exists already"].concat()
            }
            StoreError::BadSpan { start, end, len } => [
                "span ",
                &num(*start),
                "..",
                &num(*end),
                " is not a non-empty range on character boundaries of the text (length ",
                &num(*len),
                ")",
            ]
            .concat(),
            StoreError::EmptyTag => "an annotation needs a tag".into(),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for StoreError {}

/// The reader's block choices: block index → in the article?, ascending by block.
///
/// A small sorted list (a reader moves a handful of blocks), iterated like a
/// `BTreeMap<usize, bool>`: `for (&block, &in_article) in choices`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct BlockChoices {
    items: Vec<(usize, bool)>,
}

/// Iterator over [`BlockChoices`] as `(&block, &in_article)` pairs.
pub type BlockChoicesIter<'a> = std::iter::Map<
    std::slice::Iter<'a, (usize, bool)>,
    fn(&'a (usize, bool)) -> (&'a usize, &'a bool),
>;

impl BlockChoices {
    /// `(&block, &in_article)` pairs, ascending by block.
    pub fn iter(&self) -> BlockChoicesIter<'_> {
        self.items.iter().map(|(b, v)| (b, v))
    }

    /// How many blocks have a choice.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when no block has a choice.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The choice for `block`, if any.
    pub fn get(&self, block: &usize) -> Option<&bool> {
        let i = self.items.binary_search_by_key(block, |e| e.0).ok()?;
        self.items.get(i).map(|e| &e.1)
    }

    /// Sets the choice for `block`; returns the previous one.
    fn insert(&mut self, block: usize, v: bool) -> Option<bool> {
        match self.items.binary_search_by_key(&block, |e| e.0) {
            Ok(i) => self
                .items
                .get_mut(i)
                .map(|e| std::mem::replace(&mut e.1, v)),
            Err(i) => {
                self.items.insert(i, (block, v));
                None
            }
        }
    }

    /// Drops the choice for `block`; returns it.
    fn remove(&mut self, block: &usize) -> Option<bool> {
        let i = self.items.binary_search_by_key(block, |e| e.0).ok()?;
        Some(self.items.remove(i).1)
    }
}

impl<'a> IntoIterator for &'a BlockChoices {
    type Item = (&'a usize, &'a bool);
    type IntoIter = BlockChoicesIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for BlockChoices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Annotations on one article text, with block choices and undo/redo history.
#[derive(Debug, Clone, Default)]
pub struct Store {
    text: String,
    annotations: Vec<Annotation>,
    blocks: BlockChoices,
    undo: Vec<Op>,
    redo: Vec<Op>,
}

impl Store {
    /// An empty store for `text` (the Document's normalised text).
    pub fn new(text: impl Into<String>) -> Store {
        Store {
            text: text.into(),
            ..Store::default()
        }
    }

    /// The article text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Annotations in the order they were added.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Annotations in document order (by start, then end); orphans last.
    pub fn in_document_order(&self) -> Vec<&Annotation> {
        // Keys `(start, end << 32 | index)` (orphans: `(MAX, index)`) sorted with the
        // crate's one shared sort: the index tie-break keeps equal spans in insertion
        // order, as a stable sort would (exact for offsets and counts below 2³²,
        // so always on wasm32).
        let mut keys: Vec<(u64, u64)> = self
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| match a.span {
                Some(s) => (s.start as u64, (s.end as u64) << 32 | i as u64),
                None => (u64::MAX, i as u64),
            })
            .collect();
        crate::anchor::index::sort_pairs(&mut keys);
        keys.iter()
            .filter_map(|&(_, k)| self.annotations.get((k & u64::from(u32::MAX)) as usize))
            .collect()
    }

    /// The annotation with `id`.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The reader's block choices: block index → in the article?
    pub fn block_choices(&self) -> &BlockChoices {
        &self.blocks
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every undo and redo step (after loading a saved session, so that
    /// undo cannot take the loaded annotations away).
    pub fn clear_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Applies `op` as one undoable step. On error nothing changes.
    pub fn apply(&mut self, op: Op) -> Result<Change, StoreError> {
        let (inverse, change) = self.apply_raw(op)?;
        self.undo.push(inverse);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(change)
    }

    /// Undoes the last step; `None` when there is none.
    pub fn undo(&mut self) -> Option<Change> {
        let op = self.undo.pop()?;
        let (inverse, change) = self
            .apply_raw(op)
            .expect("an inverse op always applies to the state it was made for");
        self.redo.push(inverse);
        Some(change)
    }

    /// Redoes the last undone step; `None` when there is none.
    pub fn redo(&mut self) -> Option<Change> {
        let op = self.redo.pop()?;
        let (inverse, change) = self
            .apply_raw(op)
            .expect("a redo op always applies to the state it was made for");
        self.undo.push(inverse);
        Some(change)
    }

    fn check_span(&self, s: Span) -> Result<(), StoreError> {
        check_span(&self.text, s)
    }

    fn index_of(&self, id: &str) -> Result<usize, StoreError> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| StoreError::UnknownId(id.to_string()))
    }

    /// Applies `op` without touching history; returns its inverse and the change.
    ///
    /// Add, Update and Restore share one tail: each yields the annotation to put
    /// at an index; an annotation with the same id is replaced in place (the
    /// inverse restores the old one), otherwise it is inserted (the inverse removes it).
    fn apply_raw(&mut self, op: Op) -> Result<(Op, Change), StoreError> {
        let mut change = Change::default();
        let (annotation, index) = match op {
            Op::Add(a) => {
                if self.get(&a.id).is_some() {
                    return Err(StoreError::DuplicateId(a.id));
                }
                if let Some(s) = a.span {
                    self.check_span(s)?;
                }
                if a.tag.is_empty() {
                    return Err(StoreError::EmptyTag);
                }
                (a, usize::MAX)
            }
            Op::Restore { annotation, index } => (annotation, index),
            Op::Update {
                id,
                tag,
                note,
                span,
                modified,
            } => {
                let i = self.index_of(&id)?;
                if let Some(s) = span {
                    self.check_span(s)?;
                }
                if tag.as_deref() == Some("") {
                    return Err(StoreError::EmptyTag);
                }
                let text = &self.text;
                let mut a = self.annotations[i].clone();
                if let Some(t) = tag {
                    a.tag = t;
                }
                if let Some(n) = note {
                    a.note = n;
                }
                if let Some(s) = span {
                    a.span = Some(s);
                    a.quote = s.of(text).to_string();
                    (a.prefix, a.suffix) = context(text, s);
                }
                a.modified = modified;
                (a, i)
            }
            Op::Remove { id } => {
                let i = self.index_of(&id)?;
                let a = self.annotations.remove(i);
                change.removed.push(id);
                let inverse = Op::Restore {
                    annotation: a,
                    index: i,
                };
                return Ok((inverse, change));
            }
            Op::SetBlock { block, in_article } => {
                let old = match in_article {
                    Some(v) => self.blocks.insert(block, v),
                    None => self.blocks.remove(&block),
                };
                change.blocks.push(block);
                let inverse = Op::SetBlock {
                    block,
                    in_article: old,
                };
                return Ok((inverse, change));
            }
            Op::Batch(ops) => {
                let mut inverses = Vec::with_capacity(ops.len());
                for op in ops {
                    match self.apply_raw(op) {
                        Ok((inv, c)) => {
                            inverses.push(inv);
                            change.merge(c);
                        }
                        Err(e) => {
                            for inv in inverses.into_iter().rev() {
                                self.apply_raw(inv).expect("rollback applies");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                return Ok((Op::Batch(inverses), change));
            }
        };
        let id = annotation.id.clone();
        let inverse = match self.annotations.iter().position(|a| a.id == id) {
            Some(i) => {
                let old = std::mem::replace(&mut self.annotations[i], annotation);
                change.changed.push(id);
                Op::Restore {
                    annotation: old,
                    index: i,
                }
            }
            None => {
                let at = index.min(self.annotations.len());
                self.annotations.insert(at, annotation);
                change.added.push(id.clone());
                Op::Remove { id }
            }
        };
        Ok((inverse, change))
    }

    /// An op that removes every annotation and block choice (one undo step).
    pub fn clear_op(&self) -> Op {
        let mut ops: Vec<Op> = self
            .annotations
            .iter()
            .map(|a| Op::Remove { id: a.id.clone() })
            .collect();
        ops.extend(self.blocks.iter().map(|(&block, _)| Op::SetBlock {
            block,
            in_article: None,
        }));
        Op::Batch(ops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kim said “yes 😀.” The talks resume.";

    fn ann(id: &str, s: usize, e: usize) -> Annotation {
        let mut a = Annotation::new(id, TEXT, Span::new(0, 1), "fact", "", "t0").unwrap();
        a.span = Some(Span::new(s, e)); // may be invalid on purpose: the store must check
        a
    }

    fn snapshot(s: &Store) -> (Vec<Annotation>, BlockChoices) {
        (s.annotations().to_vec(), s.block_choices().clone())
    }

    #[test]
    fn add_edit_remove_undo_redo() {
        let mut st = Store::new(TEXT);
        let s0 = snapshot(&st);
        st.apply(Op::Add(ann("a", 0, 3))).unwrap();
        let s1 = snapshot(&st);
        st.apply(Op::Update {
            id: "a".into(),
            tag: Some("analysis".into()),
            note: Some("why".into()),
            span: None,
            modified: "t2".into(),
        })
        .unwrap();
        let s2 = snapshot(&st);
        assert_eq!(st.get("a").unwrap().tag, "analysis");
        st.apply(Op::SetBlock {
            block: 3,
            in_article: Some(true),
        })
        .unwrap();
        let s3 = snapshot(&st);
        let c = st.apply(Op::Remove { id: "a".into() }).unwrap();
        assert_eq!(c.removed, vec!["a".to_string()]);
        let s4 = snapshot(&st);
        for want in [&s3, &s2, &s1, &s0] {
            st.undo().unwrap();
            assert_eq!(&snapshot(&st), want);
        }
        assert!(st.undo().is_none());
        for want in [&s1, &s2, &s3, &s4] {
            st.redo().unwrap();
            assert_eq!(&snapshot(&st), want);
        }
        assert!(st.redo().is_none());
        st.clear_history();
        assert!(!st.can_undo() && !st.can_redo());
        assert_eq!(snapshot(&st), s4);
    }

    #[test]
    fn errors_change_nothing() {
        let mut st = Store::new(TEXT);
        st.apply(Op::Add(ann("a", 0, 3))).unwrap();
        let before = snapshot(&st);
        let emoji = TEXT.find('😀').unwrap();
        assert!(matches!(
            st.apply(Op::Add(ann("b", emoji + 1, emoji + 4))),
            Err(StoreError::BadSpan { .. })
        ));
        assert_eq!(
            st.apply(Op::Add(ann("a", 4, 8))),
            Err(StoreError::DuplicateId("a".into()))
        );
        // A batch fails as a whole: the first add is rolled back.
        let batch = Op::Batch(vec![
            Op::Add(ann("c", 4, 8)),
            Op::Remove { id: "zz".into() },
        ]);
        assert_eq!(st.apply(batch), Err(StoreError::UnknownId("zz".into())));
        assert_eq!(snapshot(&st), before);
        st.undo().unwrap();
        assert!(st.annotations().is_empty());
    }

    #[test]
    fn clear_is_one_undo_step_and_restores_order() {
        let mut st = Store::new(TEXT);
        for (i, id) in ["x", "y", "z"].iter().enumerate() {
            st.apply(Op::Add(ann(id, i, i + 2))).unwrap();
        }
        let before = snapshot(&st);
        st.apply(st.clear_op()).unwrap();
        assert!(st.annotations().is_empty());
        st.undo().unwrap();
        assert_eq!(snapshot(&st), before);
    }

    #[test]
    fn reattach_rereads_quote_and_context() {
        let mut st = Store::new(TEXT);
        let mut a = ann("a", 0, 3);
        a.span = None;
        st.apply(Op::Add(a)).unwrap();
        assert!(st.get("a").unwrap().is_orphan());
        let start = TEXT.find("The").unwrap();
        st.apply(Op::Update {
            id: "a".into(),
            tag: None,
            note: None,
            span: Some(Span::new(start, start + 3)),
            modified: "t".into(),
        })
        .unwrap();
        let a = st.get("a").unwrap();
        assert_eq!(a.quote, "The");
        assert!(a.prefix.ends_with("” "));
        assert_eq!(st.in_document_order()[0].id, "a");
    }
}
