//! Reading W3C JSON into plain items, validating shape, types and limits.
//!
//! Nothing here knows the article text; positions are checked against it in
//! [`super::import`]. Every error names where it is (`item 3: …`, 1-based).

use super::import::ImportError;
use super::{MAX_ITEMS, UNTAGGED};
use crate::annotation::CONTEXT_CHARS;
use crate::json::Value;
use std::collections::HashMap;

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
}

fn err(at: &str, msg: impl std::fmt::Display) -> ImportError {
    ImportError {
        message: if at.is_empty() {
            msg.to_string()
        } else {
            format!("{at}: {msg}")
        },
    }
}

/// The `type` (or `@type`) values of an object.
fn types(v: &Value) -> Vec<&str> {
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    types(v).contains(&t)
}

/// A string field bounded to `max` bytes; a one-string array counts as a string.
fn opt_str(v: &Value, key: &str, at: &str, max: usize) -> Result<Option<String>, ImportError> {
    let s = match v.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => s,
        Some(Value::Array(a)) if a.len() == 1 && a[0].as_str().is_some() => {
            a[0].as_str().unwrap_or_default()
        }
        Some(other) => {
            return Err(err(
                at,
                format!("{key} must be a string (found {})", other.type_name()),
            ))
        }
    };
    if s.len() > max {
        return Err(err(
            at,
            format!("{key} is too long ({} bytes; at most {max})", s.len()),
        ));
    }
    Ok(Some(s.to_string()))
}

fn int(v: &Value, key: &str, at: &str, what: &str) -> Result<usize, ImportError> {
    match v.get(key) {
        Some(Value::Number(n)) if *n >= 0.0 && n.fract() == 0.0 && *n <= MAX_INT => Ok(*n as usize),
        Some(Value::Number(n)) => Err(err(
            at,
            format!(
                "{what}{key} must be a non-negative integer (found {})",
                Value::Number(*n).to_json()
            ),
        )),
        Some(other) => Err(err(
            at,
            format!(
                "{what}{key} must be a non-negative integer (found {})",
                other.type_name()
            ),
        )),
        None => Err(err(at, format!("{what}{key} is missing"))),
    }
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

/// Parses the top level: annotation, array, page or collection.
pub(super) fn file(v: &Value) -> Result<File, ImportError> {
    let mut f = File::default();
    let items: &[Value] = match v {
        Value::Array(a) => a,
        Value::Object(_) if has_type(v, "AnnotationCollection") => {
            f.content_hash = opt_str(v, "claimmark:contentHash", "collection", 128)?;
            f.blocks = blocks(v)?;
            match v.get("first") {
                Some(p @ Value::Object(_)) => page_items(p, "collection.first")?,
                Some(Value::String(link)) => {
                    return Err(err(
                        "collection",
                        format!("its first page is a link (\"{link}\"), not inline; only collections with the first page embedded can be imported"),
                    ))
                }
                None => {
                    if v.get("total").and_then(Value::as_f64).unwrap_or(0.0) > 0.0 {
                        return Err(err("collection", "it has a total but no first page"));
                    }
                    &[]
                }
                Some(o) => {
                    return Err(err(
                        "collection",
                        format!("first must be an AnnotationPage object (found {})", o.type_name()),
                    ))
                }
            }
        }
        Value::Object(_) if has_type(v, "AnnotationPage") => page_items(v, "page")?,
        Value::Object(_) if has_type(v, "Annotation") => std::slice::from_ref(v),
        Value::Object(_) => {
            let t = types(v);
            return Err(err(
                "",
                if t.is_empty() {
                    "expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection (the object has no type)".to_string()
                } else {
                    format!("expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection (found type \"{}\")", t.join(","))
                },
            ));
        }
        other => {
            return Err(err(
                "",
                format!(
                    "expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection (found {})",
                    other.type_name()
                ),
            ))
        }
    };
    if items.len() > MAX_ITEMS {
        return Err(err(
            "",
            format!(
                "too many annotations ({}; at most {MAX_ITEMS})",
                items.len()
            ),
        ));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, v) in items.iter().enumerate() {
        let it = item(v, &format!("item {}", i + 1))?;
        f.items.push(it);
    }
    for (i, it) in f.items.iter().enumerate() {
        if let Some(j) = seen.insert(&it.id, i) {
            return Err(err(
                "",
                format!(
                    "items {} and {} have the same id \"{}\" (ids must be unique within a file)",
                    j + 1,
                    i + 1,
                    it.id
                ),
            ));
        }
    }
    Ok(f)
}

fn page_items<'a>(p: &'a Value, at: &str) -> Result<&'a [Value], ImportError> {
    if p.get("next").is_some_and(|n| *n != Value::Null) {
        return Err(err(
            at,
            "the page has a next page, which cannot be fetched; export everything in one page",
        ));
    }
    match p.get("items") {
        Some(Value::Array(a)) => Ok(a),
        None => Ok(&[]),
        Some(o) => Err(err(
            at,
            format!("items must be an array (found {})", o.type_name()),
        )),
    }
}

