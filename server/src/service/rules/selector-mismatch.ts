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
};
