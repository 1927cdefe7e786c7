import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planScale, simulate, type Plan, type SimulationInput } from '../../server/src/simulator';

function web(spec: Record<string, unknown> = {}): unknown {
  return { metadata: { name: 'web' }, spec: { replicas: 3, serviceName: 'nginx', ...spec } };
}

/** Each step as its pod names, the shape the preview prints. */
const names = (plan: Plan): string[][] => plan.map((step) => step.pods);

const sim = (spec: Record<string, unknown> = {}, extra: Partial<SimulationInput> = {}) => simulate({ statefulSet: web(spec), ...extra });

test('OrderedReady create: one pod at a time, lowest first, each waiting for Running and Ready', () => {
  assert.deepEqual(sim().plans.create, [
    { pods: ['web-0'], action: 'create', order: 'together', blocking: true, waitFor: 'web-0 Running and Ready' },
    { pods: ['web-1'], action: 'create', order: 'together', blocking: true, waitFor: 'web-1 Running and Ready' },
    { pods: ['web-2'], action: 'create', order: 'together', blocking: true, waitFor: 'web-2 Running and Ready' },
  ]);
});

test('OrderedReady waits for minReadySeconds too', () => {
  assert.deepEqual(sim({ replicas: 1, minReadySeconds: 10 }).plans.create, [
    { pods: ['web-0'], action: 'create', order: 'together', blocking: true, waitFor: 'web-0 Running and Ready, then minReadySeconds 10s' },
  ]);
});

test('OrderedReady scale-down: highest first, one at a time, waiting for termination', () => {
  assert.deepEqual(sim().plans.scaleDown, [
    { pods: ['web-2'], action: 'delete', order: 'together', blocking: true, waitFor: 'web-2 fully terminated' },
    { pods: ['web-1'], action: 'delete', order: 'together', blocking: true, waitFor: 'web-1 fully terminated' },
    { pods: ['web-0'], action: 'delete', order: 'together', blocking: true, waitFor: 'web-0 fully terminated' },
  ]);
});

test('Parallel: create and scale down all at once, without waiting', () => {
  const plans = sim({ podManagementPolicy: 'Parallel' }).plans;
  assert.deepEqual(plans.create, [{ pods: ['web-0', 'web-1', 'web-2'], action: 'create', order: 'together', blocking: false, waitFor: '' }]);
  assert.deepEqual(plans.scaleDown, [{ pods: ['web-2', 'web-1', 'web-0'], action: 'delete', order: 'together', blocking: false, waitFor: '' }]);
});

test('Parallel rolling update is still one pod at a time when the gate is off', () => {
  assert.deepEqual(names(sim({ podManagementPolicy: 'Parallel' }).plans.update), [['web-2'], ['web-1'], ['web-0']]);
});

