import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';

/** A zero grace period frees a pod's identity before its containers have stopped. */
export const gracePeriodZero: Rule = {
  id: 'grace-period-zero',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) =>
    isStatefulSet(object) && field(object.value, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds') === 0
      ? [{
        path: ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'],
        message: 'terminationGracePeriodSeconds: 0 is unsafe for a StatefulSet: a replacement pod with the same identity can start while the old one still runs (two members with one name and volume). Give pods time to stop, e.g. 30 seconds.',
      }]
      : [],
  fix: (context) => {
    const edits = setAt(context, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'], 30);
    return edits ? [{ title: 'Set terminationGracePeriodSeconds to 30 (the Kubernetes default)', preferred: true, edits }] : [];
  },
};
