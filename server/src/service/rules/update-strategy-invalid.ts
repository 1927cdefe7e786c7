import { removeAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { gateOn, gateReason } from '../versions/gates';

/** updateStrategy.type must be RollingUpdate or OnDelete (or Recreate with its 1.37 gate on); rollingUpdate only goes with RollingUpdate. */
export const updateStrategyInvalid: Rule = {
  id: 'update-strategy-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings }) => {
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
    // Recreate (KEP-3541) exists from 1.37 behind StatefulSetRecreateStrategy, alpha and off by default.
    const recreate = gateOn(settings, 'StatefulSetRecreateStrategy');
    if (type === 'Recreate' && recreate && (field(strategy, 'rollingUpdate') ?? null) !== null) {
      return [{ path: ['spec', 'updateStrategy', 'rollingUpdate'], target: 'key', message: 'rollingUpdate is only allowed with updateStrategy type RollingUpdate; the API server rejects it under Recreate.' }];
    }
    if (type === 'RollingUpdate' || type === 'OnDelete' || (type === 'Recreate' && recreate)) return [];
    const allowed = recreate ? '"RollingUpdate", "OnDelete" or "Recreate"' : '"RollingUpdate" or "OnDelete"';
    const why = type === 'Recreate' ? ` (${gateReason(settings, 'StatefulSetRecreateStrategy')}: Recreate needs that gate on, which exists from 1.37)` : '';
    return [{ path: ['spec', 'updateStrategy', 'type'], message: `updateStrategy type must be ${allowed}, not ${JSON.stringify(type)}${why}.` }];
  },
  fix: (context) => {
    if (field(context.object.value, 'spec', 'updateStrategy', 'type') !== 'OnDelete') return [];
    const edits = removeAt(context, ['spec', 'updateStrategy', 'rollingUpdate']);
    return edits ? [{ title: 'Remove rollingUpdate (not used under OnDelete)', preferred: true, edits }] : [];
  },
};
