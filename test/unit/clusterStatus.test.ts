// The diagnosis on live states the real-cluster test (test/cli/statusCluster.test.ts) does
// not drive: partition, OnDelete, maxUnavailable, a pod not Ready without crashing, a
// kubelet that never confirms a deletion, and input that is not Kubernetes at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, liveObjectsOf } from '../../server/src/service/status/index';

const current = 'web-aaa';
const update = 'web-bbb';

function set(spec: Record<string, unknown>, status: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'shop', uid: 'u1' },
    spec: { replicas: 3, serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } }, ...spec },
    status: { currentRevision: current, updateRevision: update, replicas: 3, readyReplicas: 3, ...status },
  };
}

interface PodOptions { revision?: string; ready?: boolean; phase?: string; waiting?: string; restarts?: number; deleting?: boolean; finalizers?: string[] }
function pod(ordinal: number, o: PodOptions = {}): unknown {
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `web-${ordinal}`, namespace: 'shop', labels: { app: 'web', 'controller-revision-hash': o.revision ?? update },
      ownerReferences: [{ kind: 'StatefulSet', name: 'web', uid: 'u1', controller: true }],
      ...(o.deleting ? { deletionTimestamp: '2026-12-06T07:00:00Z' } : {}), ...(o.finalizers ? { finalizers: o.finalizers } : {}),
    },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'app', ready, restartCount: o.restarts ?? 0, state: o.waiting ? { waiting: { reason: o.waiting } } : { running: {} } }],
    },
  };
}

const report = (statefulSet: unknown, pods: unknown[], events: unknown[] = []) =>
  diagnose(statefulSet, liveObjectsOf([{ kind: 'List', items: [statefulSet, ...pods, ...events] }]));

test('a partition holding the lower ordinals at the old revision: partition, and the patch that releases it', () => {
  const r = report(set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }),
    [pod(0, { revision: current }), pod(1, { revision: current }), pod(2)]);
  assert.equal(r.reason, 'partition');
  assert.equal(r.blocked, true);
  assert.equal(r.blockingPod, 'web-1');
  assert.match(r.explanation, /partition is 2.*web-1, web-0/);
  assert.deepEqual(r.recovery, [`kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}' -n shop`]);
});

test('OnDelete: the old pods wait to be deleted, highest first, one command each', () => {
  const r = report(set({ updateStrategy: { type: 'OnDelete' } }), [pod(0, { revision: current }), pod(1, { revision: current }), pod(2)]);
  assert.equal(r.reason, 'on-delete');
  assert.equal(r.blockingPod, 'web-1');
  assert.deepEqual(r.recovery, ['kubectl delete pod web-1 -n shop', 'kubectl delete pod web-0 -n shop']);
});

test('maxUnavailable reached during a rolling update names every unavailable pod', () => {
  const r = report(set({ replicas: 4, podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } }),
    [pod(0, { revision: current }), pod(1, { revision: current }), pod(2, { ready: false, waiting: 'CrashLoopBackOff', restarts: 4 }), pod(3, { ready: false, phase: 'Pending', waiting: 'ImagePullBackOff' })]);
  assert.equal(r.reason, 'max-unavailable');
  assert.equal(r.blockingPod, 'web-2');
  assert.match(r.explanation, /2 pods are unavailable and maxUnavailable is 2: web-2 \(CrashLoopBackOff, 4 restarts\), web-3 \(ImagePullBackOff\)/);
});

test('a pod Running but never Ready (a readiness probe) without restarts is not-ready, not a crash loop', () => {
  const r = report(set({}, { currentRevision: update }), [pod(0), pod(1, { ready: false }), pod(2)]);
  assert.equal(r.reason, 'not-ready');
  assert.equal(r.blockingPod, 'web-1');
  assert.deepEqual(r.recovery, ['kubectl describe pod web-1 -n shop']);
});

test('a pod terminating without finalizers: the kubelet never confirmed; force only if the node is down', () => {
  const r = report(set({ replicas: 2 }, { currentRevision: update }), [pod(0), pod(1), pod(2, { deleting: true })]);
  assert.equal(r.reason, 'terminating');
  assert.equal(r.blockingPod, 'web-2');
  assert.match(r.explanation, /has not confirmed the deletion.*certainly down/);
  assert.deepEqual(r.recovery, ['kubectl get pod web-2 -o wide -n shop', 'kubectl delete pod web-2 --grace-period=0 --force -n shop']);
});

test('a pod starting up is not a block; a healthy set says so; next steps come from the simulator', () => {
  const starting = report(set({}, { currentRevision: update }), [pod(0), pod(1, { ready: false, phase: 'Pending', waiting: 'ContainerCreating' })]);
  assert.equal(starting.reason, 'none');
  assert.equal(starting.blocked, false);
  assert.match(starting.explanation, /web-1 is starting \(ContainerCreating\)/);
  assert.deepEqual(starting.next, ['create web-2, then wait for web-2 Running and Ready']);
  const healthy = report(set({}, { currentRevision: update }), [pod(0), pod(1), pod(2)]);
  assert.deepEqual([healthy.reason, healthy.blocked, healthy.next], ['none', false, []]);
});

test('Parallel without a rollout: a crashing pod is named, but nothing waits on it', () => {
  const r = report(set({ podManagementPolicy: 'Parallel' }, { currentRevision: update }), [pod(0), pod(1, { ready: false, waiting: 'CrashLoopBackOff', restarts: 2 }), pod(2)]);
  assert.deepEqual([r.reason, r.blocked], ['none', false]);
  assert.match(r.explanation, /2 of 3 pods are Running and Ready; web-1 \(CrashLoopBackOff, 2 restarts\) not/);
});

test('recovery commands carry the chosen context, quoted when it needs it', () => {
  const statefulSet = set({}, { currentRevision: update });
  const r = diagnose(statefulSet, liveObjectsOf([statefulSet, pod(0), pod(1, { ready: false }), pod(2)]), { context: "prod eu's" });
  assert.deepEqual(r.recovery, [`kubectl describe pod web-1 -n shop --context 'prod eu'\\''s'`]);
});

test('input that is not Kubernetes never throws', () => {
  for (const junk of [null, 3, 'text', [], { kind: 'StatefulSet' }, { kind: 'StatefulSet', spec: { replicas: -4, ordinals: { start: 'x' } }, status: { currentRevision: 7 } }]) {
    const live = liveObjectsOf([junk, { kind: 'List', items: [junk, { kind: 'Pod', metadata: { name: 5 } }, { kind: 'Event', involvedObject: null }] }]);
    const r = diagnose(junk, live);
    assert.equal(typeof r.explanation, 'string');
  }
});
