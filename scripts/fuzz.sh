#!/usr/bin/env bash
# Fuzzing `segment` with cargo-fuzz (libFuzzer). The stable toolchain builds it with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes sanitizer flags that are nightly-only by name).
#   scripts/fuzz.sh smoke        replay the seed corpus plus 20,000 mutations (test command)
#   scripts/fuzz.sh run SECONDS  a long run; new inputs go to fuzz/corpus (git-ignored)
# The committed seeds in fuzz/seeds/ are never written to: runs work on a copy.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
mode=${1:-smoke}
case "$mode" in
  smoke)
    work=$(mktemp -d)
    cp seeds/segment/* "$work"/
    cargo fuzz run --sanitizer none segment "$work" -- -runs=20000 -seed=1 -max_len=4096 2>&1 | tail -n 5
    rc=${PIPESTATUS[0]}
    rm -rf "$work"
    exit "$rc"
    ;;
  run)
    secs=${2:-600}
    mkdir -p corpus/segment
    cp -n seeds/segment/* corpus/segment/ 2>/dev/null || true
    exec cargo fuzz run segment corpus/segment -- -max_total_time="$secs" -max_len=65536 -print_final_stats=1
    ;;
  *) echo "usage: scripts/fuzz.sh smoke | run SECONDS" >&2; exit 2 ;;
esac
