import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** A zero grace period frees a pod's identity before its containers have stopped. */
export const gracePeriodZero: Rule = {
  id: 'grace-period-zero',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) =>
    isStatefulSet(object) && field(object.value, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds') === 0
      ? [{
        path: ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'],
        message: t('grace-period-zero.message'),
      }]
      : [],
  fix: (context) => {
    const edits = setAt(context, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], 30);
    return edits ? [{ title: t('grace-period-zero.fix'), preferred: true, edits }] : [];
  },
};
