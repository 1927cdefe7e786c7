import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** StatefulSet pods must always restart: the controller owns their lifecycle. */
export const restartPolicyInvalid: Rule = {
  id: 'restart-policy-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const policy = field(object.value, 'spec', 'template', 'spec', 'restartPolicy');
    if (!isStatefulSet(object) || policy === undefined || policy === null || policy === '' || policy === 'Always') return [];
    return [{
      path: ['spec', 'template', 'spec', 'restartPolicy'],
      message: t('restart-policy-invalid.message', { v: JSON.stringify(policy) }),
    }];
  },
  fix: (context) => {
    const edits = setAt(context, ['spec', 'template', 'spec', 'restartPolicy'], 'Always');
    return edits ? [{ title: t('restart-policy-invalid.fix'), preferred: true, edits }] : [];
  },
};