test('rolling update: highest first, recreate and wait, one at a time', () => {
  assert.deepEqual(sim().plans.update, [
    { pods: ['web-2'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-2 Running and Ready at the new revision' },
    { pods: ['web-1'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-1 Running and Ready at the new revision' },
    { pods: ['web-0'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-0 Running and Ready at the new revision' },
  ]);
});

test('partition stops the update at start + partition', () => {
  const plain = sim({ replicas: 5, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } });
  assert.deepEqual(names(plain.plans.update), [['web-4'], ['web-3']]);
  const shifted = sim({ replicas: 4, ordinals: { start: 10 }, updateStrategy: { rollingUpdate: { partition: 2 } } });
  assert.deepEqual(names(shifted.plans.update), [['web-13'], ['web-12']]);
  assert.deepEqual(names(shifted.plans.create), [['web-10'], ['web-11'], ['web-12'], ['web-13']]);
  assert.deepEqual(names(shifted.plans.scaleDown), [['web-13'], ['web-12'], ['web-11'], ['web-10']]);
});

// Issue 24 changed this: partition = replicas is a deliberate hold (no warning, as the rule
// partition-exceeds-replicas and its preferred fix say); only a partition above replicas warns.
test('partition = replicas: empty update plan, every pod held, no warning', () => {
  const result = sim({ updateStrategy: { rollingUpdate: { partition: 3 } } });
  assert.deepEqual(result.plans.update, []);
  assert.deepEqual(result.pods.map((pod) => pod.revision), ['current', 'current', 'current']);
  assert.deepEqual(result.warnings, []);
});

test('partition > replicas: empty update plan and the rule\'s warning', () => {
  const result = sim({ updateStrategy: { rollingUpdate: { partition: 5 } } });
  assert.deepEqual(result.plans.update, []);
  assert.deepEqual(result.warnings, [
    'partition 5 is greater than replicas 3: every pod stays on the old revision when the pod template changes, and so does every pod added by scaling up to 5 replicas. Set it to 3 (= replicas: hold every pod on the old revision) or to 0 (roll the change out to every pod).',
  ]);
});

test('OnDelete: empty update plan and a warning', () => {
  const result = sim({ updateStrategy: { type: 'OnDelete' } });
  assert.equal(result.updateStrategy, 'OnDelete');
  assert.deepEqual(result.plans.update, []);
  assert.deepEqual(result.pods.map((pod) => pod.revision), ['current', 'current', 'current']);
  assert.deepEqual(result.warnings, [
    'updateStrategy is OnDelete: pods update only when deleted by hand; the controller never replaces them for a template change',
  ]);
});

test('maxUnavailable is ignored with the gate off', () => {
  const result = sim({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } });
  assert.equal(result.maxUnavailable, 1);
  assert.deepEqual(names(result.plans.update), [['web-2'], ['web-1'], ['web-0']]);
  assert.deepEqual(result.warnings, [
    'maxUnavailable is ignored: the MaxUnavailableStatefulSet feature gate is off (the default up to Kubernetes 1.36), so updates go one pod at a time',
  ]);
});

test('maxUnavailable as a percentage is rounded down (at least 1) with the gate on; Parallel updates batches together', () => {
  const parallel = (maxUnavailable: unknown, replicas: number) =>
    sim({ replicas, podManagementPolicy: 'Parallel', updateStrategy: { rollingUpdate: { maxUnavailable } } }, { maxUnavailableGate: true });
  const half = parallel('50%', 5);
  assert.equal(half.maxUnavailable, 2);
  assert.deepEqual(half.plans.update, [
    { pods: ['web-4', 'web-3'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-4, web-3 Running and Ready at the new revision', slidingWindow: 2 },
    { pods: ['web-2', 'web-1'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-2, web-1 Running and Ready at the new revision', slidingWindow: 2 },
    { pods: ['web-0'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-0 Running and Ready at the new revision', slidingWindow: 2 },
  ]);
  assert.deepEqual(half.warnings, []);
  assert.equal(parallel('10%', 5).maxUnavailable, 1);
  assert.equal(parallel('100%', 5).maxUnavailable, 5);
  assert.deepEqual(names(parallel('100%', 3).plans.update), [['web-2', 'web-1', 'web-0']]);
  assert.equal(parallel(4, 3).maxUnavailable, 4);
});

test('maxUnavailable with OrderedReady: batches go down together and come back lowest first', () => {
  const result = sim(
    { replicas: 4, minReadySeconds: 5, updateStrategy: { rollingUpdate: { maxUnavailable: 2, partition: 1 } } },
    { maxUnavailableGate: true },
  );
  assert.deepEqual(result.plans.update, [
    {
      pods: ['web-3', 'web-2'],
      action: 'recreate',
      order: 'lowestFirst',
      blocking: true,
      waitFor: 'web-2 then web-3 Running and Ready at the new revision, then minReadySeconds 5s (OrderedReady recreates them one at a time, lowest first)',
    },
    { pods: ['web-1'], action: 'recreate', order: 'together', blocking: true, waitFor: 'web-1 Running and Ready at the new revision, then minReadySeconds 5s' },
  ]);
  assert.deepEqual(result.warnings, [
    'maxUnavailable 2 with OrderedReady: pods are taken down 2 at a time but still come back one at a time, lowest ordinal first',
  ]);
});

test('an invalid maxUnavailable falls back to 1 with a warning', () => {
  const result = sim({ updateStrategy: { rollingUpdate: { maxUnavailable: '50' } } }, { maxUnavailableGate: true });
  assert.equal(result.maxUnavailable, 1);
  assert.deepEqual(result.warnings, ['maxUnavailable must be an integer or a percentage such as "25%" (got "50"); using 1']);
});

test('planScale: up creates the lowest missing ordinals first, down deletes the highest first', () => {
  const base = sim({ ordinals: { start: 2 } });
  assert.deepEqual(names(planScale(base, 3, 5)), [['web-5'], ['web-6']]);
  assert.deepEqual(names(planScale(base, 5, 2)), [['web-6'], ['web-5'], ['web-4']]);
  assert.deepEqual(planScale(base, 3, 3), []);
  const parallel = sim({ podManagementPolicy: 'Parallel' });
  assert.deepEqual(names(planScale(parallel, 1, 4)), [['web-1', 'web-2', 'web-3']]);
  assert.deepEqual(names(planScale(parallel, 4, 1)), [['web-3', 'web-2', 'web-1']]);
  assert.deepEqual(names(planScale(parallel, Number.NaN, -3)), []);
});

test('what-if overrides replace replicas, partition, policy and maxUnavailable', () => {
  const result = sim(
    { updateStrategy: { rollingUpdate: { partition: 0, maxUnavailable: 1 } } },
    { maxUnavailableGate: true, whatIf: { replicas: 6, partition: 2, podManagementPolicy: 'Parallel', maxUnavailable: '50%' } },
  );
  assert.deepEqual([result.replicas, result.partition, result.podManagementPolicy, result.maxUnavailable], [6, 2, 'Parallel', 3]);
  assert.deepEqual(names(result.plans.update), [['web-5', 'web-4', 'web-3'], ['web-2']]);
  assert.deepEqual(names(result.plans.create), [['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5']]);
});

test('what-if failing ordinal: OrderedReady halts, Parallel creation does not', () => {
  const ordered = sim({}, { whatIf: { failingOrdinal: 1 } });
  assert.deepEqual(ordered.failure, {
    pod: 'web-1',
    create: {
      halts: true,
      neverReached: ['web-2'],
      staysDown: [],
      reason: 'web-1 never becomes Ready; OrderedReady waits for it, so web-2 is never created',
    },
    update: {
      halts: true,
      neverReached: ['web-0'],
      staysDown: [],
      reason: 'web-1 never becomes Ready; the rolling update waits for it, so web-0 is never updated',
    },
  });
  const parallel = sim({ podManagementPolicy: 'Parallel' }, { whatIf: { failingOrdinal: 1 } });
  assert.deepEqual(parallel.failure?.create, {
    halts: false,
    neverReached: [],
    staysDown: [],
    reason: 'web-1 never becomes Ready; Parallel does not wait for it, so the other pods go ahead',
  });
  const outside = sim({}, { whatIf: { failingOrdinal: 7 } });
  assert.equal(outside.failure, null);
  assert.deepEqual(outside.warnings, ['failing ordinal 7 is not one of the pods (ordinals 0 to 2)']);
});
