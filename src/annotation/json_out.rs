//! JSON form of annotations for the browser and the CLI, offsets in a chosen [`Unit`].

use super::{Annotation, Change};
use crate::json::{write_str, write_uint};
use crate::text::{OffsetConverter, Unit};

/// Writes `list` as a JSON array of `{id, start, end, orphan, quote, prefix, suffix,
/// tag, note, created, modified, creator, extra}`; `start`/`end` are in `unit`
/// (`null` for orphans); `extra` is `[[purpose, value]…]`.
pub fn annotations_to_json(text: &str, list: &[&Annotation], unit: Unit) -> String {
    let mut conv = OffsetConverter::new(text, unit);
    let mut out = String::with_capacity(list.len() * 200 + 2);
    out.push('[');
    for (i, a) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        write_str(&mut out, &a.id);
        match a.span {
            Some(s) => {
                let (x, y) = conv.span_from_bytes(s);
                out.push_str(",\"start\":");
                write_uint(&mut out, x as u64);
                out.push_str(",\"end\":");
                write_uint(&mut out, y as u64);
                out.push_str(",\"orphan\":false");
            }
            None => out.push_str(",\"start\":null,\"end\":null,\"orphan\":true"),
        }
        for (k, v) in [
            ("quote", &a.quote),
            ("prefix", &a.prefix),
            ("suffix", &a.suffix),
            ("tag", &a.tag),
            ("note", &a.note),
            ("created", &a.created),
            ("modified", &a.modified),
        ] {
            out.push_str(",\"");
            out.push_str(k);
            out.push_str("\":");
            write_str(&mut out, v);
        }
        out.push_str(",\"creator\":");
        // `json::write_opt_str` written out: in the reader wasm the call costs 36 B gzip.
        match &a.creator {
            Some(c) => write_str(&mut out, c),
            None => out.push_str("null"),
        }
        out.push_str(",\"extra\":[");
        for (j, (p, v)) in a.extra.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push('[');
            write_str(&mut out, p);
            out.push(',');
            write_str(&mut out, v);
            out.push(']');
        }
        out.push_str("]}");
    }
    out.push(']');
    out
}

/// Writes a [`Change`] as `{"added":[ids],"changed":[ids],"removed":[ids],"blocks":[n]}`.
pub fn change_to_json(c: &Change) -> String {
    let mut out = String::from("{");
    for (i, (k, ids)) in [
        ("added", &c.added),
        ("changed", &c.changed),
        ("removed", &c.removed),
    ]
    .iter()
    .enumerate()
    {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(k);
        out.push_str("\":[");
        for (j, id) in ids.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            write_str(&mut out, id);
        }
        out.push(']');
    }
    out.push_str(",\"blocks\":[");
    for (j, b) in c.blocks.iter().enumerate() {
        if j > 0 {
            out.push(',');
        }
        write_uint(&mut out, *b as u64);
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::text::Span;

    #[test]
    fn offsets_in_the_requested_unit() {
        let text = "😀 ab";
        let a = Annotation::new("x", text, Span::new(5, 7), "fact", "n\"", "t").unwrap();
        let j = parse(&annotations_to_json(text, &[&a], Unit::Utf16)).unwrap();
        let first = &j.as_array().unwrap()[0];
        assert_eq!(first.get("start").unwrap().as_f64(), Some(3.0));
        assert_eq!(first.get("quote").unwrap().as_str(), Some("ab"));
        let j = parse(&annotations_to_json(text, &[&a], Unit::Codepoint)).unwrap();
        assert_eq!(
            j.as_array().unwrap()[0].get("end").unwrap().as_f64(),
            Some(4.0)
        );
        let c = Change {
            added: vec!["x".into()],
            blocks: vec![2],
            ..Change::default()
        };
        assert!(parse(&change_to_json(&c)).is_ok());
    }
}
