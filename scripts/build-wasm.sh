#!/usr/bin/env bash
# Builds the WASM bundles into www/pkg/: the citizen widget's (no checker rules or
# lexicons), the editors' checker and the profile builder's. Usage: scripts/build-wasm.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-pack runs the first wasm-opt on PATH: npm's binaryen 132. Debian's binaryen 108 rewrites
# wasm-bindgen's externref table into a module browsers refuse to instantiate.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
[ -x node_modules/.bin/wasm-opt ] || { echo "node_modules/.bin/wasm-opt missing: run scripts/setup.sh" >&2; exit 1; }
# Size over speed for the WASM bundles (native builds keep opt-level "s").
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
mode=--release
[ "${1:-}" = "--dev" ] && mode=--dev
build() { # out-name features
  wasm-pack --quiet build $mode --target web --no-pack --out-dir "www/pkg/$1" --out-name "$1" -- --no-default-features --features "$2"
  rm -f "www/pkg/$1/.gitignore"
}
build banditore_widget wasm-widget
build banditore_checker wasm-checker
# The profile builder's (www/crea/): validation, templates and documents, ODT included.
build banditore_builder wasm-builder
ls -l www/pkg/*/*.wasm >&2
# The widget as shipped: one minified module with what it loads, in www/dist/.
node scripts/build-widget.mjs
# The npm packages (@banditore/widget, @banditore/checker) with content-hashed run-time files, their
# tarballs in build/packages/, and the CKEditor demo's bundle (its plugin imports 'ckeditor5').
node scripts/build-packages.mjs
