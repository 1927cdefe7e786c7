#!/usr/bin/env bash
# Starts the real test cluster by hand (tests start their own through
# test/cluster/testCluster.ts): builds it if needed (cached), then runs etcd,
# kube-apiserver, kube-controller-manager (StatefulSet controller only) and the test
# kubelet on 127.0.0.1 until Ctrl-C. Prints a JSON line with the kubeconfigs:
# admin.kubeconfig (system:masters) and reader.kubeconfig (get/list/watch only).
#   bash scripts/start-test-cluster.sh [DIR]      (default .cache/cluster-run)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(bash "$root/scripts/build-cluster.sh")"
dir="${1:-$root/.cache/cluster-run}"
rm -rf "$dir"
exec "$bin/sts-cluster" up --dir "$dir"
