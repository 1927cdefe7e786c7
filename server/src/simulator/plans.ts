import { podName } from './identity';
import { maxSimulatedPods } from './readStatefulSet';
import type { Plan, RolloutSettings, Step } from './types';
import { t } from '../messages';

const newRevision = (): string => t('sim.atNewRevision');

/** What a rolling update needs to know; a Simulation has all of it. */
export interface UpdateContext extends RolloutSettings {
  statefulSet: { name: string };
}

/** What scaling needs to know. */
export type ScaleContext = Pick<UpdateContext, 'statefulSet' | 'ordinalStart' | 'podManagementPolicy' | 'minReadySeconds'>;

/**
 * Scaling from one replica count to another. Up: lowest missing ordinal first; OrderedReady
 * creates one pod at a time and waits for it to be Running, Ready and available
 * (minReadySeconds) before the next. Down: highest ordinal first; OrderedReady deletes one at a
 * time and waits until the pod is gone. Parallel does everything in one step without waiting
 * (stateful_set_control.go: runForAll with monotonic = false, processReplica, processCondemned).
 */
export function planScale(context: ScaleContext, from: number, to: number): Plan {
  const current = clampReplicas(from);
  const wanted = clampReplicas(to);
  const ordinals = (low: number, high: number): number[] =>
    Array.from({ length: Math.max(0, high - low) }, (_, index) => context.ordinalStart + low + index);
  const names = (list: number[]): string[] => list.map((ordinal) => podName(context.statefulSet.name, ordinal));
  const ordered = context.podManagementPolicy === 'OrderedReady';

  if (wanted > current) {
    const created = names(ordinals(current, wanted));
    if (!ordered) return [step(created, 'create', 'together', false, '')];
    return created.map((pod) => step([pod], 'create', 'together', true, readyText([pod], context.minReadySeconds)));
  }
  if (wanted < current) {
    const deleted = names(ordinals(wanted, current).reverse());
    if (!ordered) return [step(deleted, 'delete', 'together', false, '')];
    return deleted.map((pod) => step([pod], 'delete', 'together', true, t('sim.fullyTerminated', { pod })));
  }
  return [];
}

/**
 * Rolling out a template change. Highest ordinal first, down to ordinals.start + partition;
 * each pod is deleted, recreated at the new revision, and must be available before the next
 * (the default update loop of stateful_set_control.go updateStatefulSet, used for both
 * policies). With the MaxUnavailableStatefulSet gate on, up to maxUnavailable pods are deleted
 * together (updateStatefulSetAfterInvariantEstablished). Under OrderedReady the deleted batch
 * is still recreated one pod at a time, lowest ordinal first, because processReplica stops at
 * the first missing or unready replica, so a pod that never gets Ready halts everything.
 * Under Parallel the controller deletes maxUnavailable − unavailable more pods every sync: the
 * window slides, and a pod that never gets Ready (`stuckPod`) keeps one slot, so the batches
 * after its own are one pod smaller and the update goes on (Step.slidingWindow).
 */
export function planUpdate(context: UpdateContext, stuckPod?: string): Plan {
  if (context.updateStrategy === 'OnDelete') return [];
  if (context.partition >= context.replicas) return [];
  const first = context.ordinalStart + context.partition;
  const last = context.ordinalStart + context.simulatedReplicas - 1;
  const targets: string[] = [];
  for (let ordinal = last; ordinal >= first; ordinal--) targets.push(podName(context.statefulSet.name, ordinal));

  const window = Math.max(1, context.maxUnavailable);
  const sliding = context.podManagementPolicy === 'Parallel' && window > 1;
  const plan: Plan = [];
  let batchSize = window;
  for (let index = 0; index < targets.length;) {
    const batch = targets.slice(index, index + batchSize);
    index += batch.length;
    const oneByOne = context.podManagementPolicy === 'OrderedReady' && batch.length > 1;
    const waitFor = oneByOne
      ? t('sim.oneAtATime', { ready: readyText([...batch].reverse(), context.minReadySeconds, newRevision(), t('sim.then')) })
      : readyText(batch, context.minReadySeconds, newRevision());
    const next = step(batch, 'recreate', oneByOne ? 'lowestFirst' : 'together', true, waitFor);
    if (sliding) next.slidingWindow = window;
    plan.push(next);
    if (sliding && stuckPod !== undefined && batch.includes(stuckPod)) batchSize = window - 1;
  }
  return plan;
}

function step(pods: string[], action: Step['action'], order: Step['order'], blocking: boolean, waitFor: string): Step {
  return { pods, action, order, blocking, waitFor };
}

function readyText(pods: readonly string[], minReadySeconds: number, qualifier = '', joiner = ', '): string { // ', ': pod names, in every language
  const ready = t('sim.runningAndReady', { pods: pods.join(joiner), qualifier });
  return minReadySeconds > 0 ? t('sim.thenMinReady', { ready, seconds: minReadySeconds }) : ready;
}

function clampReplicas(count: number): number {
  if (!Number.isFinite(count) || count < 0) return 0;
  return Math.min(Math.floor(count), maxSimulatedPods);
}
