import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Real manifests written by others (test/fixtures/corpus/SOURCES.md), each opened on its own
// as a user would. Errors must be exactly the ones the API server would give; everything
// else may only be a warning a Kubernetes expert agrees with.
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');

const removedApi = ['1 api-version-removed'];
/** Files with errors, and why they deserve them. */
const expectedErrors: Record<string, string[]> = {
  'argo-cd__gitops-engine-statefulset-ondelete.yaml': ['94 yaml-syntax'], // spec.updateStrategy given twice
  'kube-score__statefulset-appsv1beta1.yaml': removedApi,
  'kube-score__statefulset-different-labels.yaml': ['6 selector-mismatch'], // flawed on purpose
  'kube-score__statefulset-host-antiaffinity-required.yaml': ['15 schema'], // replicas inside the PodSpec
  'kubernetes-contrib__kafka.yaml': ['26 api-version-removed'],
  'kubernetes-e2e-etcd__statefulset.yaml': ['7 selector-missing'], // known-invalid: apps/v1 without a selector
  'kubernetes-e2e-multivolumezk__statefulset.yaml': removedApi,
  'kubernetes-e2e-mysql-upgrade__statefulset.yaml': removedApi,
  'kubernetes-e2e-nginx__statefulset.yaml': removedApi,
  'kubernetes-e2e-redis__statefulset.yaml': removedApi,
  'kubernetes-e2e-zookeeper__statefulset.yaml': removedApi,
  'kubernetes-examples-2017__cassandra-statefulset.yaml': removedApi,
  'kubernetes-examples-2017__cockroachdb-statefulset.yaml': ['69 api-version-removed'],
  'kubernetes-hack-testdata__nginx-statefulset.yaml': ['19 api-version-removed'],
  'mongo-k8s-sidecar__mongo-statefulset.yaml': ['28 api-version-removed'],
  'gke-samples__vit-training-spec-gcs.yaml': ['35 pod-spec-invalid'], // serviceAccountName: <GCSFUSE_KSA>, a placeholder Kubernetes refuses
};

/** Risks the API server accepts and real manifests take on purpose (or define elsewhere). */
const acceptableWarnings = new Set([
  'service-missing', 'service-not-headless', 'service-selector-mismatch', 'grace-period-zero', 'storage-class-annotation',
  'label-changes-on-upgrade', // argo-cd's gitops-engine manifest: chart: redis-3.6.5 on a claim template, a real trap
  'affinity-selects-nothing', // kubernetes/website's ZooKeeper: anti-affinity on app In [zk], pods labelled app.kubernetes.io/name: zk (issue 18)
]);

function findingsOf(path: string) {
  const text = readFileSync(path, 'utf8');
  const { findings, lines } = checkFile(`file://${path}`, text, defaultSettings, new WorkspaceIndex());
  return findings.map((f) => ({ ...f, line: lines.positionAt(f.start).line + 1 }));
}

const plain = readdirSync(join(corpus, 'plain')).filter((f) => /\.ya?ml$/.test(f));

test('the corpus is there: 61 plain manifests and 11 Helm templates', () => {
  assert.equal(plain.length, 61);
  assert.equal(readdirSync(join(corpus, 'helm')).length, 11);
});

for (const file of plain) {
  test(`corpus ${file}: only the errors the API server gives, only acceptable warnings`, () => {
    const findings = findingsOf(join(corpus, 'plain', file));
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.rule}`).sort();
    assert.deepEqual(errors, expectedErrors[file] ?? []);
    const others = findings.filter((f) => f.severity !== 'error' && !acceptableWarnings.has(f.rule));
    assert.deepEqual(others.map((f) => `${f.line} ${f.rule}: ${f.message}`), []);
  });
}

test('the kubernetes/website ZooKeeper anti-affinity trap is found (issue 18)', () => {
  const findings = findingsOf(join(corpus, 'plain', 'kubernetes-website__zookeeper.yaml'));
  assert.deepEqual(findings.filter((f) => f.rule === 'affinity-selects-nothing').map((f) => `${f.line} ${f.severity}`), ['61 warning']);
});

test('Helm templates are skipped quietly, without a crash', () => {
  for (const file of readdirSync(join(corpus, 'helm'))) {
    const findings = findingsOf(join(corpus, 'helm', file));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${file}:${f.line} ${f.rule} ${f.message}`), []);
  }
});
