import { parseLabelSelector } from '../labels/labelSelector';
import { field, isRecord, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** `selector: {}` would select every pod in the namespace; the API server refuses it. */
export const selectorEmpty: Rule = {
  id: 'selector-empty',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const selector = field(object.value, 'spec', 'selector');
    if (!isStatefulSet(object) || !isRecord(selector)) return [];
    const parsed = parseLabelSelector(selector);
    return parsed.valid && parsed.empty
      ? [{ path: ['spec', 'selector'], message: t('selector-empty.message') }]
      : [];
  },
};
