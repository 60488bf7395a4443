//! The store's wire format: a list of ops as JSON, offsets in **UTF-8 bytes**.
//!
//! Used only where both sides hold the very same text, so byte offsets are exact:
//! - the autosave ([`snapshot_json`]), stored under a key derived from the text's
//!   hash and loaded back with [`ops_from_json`];
//! - the hand-over between the page's two wasm modules: the exchange module parses
//!   and anchors an import, writes the resulting batch with [`ops_to_json`], and the
//!   reader module applies it to its store as one undo step.
//!
//! Shape: `{"units":"byte","ops":[["add",ANNOTATION],["remove","id"],["block",3,true]]}`
//! where `ANNOTATION` is one element of [`annotations_to_json`] in bytes and the
//! block choice is `true`, `false` or `null` (back to segmentation's decision).
//! Ops are applied in list order.

use super::{annotations_to_json, check_span, context, Annotation, Op, Store};
use crate::json::{parse, write_str, write_uint, Value};
use crate::text::{Span, Unit};
use std::fmt;

/// Why wire JSON was refused (opaque; read it with `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(String);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WireError {}

fn bad(at: usize, what: &str) -> WireError {
    let mut m = String::from("saved annotations, op ");
    write_uint(&mut m, at as u64);
    m.push_str(": ");
    m.push_str(what);
    WireError(m)
}

/// The store's content (annotations in list order, then block choices) as wire
/// JSON; applying it to an empty store for the same text rebuilds the store.
pub fn snapshot_json(store: &Store) -> String {
    let mut ops = Vec::with_capacity(store.annotations().len() + store.block_choices().len());
    for a in store.annotations() {
        ops.push(Op::Add(a.clone()));
    }
    for (&block, &in_article) in store.block_choices().iter() {
        ops.push(Op::SetBlock {
            block,
            in_article: Some(in_article),
        });
    }
    ops_to_json(store.text(), &ops)
}

/// Writes `ops` (batches flattened) as wire JSON; `text` is the store's text.
///
/// Only adds, removes and block choices travel; `Update` and `Restore` are the
/// store's own undo records and are left out (no caller sends them).
pub fn ops_to_json(text: &str, ops: &[Op]) -> String {
    let mut out = String::from("{\"units\":\"byte\",\"ops\":[");
    let mut first = true;
    write_ops(text, ops, &mut out, &mut first);
    out.push_str("]}");
    out
}

fn write_ops(text: &str, ops: &[Op], out: &mut String, first: &mut bool) {
    for op in ops {
        let start = out.len();
        if !*first {
            out.push(',');
        }
        match op {
            Op::Add(a) => {
                let one = annotations_to_json(text, &[a], Unit::Byte);
                out.push_str("[\"add\",");
                // `one` is `[{…}]`: keep the object.
                out.push_str(&one[1..one.len() - 1]);
                out.push(']');
            }
            Op::Remove { id } => {
                out.push_str("[\"remove\",");
                write_str(out, id);
                out.push(']');
            }
            Op::SetBlock { block, in_article } => {
                out.push_str("[\"block\",");
                write_uint(out, *block as u64);
                out.push_str(match in_article {
                    Some(true) => ",true]",
                    Some(false) => ",false]",
                    None => ",null]",
                });
            }
            Op::Batch(inner) => {
                out.truncate(start);
                write_ops(text, inner, out, first);
                continue;
            }
            Op::Update { .. } | Op::Restore { .. } => {
                out.truncate(start);
                continue;
            }
        }
        *first = false;
    }
}

/// Reads wire JSON back into ops (in order) for `text`: every span must lie on
/// `text`'s character boundaries, and quote and context are re-read from `text`
/// (a saved copy can't disagree with the article it is shown on).
pub fn ops_from_json(text: &str, json: &str) -> Result<Vec<Op>, WireError> {
    let v = parse(json).map_err(|e| WireError(e.to_string()))?;
    if v.get("units").and_then(Value::as_str) != Some("byte") {
        return Err(WireError(
            "saved annotations: units must be \"byte\"".into(),
        ));
    }
    let Some(list) = v.get("ops").and_then(Value::as_array) else {
        return Err(WireError("saved annotations: ops must be an array".into()));
    };
    let mut ops = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let parts = item.as_array().unwrap_or(&[]);
        let op = match (parts.first().and_then(Value::as_str), parts.get(1)) {
            (Some("add"), Some(a)) if parts.len() == 2 => Op::Add(annotation(text, a, i)?),
            (Some("remove"), Some(Value::String(id))) if parts.len() == 2 => {
                Op::Remove { id: id.clone() }
            }
            (Some("block"), Some(b)) if parts.len() == 3 => Op::SetBlock {
                block: offset(Some(b)).ok_or_else(|| bad(i, "bad block index"))?,
                in_article: match parts[2] {
                    Value::Bool(b) => Some(b),
                    Value::Null => None,
                    _ => return Err(bad(i, "a block choice is true, false or null")),
                },
            },
            _ => {
                return Err(bad(
                    i,
                    "expected [\"add\",{…}], [\"remove\",id] or [\"block\",n,choice]",
                ))
            }
        };
        ops.push(op);
    }
    Ok(ops)
}

/// A non-negative integer below 2³² (offsets and indices).
fn offset(v: Option<&Value>) -> Option<usize> {
    let n = v?.as_f64()?;
    ((0.0..4_294_967_296.0).contains(&n) && n == (n as u64) as f64).then_some(n as usize)
}

