#!/usr/bin/env bash
# Writes target/wasm-fixtures/{inputs,expected}.jsonl: the seed article and every text of
# the sentence and extraction conformance sets, segmented by the *native* CLI. The wasm
# browser test (tests/web.rs) segments the same inputs in wasm and must get identical JSON.
# Prints the folder to use as CLAIMMARK_WASM_FIXTURES, or nothing when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${CLAIMMARK_SHARED:-../shared}
OUT=target/wasm-fixtures
if [ ! -d "$SHARED/conformance" ]; then
  echo "SKIP: $SHARED not found; wasm/native equality runs on built-in samples only" >&2
  exit 0
fi
mkdir -p "$OUT"
python3 - "$SHARED" "$OUT/inputs.jsonl" <<'PY'
import json, sys, pathlib
shared, out = pathlib.Path(sys.argv[1]), sys.argv[2]
rows = [{"id": "seed", "text": (shared / "seed/ap-koreas-talks-2021.txt").read_text(encoding="utf-8")}]
for f in sorted((shared / "conformance/sentences").glob("*.jsonl")):
    for line in f.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        rows.append({"id": f"{f.stem}:{r['id']}", "text": r["text"]})
for line in (shared / "conformance/extraction/dev.jsonl").read_text(encoding="utf-8").splitlines():
    r = json.loads(line)
    rows.append({"id": f"extraction:{r['id']}", "text": r["page_text"]})
with open(out, "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
cargo build --quiet --bin claimmark
target/debug/claimmark segment --jsonl "$OUT/inputs.jsonl" > "$OUT/expected.jsonl"
realpath "$OUT"
