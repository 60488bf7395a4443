#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: installs only what is missing.
#   - Rust target wasm32-unknown-unknown
#   - wasm-bindgen-cli at the exact version pinned in Cargo.toml
#   - cargo-fuzz (the fuzz smoke run; built with RUSTC_BOOTSTRAP=1 on the stable toolchain)
#   - Debian chromium + chromium-driver (browser tests)
#   - npm packages from the committed package-lock.json (wasm-opt via binaryen, Playwright, axe)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! rustup component list --installed | grep -q '^rust-src'; then
  log "adding rust-src (the wasm build rebuilds std for size)"
  rustup component add rust-src || log "rust-src unavailable: the wasm build will be larger"
fi

WB_VERSION=$(sed -n 's/^wasm-bindgen = { *version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
if [ -z "$WB_VERSION" ]; then echo "[setup] cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; fi
if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (takes several minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz 0.13.2 (fuzz smoke run; a few minutes)"
  cargo install cargo-fuzz --version 0.13.2
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  log "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then
  log "installing python jsonschema (W3C validator)"
  python3 -m pip install -q jsonschema
fi

if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.claimmark-lock; then
  log "npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.claimmark-lock
fi
log "ready"
