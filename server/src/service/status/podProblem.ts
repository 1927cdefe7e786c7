import type { BlockReason, LiveClaim, LivePod } from './types';
import { listOf, t } from '../../messages';

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
    return { reason: 'crash-loop', detail: t(pod.restarts === 1 ? 'status.restart' : 'status.restarts', { waiting, restarts: pod.restarts }) };
  }
  if (pod.phase === 'Running' && !pod.ready) {
    return pod.restarts > 0
      ? { reason: 'crash-loop', detail: t('status.notReadyRestarts', { restarts: pod.restarts }) }
      : { reason: 'not-ready', detail: t('status.runningNotReady') };
  }
  if (pod.phase === 'Failed' || pod.phase === 'Succeeded') return { reason: 'crash-loop', detail: t('status.phase', { phase: pod.phase }) };
  return { reason: 'starting', detail: waiting ?? pod.phase };
}

/** A sentence on what holds the pod, with the claim when an unbound one keeps it unscheduled. */
export function describeProblem(pod: LivePod, reason: BlockReason, detail: string, claims: readonly LiveClaim[]): string {
  switch (reason) {
    case 'crash-loop': return t('status.crashing', { pod: pod.name, detail });
    case 'image-pull': return t('status.imagePull', { pod: pod.name, detail });
    case 'not-ready': return t('status.notReady', { pod: pod.name, detail });
    case 'unschedulable': {
      const unbound = claims.filter((c) => c.pod === pod.name && c.phase !== 'Bound');
      const claimText = unbound.length > 0
        ? t('status.itsClaim', { claims: listOf(unbound.map((c) => t(c.storageClass ? 'status.claimPhaseClass' : 'status.claimPhase', { claim: c.name, phase: c.phase, storageClass: c.storageClass ?? '' }))) })
        : '';
      return t('status.unschedulable', { pod: pod.name, detail, claims: claimText });
    }
    default: return `${pod.name}: ${detail}`;
  }
}
