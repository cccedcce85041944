#!/usr/bin/env bash
# The WordPress suite: installs what it needs from Debian (setup.sh), checks the plugin's PHP,
# copies the built assets into the plugin (build.sh; run scripts/build-wasm.sh before), starts a
# throw-away WordPress on loopback, runs the Chromium tests against it and stops it.
# Usage: integrations/wordpress/tests/run.sh [node --test options...]
set -euo pipefail
cd "$(dirname "$0")/../../.."
here=integrations/wordpress/tests
t0=$SECONDS
bash "$here/setup.sh"
echo "   (packages ready in $((SECONDS - t0)) s)"
for f in integrations/wordpress/banditore/*.php integrations/wordpress/banditore/includes/*.php "$here"/*.php; do
  php -l "$f" >/dev/null || { php -l "$f"; exit 1; }
done
bash integrations/wordpress/i18n.sh --check
bash integrations/wordpress/build.sh
state=$(mktemp -d "${TMPDIR:-/tmp}/banditore-wp.XXXXXX")
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ] && [ -d "$state/log" ]; then
    echo "-- WordPress logs (failed run)" >&2
    grep -h -i "fatal\|error" "$state/log/debug.log" 2>/dev/null | grep -v "is_embed\|is_search\|WordPress.org" | tail -20 >&2 || true
    grep -h "\[5[0-9][0-9]\]" "$state/log/php.log" 2>/dev/null | tail -10 >&2 || true
  fi
  bash "$here/stop-wordpress.sh" "$state"
  exit $rc
}
trap cleanup EXIT
t1=$SECONDS
bash "$here/start-wordpress.sh" "$state" >/dev/null
echo "   (WordPress installed and serving in $((SECONDS - t1)) s)"
WP_STATE="$state" node --test "$@" "$here/"
