#!/usr/bin/env bash
# Builds the two WASM bundles into www/pkg/: the citizen widget's (no checker rules or
# lexicons) and the editors' checker. Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
mode=--release
[ "${1:-}" = "--dev" ] && mode=--dev
build() { # out-name features
  wasm-pack --quiet build $mode --target web --no-pack --out-dir "www/pkg/$1" --out-name "$1" -- --no-default-features --features "$2"
  rm -f "www/pkg/$1/.gitignore"
}
build banditore_widget wasm
build banditore_checker wasm,checker
ls -l www/pkg/*/*.wasm >&2
