//! The teacher's exercise file (README, "Exercises"), read with the same rules
//! as the widget's `parseExercise` (`www/claim/exercise.js`):
//!
//! ```json
//! {"type": "claimmark-exercise", "version": 1,
//!  "title": "…", "instructions": "…", "article": "the article text",
//!  "tags": [{"id": "fact", "label": "Fact", "color": "#1565c0", "keys": ["1", "f"], "line": "solid"}],
//!  "suggestions": true,
//!  "key": {"type": "AnnotationCollection", …}}
//! ```
//!
//! `type`, `version` (1) and `article` (not blank) are required; the others are
//! optional (`null` counts as absent). The review uses it as the answer key: the
//! article comes from the file and `key` holds the teacher's annotations.

use crate::json::Value;

/// The `type` of an exercise file.
pub const EXERCISE_TYPE: &str = "claimmark-exercise";

/// Longest article accepted, in UTF-16 code units (the widget's limit).
pub const MAX_ARTICLE_UTF16: usize = 2_000_000;

/// One tag of the exercise's tag set (the widget's `tags` attribute format).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseTag {
    /// The tag id: letters, digits, `_` or `-`.
    pub id: String,
    /// Shown name.
    pub label: Option<String>,
    /// CSS colour.
    pub color: Option<String>,
    /// Underline style.
    pub line: Option<String>,
    /// Keyboard keys that apply it.
    pub keys: Option<Vec<String>>,
}

/// A parsed exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// Its title (`""` when absent).
    pub title: String,
    /// Instructions for the students (`""` when absent).
    pub instructions: String,
    /// The article text, as written in the file.
    pub article: String,
    /// The tag set, when the file sets one.
    pub tags: Option<Vec<ExerciseTag>>,
    /// Whether students may reveal suggestions.
    pub suggestions: bool,
    /// The answer key: a W3C `AnnotationCollection`, when the file has one.
    pub key: Option<Value>,
}

/// True when `v` is an object whose `type` is [`EXERCISE_TYPE`].
pub fn is_exercise(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some(EXERCISE_TYPE)
}

fn bad(m: &str) -> String {
    format!("not a valid exercise file: {m}")
}

/// `v[k]` unless absent or `null`.
fn member<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.get(k).filter(|x| !matches!(x, Value::Null))
}

fn opt_string(v: &Value, k: &str, at: &str) -> Result<Option<String>, String> {
    match member(v, k) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{at}\"{k}\" must be a string")),
    }
}

fn tags(list: &Value) -> Result<Vec<ExerciseTag>, String> {
    let items = match list {
        Value::Array(a) if !a.is_empty() => a,
        _ => return Err("\"tags\" must be a non-empty array of tags".into()),
    };
    let mut out: Vec<ExerciseTag> = Vec::with_capacity(items.len());
    for (i, t) in items.iter().enumerate() {
        let at = format!("tag {}: ", i + 1);
        let id = match t.get("id") {
            Some(Value::String(s))
                if !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') =>
            {
                s.clone()
            }
            _ => {
                return Err(format!(
                    "{at}\"id\" must be a word of letters, digits, _ or -"
                ))
            }
        };
        if out.iter().any(|o| o.id == id) {
            return Err(format!("{at}the id \"{id}\" is used twice"));
        }
        let keys = match member(t, "keys") {
            None => None,
            Some(Value::Array(a)) => Some(
                a.iter()
                    .map(|k| k.as_str().map(str::to_string))
                    .collect::<Option<Vec<String>>>()
                    .ok_or_else(|| format!("{at}\"keys\" must be an array of strings"))?,
            ),
            Some(_) => return Err(format!("{at}\"keys\" must be an array of strings")),
        };
        out.push(ExerciseTag {
            id,
            label: opt_string(t, "label", &at)?,
            color: opt_string(t, "color", &at)?,
            line: opt_string(t, "line", &at)?,
            keys,
        });
    }
    Ok(out)
}

impl Exercise {
    /// Reads an exercise file; the error names the problem
    /// (`not a valid exercise file: "version" 2 is not supported …`).
    pub fn from_json(json: &str) -> Result<Exercise, String> {
        if json.len() > crate::w3c::MAX_INPUT_BYTES {
            return Err(bad(&format!(
                "the file is too large ({} bytes; at most {} MB)",
                json.len(),
                crate::w3c::MAX_INPUT_BYTES / (1024 * 1024)
            )));
        }
        let v = crate::json::parse(json).map_err(|e| bad(&format!("it is not JSON ({e})")))?;
        Exercise::from_value(&v)
    }

