import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemaProblems } from '../../server/src/service/schema/schemaValidator';

const statefulSet = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', creationTimestamp: null },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    ...spec,
  },
});

test('a valid StatefulSet has no problems, and null means "not set"', () => {
  assert.deepEqual(schemaProblems('apps/v1', 'StatefulSet', statefulSet({ replicas: 3, minReadySeconds: null })), []);
});

test('kinds without a schema give undefined', () => {
  assert.equal(schemaProblems('apps/v1', 'Deployment', {}), undefined);
  assert.equal(schemaProblems('apps/v1beta1', 'StatefulSet', {}), undefined);
});

test('an unknown field is reported on its key, with the field it probably meant', () => {
  assert.deepEqual(schemaProblems('apps/v1', 'StatefulSet', statefulSet({ replica: 3 })), [
    { path: ['spec', 'replica'], target: 'key', message: 'Unknown field "spec.replica". Did you mean "replicas"?' },
  ]);
});

test('a missing field of an owner reference names its path, not the object\'s own apiVersion (issue 18)', () => {
  const value = statefulSet({});
  (value as { metadata: Record<string, unknown> }).metadata.ownerReferences = [{ kind: 'Etcd', name: 'e', uid: 'u' }];
  const problems = schemaProblems('apps/v1', 'StatefulSet', value) ?? [];
  assert.deepEqual(problems.map((p) => p.message), ['Missing required field "metadata.ownerReferences[0].apiVersion".']);
});

test('wrong types, missing required fields and bad quantities', () => {
  const value = statefulSet({
    replicas: '3',
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1 GB' } } } }],
  });
  (value.spec.template.spec.containers as Record<string, unknown>[]).push({ image: 'busybox' });
  assert.deepEqual(schemaProblems('apps/v1', 'StatefulSet', value), [
    { path: ['spec', 'replicas'], target: 'value', message: 'Expected an integer, found string "3".' },
    { path: ['spec', 'template', 'spec', 'containers', 1], target: 'key', message: 'Missing required field "spec.template.spec.containers[1].name".' },
    {
      path: ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'],
      target: 'value',
      message: 'Invalid quantity "1 GB": expected a number with an optional suffix, such as 500m, 1Gi or 2.',
    },
  ]);
});

test('int-or-string fields take both; quantities take numbers and suffixes', () => {
  const value = statefulSet({
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } },
    volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: { resources: { requests: { storage: '1.5Gi' }, limits: { storage: 2e9 } } } }],
  });
  assert.deepEqual(schemaProblems('apps/v1', 'StatefulSet', value), []);
});
