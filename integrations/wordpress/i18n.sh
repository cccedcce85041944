#!/usr/bin/env bash
# Regenerates the translation template from the plugin's PHP (every string of the interface,
# the scripts' too, is translated in PHP and handed to them), merges it into each .po and
# refuses an untranslated or fuzzy entry. Usage: integrations/wordpress/i18n.sh [--check]
#   --check: only verify that the .pot is current and every .po complete (the tests run this).
set -euo pipefail
plugin=$(cd "$(dirname "$0")/banditore" && pwd)
cd "$plugin"
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --language=PHP --from-code=UTF-8 --add-comments=translators: --no-wrap --sort-by-file \
  --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=esc_attr_e \
  --keyword=_x:1,2c --keyword=_n:1,2 --package-name=Banditore --package-version=0.1.0 \
  -o "$pot" banditore.php includes/*.php
sed -i 's/charset=CHARSET/charset=UTF-8/; /^"POT-Creation-Date/d; 1,4c\# Banditore: translation template.\n# This file is distributed under the same licence as the Banditore package (EUPL-1.2).' "$pot"
strip() { grep -v '^#:' "$1"; }
if [ "${1:-}" = "--check" ]; then
  diff <(strip "$pot") <(strip languages/banditore.pot) >/dev/null || { echo "languages/banditore.pot is stale: run integrations/wordpress/i18n.sh" >&2; exit 1; }
else
  cp "$pot" languages/banditore.pot
  for po in languages/*.po; do msgmerge --quiet --no-wrap --update --backup=none "$po" languages/banditore.pot; done
fi
for po in languages/*.po; do
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  case "$stats" in
    *untranslated* | *fuzzy*) echo "$po: $stats" >&2; exit 1 ;;
  esac
done
