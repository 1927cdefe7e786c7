import { field, isRollingUpdate, isStatefulSet } from './read';
import type { Rule } from './types';

export const partitionNegative: Rule = {
  id: 'partition-negative',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const partition = field(object.value, 'spec', 'updateStrategy', 'rollingUpdate', 'partition');
    return isStatefulSet(object) && isRollingUpdate(object.value) && typeof partition === 'number' && partition < 0
      ? [{ path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], message: `partition must be 0 or more (got ${partition}); the API server rejects a negative partition.` }]
      : [];
  },
};
