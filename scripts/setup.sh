#!/usr/bin/env bash
# Installs only what is missing, so a second run takes seconds. Used by both README commands and CI.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p' | head -n1 || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get update -qq >/dev/null 2>&1 || apt-get update
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! command -v wasm-pack >/dev/null; then
  log "installing wasm-pack (about 2 min)"
  cargo install wasm-pack
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 min)"
  # No --locked: the registry mirror lacks some of its locked versions.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-opt comes from npm's binaryen (package.json), not Debian's: see scripts/build-wasm.sh.
missing_pkgs=()
if [ "${BANDITORE_SKIP_BROWSER:-0}" != 1 ]; then
  [ -x /usr/bin/chromium ] || missing_pkgs+=(chromium chromium-driver)
fi
command -v python3 >/dev/null || missing_pkgs+=(python3)
if [ ${#missing_pkgs[@]} -gt 0 ]; then
  apt_install "${missing_pkgs[@]}"
fi

# LibreOffice Writer without its GUI opens the ODT documents in tests/document.rs (headless, to text and
# PDF). Without recommends: 25 s and about 200 MB here (measured 2026-11-29 on this Debian 12 image, Chromium
# already installed); skipped with BANDITORE_SKIP_LIBREOFFICE=1.
if [ "${BANDITORE_SKIP_LIBREOFFICE:-0}" != 1 ] && ! command -v soffice >/dev/null; then
  log "installing LibreOffice Writer (headless) for the ODT test (about 30 s)"
  apt_install --no-install-recommends libreoffice-writer-nogui
fi

if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  fi
fi
log "tools ready"
