import { removeAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';

export const activeDeadlineForbidden: Rule = {
  id: 'active-deadline-forbidden',
  severity: 'error',
  scope: 'document',
  check: ({ object }) =>
    isStatefulSet(object) && (field(object.value, 'spec', 'template', 'spec', 'activeDeadlineSeconds') ?? null) !== null
      ? [{
        path: ['spec', 'template', 'spec', 'activeDeadlineSeconds'],
        target: 'key',
        message: 'activeDeadlineSeconds is forbidden in a StatefulSet\'s pod template (the API server answers "activeDeadlineSeconds in StatefulSet is not Supported"). Remove it.',
      }]
      : [],
  fix: (context) => {
    const edits = removeAt(context, ['spec', 'template', 'spec', 'activeDeadlineSeconds']);
    return edits ? [{ title: 'Remove activeDeadlineSeconds', preferred: true, edits }] : [];
  },
};
