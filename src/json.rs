//! A small JSON reader and writer, shared by the CLI and the wasm build.
//!
//! claimmark keeps `serde_json` out of the wasm bundle (size budget); this module
//! is all the JSON the core needs. The reader is strict RFC 8259 with limits that
//! make hostile input safe: nesting depth is capped ([`MAX_DEPTH`]), numbers are
//! kept as `f64`, and object keys keep their order (duplicates keep the last).
//! Keys such as `__proto__` are plain data here.

/// Deepest nesting of arrays/objects the reader accepts.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any number (as `f64`).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object; keys in document order, unique (a repeated key keeps its last value).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    /// The number, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    /// The name of this value's JSON type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
    /// Serialises this value as compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(out, *n),
            Value::String(s) => write_str(out, s),
            Value::Array(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes a number as JSON: integers exactly (below 2^53), other numbers with at
/// most six decimal places (trailing zeros dropped); non-finite as `null`.
///
/// Hand-written so the wasm build carries no float-formatting tables.
pub fn write_number(out: &mut String, n: f64) {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n.fract() == 0.0 && n.abs() < EXACT {
        if n < 0.0 {
            out.push('-');
        }
        write_uint(out, n.abs() as u64);
        return;
    }
    let neg = n < 0.0;
    let scaled = (n.abs() * 1e6).round();
    if scaled >= EXACT {
        // Large: mantissa in [1, 10) with six decimals, and a power of ten.
        let (mut m, mut e) = (n.abs(), 0);
        while m >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        if neg {
            out.push('-');
        }
        write_number(out, m);
        out.push('e');
        write_uint(out, e);
        return;
    }
    let scaled = scaled as u64;
    let (int, mut frac) = (scaled / 1_000_000, scaled % 1_000_000);
    if neg && scaled > 0 {
        out.push('-');
    }
    write_uint(out, int);
    if frac > 0 {
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let at = out.len();
        write_uint(out, frac);
        // Zero-padded to `digits` places.
        let pad = digits - (out.len() - at);
        out.insert_str(at, &".000000"[..1 + pad]);
    }
}

/// Writes `n` in decimal. Hand-written, like the rest of this writer, so that the
/// reader's wasm module carries no `core::fmt` code.
pub fn write_uint(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// `n` in decimal (see [`write_uint`]).
pub fn num(n: usize) -> String {
    let mut s = String::new();
    write_uint(&mut s, n as u64);
    s
}

/// Writes `s` as a JSON string literal ([`write_str`]), or `null` for `None`.
pub fn write_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.push_str("null"),
    }
}

/// Writes `s` as a JSON string literal, escaping what RFC 8259 requires
/// (and U+2028/U+2029, so the output is also valid JavaScript).
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => None,
            _ => continue,
        };
        out.push_str(&s[last..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => {
                // Control characters and U+2028/U+2029: four hex digits.
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(b"0123456789abcdef"[(c as usize >> shift) & 15]));
                }
            }
        }
        last = i + c.len_utf8();
    }
    out.push_str(std::str::from_utf8(&bytes[last..]).expect("utf8 suffix"));
    out.push('"');
}

