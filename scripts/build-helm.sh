#!/usr/bin/env bash
# Builds the Helm engine (go/helm) for the extension, and, on request, the tools its tests
# and figures compare against. Cached: a target is rebuilt only when its inputs changed
# (go/helm's sources, go.mod/go.sum, the Go version, this script).
#
#   scripts/build-helm.sh            dist/helm.wasm + dist/helm_wasm_exec.js (npm run build)
#   scripts/build-helm.sh helm-cli   .cache/helm/bin/helm: the real `helm` CLI of the same
#                                    module version (tests and figures compare with it)
#   scripts/build-helm.sh engine-cli .cache/helm/bin/helmengine: go/helm as a native process
#
# Without Go on the PATH the wasm step warns and builds nothing (the extension then reports
# the engine as missing); set HELM_ENGINE_REQUIRED=1 to make that an error (CI).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/goEngineBuild.sh
source "$root/scripts/lib/goEngineBuild.sh"
# As Helm's release builds set it, so that .Capabilities.HelmVersion says v4.3.2, not v4.3.
ldflags="-s -w -X helm.sh/helm/v4/internal/version.version=$(cd "$root/go/helm" && go list -m -f '{{.Version}}' helm.sh/helm/v4 2> /dev/null || true)"
hash_extra=''
go_engine_setup helm HELM_ENGINE_REQUIRED 'Helm charts will not render' "${1:-wasm}"

case "$target" in
  wasm)
    if go_engine_wasm_fresh; then exit 0; fi
    # Helm's module with the Kubernetes client cut out (see tools/wasmoverlay/main.go).
    go run ./tools/wasmoverlay "$cache/wasm-src"
    go_engine_wasm "$cache/wasm-src/go.mod"
    ;;
  helm-cli)
    go_engine_tool helm helm.sh/helm/v4/cmd/helm
    ;;
  engine-cli)
    go_engine_tool helmengine ./cmd/helmengine
    ;;
  *)
    echo "usage: scripts/build-helm.sh [wasm|helm-cli|engine-cli]" >&2
    exit 2
    ;;
esac
