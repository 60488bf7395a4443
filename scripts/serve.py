#!/usr/bin/env python3
"""Serve the demo from dist/ (what scripts/build.sh ships: bundled, minified), or with
--dev from the sources: `/pkg/…` from pkg/ (wasm-bindgen output), everything else from www/.

Paths under `/csp/` serve the same files with a strict Content-Security-Policy header
(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`), so the
end-to-end tests can prove the widget works under it.

Usage: serve.py [--port 8080] [--host 127.0.0.1] [--dev] [--quiet]
"""
import argparse
import http.server
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".txt": "text/plain; charset=utf-8",
        ".json": "application/json",
    }
    quiet = False
    dev = False

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        self.csp = path.startswith("/csp/")
        if self.csp:
            path = path[len("/csp"):]
        if not self.dev:
            base, rest = ROOT / "dist", path.lstrip("/")
        elif path.startswith("/pkg/"):
            base, rest = ROOT / "pkg", path[len("/pkg/"):]
        else:
            base, rest = ROOT / "www", path.lstrip("/")
        target = (base / rest).resolve()
        if base.resolve() not in target.parents and target != base.resolve():
            return str(base / "__forbidden__")
        return str(target)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        if getattr(self, "csp", False):
            self.send_header("Content-Security-Policy", STRICT_CSP)
        super().end_headers()

    def log_message(self, fmt, *args):
        if not self.quiet:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--dev", action="store_true", help="serve www/ and pkg/ instead of dist/")
    a = ap.parse_args()
    Handler.quiet = a.quiet
    Handler.dev = a.dev
    if not a.dev and not (ROOT / "dist/index.html").is_file():
        print("serve: dist/ is not built (run scripts/build.sh) — or use --dev", file=sys.stderr)
        return 1
    srv = http.server.ThreadingHTTPServer((a.host, a.port), Handler)
    print(f"claimmark demo: http://{a.host}:{srv.server_address[1]}/", flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
