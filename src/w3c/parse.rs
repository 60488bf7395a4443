//! Reading W3C JSON into plain items, validating shape, types and limits.
//!
//! Nothing here knows the article text; positions are checked against it in
//! [`super::import`]. Every error names where it is (`item 3: …`, 1-based).

use super::import::ImportError;
use super::{MAX_ITEMS, UNTAGGED};
use crate::anchor::index::sorted_hashes;
use crate::annotation::CONTEXT_CHARS;
use crate::json::Value;

/// Longest id accepted (bytes).
pub const MAX_ID_BYTES: usize = 2048;
/// Longest tag accepted (bytes).
pub const MAX_TAG_BYTES: usize = 256;
/// Longest note, body value, creator or time accepted (bytes).
pub const MAX_VALUE_BYTES: usize = 100_000;
/// Longest quote (`exact`) accepted (bytes).
pub const MAX_QUOTE_BYTES: usize = 1_000_000;
/// Most bodies on one annotation.
pub const MAX_BODIES: usize = 1000;
/// Largest integer a position may be (2^53, JavaScript's safe integers).
const MAX_INT: f64 = 9_007_199_254_740_992.0;

/// A `TextQuoteSelector`.
#[derive(Debug, Clone, Default)]
pub(super) struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// `claimmark:copies`.
    pub copies: Option<crate::anchor::Copies>,
}

/// One annotation as read from the file, not yet placed on the text.
#[derive(Debug, Clone, Default)]
pub(super) struct Item {
    pub id: String,
    pub tag: String,
    pub note: String,
    pub created: Option<String>,
    pub modified: Option<String>,
    pub creator: Option<String>,
    pub extra: Vec<(String, String)>,
    pub quote: Option<Quote>,
    /// `TextPositionSelector` start/end, code points.
    pub position: Option<(usize, usize)>,
}

/// A whole file: items plus claimmark's document extensions.
#[derive(Debug, Clone, Default)]
pub(super) struct File {
    pub items: Vec<Item>,
    pub content_hash: Option<String>,
    pub blocks: Vec<(usize, bool)>,
    /// The collection's `creator` (its name), when it names one.
    pub creator: Option<String>,
    /// The collection's `label` (the article title in claimmark's export).
    pub title: Option<String>,
}

/// The error `at: ` + `parts` (just `parts` when `at` is empty). One shared
/// builder keeps the many messages small in the wasm.
#[inline(never)]
pub(super) fn err(at: &str, parts: &[&str]) -> ImportError {
    let mut message = String::new();
    if !at.is_empty() {
        message.push_str(at);
        message.push_str(": ");
    }
    for p in parts {
        message.push_str(p);
    }
    ImportError { message }
}

/// `item N ("id")`, N counted from 1, the id cut to 100 characters.
#[inline(never)]
pub(super) fn item_at(i: usize, id: &str) -> String {
    let mut at = String::from("item ");
    at.push_str(&num(i + 1));
    if !id.is_empty() {
        at.push_str(" (\"");
        at.extend(id.chars().take(100));
        at.push_str("\")");
    }
    at
}

/// `n` in decimal (one shared copy of the integer formatting call).
#[inline(never)]
pub(super) fn num(n: usize) -> String {
    n.to_string()
}

/// `<key> must be <what> (found <type of v>)`.
#[inline(never)]
fn wrong(at: &str, key: &str, what: &str, v: &Value) -> ImportError {
    err(
        at,
        &[key, " must be ", what, " (found ", v.type_name(), ")"],
    )
}

/// The `type` (or `@type`) member of an object.
fn type_member(v: &Value) -> Option<&Value> {
    v.get("type").or_else(|| v.get("@type"))
}

