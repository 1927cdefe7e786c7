import { dnsLabelProblem, refusedOnCreate } from './k8sSyntax';
import { field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** metadata.namespace must be a DNS label, as every namespace's name is. */
export const namespaceInvalid: Rule = {
  id: 'namespace-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const namespace = field(object.value, 'metadata', 'namespace');
    const problem = typeof namespace === 'string' && namespace !== '' ? dnsLabelProblem(namespace) : undefined;
    return problem ? [{ path: ['metadata', 'namespace'], message: t('namespace-invalid.message', { refused: refusedOnCreate(), namespace: String(namespace), problem }) }] : [];
  },
};
