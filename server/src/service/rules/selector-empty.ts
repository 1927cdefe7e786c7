import { parseLabelSelector } from '../labels/labelSelector';
import { field, isRecord, isStatefulSet } from './read';
import type { Rule } from './types';

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
      ? [{ path: ['spec', 'selector'], message: 'An empty selector is invalid for a StatefulSet: add matchLabels that the pod template\'s labels carry.' }]
      : [];
  },
};
