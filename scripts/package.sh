#!/usr/bin/env bash
# Builds the bundles and packs them into dist/statefulset-studio.vsix.
# The bundles carry their dependencies, hence --no-dependencies; what goes in is decided
# by .vscodeignore (bundles, schemas, snippets, README, CHANGELOG, LICENSE, icon,
# package.json, its translations package.nls*.json and l10n/ bundles). Fails if anything else got in.
#
#   VSIX   where to write the package (default: <repo>/dist/statefulset-studio.vsix)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vsix="${VSIX:-$root/dist/statefulset-studio.vsix}"
cd "$root"

started=$SECONDS
npm run --silent build
npx --no-install vsce package --no-dependencies --out "$vsix"

# What a VSIX of ours may hold; vsce adds the manifest, [Content_Types].xml and renames
# README/CHANGELOG/LICENSE.
allowed='^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|images/icon\.png|dist/[^/]+\.(js|css)|dist/(helm|kustomize)\.wasm|schemas/[^/]+\.json|snippets/[^/]+\.json|package\.nls(\.[a-z-]+)?\.json|l10n/bundle\.l10n\.[a-z-]+\.json))$'
if command -v unzip > /dev/null; then
  unexpected="$(unzip -Z1 "$vsix" | grep -Ev "$allowed" || true)"
  if [[ -n $unexpected ]]; then
    printf 'error: %s holds files it should not (fix .vscodeignore):\n%s\n' "$vsix" "$unexpected" >&2
    exit 1
  fi
fi
size=$(stat -c %s "$vsix")
printf '== %s: %s KiB (%s bytes), built and packaged in %ss\n' \
  "${vsix#"$root"/}" "$((size / 1024))" "$size" "$((SECONDS - started))"
