import { field, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';

const counted = [['replicas'], ['minReadySeconds'], ['ordinals', 'start']] as const;

export const negativeValue: Rule = {
  id: 'negative-value',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return counted.flatMap((path): RuleResult[] => {
      const value = field(object.value, 'spec', ...path);
      return typeof value === 'number' && value < 0
        ? [{ path: ['spec', ...path], message: `spec.${path.join('.')} must be 0 or more (got ${value}); the API server rejects a negative value.` }]
        : [];
    });
  },
};
