#!/usr/bin/env python3
"""Size report of the bundle the page loads: gzip -9 of each file, and the total.

The budget is written here, in one place. Exits 1 when the total passes it.
"""
import gzip
import sys
from pathlib import Path

BUDGET_BYTES = 60_000  # gzip -9 total of wasm + JS + CSS (issue 2: 60 KB)

ROOT = Path(__file__).resolve().parent.parent


def bundle_files():
    files = [ROOT / "pkg/claimmark_bg.wasm", ROOT / "pkg/claimmark.js", ROOT / "www/claimmark.js",
             ROOT / "www/claimmark.css"]
    files += sorted((ROOT / "www/claim").glob("*.js"))
    return files


def main():
    total = 0
    rows = []
    for f in bundle_files():
        if not f.is_file():
            print(f"size: missing {f.relative_to(ROOT)} (build first: scripts/build.sh)", file=sys.stderr)
            return 1
        raw = f.read_bytes()
        gz = len(gzip.compress(raw, compresslevel=9, mtime=0))
        total += gz
        rows.append((str(f.relative_to(ROOT)), len(raw), gz))
    for name, raw, gz in rows:
        print(f"  {name:32} {raw:9,d} B raw {gz:8,d} B gzip")
    verdict = "within" if total <= BUDGET_BYTES else "OVER"
    print(f"bundle size: {total:,d} B gzip -9 ({total / 1000:.1f} KB), budget {BUDGET_BYTES / 1000:.0f} KB: {verdict}")
    return 0 if total <= BUDGET_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
