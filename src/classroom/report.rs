//! The [`ClassReport`] as JSON (our writer; offsets in code points) and as text.

use super::kappa::Kappa;
use super::{ClassReport, TagOverlap};
use crate::json::{write_number, write_str};
use crate::segment::Document;
use std::fmt::Write as _;

fn opt_num(out: &mut String, v: Option<f64>) {
    match v {
        Some(x) => write_number(out, x),
        None => out.push_str("null"),
    }
}

/// Writes κ as `{"value":x}` or `{"value":null,"undefined":"reason"}`.
pub fn kappa_json(out: &mut String, k: &Kappa) {
    out.push_str("{\"value\":");
    match k {
        Kappa::Value(v) => {
            write_number(out, *v);
        }
        Kappa::Undefined(r) => {
            out.push_str("null,\"undefined\":");
            write_str(out, r);
        }
    }
    out.push('}');
}

fn overlap_json(out: &mut String, t: &TagOverlap) {
    let _ = write!(
        out,
        "{{\"key_chars\":{},\"student_chars\":{},\"overlap_chars\":{},\"precision\":",
        t.key_chars, t.student_chars, t.overlap_chars
    );
    opt_num(out, t.precision);
    out.push_str(",\"recall\":");
    opt_num(out, t.recall);
    out.push_str(",\"f1\":");
    opt_num(out, t.f1);
    out.push('}');
}

