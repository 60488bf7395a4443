//! CSV export of annotations: one row per annotation, for spreadsheets.
//!
//! Columns: `start,end,tag,quote,note,created,creator,id`; `start`/`end` are
//! Unicode code points into the normalised text (empty for orphans). RFC 4180
//! quoting, UTF-8 with a byte order mark (so spreadsheet programs detect UTF-8),
//! CRLF row ends. Cells that a spreadsheet would read as a formula — starting
//! with `=`, `+`, `-`, `@`, tab or carriage return — get a leading `'`.

use crate::annotation::{Annotation, Store};
use crate::text::{OffsetConverter, Unit};

/// The header row's cells.
pub const HEADER: [&str; 8] = [
    "start", "end", "tag", "quote", "note", "created", "creator", "id",
];

/// Appends `cell` to `out`, neutralised against formula injection and quoted
/// when it holds a comma, quote, CR or LF.
pub fn write_cell(out: &mut String, cell: &str) {
    let neutral = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let quote = cell.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if neutral {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, c);
    }
    out.push_str("\r\n");
}

/// `list` as CSV against `text` (see the module docs for the format).
pub fn to_csv(text: &str, list: &[&Annotation]) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &HEADER);
    let mut conv = OffsetConverter::new(text, Unit::Codepoint);
    for a in list {
        let (start, end) = match a.span {
            Some(s)
                if s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end) =>
            {
                let (x, y) = conv.span_from_bytes(s);
                (x.to_string(), y.to_string())
            }
            _ => (String::new(), String::new()),
        };
        let creator = a.creator.as_deref().unwrap_or("");
        row(
            &mut out,
            &[
                &start, &end, &a.tag, &a.quote, &a.note, &a.created, creator, &a.id,
            ],
        );
    }
    out
}

/// Every annotation of `store` in document order (orphans last) as CSV.
pub fn annotations_csv(store: &Store) -> String {
    to_csv(store.text(), &store.in_document_order())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// A small RFC 4180 reader, to check what we write parses back.
    fn read(csv: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut it = csv
            .strip_prefix('\u{feff}')
            .expect("BOM")
            .chars()
            .peekable();
        let mut quoted = false;
        while let Some(c) = it.next() {
            match (quoted, c) {
                (true, '"') if it.peek() == Some(&'"') => {
                    it.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(it.next(), Some('\n'), "rows end with CRLF");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(row.is_empty() && cell.is_empty(), "last row ends with CRLF");
        rows
    }

    #[test]
    fn quoting_formulas_and_offsets() {
        let text = "😀 say \"hi\", ok\n=SUM(A1) -5 @x";
        let mut list = vec![];
        let q = text.find("\"hi\", ok\n=SUM").unwrap();
        let mut a = Annotation::new(
            "a",
            text,
            Span::new(q, text.find("(A1)").unwrap()),
            "quote",
            "line1\r\nline2",
            "2024-01-01T00:00:00Z",
        )
        .unwrap();
        a.creator = Some("=cmd|' /C calc'!A0".into());
        list.push(a);
        let m = text.find("-5").unwrap();
        list.push(
            Annotation::new("b", text, Span::new(m, m + 2), "+fact", "@note", "\tt").unwrap(),
        );
        let mut orphan = Annotation::new("c", text, Span::new(0, 4), "fact", "", "t").unwrap();
        orphan.span = None;
        list.push(orphan);
        let refs: Vec<&Annotation> = list.iter().collect();
        let csv = to_csv(text, &refs);
        assert!(csv.starts_with("\u{feff}start,end,tag,quote,note,created,creator,id\r\n"));
        let rows = read(&csv);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], HEADER.map(String::from).to_vec());
        // Code points: the emoji counts 1.
        assert_eq!(rows[1][0], text[..q].chars().count().to_string());
        assert_eq!(rows[1][3], "\"hi\", ok\n=SUM");
        assert_eq!(rows[1][4], "line1\r\nline2");
        assert_eq!(rows[1][6], "'=cmd|' /C calc'!A0");
        assert_eq!(
            rows[2][2..6],
            ["'+fact", "'-5", "'@note", "'\tt"].map(String::from)
        );
        assert_eq!((rows[3][0].as_str(), rows[3][1].as_str()), ("", ""));
        for r in &rows[1..] {
            assert_eq!(r.len(), HEADER.len());
        }
    }
}
