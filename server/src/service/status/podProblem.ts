import type { BlockReason, LiveClaim, LivePod } from './types';

const crashReasons = new Set(['CrashLoopBackOff', 'RunContainerError', 'CreateContainerError', 'CreateContainerConfigError', 'Error']);
const pullReasons = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
/** Reasons a pod on its way up shows; the controller is waiting, but nothing is wrong yet. */
const startingReasons = new Set(['ContainerCreating', 'PodInitializing']);

/** Why one pod is not Running and Ready, or 'starting' when it is merely on its way. */
export function podProblem(pod: LivePod): { reason: BlockReason | 'starting'; detail: string } {
  const waiting = pod.waitingReason;
  if (pod.unschedulable !== undefined) return { reason: 'unschedulable', detail: pod.unschedulable };
  if (waiting !== undefined && pullReasons.has(waiting)) return { reason: 'image-pull', detail: waiting };
  if (waiting !== undefined && crashReasons.has(waiting)) {
    return { reason: 'crash-loop', detail: `${waiting}, ${pod.restarts} restart${pod.restarts === 1 ? '' : 's'}` };
  }
  if (pod.phase === 'Running' && !pod.ready) {
    return pod.restarts > 0
      ? { reason: 'crash-loop', detail: `not Ready, ${pod.restarts} restarts` }
      : { reason: 'not-ready', detail: 'Running but not Ready (its readiness probe fails, or it has not passed yet)' };
  }
  if (pod.phase === 'Failed' || pod.phase === 'Succeeded') return { reason: 'crash-loop', detail: `its phase is ${pod.phase}` };
  return { reason: 'starting', detail: waiting ?? pod.phase };
}

/** A sentence on what holds the pod, with the claim when an unbound one keeps it unscheduled. */
export function describeProblem(pod: LivePod, reason: BlockReason, detail: string, claims: readonly LiveClaim[]): string {
  switch (reason) {
    case 'crash-loop': return `${pod.name} keeps crashing (${detail})`;
    case 'image-pull': return `${pod.name} cannot pull its image (${detail})`;
    case 'not-ready': return `${pod.name} is ${detail}`;
    case 'unschedulable': {
      const unbound = claims.filter((c) => c.pod === pod.name && c.phase !== 'Bound');
      const claimText = unbound.length > 0
        ? `; its claim ${unbound.map((c) => `${c.name} is ${c.phase}${c.storageClass ? ` (storage class ${c.storageClass})` : ''}`).join(', ')}`
        : '';
      return `${pod.name} cannot be scheduled: ${detail}${claimText}`;
    }
    default: return `${pod.name}: ${detail}`;
  }
}
