//! The web layer: the `#[wasm_bindgen]` API the browser shell calls.
//!
//! Only translation lives here: JS strings in, JSON strings out (the shell
//! `JSON.parse`s them; V8 does that faster than building objects call by call),
//! except the Document, which is large and goes out packed in one `Uint32Array`
//! ([`packed`]); offsets in **UTF-16 code units**, and Rust errors turned into JS
//! `Error`s with readable messages in one place ([`js_error`]).

// Three modules are built from this crate (scripts/build.sh), one feature each:
// the reader (feature `reader`: the layout segmentation and the annotation
// Session, all a page loads up front), the exchange module (feature `exchange`:
// W3C and CSV export, import with re-anchoring; fetched on first export or
// import) and the classroom module (feature `classroom`: the whole Document with
// quotes, suggestions, teacher review; fetched by `findQuotes()`, when
// suggestions are shown, and by the review page). A build with every feature
// (the default, used by the wasm tests) has everything.
#[cfg(feature = "classroom")]
mod classroom;
#[cfg(feature = "exchange")]
mod exchange;
#[cfg(feature = "reader")]
mod io;
#[cfg(feature = "reader")]
mod packed;
#[cfg(feature = "reader")]
mod session;

#[cfg(feature = "classroom")]
pub use classroom::{quotes, read_exercise, segment, suggest, Review};
#[cfg(feature = "exchange")]
pub use exchange::{export_csv, export_w3c, import_w3c};
#[cfg(feature = "reader")]
pub use packed::pack;
#[cfg(feature = "reader")]
pub use session::Session;

use wasm_bindgen::prelude::*;

/// A JS `Error` carrying `message`. Callers pass the message (`e.message()` for
/// the reader's errors, `&e.to_string()` elsewhere), so the reader module needs no
/// `core::fmt` (about 1 KB gzip).
pub(crate) fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Runs once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
}

/// The crate version (in the exchange module: the page's reader has no use for it).
#[cfg(feature = "exchange")]
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The wasm heap allocator: talc, smaller than the default dlmalloc (−1.8 KB gzip,
/// measured) and as fast on the segmentation benchmark.
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
