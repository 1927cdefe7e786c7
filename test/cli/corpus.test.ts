import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, sts } from './cliRun';

// `sts check` over the real-world corpus, as a CI job would run it (test/fixtures/corpus/SOURCES.md).
const corpus = join(repoRoot, 'test', 'fixtures', 'corpus');

/** Files whose errors SOURCES.md explains: flawed on purpose, known-invalid, or a removed API. */
const filesWithErrors = [
  'argo-cd__gitops-engine-statefulset-ondelete.yaml', 'gke-samples__vit-training-spec-gcs.yaml', 'kube-score__statefulset-appsv1beta1.yaml',
  'kube-score__statefulset-different-labels.yaml', 'kube-score__statefulset-host-antiaffinity-required.yaml',
  'kubernetes-contrib__kafka.yaml', 'kubernetes-e2e-etcd__statefulset.yaml', 'kubernetes-e2e-multivolumezk__statefulset.yaml',
  'kubernetes-e2e-mysql-upgrade__statefulset.yaml', 'kubernetes-e2e-nginx__statefulset.yaml', 'kubernetes-e2e-redis__statefulset.yaml',
  'kubernetes-e2e-zookeeper__statefulset.yaml', 'kubernetes-examples-2017__cassandra-statefulset.yaml',
  'kubernetes-examples-2017__cockroachdb-statefulset.yaml', 'kubernetes-hack-testdata__nginx-statefulset.yaml',
  'mongo-k8s-sidecar__mongo-statefulset.yaml',
];

test('sts check over the plain corpus: errors only in the files SOURCES.md marks', () => {
  const result = sts(['check', '--format', 'json', join(corpus, 'plain')]);
  assert.equal(result.status, 1, result.stderr);
  const findings = JSON.parse(result.stdout) as { file: string; severity: string }[];
  const withErrors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file.split('/').pop()))].sort();
  assert.deepEqual(withErrors, [...filesWithErrors].sort());
});

test('sts check over the Helm templates: no crash, no error (templated documents are skipped)', () => {
  const result = sts(['check', '--format', 'json', join(corpus, 'helm')]);
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  assert.deepEqual((JSON.parse(result.stdout) as { severity: string }[]).filter((f) => f.severity === 'error'), []);
});