    /// Reads an exercise from parsed JSON (see [`Exercise::from_json`]).
    pub fn from_value(v: &Value) -> Result<Exercise, String> {
        if !matches!(v, Value::Object(_)) {
            return Err(bad("expected a JSON object"));
        }
        if !is_exercise(v) {
            let hint = if v.get("type").and_then(Value::as_str) == Some("AnnotationCollection") {
                " (this is an annotation export, not an exercise)"
            } else {
                ""
            };
            return Err(bad(&format!("\"type\" must be \"{EXERCISE_TYPE}\"{hint}")));
        }
        match v.get("version") {
            Some(Value::Number(n)) if *n == 1.0 => {}
            other => {
                let found = other.map_or("undefined".to_string(), Value::to_json);
                return Err(bad(&format!(
                    "\"version\" {found} is not supported (this reader reads version 1)"
                )));
            }
        }
        let article = match v.get("article") {
            Some(Value::String(s)) if !s.chars().all(crate::text::is_blank) => s.clone(),
            _ => return Err(bad("\"article\" must be the article text")),
        };
        if article.encode_utf16().count() > MAX_ARTICLE_UTF16 {
            return Err(bad(&format!(
                "\"article\" is longer than {MAX_ARTICLE_UTF16} characters"
            )));
        }
        let title = opt_string(v, "title", "").map_err(|e| bad(&e))?;
        let instructions = opt_string(v, "instructions", "").map_err(|e| bad(&e))?;
        let suggestions = match member(v, "suggestions") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(bad("\"suggestions\" must be true or false")),
        };
        let tags = match member(v, "tags") {
            None => None,
            Some(t) => Some(tags(t).map_err(|e| bad(&e))?),
        };
        let key = match member(v, "key") {
            None => None,
            Some(k)
                if matches!(k, Value::Object(_))
                    && k.get("type").and_then(Value::as_str) == Some("AnnotationCollection") =>
            {
                Some(k.clone())
            }
            Some(_) => {
                return Err(bad(
                    "\"key\" must be a W3C AnnotationCollection (what Export writes)",
                ))
            }
        };
        Ok(Exercise {
            title: title.unwrap_or_default(),
            instructions: instructions.unwrap_or_default(),
            article,
            tags,
            suggestions,
            key,
        })
    }

    /// The answer key as W3C JSON text, when the exercise has one.
    pub fn key_json(&self) -> Option<String> {
        self.key.as_ref().map(Value::to_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = r#"{"type":"AnnotationCollection","total":0}"#;

    fn ex(body: &str) -> Result<Exercise, String> {
        Exercise::from_json(&format!(
            r#"{{"type":"claimmark-exercise","version":1,"article":"Some text here."{body}}}"#
        ))
    }

    #[test]
    fn reads_the_fields_and_defaults() {
        let e = ex(&format!(
            r#","title":"T","instructions":null,"suggestions":true,"tags":[{{"id":"a-1","label":"A","keys":["x"]}}],"key":{KEY}"#
        ))
        .unwrap();
        assert_eq!((e.title.as_str(), e.instructions.as_str()), ("T", ""));
        assert!(e.suggestions);
        assert_eq!(e.article, "Some text here.");
        let t = &e.tags.as_ref().unwrap()[0];
        assert_eq!((t.id.as_str(), t.label.as_deref()), ("a-1", Some("A")));
        assert_eq!(t.keys.as_deref(), Some(&["x".to_string()][..]));
        assert_eq!(e.key_json().as_deref(), Some(KEY));
        let plain = ex("").unwrap();
        assert_eq!(
            (plain.tags, plain.key, plain.suggestions),
            (None, None, false)
        );
    }

    #[test]
    fn errors_name_the_problem() {
        let cases: [(&str, &str); 10] = [
            ("{oops", "it is not JSON"),
            ("[1]", "expected a JSON object"),
            (
                r#"{"type":"AnnotationCollection"}"#,
                "(this is an annotation export, not an exercise)",
            ),
            (
                r#"{"type":"claimmark-exercise","version":2,"article":"x"}"#,
                "\"version\" 2 is not supported",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":" \n"}"#,
                "\"article\" must be the article text",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":"x","title":3}"#,
                "\"title\" must be a string",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":"x","suggestions":"yes"}"#,
                "\"suggestions\" must be true or false",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":"x","tags":[{"id":"a"},{"id":"a"}]}"#,
                "tag 2: the id \"a\" is used twice",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":"x","tags":[{"id":"a b"}]}"#,
                "tag 1: \"id\" must be a word",
            ),
            (
                r#"{"type":"claimmark-exercise","version":1,"article":"x","key":[]}"#,
                "\"key\" must be a W3C AnnotationCollection",
            ),
        ];
        for (json, want) in cases {
            let e = Exercise::from_json(json).unwrap_err();
            assert!(e.starts_with("not a valid exercise file: "), "{e}");
            assert!(e.contains(want), "{json}: {e}");
        }
    }
}
