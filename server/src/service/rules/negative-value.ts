import { field, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

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
        ? [{ path: ['spec', ...path], message: t('negative-value.message', { v: path.join('.'), value }) }]
        : [];
    });
  },
};
