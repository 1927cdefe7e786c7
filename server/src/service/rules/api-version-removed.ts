import { setAt } from '../fixes/objectEdits';
import { field, labelMap } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

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
        message: object.apiVersion === 'extensions/v1beta1'
          ? t('api-version-removed.extensions')
          : t('api-version-removed.removed', { apiVersion: object.apiVersion }),
        data: { replacement: 'apps/v1' },
      }]
      : [],
  fix: (context) => {
    const apiVersion = setAt(context, ['apiVersion'], 'apps/v1');
    if (!apiVersion) return [];
    const value = context.object.value;
    const labels = labelMap(field(value, 'spec', 'template', 'metadata', 'labels'));
    const needsSelector = (field(value, 'spec', 'selector') ?? null) === null && Object.keys(labels).length > 0;
    const selector = needsSelector ? setAt(context, ['spec', 'selector'], { matchLabels: labels }) : [];
    return [{ title: needsSelector ? t('api-version-removed.fix.withSelector') : t('api-version-removed.fix'), preferred: true, edits: [...apiVersion, ...(selector ?? [])] }];
  },
};