fn has_type(v: &Value, t: &str) -> bool {
    match type_member(v) {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(a)) => {
            for x in a {
                if x.as_str() == Some(t) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// A string field bounded to `max` bytes; a one-string array counts as a string.
#[inline(never)]
fn opt_str(v: &Value, key: &str, at: &str, max: usize) -> Result<Option<String>, ImportError> {
    let s = match v.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => s,
        Some(Value::Array(a)) if a.len() == 1 && a[0].as_str().is_some() => {
            a[0].as_str().unwrap_or_default()
        }
        Some(other) => return Err(wrong(at, key, "a string", other)),
    };
    if s.len() > max {
        return Err(too_long(at, key, s.len(), max));
    }
    Ok(Some(s.to_string()))
}

/// `<what> is too long (<n> bytes; at most <max>)`.
#[inline(never)]
fn too_long(at: &str, what: &str, n: usize, max: usize) -> ImportError {
    err(
        at,
        &[
            what,
            " is too long (",
            &num(n),
            " bytes; at most ",
            &num(max),
            ")",
        ],
    )
}

fn int(v: &Value, key: &str, at: &str, what: &str) -> Result<usize, ImportError> {
    let found = match v.get(key) {
        Some(Value::Number(n)) if *n >= 0.0 && n.fract() == 0.0 && *n <= MAX_INT => {
            return Ok(*n as usize)
        }
        Some(Value::Number(n)) => {
            let mut s = String::new();
            crate::json::write_number(&mut s, *n);
            s
        }
        Some(other) => other.type_name().to_string(),
        None => return Err(err(at, &[what, key, " is missing"])),
    };
    Err(err(
        at,
        &[
            what,
            key,
            " must be a non-negative integer (found ",
            &found,
            ")",
        ],
    ))
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> String {
    let i = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s[i..].to_string()
    }
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

const EXPECTED: &str =
    "expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection (";

/// Parses the top level: annotation, array, page or collection.
pub(super) fn file(v: &Value) -> Result<File, ImportError> {
    let mut f = File::default();
    let items: &[Value] = match v {
        Value::Array(a) => a,
        Value::Object(_) if has_type(v, "AnnotationCollection") => {
            let at = "collection";
            f.content_hash = opt_str(v, "claimmark:contentHash", at, 128)?;
            f.blocks = blocks(v)?;
            // Informative only: a creator or label of another shape is not an error.
            f.creator = creator(v, at).ok().flatten();
            f.title = opt_str(v, "label", at, MAX_VALUE_BYTES).ok().flatten();
            match v.get("first") {
                Some(p @ Value::Object(_)) => page_items(p, "collection.first")?,
                Some(Value::String(link)) => {
                    return Err(err(
                        at,
                        &["its first page is a link (\"", link, "\"), not inline; only collections with the first page embedded can be imported"],
                    ))
                }
                None => {
                    if v.get("total").and_then(Value::as_f64).unwrap_or(0.0) > 0.0 {
                        return Err(err(at, &["it has a total but no first page"]));
                    }
                    &[]
                }
                Some(o) => return Err(wrong(at, "first", "an AnnotationPage object", o)),
            }
        }
        Value::Object(_) if has_type(v, "AnnotationPage") => page_items(v, "page")?,
        Value::Object(_) if has_type(v, "Annotation") => std::slice::from_ref(v),
        Value::Object(_) => {
            let mut t = String::new();
            match type_member(v) {
                Some(Value::String(s)) => t.push_str(s),
                Some(Value::Array(a)) => {
                    for x in a {
                        let Some(s) = x.as_str() else {
                            continue;
                        };
                        if !t.is_empty() {
                            t.push(',');
                        }
                        t.push_str(s);
                    }
                }
                _ => {}
            }
            return Err(if t.is_empty() {
                err("", &[EXPECTED, "the object has no type)"])
            } else {
                err("", &[EXPECTED, "found type \"", &t, "\")"])
            });
        }
        other => return Err(err("", &[EXPECTED, "found ", other.type_name(), ")"])),
    };
    if items.len() > MAX_ITEMS {
        return Err(err(
            "",
            &[
                "too many annotations (",
                &num(items.len()),
                "; at most ",
                &num(MAX_ITEMS),
                ")",
            ],
        ));
    }
    for (i, v) in items.iter().enumerate() {
        f.items.push(item(v, i)?);
    }
    let mut ids: Vec<&str> = Vec::with_capacity(f.items.len());
    for it in &f.items {
        ids.push(&it.id);
    }
    if let Some((j, i)) = first_duplicate(&ids) {
        return Err(err(
            "",
            &[
                "items ",
                &num(j + 1),
                " and ",
                &num(i + 1),
                " have the same id \"",
                &f.items[i].id,
                "\" (ids must be unique within a file)",
            ],
        ));
    }
    Ok(f)
}

/// The first repeated id: `(j, i)` with `j < i`, `ids[j] == ids[i]` and `i`
/// as small as possible.
fn first_duplicate(ids: &[&str]) -> Option<(usize, usize)> {
    let keys = sorted_hashes(ids);
    let mut best: Option<(usize, usize)> = None;
    let mut g = 0;
    while g < keys.len() {
        // One group of equal hashes, indices ascending.
        let mut end = g + 1;
        while end < keys.len() && keys[end].0 == keys[g].0 {
            end += 1;
        }
        for y in g + 1..end {
            let i = keys[y].1 as usize;
            if best.is_some_and(|(_, b)| b <= i) {
                break;
            }
            if let Some(x) = (g..y).find(|&x| ids[keys[x].1 as usize] == ids[i]) {
                best = Some((keys[x].1 as usize, i));
                break;
            }
        }
        g = end;
    }
    best
}

fn page_items<'a>(p: &'a Value, at: &str) -> Result<&'a [Value], ImportError> {
    if p.get("next").is_some_and(|n| !matches!(n, Value::Null)) {
        return Err(err(
            at,
            &["the page has a next page, which cannot be fetched; export everything in one page"],
        ));
    }
    match p.get("items") {
        Some(Value::Array(a)) => Ok(a),
        None => Ok(&[]),
        Some(o) => Err(wrong(at, "items", "an array", o)),
    }
}

fn blocks(v: &Value) -> Result<Vec<(usize, bool)>, ImportError> {
    let at = "collection: claimmark:blocks";
    let Some(b) = v.get("claimmark:blocks") else {
        return Ok(vec![]);
    };
    let Some(list) = b.as_array() else {
        return Err(err(at, &["must be an array (found ", b.type_name(), ")"]));
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, e) in list.iter().enumerate() {
        let mut at = String::from(at);
        at.push('[');
        at.push_str(&num(i));
        at.push(']');
        let block = int(e, "block", &at, "")?;
        match e.get("inArticle") {
            Some(Value::Bool(x)) => out.push((block, *x)),
            _ => return Err(err(&at, &["inArticle must be true or false"])),
        }
    }
    Ok(out)
}

fn creator(v: &Value, at: &str) -> Result<Option<String>, ImportError> {
    let c = match v.get("creator") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(a)) => match a.first() {
            Some(c) => c,
            None => return Ok(None),
        },
        Some(c) => c,
    };
    match c {
        Value::String(_) => opt_str(v, "creator", at, MAX_VALUE_BYTES),
        Value::Object(_) => {
            let mut cat = String::from(at);
            cat.push_str(": creator");
            for k in ["name", "nickname", "id"] {
                if let Some(s) = opt_str(c, k, &cat, MAX_VALUE_BYTES)? {
                    return Ok(Some(s));
                }
            }
            Ok(None)
        }
        o => Err(wrong(at, "creator", "a string or an object", o)),
    }
}