/// The value of a JSON number already checked against the grammar.
///
/// Integers of up to 15 digits are exact; other numbers are computed from up to
/// 19 significant digits and a power of ten (close, not always the nearest
/// `f64`). Hand-written so the wasm build carries no float-parsing tables.
/// `None` when the magnitude overflows `f64`.
fn number_value(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let neg = b[0] == b'-';
    let mut mant: u64 = 0;
    let mut sig = 0;
    let mut exp: i64 = 0;
    let mut i = usize::from(neg);
    let mut frac = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                if sig < 19 {
                    mant = mant * 10 + u64::from(d - b'0');
                    if mant > 0 {
                        sig += 1;
                    }
                    if frac {
                        exp -= 1;
                    }
                } else if !frac {
                    exp += 1;
                }
            }
            b'.' => frac = true,
            _ => break,
        }
        i += 1;
    }
    if i < b.len() {
        // Exponent part: [eE][+-]?digits (grammar already checked).
        i += 1;
        let eneg = b[i] == b'-';
        if b[i] == b'+' || b[i] == b'-' {
            i += 1;
        }
        let mut e: i64 = 0;
        for &d in &b[i..] {
            e = (e * 10 + i64::from(d - b'0')).min(100_000);
        }
        exp += if eneg { -e } else { e };
    }
    let mut v = mant as f64;
    if mant != 0 {
        if exp > 400 {
            return None;
        }
        if exp < -400 {
            v = 0.0;
        } else if exp >= 0 {
            v *= 10f64.powi(exp as i32);
        } else if exp < -300 {
            v = v / 1e300 / 10f64.powi((-exp - 300) as i32);
        } else {
            v /= 10f64.powi((-exp) as i32);
        }
    }
    if !v.is_finite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Where and why JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset in the input where the problem was found.
    pub offset: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid JSON at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses one JSON document (surrounding whitespace allowed, nothing else).
