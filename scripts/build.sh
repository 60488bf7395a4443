#!/usr/bin/env bash
# Builds what ships into dist/ and prints the bundle size report (fails over budget):
#   1. three release wasm modules, size-optimised: the reader (pkg/claimmark*), the
#      exchange module (pkg/claimmark_exchange*) and the classroom module
#      (pkg/claimmark_classroom*); std rebuilt with panic=immediate-abort (no panic
#      strings or formatting; needs the rust-src component, else a plain release build),
#      then wasm-bindgen --target web into pkg/, then wasm-opt -Oz (to convergence, low 1 KB
#      of memory known unused, tool-only custom sections stripped);
#   2. dist/: www/ copied, the widget's modules bundled and minified into dist/claimmark.js
#      plus lazily loaded chunks in dist/chunks/ (esbuild, code splitting), the single-file
#      exercise script dist/claimmark-standalone.js, the teacher review page's script
#      dist/review.js (bundled on its own, not part of the widget's bundle), the CSS
#      minified, and pkg/ copied to dist/pkg/ (glue minified).
# Run scripts/setup.sh first (demo.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_TARGET_DIR=target/wasm-release
WASM_OUT="$WASM_TARGET_DIR/wasm32-unknown-unknown/release/claimmark.wasm"
# build_module FEATURE: the release wasm with only that web feature's exports.
build_module() {
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo build --quiet --release --target wasm32-unknown-unknown --lib \
      --no-default-features --features "$1" -Z build-std=std,panic_abort --target-dir "$WASM_TARGET_DIR"
  else
    echo "build: rust-src missing, building without the size-optimised std" >&2
    cargo build --quiet --release --target wasm32-unknown-unknown --lib \
      --no-default-features --features "$1" --target-dir "$WASM_TARGET_DIR"
  fi
}
# bind NAME: wasm-bindgen's glue and module as pkg/NAME.js + pkg/NAME_bg.wasm, optimised.
bind() {
  wasm-bindgen --target web --out-dir pkg --out-name "$1" "$WASM_OUT"
  # -Oz until it stops shrinking; the producers and target-features sections are for tools
  # only. --low-memory-unused lets small constant additions fold into load/store offsets:
  # rustc puts the stack below 1 MiB (growing down) and the data above it, so the low 1 KB
  # is only ever reached by a stack overflow.
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
    --strip-producers --strip-target-features "pkg/$1_bg.wasm" -o "pkg/$1_bg.wasm"
  node_modules/.bin/esbuild "pkg/$1.js" --minify --format=esm --log-level=warning \
    --outfile="pkg/$1.js" --allow-overwrite
}
rm -rf pkg
# The reader (what every page loads) and the exchange module (loaded on first
# export or import): one crate, two feature sets (see src/web/mod.rs).
build_module reader
bind claimmark
build_module exchange
bind claimmark_exchange
build_module classroom
bind claimmark_classroom

rm -rf dist
cp -r www dist
cp -r pkg dist/pkg
# The widget: the entry (dist/claimmark.js, what the page loads) and the chunks it imports on
# demand (exercises: student and teacher mode) in dist/chunks/.
# The compile hint makes Chrome compile every function of the bundle up front, off the main
# thread, instead of one by one when the first widget renders (nearly all of them run then).
# Private members (`_name`) are renamed to short names: nothing outside a bundle reads them.
MANGLE='--mangle-props=^_[a-z]'
node_modules/.bin/esbuild www/claimmark.js --bundle --splitting --minify "$MANGLE" --format=esm --log-level=warning \
  --banner:js='//# allFunctionsCalledOnLoad' --outdir=dist --chunk-names='chunks/[name]-[hash]'
# The single-file exercise's script: the widget and its exercise chunk in one file with no
# imports (teacher mode is left out), inlined by teacher mode into the HTML it saves.
node_modules/.bin/esbuild www/claim/standalone.js --bundle --minify "$MANGLE" --format=esm --log-level=warning \
  --external:./teacher.js --outfile=dist/claimmark-standalone.js
if grep -qiE '</script|<!--' dist/claimmark-standalone.js; then
  echo "build: dist/claimmark-standalone.js contains </script or <!-- (it is inlined into HTML)" >&2
  exit 1
fi
node_modules/.bin/esbuild www/review.js --bundle --minify --format=esm --log-level=warning \
  --outfile=dist/review.js
node_modules/.bin/esbuild www/claimmark.css --minify --log-level=warning --outfile=dist/claimmark.css
python3 scripts/size-report.py
