//! Fuzz target: `segment` on arbitrary bytes (lossily decoded) never panics and
//! always returns a Document that keeps its contract.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = claimmark::segment(&text);
    claimmark::segment::check_invariants(&doc).expect("Document invariants");
    for unit in [claimmark::Unit::Utf16, claimmark::Unit::Codepoint] {
        let json = doc.to_json(unit, false);
        claimmark::json::parse(&json).expect("to_json writes valid JSON");
    }
});
