import { removeAt, setAt } from '../fixes/objectEdits';
import { describeRequirement, parseLabelSelector, unmetRequirements } from '../labels/labelSelector';
import { field, isRecord, isStatefulSet, labelMap } from './read';
import type { Rule } from './types';

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
        message: `Invalid selector: ${parsed.reason}. The API server rejects it.`,
      }];
    }
    const labelsNode = field(object.value, 'spec', 'template', 'metadata', 'labels');
    if (parsed.empty || (fragment && labelsNode === undefined)) return [];
    const labels = labelMap(labelsNode);
    const unmet = unmetRequirements(parsed, labels);
    if (unmet.length === 0) return [];
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
    return [{
      path: ['spec', 'selector'],
      target: 'key',
      message: `The selector does not match the pod template's labels (${unmet.map(describeRequirement).join(', ')} not met; template labels: ${shown}). The API server rejects this: make spec.selector and spec.template.metadata.labels agree.`,
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
      if (edits.length > 0) fixes.push({ title: "Change spec.selector to match the pod template's labels", edits });
    }
    if (Object.keys(matchLabels).length > 0 && onlyMatchLabels) {
      const edits = setAt(context, ['spec', 'template', 'metadata', 'labels'], matchLabels);
      // Preferred (fix-all takes it): safe on a StatefulSet that exists, whose selector is immutable.
      if (edits) fixes.push({ title: "Add the selector's labels to the pod template (spec.template.metadata.labels)", preferred: true, edits });
    }
    return fixes;
  },
};
