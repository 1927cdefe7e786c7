#!/usr/bin/env bash
# Builds the test cluster (go/cluster): kube-apiserver and kube-controller-manager from
# k8s.io/kubernetes v1.37.2, and sts-cluster (etcd from go.etcd.io/etcd/server/v3 in
# process, the launcher, the test kubelet) into .cache/cluster/, once per set of inputs:
# the Go sources, go.mod, go.sum and the Go version are hashed, and an unchanged hash
# skips the build. Prints the directory. See docs/test-cluster.md for the cold build time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/go/cluster"
out="${STS_CLUSTER_DIR:-$root/.cache/cluster}"
if ! command -v go >/dev/null; then
  echo "build-cluster: no go on PATH (Go 1.26 is needed)" >&2
  exit 1
fi
inputs="$( (cd "$src" && find . -name '*.go' -o -name go.mod -o -name go.sum | LC_ALL=C sort | xargs sha256sum; go version) | sha256sum | cut -d' ' -f1)"
binaries=(kube-apiserver kube-controller-manager sts-cluster)
complete=1
for b in "${binaries[@]}"; do [[ -x "$out/$b" ]] || complete=0; done
if [[ $complete == 1 && -f "$out/inputs" && "$(cat "$out/inputs")" == "$inputs" ]]; then
  echo "$out"
  exit 0
fi
mkdir -p "$out"
rm -f "$out/inputs"
started=$(date +%s)
(cd "$src" && nice -n 10 go build -trimpath -ldflags='-s -w' -o "$out/" ./cmd/...)
echo "$inputs" > "$out/inputs"
echo "build-cluster: built in $(( $(date +%s) - started )) s ($(du -ch "${binaries[@]/#/$out/}" | tail -1 | cut -f1))" >&2
echo "$out"
