#!/usr/bin/env bash
# Builds one folder a comune (or a web agency) can copy: both npm tarballs, the static widget/ and
# checker/ folders with their content-hashed files, example profiles, the server samples and the
# docs, plus a .tar.gz of it all. The version is Cargo.toml's; CHANGELOG.md must have its section.
#
# Usage: scripts/release.sh [--skip-build] [--out DIR]   (default out: build/release/)
#   --skip-build  use what scripts/build-wasm.sh already built (the test command does this)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

skip_build=0
out_root=build/release
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) skip_build=1 ;;
    --out) out_root="$2"; shift ;;
    *) echo "release.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
# Semantic versioning: MAJOR.MINOR.PATCH with an optional pre-release (https://semver.org).
if ! printf '%s' "$version" | grep -Eq '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'; then
  echo "release.sh: Cargo.toml's version '$version' is not a semantic version" >&2
  exit 1
fi
if ! grep -Eq "^## \[$version\]" CHANGELOG.md; then
  echo "release.sh: CHANGELOG.md has no section '## [$version]'" >&2
  exit 1
fi

if [ "$skip_build" = 0 ]; then
  bash scripts/setup.sh
  bash scripts/build-wasm.sh   # the WASM, the widget's dist/, then both packages (build-packages.mjs)
fi
for f in "build/packages/banditore-widget-$version.tgz" "build/packages/banditore-checker-$version.tgz"; do
  [ -f "$f" ] || { echo "release.sh: $f missing: run bash scripts/build-wasm.sh" >&2; exit 1; }
done

name="banditore-$version"
dest="$out_root/$name"
rm -rf "$dest"
mkdir -p "$dest/profiles" "$dest/docs"
cp -r build/packages/widget/dist "$dest/widget"
cp -r build/packages/checker/dist "$dest/checker"
cp "build/packages/banditore-widget-$version.tgz" "build/packages/banditore-checker-$version.tgz" "$dest/"
cp pkg-config/*.json "$dest/profiles/"
cp -r docs/deploy "$dest/deploy"
cp docs/deploy.md docs/checker-api.md docs/widget-api.md "$dest/docs/"
cp CHANGELOG.md "$dest/"
cp build/packages/checker/LICENSE "$dest/LICENSE"
tar -C "$out_root" -czf "$out_root/$name.tar.gz" "$name"
echo "release: $dest ($(du -sh "$dest" | cut -f1)) and $out_root/$name.tar.gz" >&2
