import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

export const podManagementPolicyInvalid: Rule = {
  id: 'pod-management-policy-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const policy = field(object.value, 'spec', 'podManagementPolicy');
    if (!isStatefulSet(object) || policy === undefined || policy === null || policy === '') return [];
    return policy === 'OrderedReady' || policy === 'Parallel'
      ? []
      : [{ path: ['spec', 'podManagementPolicy'], message: t('pod-management-policy-invalid.message', { v: JSON.stringify(policy) }) }];
  },
};
