import { removeAt } from '../fixes/objectEdits';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { gateOn, gateReason } from '../versions/gates';
import { t } from '../../messages';

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
        message: t('update-strategy-invalid.onDelete'),
      }];
    }
    // Recreate (KEP-3541) exists from 1.37 behind StatefulSetRecreateStrategy, alpha and off by default.
    const recreate = gateOn(settings, 'StatefulSetRecreateStrategy');
    if (type === 'Recreate' && recreate && (field(strategy, 'rollingUpdate') ?? null) !== null) {
      return [{ path: ['spec', 'updateStrategy', 'rollingUpdate'], target: 'key', message: t('update-strategy-invalid.recreate') }];
    }
    if (type === 'RollingUpdate' || type === 'OnDelete' || (type === 'Recreate' && recreate)) return [];
    const allowed = recreate ? t('update-strategy-invalid.threeTypes') : t('update-strategy-invalid.twoTypes');
    const why = type === 'Recreate' ? t('update-strategy-invalid.recreateGate', { v: gateReason(settings, 'StatefulSetRecreateStrategy') }) : '';
    return [{ path: ['spec', 'updateStrategy', 'type'], message: t('update-strategy-invalid.type', { allowed, v: JSON.stringify(type), why }) }];
  },
  fix: (context) => {
    if (field(context.object.value, 'spec', 'updateStrategy', 'type') !== 'OnDelete') return [];
    const edits = removeAt(context, ['spec', 'updateStrategy', 'rollingUpdate']);
    return edits ? [{ title: t('update-strategy-invalid.fix'), preferred: true, edits }] : [];
  },
};
