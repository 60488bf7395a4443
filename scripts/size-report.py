#!/usr/bin/env python3
"""Size report of what the page loads from dist/ (scripts/build.sh): gzip -9 of each
file — the reader wasm, its wasm-bindgen glue, the bundled widget JS (the entry and any chunk
it imports statically) and its CSS — and the total, which the budget applies to. What loads
later is reported on lines of its own: the widget's lazy chunks (dist/chunks/: exercises,
imported on demand), the exchange module (W3C/CSV export, import with re-anchoring; first
export or import), the classroom module (quotes, suggestions, teacher review), and the single-file exercise's script.

The budget is written here, in one place:
  TARGET_BYTES  the product's budget (issue 2: 60 KB). Reported on every build.
  CEILING_BYTES what the build may not exceed: the target, or lower as a ratchet set just
                above the measured size so the bundle cannot grow unnoticed. Never above
                the target again (the page met it on 2026-11-28); only ever lower it.
Exits 1 when the total passes the ceiling.
"""
import gzip
import re
import sys
from pathlib import Path

TARGET_BYTES = 60_000  # gzip -9 total of wasm + JS + CSS (issue 2: 60 KB)
CEILING_BYTES = 60_000  # the target; measured 59,738 B on 2026-11-28 (reader + widget); only ever lower it

ROOT = Path(__file__).resolve().parent.parent


# A static import or re-export of a chunk (not `import("…")`, which loads on demand).
STATIC_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\./[^"']+)["']""")


def static_chunks(entry):
    """The files `entry` imports statically, transitively (esbuild's shared chunks)."""
    seen, todo = [], [entry]
    while todo:
        f = todo.pop()
        for rel in STATIC_IMPORT.findall(f.read_text(encoding="utf-8")):
            dep = (f.parent / rel).resolve()
            if dep not in seen:
                seen.append(dep)
                todo.append(dep)
    return seen


def bundle_files():
    dist = ROOT / "dist"
    entry = dist / "claimmark.js"
    chunks = static_chunks(entry) if entry.is_file() else []
    return [dist / "pkg/claimmark_bg.wasm", dist / "pkg/claimmark.js", entry, *chunks,
            dist / "claimmark.css"]


def lazy_chunks(initial):
    """The widget's chunks the page does not load up front (dynamic imports only)."""
    folder = ROOT / "dist/chunks"
    up_front = {f.resolve() for f in initial}
    return sorted(f for f in folder.glob("*.js") if f.resolve() not in up_front) if folder.is_dir() else []


def on_demand_files():
    dist = ROOT / "dist"
    return [dist / "pkg/claimmark_exchange_bg.wasm", dist / "pkg/claimmark_exchange.js"]


def classroom_files():
    dist = ROOT / "dist"
    return [dist / "pkg/claimmark_classroom_bg.wasm", dist / "pkg/claimmark_classroom.js", dist / "review.js"]


def gzip_size(f):
    return len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0))


def main():
    total = 0
    rows = []
    initial = bundle_files()
    for f in initial:
        if not f.is_file():
            print(f"size: missing {f.relative_to(ROOT)} (build first: scripts/build.sh)", file=sys.stderr)
            return 1
        raw = f.read_bytes()
        gz = len(gzip.compress(raw, compresslevel=9, mtime=0))
        total += gz
        rows.append((str(f.relative_to(ROOT)), len(raw), gz))
    for name, raw, gz in rows:
        print(f"  {name:40} {raw:9,d} B raw {gz:8,d} B gzip")
    target = "within" if total <= TARGET_BYTES else f"OVER by {(total - TARGET_BYTES) / 1000:.1f} KB"
    ceiling = "within" if total <= CEILING_BYTES else "OVER"
    print(f"bundle size: {total:,d} B gzip -9 ({total / 1000:.1f} KB); "
          f"target {TARGET_BYTES / 1000:.0f} KB: {target}; ceiling {CEILING_BYTES / 1000:.0f} KB: {ceiling}")
    lazy = lazy_chunks(initial)
    if lazy:
        print(f"on demand (widget chunks: exercises, teacher mode): {sum(gzip_size(f) for f in lazy):,d} B gzip -9 "
              f"({' + '.join(f'{f.name} {gzip_size(f):,d}' for f in lazy)})")
    extra = [f for f in on_demand_files() if f.is_file()]
    if extra:
        more = sum(gzip_size(f) for f in extra)
        print(f"on demand (first export/import): {more:,d} B gzip -9 "
              f"({' + '.join(f'{f.name} {gzip_size(f):,d}' for f in extra)}); "
              f"everything: {(total + more) / 1000:.1f} KB")
    extra = [f for f in classroom_files() if f.is_file()]
    if extra:
        print(f"on demand (quotes, suggestions, teacher review page): {sum(gzip_size(f) for f in extra):,d} B gzip -9 "
              f"({' + '.join(f'{f.name} {gzip_size(f):,d}' for f in extra)})")
    single = ROOT / "dist/claimmark-standalone.js"
    if single.is_file():
        print(f"single-file exercise script (inlined into the saved HTML, never loaded by the page): "
              f"{gzip_size(single):,d} B gzip -9 ({single.stat().st_size:,d} B raw)")
    return 0 if total <= CEILING_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
