import type { Rule } from './types';

const removed = new Set(['apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1']);

/** StatefulSets under API versions that Kubernetes 1.16 stopped serving. */
export const apiVersionRemoved: Rule = {
  id: 'api-version-removed',
  severity: 'error',
  scope: 'document',
  check: ({ object }) =>
    object.kind === 'StatefulSet' && removed.has(object.apiVersion)
      ? [{
        path: ['apiVersion'],
        message: `${object.apiVersion} StatefulSet was removed in Kubernetes 1.16: the API server no longer serves it. Use apps/v1 (which also requires spec.selector).`,
        data: { replacement: 'apps/v1' },
      }]
      : [],
};
