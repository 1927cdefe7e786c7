import { removeAt, setAt } from '../fixes/objectEdits';
import { describeRequirement, parseLabelSelector, unmetRequirements } from '../labels/labelSelector';
import { field, isRecord, isStatefulSet, labelMap } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** The selector must select the pod template's labels, or the API server rejects the StatefulSet. */
export const selectorMismatch: Rule = {
  id: 'selector-mismatch',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) => {
    const selector = field(object.value, 'spec', 'selector');
    if (!isStatefulSet(object) || !isRecord(selector)) return [];
    const parsed = parseLabelSelector(selector);
    if (!parsed.valid) {
      return [{
        path: ['spec', 'selector', 'matchExpressions', parsed.index],
        message: t('selector-mismatch.invalid', { reason: parsed.reason }),
      }];
    }
    const labelsNode = field(object.value, 'spec', 'template', 'metadata', 'labels');
    if (parsed.empty || (fragment && labelsNode === undefined)) return [];
    const labels = labelMap(labelsNode);
    const unmet = unmetRequirements(parsed, labels);
    if (unmet.length === 0) return [];
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || t('common.none');
    return [{
      path: ['spec', 'selector'],
      target: 'key',
      message: t('selector-mismatch.message', { unmet: unmet.map(describeRequirement).join(', '), labels: shown }),
      data: { selector: labelMap(selector.matchLabels), templateLabels: labels },
    }];
  },
  fix: (context) => {
    const value = context.object.value;
    const matchLabels = labelMap(field(value, 'spec', 'selector', 'matchLabels'));
    const templateLabels = labelMap(field(value, 'spec', 'template', 'metadata', 'labels'));
    const fixes = [];
    const onlyMatchLabels = (field(value, 'spec', 'selector', 'matchExpressions') ?? null) === null;
    if (onlyMatchLabels && Object.keys(templateLabels).length > 0) {
      // Keep the selector's keys that the template also has; take the template's values.
      const kept = Object.keys(matchLabels).filter((key) => Object.hasOwn(templateLabels, key));
      const wanted = kept.length > 0 ? Object.fromEntries(kept.map((key) => [key, templateLabels[key] ?? ''])) : templateLabels;
      const removed = Object.keys(matchLabels).filter((key) => !Object.hasOwn(wanted, key));
      const edits = [
        ...(setAt(context, ['spec', 'selector', 'matchLabels'], wanted) ?? []),
        ...removed.flatMap((key) => removeAt(context, ['spec', 'selector', 'matchLabels', key]) ?? []),
      ];
      if (edits.length > 0) fixes.push({ title: t('selector-mismatch.fix.selector'), edits });
    }
    if (Object.keys(matchLabels).length > 0 && onlyMatchLabels) {
      const edits = setAt(context, ['spec', 'template', 'metadata', 'labels'], matchLabels);
      // Preferred (fix-all takes it): safe on a StatefulSet that exists, whose selector is immutable.
      if (edits) fixes.push({ title: t('selector-mismatch.fix.template'), preferred: true, edits });
    }
    return fixes;
  },
};