/// The first of `keys` that `v` has as a string; every one of them is checked.
fn first_str(
    v: &Value,
    keys: &[&str],
    at: &str,
    max: usize,
) -> Result<Option<String>, ImportError> {
    let mut out = None;
    for k in keys {
        let s = opt_str(v, k, at, max)?;
        if out.is_none() {
            out = s;
        }
    }
    Ok(out)
}

fn item(v: &Value, i: usize) -> Result<Item, ImportError> {
    let at = &item_at(i, "");
    if !matches!(v, Value::Object(_)) {
        return Err(err(
            at,
            &[
                "an annotation must be an object (found ",
                v.type_name(),
                ")",
            ],
        ));
    }
    if !has_type(v, "Annotation") {
        return Err(err(at, &["type must be \"Annotation\""]));
    }
    // Both are checked (a bad `id` is an error even with a local id).
    let local = opt_str(v, "claimmark:localId", at, MAX_ID_BYTES)?;
    let id = opt_str(v, "id", at, MAX_ID_BYTES)?;
    let id = local.or(id).ok_or_else(|| err(at, &["id is missing"]))?;
    if id.is_empty() {
        return Err(err(at, &["id is empty"]));
    }
    let at = &item_at(i, &id);
    let created = first_str(v, &["created", "claimmark:created"], at, MAX_VALUE_BYTES)?;
    let modified = first_str(v, &["modified", "claimmark:modified"], at, MAX_VALUE_BYTES)?;
    let mut it = Item {
        id,
        created,
        modified,
        creator: creator(v, at)?,
        ..Item::default()
    };
    bodies(v, at, &mut it)?;
    target(v, at, &mut it)?;
    Ok(it)
}
fn bodies(v: &Value, at: &str, it: &mut Item) -> Result<(), ImportError> {
    let list: &[Value] = match v.get("body") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(a)) => a,
        Some(b @ (Value::Object(_) | Value::String(_))) => std::slice::from_ref(b),
        Some(o) => return Err(wrong(at, "body", "an object, an array or a string", o)),
    };
    if list.len() > MAX_BODIES {
        return Err(err(
            at,
            &[
                "too many bodies (",
                &num(list.len()),
                "; at most ",
                &num(MAX_BODIES),
                ")",
            ],
        ));
    }
    let (mut tag, mut note) = (None, None);
    for (j, b) in list.iter().enumerate() {
        let mut bat = String::from(at);
        bat.push_str(": body ");
        bat.push_str(&num(j + 1));
        let bat = bat.as_str();
        let (purpose, value) = match b {
            Value::String(s) => (String::new(), s.clone()),
            Value::Object(_) => {
                if b.get("items").is_some() {
                    return Err(err(
                        bat,
                        &["Choice, Composite and List bodies are not supported"],
                    ));
                }
                let purpose = match b.get("purpose") {
                    Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(str::to_string),
                    _ => opt_str(b, "purpose", bat, MAX_TAG_BYTES)?,
                };
                let purpose = match purpose {
                    Some(p) => p,
                    None => {
                        opt_str(b, "claimmark:purpose", bat, MAX_TAG_BYTES)?.unwrap_or_default()
                    }
                };
                let value = match opt_str(b, "value", bat, MAX_VALUE_BYTES)? {
                    Some(x) => x,
                    None => first_str(b, &["id", "source"], bat, MAX_VALUE_BYTES)?
                        .ok_or_else(|| err(bat, &["it has no value (nor id or source)"]))?,
                };
                (purpose, value)
            }
            o => {
                return Err(err(
                    bat,
                    &[
                        "a body must be an object or a string (found ",
                        o.type_name(),
                        ")",
                    ],
                ))
            }
        };
        if value.len() > MAX_VALUE_BYTES {
            return Err(err(
                bat,
                &["the value is too long (", &num(value.len()), " bytes)"],
            ));
        }
        if purpose == "tagging" && tag.is_none() && !value.is_empty() {
            if value.len() > MAX_TAG_BYTES {
                return Err(too_long(bat, "the tag", value.len(), MAX_TAG_BYTES));
            }
            tag = Some(value);
        } else if purpose == "commenting" && note.is_none() {
            note = Some(value);
        } else {
            it.extra.push((purpose, value));
        }
    }
    it.tag = tag.unwrap_or_else(|| UNTAGGED.to_string());
    it.note = note.unwrap_or_default();
    Ok(())
}

