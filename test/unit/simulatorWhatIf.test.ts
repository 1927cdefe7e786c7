/**
 * The what-ifs the controller differential (k8sOracleSimulator.test.ts) found wrong, as small
 * cases: a pod that never gets Ready in a Parallel rolling update with a sliding window, the
 * PVCs of a scale and of the set's deletion after it, and pods whose name is too long.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewText } from '../../server/src/cli/preview';
import { revisionWhenRecreated, runPlan, simulate, type Plan, type WhatIf } from '../../server/src/simulator';

const names = (plan: Plan): string[][] => plan.map((step) => step.pods);

function web(spec: Record<string, unknown>, whatIf: WhatIf, name = 'web') {
  return simulate({
    statefulSet: { metadata: { name }, spec: { replicas: 5, serviceName: 'web', volumeClaimTemplates: [{ metadata: { name: 'data' } }], ...spec } },
    maxUnavailableGate: true,
    whatIf,
  });
}

const parallel = { podManagementPolicy: 'Parallel', updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } };

test('Parallel with maxUnavailable 2: a pod that never gets Ready keeps one slot and the update goes on one at a time', () => {
  const sim = web(parallel, { failingOrdinal: 3 });
  assert.deepEqual(names(sim.plans.update), [['web-4', 'web-3'], ['web-2'], ['web-1'], ['web-0']]);
  assert.deepEqual(sim.failure?.update, {
    halts: false,
    neverReached: [],
    staysDown: [],
    reason: 'web-3 never becomes Ready; it keeps one of the 2 pods maxUnavailable allows down, so the rolling update goes on and the rest go 1 at a time',
  });
  const frames = runPlan(sim.plans.update, { failingPod: 'web-3' });
  assert.equal(frames.some((frame) => frame.halted), false);
  const last = frames[frames.length - 1];
  assert.deepEqual(last?.pods.map((pod) => `${pod.name}=${pod.state}`), ['web-0=Ready', 'web-1=Ready', 'web-2=Ready', 'web-3=Running', 'web-4=Ready']);
});

test('without a failing pod, or with maxUnavailable 1, or under OrderedReady, batches stay as they were', () => {
  assert.deepEqual(names(web(parallel, {}).plans.update), [['web-4', 'web-3'], ['web-2', 'web-1'], ['web-0']]);
  const one = web({ ...parallel, updateStrategy: { rollingUpdate: { maxUnavailable: 1 } } }, { failingOrdinal: 3 });
  assert.deepEqual([one.failure?.update.halts, one.failure?.update.neverReached], [true, ['web-2', 'web-1', 'web-0']]);
  const ordered = web({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } }, { failingOrdinal: 3 });
  assert.deepEqual(names(ordered.plans.update), [['web-4', 'web-3'], ['web-2', 'web-1'], ['web-0']]);
  // OrderedReady recreates web-3 first and waits for it: web-4 was deleted and stays down.
  assert.deepEqual(ordered.failure?.update, {
    halts: true,
    neverReached: ['web-2', 'web-1', 'web-0'],
    staysDown: ['web-4'],
    reason: 'web-3 never becomes Ready; the rolling update waits for it, so web-4 stays down and web-2, web-1, web-0 are never updated',
  });
});

test('scale what-if: whenDeleted Delete with whenScaled Retain deletes the claims a scale-down kept along with the set', () => {
  const policy = (whenDeleted: string, whenScaled: string) => ({ persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
  const down = web(policy('Delete', 'Retain'), { scaleTo: 2 }).scale;
  assert.deepEqual(down && { ...down, plan: names(down.plan) }, {
    from: 5,
    to: 2,
    plan: [['web-4'], ['web-3'], ['web-2']],
    creates: [],
    deletes: ['web-4', 'web-3', 'web-2'],
    pvcsAfter: ['data-web-0', 'data-web-1', 'data-web-2', 'data-web-3', 'data-web-4'],
    pvcsAfterThenSetDeletion: [],
  });
  const retain = web(policy('Retain', 'Retain'), { scaleTo: 2 }).scale;
  assert.deepEqual(retain?.pvcsAfterThenSetDeletion, ['data-web-0', 'data-web-1', 'data-web-2', 'data-web-3', 'data-web-4']);
  const scaledAway = web(policy('Retain', 'Delete'), { scaleTo: 2 }).scale;
  assert.deepEqual([scaledAway?.pvcsAfter, scaledAway?.pvcsAfterThenSetDeletion], [['data-web-0', 'data-web-1'], ['data-web-0', 'data-web-1']]);
  const up = web({ ...policy('Retain', 'Delete'), podManagementPolicy: 'Parallel' }, { scaleTo: 6 }).scale;
  assert.deepEqual([up?.creates, up?.deletes, names(up?.plan ?? [])], [['web-5'], [], [['web-5']]]);
});

test('scale what-if: no scale without one, a warning for a count that is not one', () => {
  assert.equal(web({}, {}).scale, null);
  const bad = web({}, { scaleTo: -1 });
  assert.equal(bad.scale, null);
  assert.deepEqual(bad.warnings, ['scale to -1 is not a replica count (an integer, 0 or more)']);
});

test('a pod that can never be created has a problem: a name over 63 characters, or a set name whose revision label overflows', () => {
  const short = 'a'.repeat(52);
  // 52 characters: every label fits, and `<set>-<ordinal>` stays within 63 for any int32 ordinal.
  assert.equal(web({ replicas: 2, ordinals: { start: 2147483646 } }, {}, short).pods.some((pod) => 'problem' in pod), false);
  const long = 'a'.repeat(61);
  const sim = web({ replicas: 11 }, {}, long);
  assert.equal(sim.pods.every((pod) => pod.problem !== undefined), true);
  assert.match(sim.pods[0]?.problem ?? '', /controller-revision-hash label, "a{61}-" and a hash.*less than a 0\.1% chance/);
  assert.match(sim.pods[10]?.problem ?? '', /"a{61}-10" is 64 characters/);
  assert.match(web({}, {}, 'a'.repeat(53)).pods[0]?.problem ?? '', /at most 9 digits \(a 23% chance\)/);
  assert.equal(web({}, {}).pods.some((pod) => 'problem' in pod), false);
  // The controller makes a pod's claims before the pod: OrderedReady stops at the first refusal,
  // Parallel's slow-start batches (1, 2, 4, …) at the end of the batch holding it.
  assert.deepEqual(sim.pvcs.afterCreate, [`data-${long}-0`]);
  assert.deepEqual(web({ replicas: 11, podManagementPolicy: 'Parallel' }, {}, long).pvcs.afterCreate, [`data-${long}-0`]);
});

test('a pod deleted after a template change comes back at the new revision under OnDelete, by the partition under RollingUpdate', () => {
  const onDelete = web({ updateStrategy: { type: 'OnDelete' } }, {});
  assert.deepEqual(onDelete.pods.map((pod) => [pod.revision, revisionWhenRecreated(onDelete, pod.ordinal)]), Array(5).fill(['current', 'updated']));
  assert.match(previewText(onDelete), /^0 +web-0 .* old \(new once deleted\)$/m);
  const partitioned = web({ updateStrategy: { rollingUpdate: { partition: 3 } } }, {});
  assert.deepEqual(partitioned.pods.map((pod) => revisionWhenRecreated(partitioned, pod.ordinal)), ['current', 'current', 'current', 'updated', 'updated']);
  assert.doesNotMatch(previewText(partitioned), /new once deleted/);
});
