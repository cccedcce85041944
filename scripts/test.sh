#!/usr/bin/env bash
# Runs every test: formatting and clippy, Rust unit and integration tests (native, and the
# widget's feature set without the checker), the WASM APIs in Node, the npm packages and the size
# guard (tests/node/size.test.mjs), and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

echo "== Rust: formatting and lints (every feature set that ships)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --no-default-features --features wasm-widget --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --no-default-features --features wasm-checker --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --no-default-features --features wasm-builder --target wasm32-unknown-unknown -- -D warnings

echo "== Rust: unit and integration tests"
cargo test --quiet

echo "== Rust: the citizen widget's feature set (no checker, no regex)"
cargo test --quiet --lib --no-default-features

echo "== WASM bundles"
bash scripts/build-wasm.sh

echo "== WASM APIs in Node, the npm packages (installed from their tarballs), the size guard, then the browser tests in Chromium"
node --test tests/node/ tests/browser/

echo "== The WordPress plugin in a real WordPress, MariaDB and PHP (BANDITORE_SKIP_WORDPRESS=1 skips it)"
if [ -z "${BANDITORE_SKIP_WORDPRESS:-}" ]; then bash integrations/wordpress/tests/run.sh; fi
