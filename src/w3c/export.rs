//! Store → W3C `AnnotationCollection` (JSON-LD).

use super::{is_datetime, is_uri, ExportOptions, CONTEXT, MOTIVATIONS};
use crate::annotation::{context, Annotation, Store};
use crate::hash::{content_hash, hex, sha256};
use crate::json::Value;
use crate::text::{OffsetConverter, Unit};

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn person(name: &str) -> Value {
    obj(vec![("type", s("Person")), ("name", s(name))])
}

/// A `urn:uuid:` made from a hash of `seed` (UUID version 8, RFC 9562 layout),
/// so the same article and options give the same collection id.
fn derived_uuid(seed: &str) -> String {
    let mut b = sha256(seed.as_bytes());
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b[..16]);
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

fn is_uuid(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The W3C `id` of a store id: kept when it is a URI, `urn:uuid:` + a bare UUID,
/// else `urn:claimmark:id:` + the percent-encoded id.
pub(super) fn export_id(id: &str) -> String {
    if is_uri(id) {
        id.to_string()
    } else if is_uuid(id) {
        format!("urn:uuid:{id}")
    } else {
        let mut out = String::from("urn:claimmark:id:");
        for b in id.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
}

/// One body for an `extra` pair: a W3C purpose as `purpose`, any other as
/// `claimmark:purpose`; an empty purpose with a URI value is a plain IRI body.
fn extra_body(purpose: &str, value: &str) -> Value {
    if purpose.is_empty() && is_uri(value) {
        return s(value);
    }
    let mut b = vec![("type", s("TextualBody")), ("value", s(value))];
    if MOTIVATIONS.contains(&purpose) {
        b.push(("purpose", s(purpose)));
    } else if !purpose.is_empty() {
        b.push(("claimmark:purpose", s(purpose)));
    }
    obj(b)
}

fn time(out: &mut Vec<(&'static str, Value)>, w3c: &'static str, ext: &'static str, t: &str) {
    if is_datetime(t) {
        out.push((w3c, s(t)));
    } else if !t.is_empty() {
        out.push((ext, s(t)));
    }
}

/// One annotation as a W3C `Annotation` object (without `@context`).
///
/// `source` is the target's `source`; `conv` converts the store's byte offsets to
/// code points for the `TextPositionSelector`. Anchored annotations take
/// `exact`/`prefix`/`suffix` from `text` at their span (so both selectors always
/// describe the same segment); orphans keep their stored quote and context.
pub fn annotation_value(
    a: &Annotation,
    text: &str,
    source: &str,
    conv: &mut OffsetConverter<'_>,
) -> Value {
    let id = export_id(&a.id);
    let mut out: Vec<(&str, Value)> = vec![("id", s(&id)), ("type", s("Annotation"))];
    if id != a.id {
        out.push(("claimmark:localId", s(&a.id)));
    }
    let motivation = if a.note.is_empty() {
        "tagging"
    } else {
        "commenting"
    };
    out.push(("motivation", s(motivation)));
    time(&mut out, "created", "claimmark:created", &a.created);
    time(&mut out, "modified", "claimmark:modified", &a.modified);
    if let Some(c) = &a.creator {
        out.push(("creator", person(c)));
    }
    let mut bodies = vec![obj(vec![
        ("type", s("TextualBody")),
        ("purpose", s("tagging")),
        ("value", s(&a.tag)),
    ])];
    if !a.note.is_empty() {
        bodies.push(obj(vec![
            ("type", s("TextualBody")),
            ("purpose", s("commenting")),
            ("value", s(&a.note)),
            ("format", s("text/plain")),
        ]));
    }
    bodies.extend(a.extra.iter().map(|(p, v)| extra_body(p, v)));
    out.push(("body", Value::Array(bodies)));
    let mut selectors = vec![];
    let (exact, prefix, suffix) = match a.span {
        Some(span)
            if span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end) =>
        {
            let (p, q) = context(text, span);
            (span.of(text).to_string(), p, q)
        }
        _ => (a.quote.clone(), a.prefix.clone(), a.suffix.clone()),
    };
    if !exact.is_empty() {
        selectors.push(obj(vec![
            ("type", s("TextQuoteSelector")),
            ("exact", s(&exact)),
            ("prefix", s(&prefix)),
            ("suffix", s(&suffix)),
        ]));
    }
    if let Some(span) = a.span.filter(|_| !exact.is_empty()) {
        let (start, end) = conv.span_from_bytes(span);
        selectors.push(obj(vec![
            ("type", s("TextPositionSelector")),
            ("start", Value::Number(start as f64)),
            ("end", Value::Number(end as f64)),
        ]));
    }
    let target = if selectors.is_empty() {
        s(source)
    } else {
        obj(vec![
            ("type", s("SpecificResource")),
            ("source", s(source)),
            ("selector", Value::Array(selectors)),
        ])
    };
    out.push(("target", target));
    obj(out)
}

/// The whole session as a W3C `AnnotationCollection` value (see [`export_collection`]).
pub fn export_value(store: &Store, opts: &ExportOptions) -> Value {
    let text = store.text();
    let hash = content_hash(text);
    let source = opts
        .source
        .clone()
        .filter(|u| is_uri(u))
        .unwrap_or_else(|| format!("urn:sha256:{hash}"));
    let mut conv = OffsetConverter::new(text, Unit::Codepoint);
    let list = store.in_document_order();
    let items: Vec<Value> = list
        .iter()
        .map(|a| annotation_value(a, text, &source, &mut conv))
        .collect();
    let seed = format!(
        "{hash}|{source}|{}",
        opts.generated_at.as_deref().unwrap_or("")
    );
    let coll_id = derived_uuid(&format!("collection|{seed}"));
    let page_id = derived_uuid(&format!("page|{seed}"));
    let mut out: Vec<(&str, Value)> = vec![
        ("@context", s(CONTEXT)),
        ("id", s(&coll_id)),
        ("type", s("AnnotationCollection")),
    ];
    if let Some(t) = &opts.title {
        out.push(("label", s(t)));
    }
    out.push(("total", Value::Number(items.len() as f64)));
    out.push((
        "generator",
        obj(vec![
            ("type", s("Software")),
            ("name", s("claimmark")),
            ("schema:softwareVersion", s(crate::VERSION)),
        ]),
    ));
    if let Some(g) = opts.generated_at.as_deref().filter(|g| is_datetime(g)) {
        out.push(("generated", s(g)));
    }
    if let Some(c) = &opts.creator {
        out.push(("creator", person(c)));
    }
    out.push(("claimmark:contentHash", s(&hash)));
    out.push(("claimmark:source", s(&source)));
    out.push(("claimmark:units", s(Unit::Codepoint.name())));
    let blocks = store
        .block_choices()
        .iter()
        .map(|(&b, &v)| {
            obj(vec![
                ("block", Value::Number(b as f64)),
                ("inArticle", Value::Bool(v)),
            ])
        })
        .collect();
    out.push(("claimmark:blocks", Value::Array(blocks)));
    out.push((
        "first",
        obj(vec![
            ("id", s(&page_id)),
            ("type", s("AnnotationPage")),
            ("partOf", s(&coll_id)),
            ("startIndex", Value::Number(0.0)),
            ("items", Value::Array(items)),
        ]),
    ));
    obj(out)
}

/// The whole session — every annotation (document order, orphans last), the
/// article's content hash, title, source, creator, generator and the reader's
/// block choices — as a W3C `AnnotationCollection` in compact JSON.
pub fn export_collection(store: &Store, opts: &ExportOptions) -> String {
    export_value(store, opts).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_uris() {
        assert_eq!(export_id("https://h.is/a/1"), "https://h.is/a/1");
        assert_eq!(
            export_id("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
            "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"
        );
        assert_eq!(export_id("a b/é"), "urn:claimmark:id:a%20b%2F%C3%A9");
        assert!(is_uri(&derived_uuid("x")));
    }
}
