import { holdEveryPodTitle, partitionExceedsMessage, partitionHold } from '../../simulator';
import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/**
 * A partition above replicas holds every pod on the old revision, and pods added by scaling up
 * too. Same threshold and words as the simulator and the preview (simulator/partition.ts):
 * partition = replicas is a deliberate hold, not a finding.
 */
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
    if (partitionHold(partition, replicas) !== 'exceedsReplicas') return [];
    return [{
      path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      message: partitionExceedsMessage(partition, replicas),
      data: { replicas },
    }];
  },
  fix: (context) => {
    const replicas = field(context.object.value, 'spec', 'replicas') ?? 1;
    const path = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];
    const toReplicas = typeof replicas === 'number' ? setAt(context, path, replicas) : undefined;
    const toZero = setAt(context, path, 0);
    return [
      ...(toReplicas && typeof replicas === 'number' ? [{ title: holdEveryPodTitle(replicas), preferred: true, edits: toReplicas }] : []),
      ...(toZero ? [{ title: t('partition-exceeds-replicas.fix.zero'), edits: toZero }] : []),
    ];
  },
};
