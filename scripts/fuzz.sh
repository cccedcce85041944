#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (issue 12). Not part of scripts/test.sh: the test command
# only replays the regressions the fuzzers found (tests/hostile.rs, tests/fuzz_regressions.rs).
#
#   scripts/fuzz.sh                      # every target for 60 s each
#   scripts/fuzz.sh check 600            # one target for 600 s
#   scripts/fuzz.sh check 600 -runs=1000000 -jobs=1   # extra libFuzzer flags after the time
#
# Installs cargo-fuzz (and the nightly toolchain it needs) the first time. Runs niced: the
# fuzzers share the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

targets=(profile check consent informativa)
if [ $# -ge 1 ]; then targets=("$1"); shift; fi
seconds=${1:-60}
[ $# -ge 1 ] && shift

for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # No sanitizer: the crate has no unsafe code of its own, and coverage-guided speed matters
  # more here than ASan's checks of the standard library.
  nice -n 15 cargo +nightly fuzz run --sanitizer none --release "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
done