fn blocks(v: &Value) -> Result<Vec<(usize, bool)>, ImportError> {
    let at = "collection: claimmark:blocks";
    let Some(b) = v.get("claimmark:blocks") else {
        return Ok(vec![]);
    };
    let Some(list) = b.as_array() else {
        return Err(err(
            at,
            format!("must be an array (found {})", b.type_name()),
        ));
    };
    list.iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("{at}[{i}]");
            let block = int(e, "block", &at, "")?;
            match e.get("inArticle") {
                Some(Value::Bool(x)) => Ok((block, *x)),
                _ => Err(err(&at, "inArticle must be true or false")),
            }
        })
        .collect()
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
            for k in ["name", "nickname", "id"] {
                if let Some(s) = opt_str(c, k, &format!("{at}: creator"), MAX_VALUE_BYTES)? {
                    return Ok(Some(s));
                }
            }
            Ok(None)
        }
        o => Err(err(
            at,
            format!(
                "creator must be a string or an object (found {})",
                o.type_name()
            ),
        )),
    }
}

fn item(v: &Value, at: &str) -> Result<Item, ImportError> {
    if !matches!(v, Value::Object(_)) {
        return Err(err(
            at,
            format!("an annotation must be an object (found {})", v.type_name()),
        ));
    }
    if !has_type(v, "Annotation") {
        return Err(err(at, "type must be \"Annotation\""));
    }
    let id = opt_str(v, "claimmark:localId", at, MAX_ID_BYTES)?
        .or(opt_str(v, "id", at, MAX_ID_BYTES)?)
        .ok_or_else(|| err(at, "id is missing"))?;
    if id.is_empty() {
        return Err(err(at, "id is empty"));
    }
    let at = &format!("{at} (\"{id}\")")
        .chars()
        .take(120)
        .collect::<String>();
    let mut it = Item {
        id,
        created: opt_str(v, "created", at, MAX_VALUE_BYTES)?.or(opt_str(
            v,
            "claimmark:created",
            at,
            MAX_VALUE_BYTES,
        )?),
        modified: opt_str(v, "modified", at, MAX_VALUE_BYTES)?.or(opt_str(
            v,
            "claimmark:modified",
            at,
            MAX_VALUE_BYTES,
        )?),
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
        Some(o) => {
            return Err(err(
                at,
                format!(
                    "body must be an object, an array or a string (found {})",
                    o.type_name()
                ),
            ))
        }
    };
    if list.len() > MAX_BODIES {
        return Err(err(
            at,
            format!("too many bodies ({}; at most {MAX_BODIES})", list.len()),
        ));
    }
    let (mut tag, mut note) = (None, None);
    for (j, b) in list.iter().enumerate() {
        let bat = format!("{at}: body {}", j + 1);
        let (purpose, value) = match b {
            Value::String(s) => (String::new(), s.clone()),
            Value::Object(_) => {
                if b.get("items").is_some() {
                    return Err(err(
                        &bat,
                        "Choice, Composite and List bodies are not supported",
                    ));
                }
                let purpose = match b.get("purpose") {
                    Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(str::to_string),
                    _ => opt_str(b, "purpose", &bat, MAX_TAG_BYTES)?,
                };
                let purpose = match purpose {
                    Some(p) => p,
                    None => {
                        opt_str(b, "claimmark:purpose", &bat, MAX_TAG_BYTES)?.unwrap_or_default()
                    }
                };
                let value = match opt_str(b, "value", &bat, MAX_VALUE_BYTES)? {
                    Some(x) => x,
                    None => opt_str(b, "id", &bat, MAX_VALUE_BYTES)?
                        .or(opt_str(b, "source", &bat, MAX_VALUE_BYTES)?)
                        .ok_or_else(|| err(&bat, "it has no value (nor id or source)"))?,
                };
                (purpose, value)
            }
            o => {
                return Err(err(
                    &bat,
                    format!(
                        "a body must be an object or a string (found {})",
                        o.type_name()
                    ),
                ))
            }
        };
        if value.len() > MAX_VALUE_BYTES {
            return Err(err(
                &bat,
                format!("the value is too long ({} bytes)", value.len()),
            ));
        }
        if purpose == "tagging" && tag.is_none() && !value.is_empty() {
            if value.len() > MAX_TAG_BYTES {
                return Err(err(
                    &bat,
                    format!(
                        "the tag is too long ({} bytes; at most {MAX_TAG_BYTES})",
                        value.len()
                    ),
                ));
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
        None | Some(Value::Null) => return Err(err(at, "target is missing")),
        Some(Value::Array(a)) => {
            if a.is_empty() {
                return Err(err(at, "target is an empty array"));
            }
            // The first target that has a selector, else the first one.
            a.iter()
                .find(|t| t.get("selector").is_some())
                .unwrap_or(&a[0])
        }
        Some(t) => t,
    };
    let sel: &[Value] = match t {
        Value::String(_) => &[],
        Value::Object(_) => match t.get("selector") {
            None | Some(Value::Null) => &[],
            Some(Value::Array(a)) => a,
            Some(s @ Value::Object(_)) => std::slice::from_ref(s),
            Some(o) => {
                return Err(err(
                    at,
                    format!(
                        "target.selector must be an object or an array (found {})",
                        o.type_name()
                    ),
                ))
            }
        },
        o => {
            return Err(err(
                at,
                format!(
                    "target must be a string, an object or an array (found {})",
                    o.type_name()
                ),
            ))
        }
    };
    for s in sel {
        if has_type(s, "TextQuoteSelector") && it.quote.is_none() {
            let sat = format!("{at}: TextQuoteSelector");
            let exact = opt_str(s, "exact", &sat, MAX_QUOTE_BYTES)?
                .ok_or_else(|| err(&sat, "exact is missing"))?;
            let prefix = opt_str(s, "prefix", &sat, MAX_QUOTE_BYTES)?.unwrap_or_default();
            let suffix = opt_str(s, "suffix", &sat, MAX_QUOTE_BYTES)?.unwrap_or_default();
            it.quote = Some(Quote {
                exact,
                prefix: last_chars(&prefix, CONTEXT_CHARS),
                suffix: first_chars(&suffix, CONTEXT_CHARS),
            });
        } else if has_type(s, "TextPositionSelector") && it.position.is_none() {
            let start = int(s, "start", at, "TextPositionSelector.")?;
            let end = int(s, "end", at, "TextPositionSelector.")?;
            if end < start {
                return Err(err(
                    at,
                    format!("TextPositionSelector.end ({end}) is before start ({start})"),
                ));
            }
            it.position = Some((start, end));
        }
    }
    Ok(())
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
