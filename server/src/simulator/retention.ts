import type { PodIdentity, PvcFate, PvcRetention, RetentionAction } from './types';

function fate(action: RetentionAction, pvcs: string[]): PvcFate {
  return action === 'Delete' ? { deleted: pvcs, kept: [] } : { deleted: [], kept: pvcs };
}

/**
 * What persistentVolumeClaimRetentionPolicy does to the PVCs. The controller only sets
 * ownerReferences (whenDeleted=Delete: to the StatefulSet; whenScaled=Delete: to the pod of a
 * scaled-down ordinal) and the garbage collector deletes the claims once the owner is gone
 * (stateful_set_utils.go updateClaimOwnerRefForSetAndPod). `kubectl delete --cascade=orphan`
 * keeps them whatever the policy says.
 */
export function pvcRetention(
  whenDeleted: RetentionAction,
  whenScaled: RetentionAction,
  pods: readonly PodIdentity[],
  scaledDownPods: readonly string[],
): PvcRetention {
  const removed = new Set(scaledDownPods);
  return {
    whenDeleted,
    whenScaled,
    onDelete: fate(whenDeleted, pods.flatMap((pod) => pod.pvcs)),
    onScaleDown: fate(whenScaled, pods.filter((pod) => removed.has(pod.name)).flatMap((pod) => pod.pvcs)),
  };
}
