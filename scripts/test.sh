#!/usr/bin/env bash
# Runs every test: Rust unit and integration tests (native, and the widget's feature set without
# the checker), the WASM APIs in Node, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

echo "== Rust: unit and integration tests"
cargo test --quiet

echo "== Rust: the citizen widget's feature set (no checker, no regex)"
cargo test --quiet --lib --no-default-features

echo "== WASM bundles"
bash scripts/build-wasm.sh

echo "== WASM APIs in Node, then the browser tests in Chromium"
node --test tests/node/ tests/browser/
