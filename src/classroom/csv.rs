//! The [`ClassReport`] as CSV tables (RFC 4180: comma-separated, CRLF line ends,
//! fields quoted when they hold a comma, quote or line break, quotes doubled),
//! UTF-8 with a byte-order mark so spreadsheets read names and quotes in any
//! script correctly (as the annotation CSV export does).
//!
//! Formula-injection safe: a text cell starting with `=`, `+`, `-`, `@` (or a tab
//! or carriage return) gets a leading `'` so spreadsheets show it as text (the
//! crate's [`crate::csv::write_cell`]). Numbers the report computes are written
//! as plain numbers.

use super::ClassReport;

/// The UTF-8 byte-order mark each table starts with.
const BOM: &str = "\u{feff}";
use crate::json::write_number;
use crate::segment::Document;

/// One CSV cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text from the input (escaped and defused).
    Text(&'a str),
    /// A number (empty cell when `None`).
    Num(Option<f64>),
}

/// Appends one escaped text field ([`crate::csv::write_cell`]: quoted when needed,
/// a leading `'` before formula characters).
pub fn push_text(out: &mut String, s: &str) {
    crate::csv::write_cell(out, s);
}

/// Appends one record and its CRLF.
pub fn push_row(out: &mut String, cells: &[Cell]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match c {
            Cell::Text(s) => push_text(out, s),
            Cell::Num(Some(v)) => write_number(out, *v),
            Cell::Num(None) => {}
        }
    }
    out.push_str("\r\n");
}

fn n(v: usize) -> Cell<'static> {
    Cell::Num(Some(v as f64))
}

impl ClassReport {
    /// One row per student: file, creator, annotations, ignored spans and orphans,
    /// accuracy, per-tag precision/recall/F1 and missed count.
    pub fn students_csv(&self) -> String {
        let mut tags: Vec<&str> = vec![];
        for s in &self.students {
            for (t, _) in &s.tags {
                if !tags.contains(&t.as_str()) {
                    tags.push(t);
                }
            }
        }
        let mut head: Vec<String> = [
            "student",
            "creator",
            "annotations",
            "ignored",
            "orphans",
            "scored",
            "correct",
            "accuracy",
            "unkeyed_tagged",
            "missed",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for t in &tags {
            for m in ["precision", "recall", "f1"] {
                head.push(format!("{t}_{m}"));
            }
        }
        let mut out = String::from(BOM);
        let hc: Vec<Cell> = head.iter().map(|h| Cell::Text(h)).collect();
        push_row(&mut out, &hc);
        for s in &self.students {
            let a = s.accuracy;
            let mut row = vec![
                Cell::Text(&s.name),
                Cell::Text(s.creator.as_deref().unwrap_or("")),
                n(s.annotations),
                n(s.ignored),
                n(s.orphans),
                Cell::Num(a.map(|a| a.scored as f64)),
                Cell::Num(a.map(|a| a.correct as f64)),
                Cell::Num(a.and_then(|a| a.value())),
                Cell::Num(a.map(|a| a.unkeyed_tagged as f64)),
                Cell::Num(a.map(|_| s.missed.len() as f64)),
            ];
            for t in &tags {
                let ov = s.tags.iter().find(|(x, _)| x == t).map(|(_, o)| o);
                row.push(Cell::Num(ov.and_then(|o| o.precision)));
                row.push(Cell::Num(ov.and_then(|o| o.recall)));
                row.push(Cell::Num(ov.and_then(|o| o.f1)));
            }
            push_row(&mut out, &row);
        }
        out
    }

    /// The heat map, most disputed first: sentence, offsets (code points), key label,
    /// one count column per category, top share, entropy, text.
    pub fn sentences_csv(&self, doc: &Document) -> String {
        let mut out = String::from(BOM);
        let mut head = vec!["sentence", "block", "start", "end", "key"];
        head.extend(self.categories.names().iter().map(|s| s.as_str()));
        head.extend(["max_share", "entropy", "text"]);
        let hc: Vec<Cell> = head.iter().map(|h| Cell::Text(h)).collect();
        push_row(&mut out, &hc);
        let t = &self.index.text;
        for h in &self.heat {
            let s = self.sentences()[h.sentence];
            let key = match &self.key {
                Some(k) => self.categories.name(k.labels[h.sentence]),
                None => "",
            };
            let mut row = vec![
                n(h.sentence),
                n(s.block),
                n(t.codepoint(s.span.start)),
                n(t.codepoint(s.span.end)),
                Cell::Text(key),
            ];
            row.extend(h.counts.iter().map(|&c| n(c as usize)));
            row.push(Cell::Num(Some(h.max_share)));
            row.push(Cell::Num(Some(h.entropy)));
            row.push(Cell::Text(
                doc.text.get(s.span.start..s.span.end).unwrap_or(""),
            ));
            push_row(&mut out, &row);
        }
        out
    }

    /// Pairwise Cohen's κ: `a,b,kappa,undefined` (reason when undefined).
    pub fn pairs_csv(&self) -> String {
        let mut out = String::from(BOM);
        push_row(
            &mut out,
            &[
                Cell::Text("a"),
                Cell::Text("b"),
                Cell::Text("kappa"),
                Cell::Text("undefined"),
            ],
        );
        for p in &self.cohen {
            let why = match &p.kappa {
                super::kappa::Kappa::Undefined(r) => r,
                _ => "",
            };
            push_row(
                &mut out,
                &[
                    Cell::Text(&self.students[p.a].name),
                    Cell::Text(&self.students[p.b].name),
                    Cell::Num(p.kappa.value()),
                    Cell::Text(why),
                ],
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4180_and_formula_safe() {
        let mut o = String::new();
        push_row(
            &mut o,
            &[
                Cell::Text("plain"),
                Cell::Text("a,b"),
                Cell::Text("say \"hi\"\nnow"),
                Cell::Text("=SUM(A1)"),
                Cell::Text("-2+3"),
                Cell::Text("@x"),
                Cell::Num(Some(-0.25)),
                Cell::Num(None),
            ],
        );
        assert_eq!(
            o,
            "plain,\"a,b\",\"say \"\"hi\"\"\nnow\",'=SUM(A1),'-2+3,'@x,-0.25,\r\n"
        );
    }
}
