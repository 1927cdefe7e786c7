import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';

/** A partition above replicas means no pod ever takes a template change. */
export const partitionExceedsReplicas: Rule = {
  id: 'partition-exceeds-replicas',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) => {
    const spec = field(object.value, 'spec');
    const partition = field(spec, 'updateStrategy', 'rollingUpdate', 'partition');
    const replicas = field(spec, 'replicas') ?? 1;
    const type = field(spec, 'updateStrategy', 'type') ?? 'RollingUpdate';
    if (!isStatefulSet(object) || type !== 'RollingUpdate' || typeof partition !== 'number' || typeof replicas !== 'number') return [];
    if (partition <= replicas) return [];
    return [{
      path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      message: `partition ${partition} is greater than replicas ${replicas}: changes to the pod template will never roll out, and pods that are recreated keep the old revision. Lower the partition (to ${replicas} to hold every pod, or 0 to update all).`,
      data: { replicas },
    }];
  },
  fix: (context) => {
    const replicas = field(context.object.value, 'spec', 'replicas') ?? 1;
    const path = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];
    const toReplicas = typeof replicas === 'number' ? setAt(context, path, replicas) : undefined;
    const toZero = setAt(context, path, 0);
    return [
      ...(toReplicas ? [{ title: `Set partition to ${String(replicas)} (the replica count: hold every pod)`, preferred: true, edits: toReplicas }] : []),
      ...(toZero ? [{ title: 'Set partition to 0 (update every pod)', edits: toZero }] : []),
    ];
  },
};
