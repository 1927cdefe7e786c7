import { setAt } from '../fixes/objectEdits';
import { field, isStatefulSet, labelMap } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** apps/v1 requires spec.selector; it is no longer defaulted from the template. */
export const selectorMissing: Rule = {
  id: 'selector-missing',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) =>
    isStatefulSet(object) && !fragment && (field(object.value, 'spec', 'selector') ?? null) === null
      ? [{ path: ['spec'], target: 'key', message: t('selector-missing.message') }]
      : [],
  fix: (context) => {
    const labels = labelMap(field(context.object.value, 'spec', 'template', 'metadata', 'labels'));
    if (Object.keys(labels).length === 0) return [];
    const edits = setAt(context, ['spec', 'selector'], { matchLabels: labels });
    return edits ? [{ title: t('selector-missing.fix'), preferred: true, edits }] : [];
  },
};
