//! JSON form of a [`Document`], with offsets in a caller-chosen [`Unit`].

use super::{Document, Metadata};
use crate::json::{write_opt_str, write_str};
use crate::text::{OffsetConverter, Span, Unit};
use std::fmt::Write as _;

fn span(out: &mut String, conv: &mut OffsetConverter<'_>, s: Span) {
    let (a, b) = conv.span_from_bytes(s);
    let _ = write!(out, "\"start\":{a},\"end\":{b}");
}

fn metadata(out: &mut String, m: &Metadata) {
    let fields = [
        ("title", &m.title),
        ("published", &m.published),
        ("updated", &m.updated),
        ("byline", &m.byline),
        ("dateline", &m.dateline),
        ("source", &m.source),
    ];
    out.push('{');
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "\"{k}\":");
        write_opt_str(out, v.as_deref());
    }
    out.push('}');
}

impl Document {
    /// Serialises the Document as JSON with every offset in `unit`.
    ///
    /// Shape: `{"units", ["text",] "metadata", "blocks": [{"kind", "reason",
    /// "start", "end", "sentences": [{"start","end"}…]}…], "quotes": [{"kind",
    /// "start", "end", "speaker": null | {"name","start","end"}}…]}`.
    /// `include_text` adds the normalised text (the browser already has it).
    pub fn to_json(&self, unit: Unit, include_text: bool) -> String {
        let mut out = String::with_capacity(self.text.len() / 2 + 256);
        let mut conv = OffsetConverter::new(&self.text, unit);
        let _ = write!(out, "{{\"units\":\"{}\",", unit.name());
        if include_text {
            out.push_str("\"text\":");
            write_str(&mut out, &self.text);
            out.push(',');
        }
        out.push_str("\"metadata\":");
        metadata(&mut out, &self.metadata);
        out.push_str(",\"blocks\":[");
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"kind\":\"{}\",\"reason\":", b.kind.name());
            match b.reason {
                Some(r) => {
                    let _ = write!(out, "\"{}\"", r.name());
                }
                None => out.push_str("null"),
            }
            out.push(',');
            span(&mut out, &mut conv, b.span);
            out.push_str(",\"sentences\":[");
            for (j, s) in b.sentences.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push('{');
                span(&mut out, &mut conv, *s);
                out.push('}');
            }
            out.push_str("]}");
        }
        out.push_str("],\"quotes\":");
        self.write_quotes(&mut out, &mut conv);
        out.push('}');
        out
    }

    /// Serialises only [`Document::quotes`], as the JSON array [`Document::to_json`]
    /// has under `"quotes"`, offsets in `unit`.
    pub fn quotes_to_json(&self, unit: Unit) -> String {
        let mut out = String::with_capacity(64 * self.quotes.len() + 2);
        self.write_quotes(&mut out, &mut OffsetConverter::new(&self.text, unit));
        out
    }

    fn write_quotes(&self, out: &mut String, conv: &mut OffsetConverter) {
        out.push('[');
        for (i, q) in self.quotes.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"kind\":\"{}\",", q.kind.name());
            span(out, conv, q.span);
            out.push_str(",\"speaker\":");
            match &q.speaker {
                Some(sp) => {
                    out.push_str("{\"name\":");
                    write_str(out, &sp.name);
                    out.push(',');
                    span(out, conv, sp.span);
                    out.push('}');
                }
                None => out.push_str("null"),
            }
            out.push('}');
        }
        out.push(']');
    }
}
