#!/usr/bin/env bash
# Installs what the WordPress tests need, from Debian's packages only: WordPress 6.1, MariaDB,
# PHP 8.2's CLI (its built-in server serves WordPress on loopback) and gettext's msgfmt.
# Installs only what is missing; seconds when everything is there.
set -euo pipefail
pkgs=(wordpress wordpress-l10n wordpress-theme-twentytwentythree mariadb-server php8.2-cli php8.2-mysql php8.2-mbstring
  php8.2-xml php8.2-curl gettext)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "== WordPress tests: installing ${missing[*]}"
# The packages would start Apache on port 80 and a system MariaDB: the tests start their own on
# loopback, so nothing is started now (the usual Docker policy-rc.d; put back as it was after).
policy=/usr/sbin/policy-rc.d
restore=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && restore=1
fi
trap '[ -n "$restore" ] && rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -o DPkg::Lock::Timeout=900 -y -q "$@"; }
apt_get install --no-install-recommends "${missing[@]}" || { apt_get update && apt_get install --no-install-recommends "${missing[@]}"; }
