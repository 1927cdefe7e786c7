import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet, labelMap } from './read';
import type { Rule } from './types';

/** apps/v1 requires spec.selector; it is no longer defaulted from the template. */
export const selectorMissing: Rule = {
  id: 'selector-missing',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) =>
    isStatefulSet(object) && !fragment && (field(object.value, 'spec', 'selector') ?? null) === null
      ? [{ path: ['spec'], target: 'key', message: 'spec.selector is required in apps/v1: add selector.matchLabels with the pod template\'s labels.' }]
      : [],
  fix: (context) => {
    const labels = labelMap(field(context.object.value, 'spec', 'template', 'metadata', 'labels'));
    if (Object.keys(labels).length === 0) return [];
    const edits = setAt(context, ['spec', 'selector'], { matchLabels: labels });
    return edits ? [{ title: "Add spec.selector.matchLabels from the template's labels", preferred: true, edits }] : [];
  },
};
