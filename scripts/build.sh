#!/usr/bin/env bash
# Builds what ships into dist/ and prints the bundle size report (fails over budget):
#   1. the release wasm, size-optimised: std rebuilt with panic=immediate-abort (no panic
#      strings or formatting; needs the rust-src component, else a plain release build),
#      then wasm-bindgen --target web into pkg/, then wasm-opt -Oz (to convergence, low 1 KB
#      of memory known unused, tool-only custom sections stripped);
#   2. dist/: www/ copied, the widget's modules bundled and minified into dist/claimmark.js
#      (esbuild), the CSS minified, and pkg/ copied to dist/pkg/ (glue minified).
# Run scripts/setup.sh first (demo.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_TARGET_DIR=target/wasm-release
if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo build --quiet --release --target wasm32-unknown-unknown --lib \
    -Z build-std=std,panic_abort --target-dir "$WASM_TARGET_DIR"
else
  echo "build: rust-src missing, building without the size-optimised std" >&2
  cargo build --quiet --release --target wasm32-unknown-unknown --lib --target-dir "$WASM_TARGET_DIR"
fi
rm -rf pkg
wasm-bindgen --target web --out-dir pkg "$WASM_TARGET_DIR/wasm32-unknown-unknown/release/claimmark.wasm"
# -Oz until it stops shrinking; the producers and target-features sections are for tools only.
# --low-memory-unused lets small constant additions fold into load/store offsets: rustc puts
# the stack below 1 MiB (growing down) and the data above it, so the low 1 KB is only ever
# reached by a stack overflow.
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
  --strip-producers --strip-target-features pkg/claimmark_bg.wasm -o pkg/claimmark_bg.wasm
node_modules/.bin/esbuild pkg/claimmark.js --minify --format=esm --log-level=warning \
  --outfile=pkg/claimmark.js --allow-overwrite

rm -rf dist
cp -r www dist
cp -r pkg dist/pkg
# The compile hint makes Chrome compile every function of the bundle up front, off the main
# thread, instead of one by one when the first widget renders (nearly all of them run then).
node_modules/.bin/esbuild www/claimmark.js --bundle --minify --format=esm --log-level=warning \
  --banner:js='//# allFunctionsCalledOnLoad' --outfile=dist/claimmark.js
node_modules/.bin/esbuild www/claimmark.css --minify --log-level=warning --outfile=dist/claimmark.css
python3 scripts/size-report.py
