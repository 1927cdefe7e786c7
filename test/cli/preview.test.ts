import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sts } from './cliRun';

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db-hs
  replicas: 3
  ordinals: {start: 1}
  podManagementPolicy: Parallel
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'sts-preview-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

test('sts preview --json: identities, DNS and plans, with the Service from a file beside it', () => {
  const folder = folderWith({
    'db.yaml': statefulSet,
    'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db-hs, namespace: shop}\nspec: {clusterIP: None, selector: {app: db}}\n',
  });
  const result = sts(['preview', '--json', '--cluster-domain', 'example.org', join(folder, 'db.yaml')]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), {
    statefulSet: { name: 'db', namespace: 'shop' },
    serviceDomain: 'db-hs.shop.svc.example.org',
    pods: [1, 2, 3].map((ordinal) => ({
      ordinal, name: `db-${ordinal}`, hostname: `db-${ordinal}`, fqdn: `db-${ordinal}.db-hs.shop.svc.example.org`, pvcs: [`data-db-${ordinal}`],
    })),
    plans: { create: [['db-1', 'db-2', 'db-3']], scaleDown: [['db-3', 'db-2', 'db-1']], update: [['db-3'], ['db-2']] },
    pvcs: { afterCreate: ['data-db-1', 'data-db-2', 'data-db-3'], afterSetDeletion: ['data-db-1', 'data-db-2', 'data-db-3'] },
  });
});

test('sts preview picks a StatefulSet by --name and prints a readable table', () => {
  const other = statefulSet.replace('name: db\n', 'name: cache\n');
  const folder = folderWith({ 'both.yaml': `${statefulSet}---\n${other}` });
  const result = sts(['preview', '--name', 'cache', join(folder, 'both.yaml')]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^StatefulSet shop\/cache: 3 replicas, Parallel, RollingUpdate, partition 1/);
  assert.match(result.stdout, /cache-1 +cache-1\.db-hs\.shop\.svc\.cluster\.local +data-cache-1/);
  assert.match(result.stdout, /Pod DNS: does not resolve: Service "db-hs" not found in namespace "shop"/);
});

test('sts preview without a StatefulSet exits 1; without a file, 2', () => {
  const folder = folderWith({ 'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\n' });
  const none = sts(['preview', join(folder, 'service.yaml')]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no apps\/v1 StatefulSet in/);
  assert.equal(sts(['preview', join(folder, 'service.yaml'), '--name', 'nope']).status, 1);
  assert.equal(sts(['preview']).status, 2);
});

test('sts preview --json --scale N --fail POD: the scale with its PVCs, the failure, and exit 2 for a pod the set lacks', () => {
  const retained = statefulSet.replace('  podManagementPolicy: Parallel\n', '  podManagementPolicy: Parallel\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}\n');
  const folder = folderWith({ 'db.yaml': retained });
  const result = sts(['preview', '--json', '--scale', '1', '--fail', 'db-3', join(folder, 'db.yaml')]);
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  // Kept by the scale-down (whenScaled: Retain), then deleted with the set (whenDeleted: Delete).
  assert.deepEqual(json.scale, {
    from: 3, to: 1, creates: [], deletes: ['db-3', 'db-2'],
    pvcsAfter: ['data-db-1', 'data-db-2', 'data-db-3'], pvcsAfterThenSetDeletion: [],
  });
  assert.deepEqual(json.pvcs, { afterCreate: ['data-db-1', 'data-db-2', 'data-db-3'], afterSetDeletion: [] });
  assert.deepEqual([json.failure.pod, json.failure.create.halts, json.failure.update.halts, json.failure.update.neverReached], ['db-3', false, true, ['db-2']]);
  assert.equal(sts(['preview', '--json', '--fail', '3', join(folder, 'db.yaml')]).status, 0);
  const missing = sts(['preview', '--fail', 'db-7', join(folder, 'db.yaml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--fail db-7: no such pod in StatefulSet db; its pods are db-1 to db-3/);
  assert.equal(sts(['preview', '--fail', 'cache-3', join(folder, 'db.yaml')]).status, 2);
  assert.equal(sts(['preview', '--scale', '-1', join(folder, 'db.yaml')]).status, 2);
  assert.equal(sts(['preview', '--scale', 'many', join(folder, 'db.yaml')]).status, 2);
});

test('sts preview: a pod that can never be created has a problem; a refused StatefulSet gives every pod one', () => {
  const long = 'a'.repeat(61);
  const folder = folderWith({
    'long.yaml': statefulSet.replace('name: db\n', `name: ${long}\n`).replace('replicas: 3', 'replicas: 10'),
    'refused.yaml': statefulSet.replace('replicas: 3', 'replicas: 2').replace('image: postgres', 'image: postgres, ports: [{containerPort: 70000}]'),
  });
  const json = JSON.parse(sts(['preview', '--json', join(folder, 'long.yaml')]).stdout);
  assert.equal(json.pods.every((pod: { problem?: string }) => pod.problem?.startsWith("never created: the controller's pod creation is refused (FailedCreate)")), true);
  assert.match(json.pods[9].problem, /"a{61}-10" is 64 characters/);
  assert.deepEqual(json.pvcs.afterCreate, [`data-${long}-1`]);
  const text = sts(['preview', join(folder, 'long.yaml')]).stdout;
  assert.match(text, /Pods that can never be created:\n {2}a{61}-1: never created: the controller's pod creation is refused \(FailedCreate\), since its controller-revision-hash label/);
  const refused = JSON.parse(sts(['preview', '--json', join(folder, 'refused.yaml')]).stdout);
  assert.equal(refused.pods.length, 2);
  for (const pod of refused.pods) assert.match(pod.problem, /^never created: the API server refuses the StatefulSet \(1 error, first: /);
  assert.deepEqual(refused.pvcs, { afterCreate: [], afterSetDeletion: [] });
});
