#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer): targets `segment` (page text), `import` (W3C
# files and the autosave's wire JSON), `suggest` (tag suggestions on any text) and
# `score` (classroom scoring of a key and students' W3C files, and its reports). The
# stable toolchain builds them with RUSTC_BOOTSTRAP=1 (cargo-fuzz passes sanitizer
# flags that are nightly-only by name).
#   scripts/fuzz.sh smoke                replay each target's seeds plus 20,000 mutations
#   scripts/fuzz.sh run SECONDS [TARGET] a long run (default segment); new inputs go to
#                                        fuzz/corpus/TARGET (git-ignored)
# The committed seeds in fuzz/seeds/ are never written to: runs work on a copy.
# Both modes build with debug assertions (-a), so Span::new's checks and integer
# overflow checks fire under the fuzzer too.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
mode=${1:-smoke}
case "$mode" in
  smoke)
    rc=0
    for target in segment import suggest score; do
      work=$(mktemp -d)
      cp seeds/$target/* "$work"/
      echo "fuzz smoke: $target"
      cargo fuzz run -a --sanitizer none $target "$work" -- -runs=20000 -seed=1 -max_len=4096 2>&1 | tail -n 5
      [ "${PIPESTATUS[0]}" = 0 ] || rc=1
      rm -rf "$work"
    done
    exit "$rc"
    ;;
  run)
    secs=${2:-600}
    target=${3:-segment}
    mkdir -p corpus/$target
    cp -n seeds/$target/* corpus/$target/ 2>/dev/null || true
    exec cargo fuzz run -a $target corpus/$target -- -max_total_time="$secs" -max_len=65536 -print_final_stats=1
    ;;
  *) echo "usage: scripts/fuzz.sh smoke | run SECONDS [TARGET]" >&2; exit 2 ;;
esac
