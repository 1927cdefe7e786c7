#!/usr/bin/env bash
# Builds the Kubernetes oracle (go/kube, k8s.io/kubernetes v1.37.2) into
# .cache/kube-oracle/sts-oracle, once per set of inputs: the Go sources, go.mod, go.sum
# and the Go version are hashed, and an unchanged hash skips the build. Prints the
# binary's path. A cold build (empty module and build caches) takes a few minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/go/kube"
out="${STS_KUBE_ORACLE_DIR:-$root/.cache/kube-oracle}"
if ! command -v go >/dev/null; then
  echo "build-kube-oracle: no go on PATH (Go 1.26 is needed)" >&2
  exit 1
fi
inputs="$( (cd "$src" && find . -name '*.go' -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum; go version) | sha256sum | cut -d' ' -f1)"
if [[ -x "$out/sts-oracle" && -f "$out/inputs" && "$(cat "$out/inputs")" == "$inputs" ]]; then
  echo "$out/sts-oracle"
  exit 0
fi
mkdir -p "$out"
started=$(date +%s)
(cd "$src" && go build -trimpath -ldflags='-s -w' -o "$out/sts-oracle.tmp" ./cmd/sts-oracle)
mv "$out/sts-oracle.tmp" "$out/sts-oracle"
echo "$inputs" > "$out/inputs"
echo "build-kube-oracle: built in $(( $(date +%s) - started )) s ($(du -h "$out/sts-oracle" | cut -f1))" >&2
echo "$out/sts-oracle"