fn annotation(article: &str, v: &Value, at: usize) -> Result<Annotation, WireError> {
    let text = |k: &str| -> Result<String, WireError> {
        match v.get(k) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(bad(at, &[k, " must be a string"].concat())),
        }
    };
    let span = match (v.get("start"), v.get("end")) {
        (Some(Value::Null), Some(Value::Null)) => None,
        (s, e) => match (offset(s), offset(e)) {
            (Some(s), Some(e)) if s < e => Some(Span::new(s, e)),
            (Some(_), Some(_)) => return Err(bad(at, "start must be before end")),
            _ => return Err(bad(at, "start and end must be byte offsets (or both null)")),
        },
    };
    let creator = match v.get("creator") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad(at, "creator must be a string or null")),
    };
    let mut extra = vec![];
    for pair in v.get("extra").and_then(Value::as_array).unwrap_or(&[]) {
        match pair.as_array() {
            Some([Value::String(p), Value::String(x)]) => extra.push((p.clone(), x.clone())),
            _ => return Err(bad(at, "extra must hold [purpose, value] string pairs")),
        }
    }
    let mut a = Annotation {
        id: text("id")?,
        span,
        quote: text("quote")?,
        prefix: text("prefix")?,
        suffix: text("suffix")?,
        tag: text("tag")?,
        note: text("note")?,
        created: text("created")?,
        modified: text("modified")?,
        creator,
        extra,
    };
    if let Some(s) = span {
        check_span(article, s).map_err(|e| bad(at, &e.to_string()))?;
        a.quote = s.of(article).to_string();
        (a.prefix, a.suffix) = context(article, s);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kim said “yes 😀.” The cafe\u{301} talks resume.";

    fn store() -> Store {
        let mut st = Store::new(TEXT);
        let s = TEXT.find("yes").unwrap();
        let mut a = Annotation::new("a", TEXT, Span::new(s, s + 8), "quote", "n\"", "t0").unwrap();
        a.creator = Some("Ana".into());
        a.extra = vec![("questioning".into(), "why?".into())];
        st.apply(Op::Add(a)).unwrap();
        let s = TEXT.find("cafe").unwrap();
        let b = Annotation::new("b", TEXT, Span::new(s, s + 6), "fact", "", "t1").unwrap();
        st.apply(Op::Add(b)).unwrap();
        let mut orphan = Annotation::new("c", TEXT, Span::new(0, 3), "analysis", "", "t2").unwrap();
        orphan.span = None;
        orphan.quote = "gone text".into();
        st.apply(Op::Add(orphan)).unwrap();
        st.apply(Op::SetBlock {
            block: 2,
            in_article: Some(false),
        })
        .unwrap();
        st
    }

    #[test]
    fn a_snapshot_rebuilds_the_same_store() {
        let st = store();
        let json = snapshot_json(&st);
        let mut back = Store::new(TEXT);
        back.apply(Op::Batch(ops_from_json(TEXT, &json).unwrap()))
            .unwrap();
        assert_eq!(back.annotations(), st.annotations());
        assert_eq!(back.block_choices(), st.block_choices());
        assert_eq!(snapshot_json(&back), json);
    }

    #[test]
    fn batches_flatten_and_keep_their_order() {
        let st = store();
        let ops = vec![Op::Batch(vec![
            Op::Remove { id: "a".into() },
            Op::Add(st.get("a").unwrap().clone()),
            Op::SetBlock {
                block: 2,
                in_article: None,
            },
        ])];
        let back = ops_from_json(TEXT, &ops_to_json(TEXT, &ops)).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(Op::Batch(back), ops[0]);
    }

    #[test]
    fn bad_wire_json_is_refused_with_a_reason() {
        for (json, says) in [
            ("[", "JSON"),
            ("{\"units\":\"utf16\",\"ops\":[]}", "units"),
            ("{\"units\":\"byte\"}", "ops must be an array"),
            ("{\"units\":\"byte\",\"ops\":[[\"drop\",1]]}", "op 0"),
            ("{\"units\":\"byte\",\"ops\":[[\"block\",-1,true]]}", "block index"),
            ("{\"units\":\"byte\",\"ops\":[[\"block\",1,2]]}", "true, false or null"),
            ("{\"units\":\"byte\",\"ops\":[[\"add\",{\"id\":\"x\",\"start\":1.5,\"end\":2}]]}", "byte offsets"),
            ("{\"units\":\"byte\",\"ops\":[[\"add\",{\"id\":\"x\",\"start\":null,\"end\":null}]]}", "quote must be a string"),
        ] {
            let e = ops_from_json(TEXT, json).unwrap_err().to_string();
            assert!(e.contains(says), "{json}: {e}");
        }
    }

    fn add_at(start: usize, end: usize, quote: &str) -> String {
        format!(
            "{{\"units\":\"byte\",\"ops\":[[\"add\",{{\"id\":\"x\",\"start\":{start},\"end\":{end},\
             \"quote\":\"{quote}\",\"prefix\":\"\",\"suffix\":\"\",\"tag\":\"fact\",\"note\":\"\",\
             \"created\":\"t\",\"modified\":\"t\"}}]]}}"
        )
    }

    #[test]
    fn spans_are_checked_and_quotes_reread_from_the_text() {
        // Byte 10 is inside “ (three bytes from 9); 100 is past the end.
        for (s, e) in [(10, 12), (0, 100), (5, 5), (8, 6)] {
            let err = ops_from_json(TEXT, &add_at(s, e, "")).unwrap_err();
            assert!(
                err.to_string().starts_with("saved annotations, op 0: "),
                "{err}"
            );
        }
        let ops = ops_from_json(TEXT, &add_at(0, 3, "stale")).unwrap();
        let Op::Add(a) = &ops[0] else { panic!() };
        assert_eq!(a.quote, "Kim");
        assert_eq!(
            (a.prefix.clone(), a.suffix.clone()),
            context(TEXT, Span::new(0, 3))
        );
    }
}
