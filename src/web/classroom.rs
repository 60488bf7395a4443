//! The classroom module's API (feature `classroom`): a teacher's review of
//! student exports against an answer key, tag suggestions with their reasons,
//! and the whole Document with its quotes. Loaded by the review page, when
//! suggestions are shown, and by the widget's `findQuotes()`.
//!
//! Report offsets are **Unicode code points** (as in the CLI's JSON, said in
//! the report's `"units"`); suggestion offsets are **UTF-16 code units** into the
//! normalised text, like the reader's Document.

use super::js_error;
use crate::classroom::exercise::Exercise;
use crate::classroom::{score, AnnotationSet};
use crate::json::write_str;
use crate::segment::Document;
use crate::text::{OffsetConverter, Unit};
use wasm_bindgen::prelude::*;

/// One article, its answer key (optional) and the students' annotation sets.
#[wasm_bindgen]
pub struct Review {
    doc: Document,
    key: Option<AnnotationSet>,
    students: Vec<AnnotationSet>,
}

#[wasm_bindgen]
impl Review {
    /// Segments `text` (the article the exercise is about).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Review {
        Review {
            doc: crate::segment::segment(text),
            key: None,
            students: vec![],
        }
    }

    /// Sets the answer key from a W3C file or the teacher's exercise file (whose
    /// article must be this Review's: see `readExercise`); `name` labels it.
    /// Throws a readable Error, keeping the previous key, when the file is
    /// invalid, has no key, or was made for a different article.
    #[wasm_bindgen(js_name = setKey)]
    pub fn set_key(&mut self, name: &str, json: &str) -> Result<(), JsValue> {
        self.key =
            Some(AnnotationSet::key_from_json(&self.doc, name, json).map_err(|e| js_error(&e))?);
        Ok(())
    }

    /// Adds one student's export (`name`: the file, unique among the class's
    /// files; the export's `creator` is read from it); returns how many students
    /// there are. Throws a readable Error, adding nothing, when the file is
    /// invalid or was made for a different article (the others still count).
    #[wasm_bindgen(js_name = addStudent)]
    pub fn add_student(&mut self, name: &str, json: &str) -> Result<u32, JsValue> {
        let set = AnnotationSet::from_w3c(&self.doc, name, json).map_err(|e| js_error(&e))?;
        self.students.push(set);
        Ok(self.students.len() as u32)
    }

    /// Forgets the key and every student.
    pub fn clear(&mut self) {
        self.key = None;
        self.students.clear();
    }

    /// The class report as JSON (see `ClassReport::to_json`; code point offsets).
    pub fn report(&self) -> String {
        score(&self.doc, self.key.as_ref(), &self.students).to_json(&self.doc)
    }

    /// One table of the report as CSV: `"students"`, `"sentences"` (the heat map)
    /// or `"pairs"` (Cohen's κ per pair).
    pub fn csv(&self, table: &str) -> Result<String, JsValue> {
        let r = score(&self.doc, self.key.as_ref(), &self.students);
        match table {
            "students" => Ok(r.students_csv()),
            "sentences" => Ok(r.sentences_csv(&self.doc)),
            "pairs" => Ok(r.pairs_csv()),
            other => Err(js_error(&format!(
                "table must be \"students\", \"sentences\" or \"pairs\" (found \"{other}\")"
            ))),
        }
    }
}

/// Reads the teacher's exercise file: JSON `{title, instructions, article,
/// suggestions, key}` (`key`: whether it has an answer key). Throws a readable
/// Error naming the problem when it is not a valid exercise.
#[wasm_bindgen(js_name = readExercise)]
pub fn read_exercise(json: &str) -> Result<String, JsValue> {
    let ex = Exercise::from_json(json).map_err(|e| js_error(&e))?;
    let mut out = String::from("{\"title\":");
    write_str(&mut out, &ex.title);
    out.push_str(",\"instructions\":");
    write_str(&mut out, &ex.instructions);
    out.push_str(",\"article\":");
    write_str(&mut out, &ex.article);
    out.push_str(",\"suggestions\":");
    out.push_str(if ex.suggestions { "true" } else { "false" });
    out.push_str(",\"key\":");
    out.push_str(if ex.key.is_some() { "true" } else { "false" });
    out.push('}');
    Ok(out)
}

/// A suggested tag for each body sentence of `text`, as a JSON array of
/// `{block, start, end, tag, reason}` (UTF-16 offsets of the sentence).
#[wasm_bindgen]
pub fn suggest(text: &str) -> String {
    let doc = crate::segment::segment(text);
    let mut conv = OffsetConverter::new(&doc.text, Unit::Utf16);
    let mut out = String::from("[");
    for (i, s) in crate::suggest::suggest(&doc).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (a, b) = conv.span_from_bytes(s.sentence);
        out.push_str(&format!(
            "{{\"block\":{},\"start\":{a},\"end\":{b},\"tag\":\"{}\",\"reason\":",
            s.block,
            s.tag.name()
        ));
        write_str(&mut out, &s.reason);
        out.push('}');
    }
    out.push(']');
    out
}

/// The whole Document of `text`, quotations included, as JSON with offsets in
/// **UTF-16 code units** (`"units": "utf16"`): the same JSON as
/// `Document::to_json` natively. The reader module's Document has the layout
/// only; the widget's `findQuotes()` takes the quotes from here.
#[wasm_bindgen]
pub fn segment(text: &str) -> String {
    crate::segment::segment(text).to_json(Unit::Utf16, false)
}

/// Only the quotations of `text` (with their speakers), as the JSON array the
/// Document has under `"quotes"`, offsets in **UTF-16 code units**: what the
/// widget's `findQuotes()` asks for (small, so quick to cross to JS).
#[wasm_bindgen]
pub fn quotes(text: &str) -> String {
    crate::segment::segment(text).quotes_to_json(Unit::Utf16)
}
