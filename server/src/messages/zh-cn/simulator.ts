import type { enSimulator } from '../en/simulator';

export const zhCnSimulator: Record<keyof typeof enSimulator, string> = {
  'partition.exceeds': 'partition {partition} 大于 replicas {replicas}：Pod 模板变更时，每个 Pod 都会停留在旧修订版本上，扩容到 {partition} 个副本时新增的每个 Pod 也一样。请将它设为 {replicas}（= replicas：让每个 Pod 都停留在旧修订版本）或 0（把变更推广到每个 Pod）。',
  'partition.holdEveryPodTitle': '将 partition 设为 {replicas}（= replicas：让每个 Pod 都停留在旧修订版本）',
  'partition.holdsEveryPod': 'partition {partition} = replicas：在你调低 partition 之前，每个 Pod 都停留在旧修订版本',
};
