import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runPlan, simulate, type RunFrame } from '../../server/src/simulator';

function plans(podManagementPolicy: string, replicas = 3) {
  return simulate({ statefulSet: { metadata: { name: 'web' }, spec: { replicas, podManagementPolicy } } }).plans;
}

/** Each frame as "step note | state of each pod", compact enough to compare whole runs. */
const compact = (frames: RunFrame[]): string[] =>
  frames.map((frame) => `${frame.step} ${frame.note} | ${frame.pods.map((pod) => `${pod.name}=${pod.state}`).join(' ')}`);

test('OrderedReady create runs one pod after another', () => {
  const frames = runPlan(plans('OrderedReady', 2).create);
  assert.deepEqual(compact(frames), [
    '-1 start | web-0=Absent web-1=Absent',
    '0 web-0 Pending | web-0=Pending web-1=Absent',
    '0 web-0 Running | web-0=Running web-1=Absent',
    '0 web-0 Ready; waited for web-0 Running and Ready | web-0=Ready web-1=Absent',
    '1 web-1 Pending | web-0=Ready web-1=Pending',
    '1 web-1 Running | web-0=Ready web-1=Running',
    '1 web-1 Ready; waited for web-1 Running and Ready | web-0=Ready web-1=Ready',
  ]);
  assert.deepEqual(frames.map((frame) => frame.tick), [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(frames.some((frame) => frame.halted), false);
});

test('OrderedReady create halts at a pod that never becomes Ready', () => {
  const frames = runPlan(plans('OrderedReady').create, { failingPod: 'web-1' });
  assert.deepEqual(compact(frames).slice(4), [
    '1 web-1 Pending | web-0=Ready web-1=Pending web-2=Absent',
    '1 web-1 Running | web-0=Ready web-1=Running web-2=Absent',
    '1 halted | web-0=Ready web-1=Running web-2=Absent',
  ]);
  const last = frames[frames.length - 1];
  assert.equal(last?.halted, true);
  assert.equal(last?.reason, 'web-1 never becomes Ready; OrderedReady waits for it, so web-2 is never created');
});

test('Parallel create does not halt on a failing pod, and waits for slow ones', () => {
  const frames = runPlan(plans('Parallel').create, { failingPod: 'web-1', slowPods: ['web-2'] });
  assert.deepEqual(compact(frames), [
    '-1 start | web-0=Absent web-1=Absent web-2=Absent',
    '0 web-0 Pending, web-1 Pending, web-2 Pending | web-0=Pending web-1=Pending web-2=Pending',
    '0 web-0 Running, web-1 Running, web-2 Running | web-0=Running web-1=Running web-2=Running',
    '0 web-0 Ready | web-0=Ready web-1=Running web-2=Running',
    '0 web-2 Ready; web-1 never becomes Ready, Parallel goes on | web-0=Ready web-1=Running web-2=Ready',
  ]);
  assert.equal(frames.some((frame) => frame.halted), false);
});

test('OrderedReady scale-down halts at a pod that never finishes terminating; Parallel does not', () => {
  const ordered = runPlan(plans('OrderedReady').scaleDown, { failingPod: 'web-2' });
  assert.deepEqual(compact(ordered), [
    '-1 start | web-0=Ready web-1=Ready web-2=Ready',
    '0 web-2 Terminating | web-0=Ready web-1=Ready web-2=Terminating',
    '0 halted | web-0=Ready web-1=Ready web-2=Terminating',
  ]);
  assert.equal(ordered[2]?.reason, 'web-2 never finishes terminating; OrderedReady waits for it, so web-1, web-0 are never deleted');
  const parallel = runPlan(plans('Parallel').scaleDown, { failingPod: 'web-2' });
  assert.deepEqual(compact(parallel), [
    '-1 start | web-0=Ready web-1=Ready web-2=Ready',
    '0 web-2 Terminating, web-1 Terminating, web-0 Terminating | web-0=Terminating web-1=Terminating web-2=Terminating',
    '0 web-1 Absent, web-0 Absent; web-2 never finishes terminating, Parallel goes on | web-0=Absent web-1=Absent web-2=Terminating',
  ]);
});

test('rolling update recreates highest first and halts when the updated pod never becomes Ready', () => {
  const frames = runPlan(plans('OrderedReady', 2).update, { failingPod: 'web-1' });
  assert.deepEqual(compact(frames), [
    '-1 start | web-0=Ready web-1=Ready',
    '0 web-1 Terminating | web-0=Ready web-1=Terminating',
    '0 web-1 Absent | web-0=Ready web-1=Absent',
    '0 web-1 Pending | web-0=Ready web-1=Pending',
    '0 web-1 Running | web-0=Ready web-1=Running',
    '0 halted | web-0=Ready web-1=Running',
  ]);
  assert.equal(frames[5]?.reason, 'web-1 never becomes Ready; the rolling update waits for it, so web-0 is never updated');
});

test('OrderedReady with maxUnavailable: a batch goes down together and comes back lowest first', () => {
  const update = simulate({
    statefulSet: { metadata: { name: 'db' }, spec: { replicas: 2, updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } } },
    maxUnavailableGate: true,
  }).plans.update;
  assert.deepEqual(compact(runPlan(update, { failingPod: 'db-0' })), [
    '-1 start | db-0=Ready db-1=Ready',
    '0 db-1 Terminating, db-0 Terminating | db-0=Terminating db-1=Terminating',
    '0 db-1 Absent, db-0 Absent | db-0=Absent db-1=Absent',
    '0 db-0 Pending | db-0=Pending db-1=Absent',
    '0 db-0 Running | db-0=Running db-1=Absent',
    '0 halted | db-0=Running db-1=Absent',
  ]);
  assert.equal(
    runPlan(update, { failingPod: 'db-0' })[5]?.reason,
    'db-0 never becomes Ready; the rolling update waits for it, so db-1 stays down',
  );
});

test('runPlan is deterministic and handles an empty plan', () => {
  const plan = plans('OrderedReady').create;
  assert.deepEqual(runPlan(plan, { slowPods: ['web-0'] }), runPlan(plan, { slowPods: ['web-0'] }));
  assert.deepEqual(runPlan([]), [{ tick: 0, step: -1, pods: [], note: 'start', halted: false }]);
});
