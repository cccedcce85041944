#!/usr/bin/env bash
# Stops what start-wordpress.sh started (by the pids it wrote) and deletes its state dir.
set -uo pipefail
state=$1
[ -d "$state" ] || exit 0
stop() { local pid; pid=$(cat "$1" 2>/dev/null) || return 0; kill "$pid" 2>/dev/null; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done; kill -9 "$pid" 2>/dev/null; }
stop "$state/php.pid"
stop "$state/mysqld.pid"
stop "$state/mysqld.launcher.pid"
rm -rf "$state"
