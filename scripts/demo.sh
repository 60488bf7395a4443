#!/usr/bin/env bash
# Command 1: set up (idempotent), build the release wasm and serve the demo on
# http://127.0.0.1:8080/ (the seed article opens by default).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec python3 scripts/serve.py --port "${PORT:-8080}"
