import { dnsLabel, field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/**
 * A pod is named `<set>-<ordinal>`, and that name is also its hostname and the value of its
 * `statefulset.kubernetes.io/pod-name` label, both limited to 63 characters. When the highest
 * ordinal's name is longer, the API server accepts the StatefulSet but refuses those pods.
 */
export const podNameTooLong: Rule = {
  id: 'pod-name-too-long',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const name = object.name;
    if (!isStatefulSet(object) || !name || name.length > 63 || !dnsLabel.test(name)) return [];
    const replicas = field(object.value, 'spec', 'replicas') ?? 1;
    const start = field(object.value, 'spec', 'ordinals', 'start') ?? 0;
    if (typeof replicas !== 'number' || typeof start !== 'number' || replicas < 1 || start < 0) return [];
    const highest = `${name}-${start + replicas - 1}`;
    if (highest.length <= 63) return [];
    return [{
      path: ['metadata', 'name'],
      message: t('pod-name-too-long.message', { highest, v: highest.length }),
    }];
  },
};
