#!/usr/bin/env bash
# Sets everything up, builds the WASM bundles and serves the demo (www/) on localhost.
# Usage: scripts/demo.sh [port]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
bash scripts/build-wasm.sh
exec node www/serve.mjs --port "${1:-${PORT:-8080}}"
