import type { PodIdentity, PodManagementPolicy, PvcAfter, RetentionAction } from './types';
import { t } from '../messages';

/** The controller's cap on one slow-start batch (stateful_set_control.go MaxBatchSize). */
const maxBatchSize = 500;

/**
 * The pods the controller attempts when it creates the set, when some can never be created
 * (PodIdentity.problem). It creates a pod's claims first, then the pod (CreateStatefulPod), so
 * an attempted pod leaves its claims even when its own creation is refused. OrderedReady stops
 * at the first refusal (processReplica returns at once). Parallel goes through the pods in
 * slow-start batches of 1, 2, 4, … (slowStartBatch) and launches no batch after one with a
 * refusal, in this sync or any later one: the pods after that batch are never attempted.
 */
export function attemptedOnCreate(pods: readonly PodIdentity[], policy: PodManagementPolicy): PodIdentity[] {
  const refused = pods.findIndex((pod) => pod.problem !== undefined);
  if (refused < 0) return [...pods];
  if (policy === 'OrderedReady') return pods.slice(0, refused + 1);
  let end = 0;
  for (let size = 1; end < pods.length; size = Math.min(2 * size, maxBatchSize)) {
    end = Math.min(end + size, pods.length);
    if (end > refused) break;
  }
  return pods.slice(0, end);
}

/** The claims the set's creation leaves, and those its deletion (cascading) then leaves. */
export function pvcsOfCreation(pods: readonly PodIdentity[], policy: PodManagementPolicy, whenDeleted: RetentionAction): PvcAfter {
  const afterCreate = attemptedOnCreate(pods, policy).flatMap((pod) => pod.pvcs);
  // Every claim the controller makes, even for a pod it cannot create, gets the set as owner
  // under whenDeleted: Delete (UpdatePodClaimForRetentionPolicy runs after the refused create).
  return { afterCreate, afterSetDeletion: whenDeleted === 'Delete' ? [] : afterCreate };
}

/**
 * The warning for pods the controller can never create: the page and the CLI list such pods and
 * the rollout steps for them, and without it they would read as pods that will run.
 */
export function refusedPodsWarning(pods: readonly PodIdentity[], policy: PodManagementPolicy): string[] {
  const refused = pods.filter((pod) => pod.problem !== undefined);
  const first = refused[0];
  if (first === undefined) return [];
  const stop = policy === 'OrderedReady'
    ? t('sim.orderedStops')
    : t('sim.parallelStops', { attempted: attemptedOnCreate(pods, policy).length, total: pods.length });
  return [refused.length === pods.length
    ? t('sim.noPodCreated', { name: first.name, stop })
    : t('sim.somePodsNotCreated', { refused: refused.length, total: pods.length, name: first.name, stop })];
}
