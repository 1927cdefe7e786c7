import { t } from '../messages';

/**
 * What a partition means, in one place for the rule partition-exceeds-replicas, its fix, the
 * simulator's warnings and the preview. Pods with an ordinal at or above start + partition take
 * a template change; so partition = replicas holds every pod on the old revision (a staged
 * rollout paused on purpose), and a partition above replicas holds them too, and also every pod
 * added by scaling up to that many replicas — usually a typo or a forgotten hold.
 */
export type PartitionHold = 'none' | 'holdsEveryPod' | 'exceedsReplicas';

export function partitionHold(partition: number, replicas: number): PartitionHold {
  if (partition > replicas) return 'exceedsReplicas';
  return replicas > 0 && partition === replicas ? 'holdsEveryPod' : 'none';
}

/** The warning for a partition above replicas: the rule's message and the simulator's warning. */
export function partitionExceedsMessage(partition: number, replicas: number): string {
  return t('partition.exceeds', { partition, replicas });
}

/** The title of the preferred fix: partition = replicas, said for what it does. */
export function holdEveryPodTitle(replicas: number): string {
  return t('partition.holdEveryPodTitle', { replicas });
}

/** How the preview describes a partition that holds every pod: a fact, not a warning. */
export function holdsEveryPodNote(partition: number): string {
  return t('partition.holdsEveryPod', { partition });
}
