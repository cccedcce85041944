#!/usr/bin/env bash
# Copies the project's built files into the plugin's assets/ (they are not committed):
#   www/dist/                        -> assets/widget/  (the widget: one ES module, its CSS and WASM)
#   www/pkg/banditore_widget/*.js    -> assets/widget/pkg/banditore_widget/ (the glue, for the settings page's validator;
#                                       it loads the same .wasm the widget does)
#   www/editor/ (no demo files)      -> assets/editor/  (the checker's controller, panel, editor plugins)
#   www/pkg/banditore_checker/       -> assets/pkg/banditore_checker/
# Build them first with scripts/build-wasm.sh. Usage: integrations/wordpress/build.sh [--zip out.zip]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
plugin="$root/integrations/wordpress/banditore"
assets="$plugin/assets"
for f in www/dist/banditore-iscrizione.js www/pkg/banditore_widget/banditore_widget.js www/pkg/banditore_checker/banditore_checker_bg.wasm; do
  [ -f "$root/$f" ] || { echo "build.sh: $f missing: run scripts/build-wasm.sh first" >&2; exit 1; }
done
rm -rf "$assets/widget" "$assets/editor" "$assets/pkg"
mkdir -p "$assets/widget/pkg/banditore_widget" "$assets/editor" "$assets/pkg/banditore_checker"
cp -R "$root/www/dist/." "$assets/widget/"
cp "$root/www/pkg/banditore_widget/banditore_widget.js" "$assets/widget/pkg/banditore_widget/"
cmp -s "$root/www/pkg/banditore_widget/banditore_widget_bg.wasm" "$assets/widget/pkg/banditore_widget/banditore_widget_bg.wasm" \
  || { echo "build.sh: www/dist/ was built from another www/pkg/banditore_widget/: run scripts/build-wasm.sh" >&2; exit 1; }
# The editor's modules, without the demo pages and their scripts.
for f in "$root"/www/editor/*; do
  case "$(basename "$f")" in
    *demo* | *.html | ckeditor-*) ;;
    *) cp "$f" "$assets/editor/" ;;
  esac
done
cp "$root"/www/pkg/banditore_checker/banditore_checker.js "$root"/www/pkg/banditore_checker/banditore_checker_bg.wasm "$assets/pkg/banditore_checker/"
# The catalogues: the .mo files are built from the .po files.
for po in "$plugin"/languages/*.po; do
  [ -f "$po" ] && msgfmt --check -o "${po%.po}.mo" "$po"
done
if [ "${1:-}" = "--zip" ]; then
  out=$(realpath -m "$2")
  rm -f "$out"
  (cd "$plugin/.." && zip -qr "$out" banditore -x 'banditore/tests/*')
  echo "$out"
fi
echo "integrations/wordpress/banditore/assets: $(du -sh "$assets" | cut -f1)" >&2
