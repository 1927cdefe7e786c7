import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxSimulatedPods, simulate } from '../../server/src/simulator';

test('malformed manifests never throw and fall back to Kubernetes defaults', () => {
  const inputs: unknown[] = [undefined, null, 42, 'text', [], {}, { spec: null }, { spec: [] }, { metadata: 'x', spec: 'y' }];
  for (const statefulSet of inputs) {
    const sim = simulate({ statefulSet, service: 'not a service' });
    assert.deepEqual(
      [sim.replicas, sim.ordinalStart, sim.podManagementPolicy, sim.updateStrategy, sim.partition, sim.maxUnavailable, sim.minReadySeconds],
      [1, 0, 'OrderedReady', 'RollingUpdate', 0, 1, 0],
    );
    assert.deepEqual(sim.pods.map((pod) => pod.name), ['-0']);
    assert.deepEqual(sim.pvcRetention.whenDeleted, 'Retain');
    assert.deepEqual(sim.pvcRetention.whenScaled, 'Retain');
    assert.deepEqual(sim.warnings, [
      'spec is missing or not an object; using Kubernetes defaults',
      'metadata.name is missing; pod names below have no StatefulSet prefix',
    ]);
  }
});

test('wrong types: strings where numbers belong, bad enums, bad labels and claim templates', () => {
  const sim = simulate({
    statefulSet: {
      metadata: { name: 'web', namespace: 7 },
      spec: {
        replicas: '3',
        minReadySeconds: 'ten',
        ordinals: { start: '2' },
        podManagementPolicy: 'Sometimes',
        updateStrategy: { type: 'Recreate', rollingUpdate: { partition: 'all' } },
        template: { metadata: { labels: { app: 'web', version: 2 } } },
        volumeClaimTemplates: [{ metadata: { name: 'data' } }, 'junk', { metadata: {} }],
        serviceName: ['nginx'],
      },
    },
  });
  assert.deepEqual(sim.statefulSet, { name: 'web', namespace: 'default' });
  assert.deepEqual(
    [sim.replicas, sim.ordinalStart, sim.podManagementPolicy, sim.updateStrategy, sim.partition, sim.minReadySeconds, sim.serviceName],
    [1, 0, 'OrderedReady', 'RollingUpdate', 0, 0, undefined],
  );
  assert.deepEqual(sim.pods.map((pod) => [pod.name, pod.pvcs, pod.labels.app, pod.labels.version]), [['web-0', ['data-web-0'], 'web', undefined]]);
  assert.deepEqual(sim.warnings, [
    'spec.replicas is not a number ("3"); using the default 1',
    'spec.ordinals.start is not a number ("2"); using the default 0',
    'spec.podManagementPolicy must be one of OrderedReady, Parallel (got "Sometimes"); using OrderedReady',
    'spec.updateStrategy.type must be one of RollingUpdate, OnDelete (got "Recreate"); using RollingUpdate',
    'spec.updateStrategy.rollingUpdate.partition is not a number ("all"); using the default 0',
    'spec.minReadySeconds is not a number ("ten"); using the default 0',
  ]);
});

test('negative and fractional numbers are clamped', () => {
  const sim = simulate({
    statefulSet: { metadata: { name: 'web' }, spec: { replicas: -2, minReadySeconds: 2.5, updateStrategy: { rollingUpdate: { partition: -1 } } } },
  });
  assert.deepEqual([sim.replicas, sim.minReadySeconds, sim.partition, sim.pods.length], [0, 2, 0, 0]);
  assert.deepEqual(sim.plans, { create: [], scaleDown: [], update: [] });
  assert.deepEqual(sim.warnings, [
    'spec.replicas is negative (-2); using 0',
    'spec.updateStrategy.rollingUpdate.partition is negative (-1); using 0',
    'spec.minReadySeconds is not an integer (2.5); using 2',
  ]);
});

test('huge replicas are capped so the simulation stays cheap', () => {
  const started = process.hrtime.bigint();
  const sim = simulate({ statefulSet: { metadata: { name: 'web' }, spec: { replicas: 1000000, volumeClaimTemplates: [{ metadata: { name: 'd' } }] } } });
  assert.equal(maxSimulatedPods, 1000);
  assert.deepEqual([sim.replicas, sim.simulatedReplicas, sim.pods.length], [1000000, 1000, 1000]);
  assert.equal(sim.pods[999]?.name, 'web-999');
  assert.deepEqual([sim.plans.create.length, sim.plans.scaleDown.length, sim.plans.update.length], [1000, 1000, 1000]);
  assert.deepEqual(sim.plans.scaleDown[0]?.pods, ['web-999']);
  assert.deepEqual(sim.warnings, ['spec.replicas is 1000000; only the first 1000 pods are simulated']);
  assert.ok(process.hrtime.bigint() - started < 2_000_000_000n);
  const beyondInt32 = simulate({ statefulSet: { metadata: { name: 'web' }, spec: { replicas: 1e300 } } });
  assert.deepEqual([beyondInt32.replicas, beyondInt32.pods.length], [2147483647, 1000]);
  assert.deepEqual(beyondInt32.warnings, [
    'spec.replicas is larger than the int32 maximum (1e+300); using 2147483647',
    'spec.replicas is 2147483647; only the first 1000 pods are simulated',
  ]);
});

test('malformed what-if values are read like the manifest', () => {
  const sim = simulate({
    statefulSet: { metadata: { name: 'web' }, spec: { replicas: 2 } },
    whatIf: { replicas: 'many' as unknown as number, failingOrdinal: 'one' as unknown as number },
  });
  assert.equal(sim.replicas, 1);
  assert.equal(sim.failure, null);
  assert.deepEqual(sim.warnings, [
    'spec.replicas is not a number ("many"); using the default 1',
    'failing ordinal one is not one of the pods (ordinals 0 to 0)',
  ]);
});

test('the same input always gives the same simulation', () => {
  const input = { statefulSet: { metadata: { name: 'web' }, spec: { replicas: 4, podManagementPolicy: 'Parallel' } }, maxUnavailableGate: true };
  assert.deepEqual(simulate(input), simulate(input));
  assert.equal(JSON.stringify(simulate(input)), JSON.stringify(simulate(input)));
});
