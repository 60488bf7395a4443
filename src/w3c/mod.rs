//! W3C Web Annotation Data Model (JSON-LD) export and import.
//!
//! * [`export_collection`] writes the whole session — annotations, document
//!   metadata, content hash and the reader's block choices — as one
//!   `AnnotationCollection` whose `first` page holds every annotation.
//! * [`import`] reads claimmark's own export, a single `Annotation`, an array of
//!   them, an `AnnotationPage` or an `AnnotationCollection` (first page inline),
//!   including annotations written by other tools, validates **everything** first
//!   and returns one [`Op::Batch`](crate::annotation::Op::Batch): applying it is
//!   one undo step, and on any error nothing changes.
//!
//! Offsets in W3C JSON (`TextPositionSelector`) are **Unicode code points** into
//! the normalised article text, as the model requires; the store works in bytes.
//!
//! claimmark extensions are properties with the `claimmark:` prefix (an IRI
//! scheme of their own, so JSON-LD processors keep them as opaque IRIs):
//! `claimmark:contentHash`, `claimmark:source`, `claimmark:units`,
//! `claimmark:blocks` (`[{block, inArticle}]`), and on annotations
//! `claimmark:localId` (the store id when it was not a URI),
//! `claimmark:created`/`claimmark:modified` (times that are not ISO 8601
//! date-times), on bodies `claimmark:purpose` (a purpose outside the W3C
//! vocabulary), and on a `TextQuoteSelector` whose quote recurs in the text
//! `claimmark:copies`, `[count, index, before…, after…]`: how many occurrences
//! of the quote the text had, which one this is (from 0), then the distances
//! in UTF-8 bytes to the nearest other occurrence before it, to the nearest
//! before with the same prefix, the same suffix, the same prefix and suffix,
//! and the same four after it, 0 where there is none (see
//! [`crate::anchor::Copies`]). Import uses it to leave an annotation orphaned
//! rather than move it onto another copy of its words when its own copy was
//! deleted.

mod export;
mod import;
mod parse;

pub use export::{annotation_value, export_collection, export_value};
pub use import::{
    import, import_into, report_json, validate, Import, ImportError, ImportMode, ImportOptions,
    ImportReport,
};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Largest import accepted, in bytes (checked before any parsing).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Most annotations one import may hold.
pub const MAX_ITEMS: usize = 100_000;

/// Tag given to imported annotations that have no `tagging` body.
pub const UNTAGGED: &str = "untagged";

/// Motivations and purposes of the W3C vocabulary (model §3.3.5).
pub const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

/// What an export says about the article and who made it; all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Article title (the collection's `label`).
    pub title: Option<String>,
    /// Name of the reader who made the annotations.
    pub creator: Option<String>,
    /// The article's URL; without it targets use `urn:sha256:<content hash>`.
    pub source: Option<String>,
    /// When the export was made (ISO 8601), the collection's `generated`.
    pub generated_at: Option<String>,
}

impl ExportOptions {
    /// Reads `{title, creator, source, generatedAt}` (each a string, all optional);
    /// an empty input, `null` or `{}` gives the defaults.
    pub fn from_json(json: &str) -> Result<ExportOptions, String> {
        if json.trim().is_empty() {
            return Ok(ExportOptions::default());
        }
        let v = crate::json::parse(json).map_err(|e| {
            let mut m = String::from("export options: ");
            m.push_str(&e.to_string());
            m
        })?;
        if matches!(v, crate::json::Value::Null) {
            return Ok(ExportOptions::default());
        }
        if !matches!(v, crate::json::Value::Object(_)) {
            let mut m = String::from("export options must be an object (found ");
            m.push_str(v.type_name());
            m.push(')');
            return Err(m);
        }
        let mut out = [None, None, None, None];
        for (slot, k) in out
            .iter_mut()
            .zip(["title", "creator", "source", "generatedAt"])
        {
            match v.get(k) {
                None | Some(crate::json::Value::Null) => {}
                Some(crate::json::Value::String(s)) => *slot = Some(s.clone()),
                Some(o) => {
                    let mut m = String::from("export options: ");
                    m.push_str(k);
                    m.push_str(" must be a string (found ");
                    m.push_str(o.type_name());
                    m.push(')');
                    return Err(m);
                }
            }
        }
        let [title, creator, source, generated_at] = out;
        Ok(ExportOptions {
            title,
            creator,
            source,
            generated_at,
        })
    }
}

/// True for an absolute IRI: a scheme (`letter *(letter / digit / + - .)`), `:`,
/// then at least one character, with no whitespace, controls or `<>"{}|\^`` ` ``.
pub fn is_uri(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let (scheme, rest) = (&s[..colon], &s[colon + 1..]);
    let mut sc = scheme.chars();
    sc.next().is_some_and(|c| c.is_ascii_alphabetic())
        && sc.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !rest.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
}

/// True for an RFC 3339 date-time such as `2024-05-01T12:00:00Z` or
/// `2024-05-01T12:00:00.123+02:00` (what `format: date-time` means in the W3C tests).
pub fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| -> u32 {
        b[r].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
    };
    if b.len() < 20
        || !(digits(0..4) && digits(5..7) && digits(8..10))
        || !(digits(11..13) && digits(14..16) && digits(17..19))
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    let (mo, d, h, mi, se) = (num(5..7), num(8..10), num(11..13), num(14..16), num(17..19));
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return false;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let f = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == f {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && digits(i + 1..i + 3)
                && b[i + 3] == b':'
                && digits(i + 4..i + 6)
                && num(i + 1..i + 3) <= 23
                && num(i + 4..i + 6) <= 59
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_datetimes() {
        for ok in [
            "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "https://x.org/a?b#c",
            "urn:sha256:ab",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
        for bad in [
            "", "abc", ":x", "1a:b", "a b:c", "urn:", "urn:a b", "urn:<x>",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
        for ok in [
            "2024-05-01T12:00:00Z",
            "2024-05-01T12:00:00.5+02:00",
            "1999-12-31t23:59:60z",
        ] {
            assert!(is_datetime(ok), "{ok}");
        }
        for bad in [
            "",
            "t0",
            "2024-05-01",
            "2024-13-01T00:00:00Z",
            "2024-05-01T12:00:00",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00+0200",
            "2024-05-01T12:00:00Zx",
        ] {
            assert!(!is_datetime(bad), "{bad}");
        }
    }
}
