//! Store → W3C `AnnotationCollection` (JSON-LD).
//!
//! The JSON is written straight into a string (no [`Value`] tree), which keeps
//! the export small and fast; [`export_value`] and [`annotation_value`] read
//! that text back for callers that want a tree.

use super::{is_datetime, is_uri, ExportOptions, CONTEXT, MOTIVATIONS};
use crate::anchor::{copies, Copies};
use crate::annotation::{context, Annotation, Store};
use crate::hash::{content_hash, hex, sha256};
use crate::json::{write_str, Value};
use crate::text::{OffsetConverter, Unit};

/// Compact JSON written in order: commas are placed automatically.
struct Json {
    out: String,
    /// Whether the next value or key needs a comma before it.
    comma: bool,
}

impl Json {
    fn new() -> Json {
        Json {
            out: String::new(),
            comma: false,
        }
    }

    fn sep(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }

    /// Opens an object (`{`) or array (`[`) as the next value.
    #[inline(never)]
    fn open(&mut self, c: char) {
        self.sep();
        self.out.push(c);
        self.comma = false;
    }

    /// Closes the object or array.
    #[inline(never)]
    fn close(&mut self, c: char) {
        self.out.push(c);
        self.comma = true;
    }

    /// An object key; its value follows.
    #[inline(never)]
    fn key(&mut self, k: &str) {
        self.sep();
        write_str(&mut self.out, k);
        self.out.push(':');
        self.comma = false;
    }

    /// A string value.
    #[inline(never)]
    fn str(&mut self, v: &str) {
        self.sep();
        write_str(&mut self.out, v);
        self.comma = true;
    }

    /// A raw value (a number or `true`/`false`).
    #[inline(never)]
    fn raw(&mut self, v: &str) {
        self.sep();
        self.out.push_str(v);
        self.comma = true;
    }

    /// `"k":"v"`.
    #[inline(never)]
    fn pair(&mut self, k: &str, v: &str) {
        self.key(k);
        self.str(v);
    }

    /// `"k":n`.
    fn num(&mut self, k: &str, n: usize) {
        self.key(k);
        self.raw(&super::parse::num(n));
    }

    /// Opens an object whose first member is `"type":t`.
    #[inline(never)]
    fn typed(&mut self, t: &str) {
        self.open('{');
        self.pair("type", t);
    }

    /// `{"type":"Person","name":name}`.
    fn person(&mut self, name: &str) {
        self.typed("Person");
        self.pair("name", name);
        self.close('}');
    }
}

/// A `urn:uuid:` made from a hash of `seed` (UUID version 8, RFC 9562 layout),
/// so the same article and options give the same collection id.
fn derived_uuid(seed: &str) -> String {
    let mut b = sha256(seed.as_bytes());
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b[..16]);
    let mut out = String::from("urn:uuid:");
    out.push_str(&h[..8]);
    for r in [8..12, 12..16, 16..20, 20..32] {
        out.push('-');
        out.push_str(&h[r]);
    }
    out
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
        let mut out = String::from("urn:uuid:");
        out.push_str(id);
        out
    } else {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let mut out = String::from("urn:claimmark:id:");
        for b in id.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(b as char);
            } else {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
        out
    }
}

/// One body for an `extra` pair: a W3C purpose as `purpose`, any other as
/// `claimmark:purpose`; an empty purpose with a URI value is a plain IRI body.
fn extra_body(j: &mut Json, purpose: &str, value: &str) {
    if purpose.is_empty() && is_uri(value) {
        j.str(value);
        return;
    }
    j.typed("TextualBody");
    j.pair("value", value);
    if MOTIVATIONS.contains(&purpose) {
        j.pair("purpose", purpose);
    } else if !purpose.is_empty() {
        j.pair("claimmark:purpose", purpose);
    }
    j.close('}');
}

fn time(j: &mut Json, w3c: &str, ext: &str, t: &str) {
    if is_datetime(t) {
        j.pair(w3c, t);
    } else if !t.is_empty() {
        j.pair(ext, t);
    }
}

