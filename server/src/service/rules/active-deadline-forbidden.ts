import { removeAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

export const activeDeadlineForbidden: Rule = {
  id: 'active-deadline-forbidden',
  severity: 'error',
  scope: 'document',
  check: ({ object }) =>
    isStatefulSet(object) && (field(object.value, 'spec', 'template', 'spec', 'activeDeadlineSeconds') ?? null) !== null
      ? [{
        path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
        target: 'key',
        message: t('active-deadline-forbidden.message'),
      }]
      : [],
  fix: (context) => {
    const edits = removeAt(context, ['spec', 'template', 'spec', 'activeDeadlineSeconds']);
    return edits ? [{ title: t('active-deadline-forbidden.fix'), preferred: true, edits }] : [];
  },
};
