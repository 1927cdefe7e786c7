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
cache="$root/.cache/kustomize"
target="${1:-wasm}"
cli_version=v5.8.2

if ! command -v go > /dev/null; then
  if [[ ${KUSTOMIZE_ENGINE_REQUIRED:-} == 1 || $target != wasm ]]; then
    echo "error: go is not on the PATH; the kustomize engine (go/kustomize) needs Go 1.26" >&2
    exit 1
  fi
  echo "warning: go is not on the PATH: dist/kustomize.wasm not built (overlays will not build)" >&2
  exit 0
fi

cd "$root/go/kustomize"
mkdir -p "$cache/bin"
if command -v flock > /dev/null; then
  exec 9> "$cache/build.lock"
  flock 9
fi
ldflags="-s -w"

inputs_hash() {
  { go version; echo "$ldflags $cli_version"; cat "$root/scripts/build-kustomize.sh";
    find . -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print | LC_ALL=C sort | xargs cat; } |
    sha256sum | cut -d' ' -f1
}

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
    if fresh "$cache/wasm.stamp" "$dist/kustomize.wasm" "$dist/kustomize_wasm_exec.js"; then exit 0; fi
    mkdir -p "$dist"
    # kustomize's api module with its transformation record made linear (see tools/apioverlay).
    go run ./tools/apioverlay "$cache/api-src"
    GOOS=js GOARCH=wasm go build -tags stsoverlay -modfile="$cache/api-src/go.mod" -trimpath -ldflags="$ldflags" -o "$dist/kustomize.wasm.tmp" ./cmd/wasm
    mv "$dist/kustomize.wasm.tmp" "$dist/kustomize.wasm"
    cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$dist/kustomize_wasm_exec.js"
    echo "$hash" > "$cache/wasm.stamp"
    printf '== dist/kustomize.wasm: %s MB, built in %ss\n' "$(( $(stat -c %s "$dist/kustomize.wasm") / 1000000 ))" "$((SECONDS - started))"
    ;;
  kustomize-cli)
    if fresh "$cache/kustomize-cli.stamp" "$cache/bin/kustomize"; then exit 0; fi
    # From the module proxy, with the CLI's own go.mod (GOFLAGS cleared: -mod= would not apply).
    (cd "$cache" && GOFLAGS=-trimpath GOBIN="$cache/bin" go install "sigs.k8s.io/kustomize/kustomize/v5@$cli_version")
    echo "$hash" > "$cache/kustomize-cli.stamp"
    ;;
  engine-cli)
    if fresh "$cache/engine-cli.stamp" "$cache/bin/kustomizeengine"; then exit 0; fi
    go run ./tools/apioverlay "$cache/api-src"
    go build -tags stsoverlay -modfile="$cache/api-src/go.mod" -trimpath -ldflags="$ldflags" -o "$cache/bin/kustomizeengine.tmp" ./cmd/kustomizeengine
    mv "$cache/bin/kustomizeengine.tmp" "$cache/bin/kustomizeengine"
    echo "$hash" > "$cache/engine-cli.stamp"
    ;;
  *)
    echo "usage: scripts/build-kustomize.sh [wasm|kustomize-cli|engine-cli]" >&2
    exit 2
    ;;
esac
