#!/usr/bin/env bash
# Builds the kustomize engine (go/kustomize) for the extension, and, on request, the tools its
# tests and figures compare against. Cached: a target is rebuilt only when its inputs changed
# (go/kustomize's sources, go.mod/go.sum, the Go version, this script).
#
#   scripts/build-kustomize.sh                dist/kustomize.wasm + dist/kustomize_wasm_exec.js
#   scripts/build-kustomize.sh kustomize-cli  .cache/kustomize/bin/kustomize: the real CLI
#                                             (sigs.k8s.io/kustomize/kustomize/v5 v5.8.2, whose
#                                             go.mod pins api v0.21.2, as go/kustomize does)
#   scripts/build-kustomize.sh engine-cli     .cache/kustomize/bin/kustomizeengine (a process)
#
# Without Go on the PATH the wasm step warns and builds nothing (overlays then report the
# engine as missing); KUSTOMIZE_ENGINE_REQUIRED=1 makes that an error (CI).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/goEngineBuild.sh
source "$root/scripts/lib/goEngineBuild.sh"
cli_version=v5.8.2
ldflags="-s -w"
hash_extra="$cli_version"
go_engine_setup kustomize KUSTOMIZE_ENGINE_REQUIRED 'overlays will not build' "${1:-wasm}"

case "$target" in
  wasm)
    if go_engine_wasm_fresh; then exit 0; fi
    # kustomize's api module with its transformation record made linear (see tools/apioverlay).
    go run ./tools/apioverlay "$cache/api-src"
    go_engine_wasm "$cache/api-src/go.mod" -tags stsoverlay
    ;;
  kustomize-cli)
    if fresh "$cache/kustomize-cli.stamp" "$cache/bin/kustomize"; then exit 0; fi
    # From the module proxy, with the CLI's own go.mod (GOFLAGS cleared: -mod= would not apply).
    (cd "$cache" && GOFLAGS=-trimpath GOBIN="$cache/bin" go install "sigs.k8s.io/kustomize/kustomize/v5@$cli_version")
    echo "$hash" > "$cache/kustomize-cli.stamp"
    ;;
  engine-cli)
    if fresh "$cache/kustomizeengine.stamp" "$cache/bin/kustomizeengine"; then exit 0; fi
    go run ./tools/apioverlay "$cache/api-src"
    go_engine_tool kustomizeengine -tags stsoverlay -modfile="$cache/api-src/go.mod" ./cmd/kustomizeengine
    ;;
  *)
    echo "usage: scripts/build-kustomize.sh [wasm|kustomize-cli|engine-cli]" >&2
    exit 2
    ;;
esac