/// Writes one annotation as a W3C `Annotation` object (without `@context`).
fn write_annotation(
    j: &mut Json,
    a: &Annotation,
    text: &str,
    source: &str,
    conv: &mut OffsetConverter<'_>,
) {
    let id = export_id(&a.id);
    j.open('{');
    j.pair("id", &id);
    j.pair("type", "Annotation");
    if id != a.id {
        j.pair("claimmark:localId", &a.id);
    }
    let motivation = if a.note.is_empty() {
        "tagging"
    } else {
        "commenting"
    };
    j.pair("motivation", motivation);
    time(j, "created", "claimmark:created", &a.created);
    time(j, "modified", "claimmark:modified", &a.modified);
    if let Some(c) = &a.creator {
        j.key("creator");
        j.person(c);
    }
    j.key("body");
    j.open('[');
    j.typed("TextualBody");
    j.pair("purpose", "tagging");
    j.pair("value", &a.tag);
    j.close('}');
    if !a.note.is_empty() {
        j.typed("TextualBody");
        j.pair("purpose", "commenting");
        j.pair("value", &a.note);
        j.pair("format", "text/plain");
        j.close('}');
    }
    for (p, v) in &a.extra {
        extra_body(j, p, v);
    }
    j.close(']');
    let anchored = a.span.filter(|span| {
        span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    });
    let ctx;
    let (exact, prefix, suffix) = match anchored {
        Some(span) => {
            ctx = context(text, span);
            (span.of(text), ctx.0.as_str(), ctx.1.as_str())
        }
        None => (a.quote.as_str(), a.prefix.as_str(), a.suffix.as_str()),
    };
    j.key("target");
    if exact.is_empty() {
        j.str(source);
    } else {
        j.typed("SpecificResource");
        j.pair("source", source);
        j.key("selector");
        j.open('[');
        j.typed("TextQuoteSelector");
        j.pair("exact", exact);
        j.pair("prefix", prefix);
        j.pair("suffix", suffix);
        // Only where the quote recurs: which copy this is, where the others are.
        let c = match anchored {
            Some(span) => copies(text, span, prefix, suffix),
            None => Copies::default(),
        };
        if c.count > 1 {
            j.key("claimmark:copies");
            j.open('[');
            for n in [c.count, c.index].iter().chain(&c.near) {
                j.raw(&super::parse::num(*n));
            }
            j.close(']');
        }
        j.close('}');
        if let Some(span) = a.span {
            let (start, end) = conv.span_from_bytes(span);
            j.typed("TextPositionSelector");
            j.num("start", start);
            j.num("end", end);
            j.close('}');
        }
        j.close(']');
        j.close('}');
    }
    j.close('}');
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
    let mut j = Json::new();
    write_annotation(&mut j, a, text, source, conv);
    crate::json::parse(&j.out).unwrap_or(Value::Null)
}

/// The whole session as a W3C `AnnotationCollection` value (see [`export_collection`]).
pub fn export_value(store: &Store, opts: &ExportOptions) -> Value {
    crate::json::parse(&export_collection(store, opts)).unwrap_or(Value::Null)
}

/// The whole session — every annotation (document order, orphans last), the
/// article's content hash, title, source, creator, generator and the reader's
/// block choices — as a W3C `AnnotationCollection` in compact JSON.
pub fn export_collection(store: &Store, opts: &ExportOptions) -> String {
    let text = store.text();
    let hash = content_hash(text);
    let source = match opts.source.as_deref().filter(|u| is_uri(u)) {
        Some(u) => u.to_string(),
        None => {
            let mut u = String::from("urn:sha256:");
            u.push_str(&hash);
            u
        }
    };
    let list = store.in_document_order();
    // `hash|source|generatedAt`.
    let mut seed = String::from("|");
    seed.push_str(&hash);
    seed.push('|');
    seed.push_str(&source);
    seed.push('|');
    seed.push_str(opts.generated_at.as_deref().unwrap_or(""));
    let coll_id = derived_uuid(&(String::from("collection") + &seed));
    let page_id = derived_uuid(&(String::from("page") + &seed));
    let mut j = Json::new();
    j.open('{');
    j.pair("@context", CONTEXT);
    j.pair("id", &coll_id);
    j.pair("type", "AnnotationCollection");
    if let Some(t) = &opts.title {
        j.pair("label", t);
    }
    j.num("total", list.len());
    j.key("generator");
    j.typed("Software");
    j.pair("name", "claimmark");
    j.pair("schema:softwareVersion", crate::VERSION);
    j.close('}');
    if let Some(g) = opts.generated_at.as_deref().filter(|g| is_datetime(g)) {
        j.pair("generated", g);
    }
    if let Some(c) = &opts.creator {
        j.key("creator");
        j.person(c);
    }
    j.pair("claimmark:contentHash", &hash);
    j.pair("claimmark:source", &source);
    j.pair("claimmark:units", Unit::Codepoint.name());
    j.key("claimmark:blocks");
    j.open('[');
    for (&b, &v) in store.block_choices() {
        j.open('{');
        j.num("block", b);
        j.key("inArticle");
        j.raw(if v { "true" } else { "false" });
        j.close('}');
    }
    j.close(']');
    j.key("first");
    j.open('{');
    j.pair("id", &page_id);
    j.pair("type", "AnnotationPage");
    j.pair("partOf", &coll_id);
    j.num("startIndex", 0);
    j.key("items");
    j.open('[');
    let mut conv = OffsetConverter::new(text, Unit::Codepoint);
    for a in list {
        write_annotation(&mut j, a, text, &source, &mut conv);
    }
    j.close(']');
    j.close('}');
    j.close('}');
    j.out
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
