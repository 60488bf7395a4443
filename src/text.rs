//! Offset units and conversions.
//!
//! The core works in UTF-8 **byte** offsets into a `&str`. Two other units
//! meet the outside world:
//!
//! * [`Unit::Utf16`] — UTF-16 code units, what the DOM and JavaScript strings use
//!   (the wasm API speaks this unit);
//! * [`Unit::Codepoint`] — Unicode scalar values, what the W3C Web Annotation
//!   model requires for `TextPositionSelector` and what the CLI's JSON uses.
//!
//! Convert once, at a boundary, with an [`OffsetConverter`]; it walks the text
//! with a cursor so converting a mostly increasing sequence of offsets is linear.

/// A half-open range of UTF-8 byte offsets `start..end` into a text.
///
/// Both ends must lie on `char` boundaries of the text they refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start <= end` is the caller's contract (checked in debug builds).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered slice of `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A unit in which offsets into a text are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (the core's own unit).
    Byte,
    /// UTF-16 code units (JavaScript / DOM).
    Utf16,
    /// Unicode code points (W3C Web Annotation, CLI JSON).
    Codepoint,
}

impl Unit {
    /// The name used in JSON output (`"units": …`).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Byte => "byte",
            Unit::Utf16 => "utf16",
            Unit::Codepoint => "codepoint",
        }
    }

    /// Width of `c` in this unit.
    #[inline]
    pub fn width(self, c: char) -> usize {
        match self {
            Unit::Byte => c.len_utf8(),
            Unit::Utf16 => c.len_utf16(),
            Unit::Codepoint => 1,
        }
    }
}

/// Converts offsets between UTF-8 bytes and another [`Unit`] for one text.
///
/// Keeps a cursor (a byte offset and its value in the other unit), so a run of
/// nearby or increasing conversions costs time proportional to the distance
/// walked, not to the text length. ASCII texts convert in constant time.
#[derive(Debug, Clone)]
pub struct OffsetConverter<'a> {
    text: &'a str,
    unit: Unit,
    identity: bool,
    byte: usize,
    other: usize,
}

/// Why an offset could not be converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetError {
    /// The offset is past the end of the text (whose length in that unit is given).
    OutOfRange {
        /// The offset asked for.
        offset: usize,
        /// The text's length in the same unit.
        len: usize,
    },
    /// The offset falls inside a character (a UTF-8 sequence or a surrogate pair).
    NotOnBoundary {
        /// The offset asked for.
        offset: usize,
    },
}

impl OffsetError {
    /// The message `Display` shows (built without `core::fmt`, which keeps
    /// formatting code out of the reader's wasm module).
    pub fn message(&self) -> String {
        use crate::json::num;
        match self {
            OffsetError::OutOfRange { offset, len } => [
                "offset ",
                &num(*offset),
                " is past the end of the text (length ",
                &num(*len),
                ")",
            ]
            .concat(),
            OffsetError::NotOnBoundary { offset } => {
                ["offset ", &num(*offset), " falls inside a character"].concat()
            }
        }
    }
}

impl std::fmt::Display for OffsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for OffsetError {}

impl<'a> OffsetConverter<'a> {
    /// A converter between bytes and `unit` for `text`.
    pub fn new(text: &'a str, unit: Unit) -> Self {
        let identity = unit == Unit::Byte || text.is_ascii();
        OffsetConverter {
            text,
            unit,
            identity,
            byte: 0,
            other: 0,
        }
    }

    /// The unit this converter converts to and from.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// Converts a byte offset (on a char boundary, `<= text.len()`) to the other unit.
    ///
    /// # Panics
    /// When `byte` is out of range or not on a char boundary: core offsets are
    /// always valid, so that is a bug in the caller.
    pub fn from_byte(&mut self, byte: usize) -> usize {
        assert!(
            self.text.is_char_boundary(byte),
            "byte offset {byte} not on a char boundary"
        );
        if self.identity {
            return byte;
        }
        if byte >= self.byte {
            let w: usize = self.text[self.byte..byte]
                .chars()
                .map(|c| self.unit.width(c))
                .sum();
            self.other += w;
        } else {
            let w: usize = self.text[byte..self.byte]
                .chars()
                .map(|c| self.unit.width(c))
                .sum();
            self.other -= w;
        }
        self.byte = byte;
        self.other
    }

