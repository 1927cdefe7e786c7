import { field, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const whens = ['whenDeleted', 'whenScaled'] as const;

export const retentionPolicyInvalid: Rule = {
  id: 'retention-policy-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const policy = field(object.value, 'spec', 'persistentVolumeClaimRetentionPolicy');
    if (!isStatefulSet(object)) return [];
    return whens.flatMap((when): RuleResult[] => {
      const value = field(policy, when);
      return value === undefined || value === null || value === '' || value === 'Retain' || value === 'Delete'
        ? []
        : [{ path: ['spec', 'persistentVolumeClaimRetentionPolicy', when], message: t('retention-policy-invalid.message', { when, v: JSON.stringify(value) }) }];
    });
  },
};
