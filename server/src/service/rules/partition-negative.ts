import { field, isRollingUpdate, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

export const partitionNegative: Rule = {
  id: 'partition-negative',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const partition = field(object.value, 'spec', 'updateStrategy', 'rollingUpdate', 'partition');
    return isStatefulSet(object) && isRollingUpdate(object.value) && typeof partition === 'number' && partition < 0
      ? [{ path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], message: t('partition-negative.message', { partition }) }]
      : [];
  },
};
