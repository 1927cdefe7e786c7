import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';

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
      message: `A StatefulSet's pods must use restartPolicy "Always" (got ${JSON.stringify(policy)}); the API server rejects anything else. Set it to Always or remove it.`,
    }];
  },
  fix: (context) => {
    const edits = setAt(context, ['spec', 'template', 'spec', 'restartPolicy'], 'Always');
    return edits ? [{ title: 'Set restartPolicy to Always', preferred: true, edits }] : [];
  },
};