fn target(v: &Value, at: &str, it: &mut Item) -> Result<(), ImportError> {
    let t = match v.get("target") {
        None | Some(Value::Null) => return Err(err(at, &["target is missing"])),
        Some(Value::Array(a)) => {
            // The first target that has a selector, else the first one.
            match a.iter().find(|t| t.get("selector").is_some()) {
                Some(t) => t,
                None => a
                    .first()
                    .ok_or_else(|| err(at, &["target is an empty array"]))?,
            }
        }
        Some(t) => t,
    };
    let sel: &[Value] = match t {
        Value::String(_) => &[],
        Value::Object(_) => match t.get("selector") {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(s @ Value::Object(_)) => std::slice::from_ref(s),
            Some(o) => return Err(wrong(at, "target.selector", "an object or an array", o)),
        },
        o => return Err(wrong(at, "target", "a string, an object or an array", o)),
    };
    for s in sel {
        if has_type(s, "TextQuoteSelector") && it.quote.is_none() {
            let mut sat = String::from(at);
            sat.push_str(": TextQuoteSelector");
            let sat = sat.as_str();
            let exact = opt_str(s, "exact", sat, MAX_QUOTE_BYTES)?
                .ok_or_else(|| err(sat, &["exact is missing"]))?;
            let prefix = opt_str(s, "prefix", sat, MAX_QUOTE_BYTES)?.unwrap_or_default();
            let suffix = opt_str(s, "suffix", sat, MAX_QUOTE_BYTES)?.unwrap_or_default();
            let copies = match s.get("claimmark:copies") {
                None | Some(Value::Null) => None,
                Some(c) => Some(copies(c, sat)?),
            };
            it.quote = Some(Quote {
                exact,
                prefix: last_chars(&prefix, CONTEXT_CHARS),
                suffix: first_chars(&suffix, CONTEXT_CHARS),
                copies,
            });
        } else if has_type(s, "TextPositionSelector") && it.position.is_none() {
            let start = int(s, "start", at, "TextPositionSelector.")?;
            let end = int(s, "end", at, "TextPositionSelector.")?;
            if end < start {
                return Err(err(
                    at,
                    &[
                        "TextPositionSelector.end (",
                        &num(end),
                        ") is before start (",
                        &num(start),
                        ")",
                    ],
                ));
            }
            it.position = Some((start, end));
        }
    }
    Ok(())
}

/// `claimmark:copies` (see the module docs of [`super`]): an array of
/// non-negative integers `[count, index, distances…]` (missing ones are 0).
#[inline(never)]
fn copies(v: &Value, at: &str) -> Result<crate::anchor::Copies, ImportError> {
    const WHAT: &str = "an array of non-negative integers";
    let Value::Array(a) = v else {
        return Err(wrong(at, "claimmark:copies", WHAT, v));
    };
    let mut n = [0usize; 10];
    for (slot, x) in n.iter_mut().zip(a) {
        match x {
            Value::Number(f) if *f >= 0.0 && f.fract() == 0.0 && *f <= MAX_INT => {
                *slot = *f as usize
            }
            o => return Err(wrong(at, "claimmark:copies", WHAT, o)),
        }
    }
    let mut c = crate::anchor::Copies {
        count: n[0],
        index: n[1],
        ..Default::default()
    };
    c.near.copy_from_slice(&n[2..]);
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_trimmed_to_32_chars() {
        let long = "é".repeat(40);
        assert_eq!(last_chars(&long, 32).chars().count(), 32);
        assert_eq!(first_chars(&long, 32).chars().count(), 32);
        assert_eq!(last_chars("ab", 32), "ab");
    }
}
