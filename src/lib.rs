//! claimmark: segment a news article and annotate its claims.
//!
//! The **pure core** (no web dependency, tested natively):
//! * [`text`] — offset units (UTF-8 bytes ⇄ UTF-16 ⇄ code points);
//! * [`segment`] — page text → [`segment::Document`] (blocks, sentences, quotes);
//! * [`json`] — the small JSON reader/writer shared by the CLI and the wasm build.
//!
//! The **web layer** (`web`, only on `wasm32`) is the single place that uses
//! wasm-bindgen; it speaks UTF-16 offsets, as the DOM does.
#![warn(missing_docs)]

pub mod anchor;
pub mod annotation;
pub mod classroom;
pub mod csv;
pub mod hash;
pub mod json;
pub mod segment;
pub mod suggest;
pub mod text;

#[cfg(test)]
mod test_rng;
pub mod w3c;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use segment::{segment, Document};
pub use text::{Span, Unit};

/// The crate version, as exported in annotation metadata.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
