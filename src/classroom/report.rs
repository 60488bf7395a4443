//! The [`ClassReport`] as JSON (our writer; offsets in code points) and as text.

use super::kappa::Kappa;
use super::{label, ClassReport, TagOverlap};
use crate::json::{write_number, write_opt_str, write_str};
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
    /// `{units, sentences, categories, key:{name, creator, annotations, orphans}|null,
    /// students:[{name, creator, annotations, ignored, orphans, accuracy, tags, missed}],
    /// duplicates:[{kind, files, left_out, creator}], agreement:{fleiss, cohen_mean,
    /// cohen:[…]}, heat:[…]}`; heat rows are most disputed first; `duplicates` names
    /// files by their set names.
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
            Some(k) => {
                o.push_str("{\"name\":");
                write_str(&mut o, &k.name);
                o.push_str(",\"creator\":");
                write_opt_str(&mut o, k.creator.as_deref());
                let _ = write!(
                    o,
                    ",\"annotations\":{},\"orphans\":{}}}",
                    k.annotations.len(),
                    k.orphans
                );
            }
            None => o.push_str("null"),
        }
        o.push_str(",\"students\":[");
        for (i, s) in self.students.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"name\":");
            write_str(&mut o, &s.name);
            o.push_str(",\"creator\":");
            write_opt_str(&mut o, s.creator.as_deref());
            let _ = write!(
                o,
                ",\"annotations\":{},\"ignored\":{},\"orphans\":{},\"accuracy\":",
                s.annotations, s.ignored, s.orphans
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
            if let Some(key) = &self.key {
                for (j, &ai) in s.missed.iter().enumerate() {
                    let a = &key.annotations[ai];
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
        o.push_str("],\"duplicates\":[");
        for (i, d) in self.duplicates.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str("{\"kind\":");
            write_str(&mut o, d.kind.name());
            for (k, list) in [("files", &d.files), ("left_out", &d.left_out)] {
                let _ = write!(o, ",\"{k}\":[");
                for (j, &f) in list.iter().enumerate() {
                    if j > 0 {
                        o.push(',');
                    }
                    write_str(&mut o, &self.given[f]);
                }
                o.push(']');
            }
            o.push_str(",\"creator\":");
            write_opt_str(&mut o, d.creator.as_deref());
            o.push('}');
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
                Some(k) => write_str(&mut o, self.categories.name(k.labels[h.sentence])),
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

    /// A short readable summary: the key, per-student lines (`creator (file)`,
    /// annotations, orphans and other ignored spans, scores), κ, and the `top` most
    /// disputed sentences.
    pub fn to_text(&self, doc: &Document, top: usize) -> String {
        let mut o = String::new();
        let pct = |v: Option<f64>| v.map_or("n/a".to_string(), |x| format!("{:.1}%", 100.0 * x));
        let n = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let _ = write!(
            o,
            "{} body sentences, {} students",
            self.sentences().len(),
            self.students.len(),
        );
        match &self.key {
            Some(k) => {
                let _ = writeln!(
                    o,
                    ", key {}: {}, {}",
                    label(&k.name, k.creator.as_deref()),
                    n(k.annotations.len(), "annotation"),
                    n(k.orphans, "orphan")
                );
            }
            None => o.push_str(", no key\n"),
        }
        for s in &self.students {
            let _ = write!(
                o,
                "{}: {}, {}",
                label(&s.name, s.creator.as_deref()),
                n(s.annotations, "annotation"),
                n(s.orphans, "orphan")
            );
            if s.ignored > s.orphans {
                let _ = write!(o, ", {} broken spans ignored", s.ignored - s.orphans);
            }
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
