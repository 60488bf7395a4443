//! Fuzz target: everything that reads annotation files never panics on arbitrary
//! bytes — the W3C import (validation, anchoring, applying the batch) and the
//! store's wire format (autosaves come back from browser storage, which anyone
//! can edit) — and a failed read leaves the store unchanged.
#![no_main]

use claimmark::annotation::{ops_from_json, Op, Store};
use claimmark::w3c::{import, ImportMode, ImportOptions};
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Koreas talk again 😀 in dormant channels.\n\nSEOUL, South Korea (AP) — \
                    “We agreed,” said Nam. Cafe\u{301} talks may resume.\n\nThe talks resume.";

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let mut store = Store::new(TEXT);
    let _ = claimmark::w3c::validate(&json);
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let opts = ImportOptions {
            mode,
            time: "2026-01-01T00:00:00Z",
            block_count: Some(3),
        };
        if let Ok(imp) = import(&store, &json, &opts) {
            // A validated batch always applies to the store it was made for.
            store.apply(imp.op).expect("a validated import applies");
        }
    }
    let before = store.annotations().to_vec();
    if let Ok(ops) = ops_from_json(TEXT, &json) {
        if store.apply(Op::Batch(ops)).is_err() {
            assert_eq!(
                store.annotations(),
                &before[..],
                "a refused batch changes nothing"
            );
        }
    }
});
