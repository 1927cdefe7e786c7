#!/usr/bin/env bash
# Every test, from a fresh machine: installs what is missing, then runs the unit, LSP and
# CLI tests (`npm test`) and the end-to-end tests in a real VS Code (`npm run test:e2e`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-vscode.sh
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then npm ci --no-audit --no-fund; fi
bash scripts/build-kube-oracle.sh >/dev/null  # the Kubernetes oracle of test/unit/k8sOracle.test.ts (cached by input hash)
bash scripts/build-cluster.sh >/dev/null  # the real test cluster of test/cluster/*.test.ts and sts status (cached by input hash)
bash scripts/build-kustomize.sh kustomize-cli  # the real kustomize CLI the kustomize tests compare with (cached by input hash)
npm test
npm run test:e2e