impl ClassReport {
    /// The report as one JSON object (offsets in Unicode code points of `doc.text`;
    /// `doc` must be the Document the report was made from):
    /// `{units, sentences, categories, key, students:[…], agreement:{fleiss, cohen_mean,
    /// cohen:[…]}, heat:[…]}`; heat rows are most disputed first.
    pub fn to_json(&self, doc: &Document) -> String {
        let t = &self.index.text;
        let mut o = String::new();
        let _ = write!(
            o,
            "{{\"units\":\"codepoint\",\"sentences\":{},\"categories\":[",
            self.sentences().len()
        );
        for (i, c) in self.categories.names().iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            write_str(&mut o, c);
        }
        o.push_str("],\"key\":");
        match &self.key {
            Some((name, _, _)) => write_str(&mut o, name),
            None => o.push_str("null"),
        }
        o.push_str(",\"students\":[");
        for (i, s) in self.students.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"name\":");
            write_str(&mut o, &s.name);
            let _ = write!(
                o,
                ",\"annotations\":{},\"ignored\":{},\"accuracy\":",
                s.annotations, s.ignored
            );
            match &s.accuracy {
                Some(a) => {
                    let _ = write!(
                        o,
                        "{{\"scored\":{},\"correct\":{},\"unkeyed_tagged\":{},\"value\":",
                        a.scored, a.correct, a.unkeyed_tagged
                    );
                    opt_num(&mut o, a.value());
                    o.push('}');
                }
                None => o.push_str("null"),
            }
            o.push_str(",\"tags\":{");
            for (j, (tag, ov)) in s.tags.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                write_str(&mut o, tag);
                o.push(':');
                overlap_json(&mut o, ov);
            }
            o.push_str("},\"missed\":[");
            if let Some((_, _, key)) = &self.key {
                for (j, &ai) in s.missed.iter().enumerate() {
                    let a = &key[ai];
                    if j > 0 {
                        o.push(',');
                    }
                    o.push_str("{\"id\":");
                    write_str(&mut o, &a.id);
                    o.push_str(",\"tag\":");
                    write_str(&mut o, &a.tag);
                    if let Some(sp) = a.span {
                        let _ = write!(
                            o,
                            ",\"start\":{},\"end\":{}",
                            t.codepoint(sp.start),
                            t.codepoint(sp.end)
                        );
                    }
                    o.push_str(",\"quote\":");
                    write_str(&mut o, &a.quote);
                    o.push('}');
                }
            }
            o.push_str("]}");
        }
        o.push_str("],\"agreement\":{\"raters\":");
        let _ = write!(o, "{},\"fleiss\":", self.students.len());
        kappa_json(&mut o, &self.fleiss);
        o.push_str(",\"cohen_mean\":");
        opt_num(&mut o, self.cohen_mean());
        o.push_str(",\"cohen\":[");
        for (i, p) in self.cohen.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"a\":");
            write_str(&mut o, &self.students[p.a].name);
            o.push_str(",\"b\":");
            write_str(&mut o, &self.students[p.b].name);
            o.push_str(",\"kappa\":");
            kappa_json(&mut o, &p.kappa);
            o.push('}');
        }
        o.push_str("]},\"heat\":[");
        for (i, h) in self.heat.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            let s = self.sentences()[h.sentence];
            let _ = write!(
                o,
                "{{\"sentence\":{},\"block\":{},\"start\":{},\"end\":{},\"text\":",
                h.sentence,
                s.block,
                t.codepoint(s.span.start),
                t.codepoint(s.span.end)
            );
            write_str(&mut o, doc.text.get(s.span.start..s.span.end).unwrap_or(""));
            o.push_str(",\"key\":");
            match &self.key {
                Some((_, labels, _)) => write_str(&mut o, self.categories.name(labels[h.sentence])),
                None => o.push_str("null"),
            }
            o.push_str(",\"counts\":{");
            for (j, c) in h.counts.iter().enumerate() {
                if j > 0 {
                    o.push(',');
                }
                write_str(&mut o, self.categories.name(j as u16));
                let _ = write!(o, ":{c}");
            }
            o.push_str("},\"max_share\":");
            write_number(&mut o, h.max_share);
            o.push_str(",\"entropy\":");
            write_number(&mut o, h.entropy);
            o.push('}');
        }
        o.push_str("]}");
        o
    }

    /// A short readable summary: per-student lines, κ, and the `top` most disputed sentences.
    pub fn to_text(&self, doc: &Document, top: usize) -> String {
        let mut o = String::new();
        let pct = |v: Option<f64>| v.map_or("n/a".to_string(), |x| format!("{:.1}%", 100.0 * x));
        let _ = writeln!(
            o,
            "{} body sentences, {} students{}",
            self.sentences().len(),
            self.students.len(),
            if self.key.is_some() {
                ", key given"
            } else {
                ", no key"
            }
        );
        for s in &self.students {
            let _ = write!(o, "{}: {} annotations", s.name, s.annotations);
            if let Some(a) = &s.accuracy {
                let _ = write!(
                    o,
                    ", accuracy {} ({}/{}), missed {}",
                    pct(a.value()),
                    a.correct,
                    a.scored,
                    s.missed.len()
                );
                for (tag, ov) in &s.tags {
                    let _ = write!(o, ", {tag} F1 {}", pct(ov.f1));
                }
            }
            o.push('\n');
        }
        let k = |k: &Kappa| match k {
            Kappa::Value(v) => format!("{v:.3}"),
            Kappa::Undefined(r) => format!("undefined ({r})"),
        };
        let _ = writeln!(o, "Fleiss' kappa: {}", k(&self.fleiss));
        let _ = writeln!(
            o,
            "mean pairwise Cohen's kappa: {}",
            self.cohen_mean()
                .map_or("n/a".into(), |v| format!("{v:.3}"))
        );
        let _ = writeln!(o, "most disputed sentences:");
        for h in self.heat.iter().take(top) {
            let s = self.sentences()[h.sentence];
            let counts: Vec<String> = h
                .counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(j, c)| format!("{} {c}", self.categories.name(j as u16)))
                .collect();
            let _ = writeln!(
                o,
                "  [{}] {} — {}",
                h.sentence,
                counts.join(", "),
                doc.text.get(s.span.start..s.span.end).unwrap_or("")
            );
        }
        o
    }
}
