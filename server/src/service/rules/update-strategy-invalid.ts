import { removeAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';

/** updateStrategy.type must be RollingUpdate or OnDelete; rollingUpdate only goes with RollingUpdate. */
export const updateStrategyInvalid: Rule = {
  id: 'update-strategy-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const strategy = field(object.value, 'spec', 'updateStrategy');
    const type = field(strategy, 'type');
    if (!isStatefulSet(object) || type === undefined || type === null || type === '') return [];
    if (type === 'OnDelete' && (field(strategy, 'rollingUpdate') ?? null) !== null) {
      return [{
        path: ['spec', 'updateStrategy', 'rollingUpdate'],
        target: 'key',
        message: 'rollingUpdate is only allowed with updateStrategy type RollingUpdate; the API server rejects it under OnDelete. Remove it, or switch the type to RollingUpdate.',
      }];
    }
    return type === 'RollingUpdate' || type === 'OnDelete'
      ? []
      : [{ path: ['spec', 'updateStrategy', 'type'], message: `updateStrategy type must be "RollingUpdate" or "OnDelete", not ${JSON.stringify(type)}.` }];
  },
  fix: (context) => {
    if (field(context.object.value, 'spec', 'updateStrategy', 'type') !== 'OnDelete') return [];
    const edits = removeAt(context, ['spec', 'updateStrategy', 'rollingUpdate']);
    return edits ? [{ title: 'Remove rollingUpdate (not used under OnDelete)', preferred: true, edits }] : [];
  },
};