pub fn parse(input: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        s: input.as_bytes(),
        src: input,
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, m: &str) -> ParseError {
        ParseError {
            offset: self.i,
            message: m.to_string(),
        }
    }
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }
    fn lit(&mut self, word: &str, v: Value) -> Result<Value, ParseError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("unknown literal"))
        }
    }
    fn value(&mut self) -> Result<Value, ParseError> {
        match self.s.get(self.i) {
            None => Err(self.err("unexpected end of input")),
            Some(b'n') => self.lit("null", Value::Null),
            Some(b't') => self.lit("true", Value::Bool(true)),
            Some(b'f') => self.lit("false", Value::Bool(false)),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'[' | b'{') => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.err(&format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let v = if self.s[self.i] == b'[' {
                    self.array()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected a JSON value")),
        }
    }
    fn array(&mut self) -> Result<Value, ParseError> {
        self.i += 1;
        let mut out = vec![];
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(out));
        }
        loop {
            self.ws();
            out.push(self.value()?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(out));
                }
                _ => return Err(self.err("expected ',' or ']' in array")),
            }
        }
    }
    fn object(&mut self) -> Result<Value, ParseError> {
        self.i += 1;
        let mut out: Vec<(String, Value)> = vec![];
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(out));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a string key in object"));
            }
            let k = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.err("expected ':' after object key"));
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            if let Some(slot) = out.iter_mut().find(|(key, _)| *key == k) {
                slot.1 = v;
            } else {
                out.push((k, v));
            }
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(out));
                }
                _ => return Err(self.err("expected ',' or '}' in object")),
            }
        }
    }
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.i;
            while let Some(b'0'..=b'9') = p.s.get(p.i) {
                p.i += 1;
            }
            p.i - s
        };
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return Err(self.err("malformed number"));
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("malformed number"));
            }
        }
        number_value(&self.src[start..self.i])
            .map(Value::Number)
            .ok_or_else(|| ParseError {
                offset: start,
                message: "number out of range".to_string(),
            })
    }
    fn hex4(&mut self) -> Result<u32, ParseError> {
        let h = self
            .src
            .get(self.i..self.i + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.err("bad \\u escape"))?;
        self.i += 4;
        Ok(h)
    }
    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.src[run..self.i]);
            match self.s.get(self.i) {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = *self.s.get(self.i).ok_or_else(|| self.err("bad escape"))?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if self.s[self.i..].starts_with(b"\\u") {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if !(0xDC00..0xE000).contains(&lo) {
                                        return Err(self.err("unpaired surrogate in \\u escape"));
                                    }
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    return Err(self.err("unpaired surrogate in \\u escape"));
                                }
                            } else if (0xDC00..0xE000).contains(&hi) {
                                return Err(self.err("unpaired surrogate in \\u escape"));
                            } else {
                                hi
                            };
                            out.push(char::from_u32(c).ok_or_else(|| self.err("bad \\u escape"))?);
                        }
                        _ => return Err(self.err("bad escape")),
                    }
                }
                Some(_) => return Err(self.err("control character in string")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_values() {
        let src =
            r#"{"a":[1,-2.5,1e3,true,false,null],"s":"q\"\\\n\u00e9😀\u2028","__proto__":{}}"#;
        let v = parse(src).unwrap();
        assert_eq!(v.get("a").unwrap().as_array().unwrap().len(), 6);
        assert_eq!(v.get("s").unwrap().as_str(), Some("q\"\\\né😀\u{2028}"));
        assert!(v.get("__proto__").is_some());
        assert_eq!(parse(&v.to_json()).unwrap(), v);
    }

    #[test]
    fn surrogate_pairs_and_errors() {
        assert_eq!(
            parse(r#""\ud83d\ude00""#).unwrap(),
            Value::String("😀".into())
        );
        for bad in [
            "",
            "[1,]",
            "{\"a\"}",
            "01",
            "1.",
            "\"\\ud83d\"",
            "[1] x",
            "\"a\nb\"",
            "tru",
            "-",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
        let e = parse("[1, x]").unwrap_err();
        assert_eq!(e.offset, 4);
    }

    #[test]
    fn numbers_parse_and_print_without_float_tables() {
        for (src, want) in [
            ("0", 0.0),
            ("-0", 0.0),
            ("42", 42.0),
            ("-17", -17.0),
            ("9007199254740991", 9_007_199_254_740_991.0),
            ("1.5", 1.5),
            ("0.25e2", 25.0),
            ("1E3", 1000.0),
            ("2.5e-3", 0.0025),
            ("123456789012345678901234", 1.2345678901234568e23),
            ("1e-500", 0.0),
        ] {
            let got = parse(src).unwrap().as_f64().unwrap();
            assert!(
                (got - want).abs() <= want.abs() * 1e-15,
                "{src}: {got} vs {want}"
            );
        }
        assert_eq!(parse("1e400").unwrap_err().message, "number out of range");
        let fmt = |n: f64| {
            let mut s = String::new();
            write_number(&mut s, n);
            s
        };
        assert_eq!(fmt(3.0), "3");
        assert_eq!(fmt(-2.5), "-2.5");
        assert_eq!(fmt(0.1234567), "0.123457");
        assert_eq!(fmt(-0.0000001), "0");
        assert_eq!(fmt(1.05), "1.05");
        assert_eq!(fmt(f64::NAN), "null");
        assert_eq!(fmt(-1.5e300), "-1.5e300");
        assert_eq!(fmt(1e16), "1e16");
        assert_eq!(fmt(0.0), "0");
        assert_eq!(fmt(-7.0), "-7");
        assert_eq!(fmt(0.001), "0.001");
        assert_eq!(fmt(-2.000305), "-2.000305");
        // The hand-written digits agree with `format!` (the reference) on a sweep.
        for k in 0..5000u64 {
            let n = (k * 7919 % 100_003) as f64 / 1000.0 - 50.0;
            let want = format!("{:.6}", n);
            let want = want.trim_end_matches('0').trim_end_matches('.');
            let want = if want == "-0" { "0" } else { want };
            assert_eq!(fmt(n), want, "{n}");
        }
        for n in [0u64, 9, 10, 99, 100, 4_294_967_295, u64::MAX] {
            let mut s = String::new();
            write_uint(&mut s, n);
            assert_eq!(s, n.to_string());
        }
        for n in [1.5e300, 123456.0, 9.5e15, 0.5, 2.0e-7] {
            let back = parse(&fmt(n)).unwrap().as_f64().unwrap();
            assert!((back - n).abs() <= n.abs() * 1e-6 + 1e-6, "{n} -> {back}");
        }
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().message.contains("nesting"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn duplicate_keys_keep_last() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v, Value::Object(vec![("a".into(), Value::Number(2.0))]));
    }
}