    /// Converts an offset in the other unit to a byte offset.
    ///
    /// Errors when the offset is past the end or falls inside a character
    /// (for UTF-16, between the two halves of a surrogate pair).
    pub fn to_byte(&mut self, offset: usize) -> Result<usize, OffsetError> {
        if self.identity {
            return if offset <= self.text.len() {
                Ok(offset)
            } else {
                Err(OffsetError::OutOfRange {
                    offset,
                    len: self.text.len(),
                })
            };
        }
        if offset < self.other {
            // Walk back from the cursor or restart from 0, whichever is shorter.
            if offset < self.other / 2 {
                self.byte = 0;
                self.other = 0;
            } else {
                let mut it = self.text[..self.byte].char_indices().rev();
                while self.other > offset {
                    let (i, c) = it.next().expect("cursor consistent");
                    self.other -= self.unit.width(c);
                    self.byte = i;
                }
                if self.other != offset {
                    // Stepped over the middle of a character: restore a valid cursor.
                    let c = self.text[self.byte..].chars().next().expect("char");
                    self.other += self.unit.width(c);
                    self.byte += c.len_utf8();
                    return Err(OffsetError::NotOnBoundary { offset });
                }
                return Ok(self.byte);
            }
        }
        for c in self.text[self.byte..].chars() {
            if self.other >= offset {
                break;
            }
            self.other += self.unit.width(c);
            self.byte += c.len_utf8();
        }
        if self.other == offset {
            Ok(self.byte)
        } else if self.other < offset {
            Err(OffsetError::OutOfRange {
                offset,
                len: self.other,
            })
        } else {
            Err(OffsetError::NotOnBoundary { offset })
        }
    }

    /// Converts a byte span to the other unit.
    pub fn span_from_bytes(&mut self, span: Span) -> (usize, usize) {
        let s = self.from_byte(span.start);
        let e = self.from_byte(span.end);
        (s, e)
    }
}

/// True for whitespace and for the invisible characters pages leave on otherwise
/// empty lines (BOM, zero-width space/joiners, word joiner). A line made only of
/// these is blank; blocks are trimmed of them.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// `s` without blanks ([`is_blank`]) at either end, and how many bytes were cut at
/// its start. Visible ASCII at both ends (most lines and sentences) skips the search.
pub fn trim_blank(s: &str) -> (usize, &str) {
    let b = s.as_bytes();
    if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
        if (b'!'..=b'~').contains(&f) && (b'!'..=b'~').contains(&l) {
            return (0, s);
        }
    }
    let t = s.trim_start_matches(is_blank);
    (s.len() - t.len(), t.trim_end_matches(is_blank))
}

/// Length of `text` in `unit`.
pub fn len_in(text: &str, unit: Unit) -> usize {
    match unit {
        Unit::Byte => text.len(),
        Unit::Utf16 => text.encode_utf16().count(),
        Unit::Codepoint => text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn trim_blank_cuts_blanks_at_both_ends_only() {
        for (s, lead, t) in [
            ("", 0, ""),
            ("a", 0, "a"),
            ("Hi.", 0, "Hi."),
            ("  a b \t", 2, "a b"),
            ("\u{feff}\u{200b} a\u{a0}", 7, "a"),
            ("\u{1f}a\u{1f}", 0, "\u{1f}a\u{1f}"),
            (" \u{2028} ", 5, ""),
        ] {
            assert_eq!(trim_blank(s), (lead, t), "{s:?}");
        }
    }

    use super::*;

    /// Naive reference: the byte offset of every char boundary, with its value in `unit`.
    fn naive(text: &str, unit: Unit) -> Vec<(usize, usize)> {
        let mut out = vec![];
        let mut other = 0;
        for (i, c) in text.char_indices() {
            out.push((i, other));
            other += unit.width(c);
        }
        out.push((text.len(), other));
        out
    }

    const SAMPLES: &[&str] = &[
        "",
        "plain ascii",
        "café au lait",
        "e\u{301}cole — “quoted” 👩‍👩‍👧 done 🇰🇷",
        "𝒳𝒴𝒵 a 😀😀 b",
    ];

    #[test]
    fn from_byte_matches_reference_in_any_order() {
        for text in SAMPLES {
            for unit in [Unit::Byte, Unit::Utf16, Unit::Codepoint] {
                let table = naive(text, unit);
                let mut conv = OffsetConverter::new(text, unit);
                for &(b, o) in table.iter().chain(table.iter().rev()) {
                    assert_eq!(conv.from_byte(b), o, "{text:?} {unit:?} byte {b}");
                }
                for &(b, o) in table.iter().chain(table.iter().rev()) {
                    assert_eq!(conv.to_byte(o), Ok(b), "{text:?} {unit:?} off {o}");
                }
                assert_eq!(len_in(text, unit), table.last().unwrap().1);
            }
        }
    }

    #[test]
    fn to_byte_rejects_inside_and_past_end() {
        let text = "a😀b";
        let mut conv = OffsetConverter::new(text, Unit::Utf16);
        assert_eq!(
            conv.to_byte(2),
            Err(OffsetError::NotOnBoundary { offset: 2 })
        );
        assert_eq!(conv.to_byte(3), Ok(5));
        assert_eq!(
            conv.to_byte(2),
            Err(OffsetError::NotOnBoundary { offset: 2 })
        );
        assert_eq!(conv.to_byte(4), Ok(6));
        assert_eq!(
            conv.to_byte(9),
            Err(OffsetError::OutOfRange { offset: 9, len: 4 })
        );
        let mut cp = OffsetConverter::new(text, Unit::Codepoint);
        assert_eq!(cp.to_byte(2), Ok(5));
    }
}
