#!/usr/bin/env bash
# Builds the release wasm into pkg/ (wasm-bindgen --target web, then wasm-opt -Oz)
# and prints the bundle size report. Run scripts/setup.sh first (demo.sh/test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/claimmark.wasm
node_modules/.bin/wasm-opt -Oz pkg/claimmark_bg.wasm -o pkg/claimmark_bg.wasm
python3 scripts/size-report.py
