import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolloutImpact } from '../../server/src/service/baseline/rolloutImpact';
import { defaultSettings } from '../../server/src/service/settings';

const statefulSet = (spec: Record<string, unknown>, image = 'nginx:1.25') => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }],
    ...spec,
  },
});
const steps = (plan: { pods: string[] }[]) => plan.map((s) => s.pods);

test('a template change under RollingUpdate restarts every pod, highest first', () => {
  const impact = rolloutImpact(statefulSet({}), statefulSet({}, 'nginx:1.27'), defaultSettings);
  assert.equal(impact.templateChanged, true);
  assert.deepEqual(steps(impact.restarts), [['web-2'], ['web-1'], ['web-0']]);
  assert.equal(impact.summary, 'The pod template changes: web-2, then web-1, then web-0 restart in that order.');
});

test('with a partition, the pods below it stay on the old revision', () => {
  const strategy = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } };
  const impact = rolloutImpact(statefulSet(strategy), statefulSet(strategy, 'nginx:1.27'), defaultSettings);
  assert.deepEqual(steps(impact.restarts), [['web-2']]);
  assert.match(impact.summary, /web-0, web-1 stay on the old revision \(partition 2\)/);
});

test('under OnDelete, or a partition >= replicas, nothing restarts', () => {
  const onDelete = { updateStrategy: { type: 'OnDelete' } };
  assert.deepEqual(rolloutImpact(statefulSet(onDelete), statefulSet(onDelete, 'x'), defaultSettings).restarts, []);
  assert.match(rolloutImpact(statefulSet(onDelete), statefulSet(onDelete, 'x'), defaultSettings).summary, /under OnDelete no pod restarts/);
  const held = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } };
  assert.match(rolloutImpact(statefulSet(held), statefulSet(held, 'x'), defaultSettings).summary, /partition 3 holds every pod/);
});

test('scaling up: OrderedReady one pod at a time, Parallel all together', () => {
  const up = rolloutImpact(statefulSet({}), statefulSet({ replicas: 5 }), defaultSettings);
  assert.equal(up.templateChanged, false);
  assert.deepEqual(steps(up.scale), [['web-3'], ['web-4']]);
  assert.equal(up.summary, 'Replicas 3 → 5: creates web-3, then web-4 (OrderedReady).');
  const parallel = rolloutImpact(statefulSet({ podManagementPolicy: 'Parallel' }), statefulSet({ podManagementPolicy: 'Parallel', replicas: 5 }), defaultSettings);
  assert.deepEqual(steps(parallel.scale), [['web-3', 'web-4']]);
});

test('scaling down: highest first, PVCs kept or deleted under whenScaled', () => {
  const down = rolloutImpact(statefulSet({}), statefulSet({ replicas: 1 }), defaultSettings);
  assert.deepEqual(steps(down.scale), [['web-2'], ['web-1']]);
  assert.deepEqual(down.pvcsKept, ['data-web-1', 'data-web-2']);
  assert.match(down.summary, /PVCs data-web-1, data-web-2 are kept \(whenScaled: Retain\)/);
  const policy = { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' }, podManagementPolicy: 'Parallel' };
  const deleting = rolloutImpact(statefulSet(policy), statefulSet({ ...policy, replicas: 1 }), defaultSettings);
  assert.deepEqual(steps(deleting.scale), [['web-2', 'web-1']]);
  assert.deepEqual(deleting.pvcsDeleted, ['data-web-1', 'data-web-2']);
});

test('nothing pods see: no restart; defaults filled in by an export do not count as changes', () => {
  assert.equal(rolloutImpact(statefulSet({}), statefulSet({ minReadySeconds: 5 }), defaultSettings).summary, 'Nothing that the pods see changes: no pod restarts.');
  const exported = statefulSet({});
  const spec = exported.spec.template.spec as Record<string, unknown>;
  spec.dnsPolicy = 'ClusterFirst';
  spec.restartPolicy = 'Always';
  (exported as Record<string, unknown>).status = { replicas: 3 };
  assert.equal(rolloutImpact(exported, statefulSet({}), defaultSettings).templateChanged, false);
  assert.equal(rolloutImpact(exported, statefulSet({}, 'nginx:2'), defaultSettings).templateChanged, true);
});
