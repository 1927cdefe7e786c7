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
cache="$root/.cache/helm"
target="${1:-wasm}"

if ! command -v go > /dev/null; then
  if [[ ${HELM_ENGINE_REQUIRED:-} == 1 || $target != wasm ]]; then
    echo "error: go is not on the PATH; the Helm engine (go/helm) needs Go 1.26" >&2
    exit 1
  fi
  echo "warning: go is not on the PATH: dist/helm.wasm not built (Helm charts will not render)" >&2
  exit 0
fi

cd "$root/go/helm"
mkdir -p "$cache/bin"
# One build at a time (test files may run in parallel and each asks for the tools); the
# next one then finds its target fresh.
if command -v flock > /dev/null; then
  exec 9> "$cache/build.lock"
  flock 9
fi
helm_version="$(go list -m -f '{{.Version}}' helm.sh/helm/v4)"
# As Helm's release builds set it, so that .Capabilities.HelmVersion says v4.3.2, not v4.3.
ldflags="-s -w -X helm.sh/helm/v4/internal/version.version=$helm_version"

# A hash of everything a build reads of ours; the module cache is keyed by go.sum.
inputs_hash() {
  { go version; echo "$ldflags"; cat "$root/scripts/build-helm.sh";
    find . -path ./testdata -prune -o -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print | LC_ALL=C sort | xargs cat; } |
    sha256sum | cut -d' ' -f1
}

# fresh STAMP OUTPUT...: true when every output exists and STAMP holds the current hash.
fresh() {
  local stamp="$1"; shift
  for out in "$@"; do [[ -f $out ]] || return 1; done
  [[ -f $stamp && "$(cat "$stamp")" == "$hash" ]]
}

hash="$(inputs_hash)"
started=$SECONDS
case "$target" in
  wasm)
    dist="$root/dist"
    if fresh "$cache/wasm.stamp" "$dist/helm.wasm" "$dist/helm_wasm_exec.js"; then exit 0; fi
    mkdir -p "$dist"
    # Helm's module with the Kubernetes client cut out (see tools/wasmoverlay/main.go).
    go run ./tools/wasmoverlay "$cache/wasm-src"
    GOOS=js GOARCH=wasm go build -modfile="$cache/wasm-src/go.mod" -trimpath -ldflags="$ldflags" \
      -o "$dist/helm.wasm.tmp" ./cmd/wasm
    mv "$dist/helm.wasm.tmp" "$dist/helm.wasm"
    cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$dist/helm_wasm_exec.js"
    echo "$hash" > "$cache/wasm.stamp"
    printf '== dist/helm.wasm: %s MB, built in %ss\n' "$(( $(stat -c %s "$dist/helm.wasm") / 1000000 ))" "$((SECONDS - started))"
    ;;
  helm-cli)
    if fresh "$cache/helm-cli.stamp" "$cache/bin/helm"; then exit 0; fi
    go build -trimpath -ldflags="$ldflags" -o "$cache/bin/helm.tmp" helm.sh/helm/v4/cmd/helm
    mv "$cache/bin/helm.tmp" "$cache/bin/helm"
    echo "$hash" > "$cache/helm-cli.stamp"
    ;;
  engine-cli)
    if fresh "$cache/engine-cli.stamp" "$cache/bin/helmengine"; then exit 0; fi
    go build -trimpath -ldflags="$ldflags" -o "$cache/bin/helmengine.tmp" ./cmd/helmengine
    mv "$cache/bin/helmengine.tmp" "$cache/bin/helmengine"
    echo "$hash" > "$cache/engine-cli.stamp"
    ;;
  *)
    echo "usage: scripts/build-helm.sh [wasm|helm-cli|engine-cli]" >&2
    exit 2
    ;;
esac
