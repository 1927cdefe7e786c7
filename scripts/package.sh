#!/usr/bin/env bash
# Builds the bundles and packs them into dist/statefulset-studio.vsix.
# The bundles carry their dependencies, hence --no-dependencies; what goes in is decided
# by .vscodeignore (bundles, schemas, README, CHANGELOG, LICENSE, icon, package.json).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vsix="${VSIX:-$root/dist/statefulset-studio.vsix}"
cd "$root"

started=$SECONDS
npm run --silent build
npx --no-install vsce package --no-dependencies --out "$vsix"
size=$(stat -c %s "$vsix")
printf '== %s: %s KiB (%s bytes), built and packaged in %ss\n' \
  "${vsix#"$root"/}" "$((size / 1024))" "$size" "$((SECONDS - started))"
