/** Words in English (ids: area.what; {name} is a placeholder). */
export const enSimulator = {
  'partition.exceeds': 'partition {partition} is greater than replicas {replicas}: every pod stays on the old revision when the pod template changes, and so does every pod added by scaling up to {partition} replicas. Set it to {replicas} (= replicas: hold every pod on the old revision) or to 0 (roll the change out to every pod).',
  'partition.holdEveryPodTitle': 'Set partition to {replicas} (= replicas: hold every pod on the old revision)',
  'partition.holdsEveryPod': 'partition {partition} = replicas: every pod stays on the old revision until you lower the partition',
} as const;
