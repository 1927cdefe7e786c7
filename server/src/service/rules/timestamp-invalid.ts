import type { ObjectPath } from '../model';
import { refusedOnCreate } from './k8sSyntax';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

/** What Go's time.Parse(time.RFC3339, ...) accepts, as metav1.Time decodes it. */
const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * A metadata timestamp (creationTimestamp, deletionTimestamp) that is not an RFC 3339 time.
 * The API server fails to decode the request (`parsing time ... as "2006-01-02T15:04:05Z07:00"`),
 * naming no field. `creationTimestamp: null`, as kubectl prints it, is fine.
 */
export const timestampInvalid: Rule = {
  id: 'timestamp-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const metas: ObjectPath[] = [['metadata'], ['spec', 'template', 'metadata'],
      ...records(field(object.value, 'spec', 'volumeClaimTemplates')).map((_, i): ObjectPath => ['spec', 'volumeClaimTemplates', i, 'metadata'])];
    return metas.flatMap((meta) => ['creationTimestamp', 'deletionTimestamp'].flatMap((key): RuleResult[] => {
      let value: unknown = object.value;
      for (const segment of [...meta, key]) value = typeof segment === 'number' ? (Array.isArray(value) ? value[segment] : undefined) : field(value, segment);
      return typeof value === 'string' && !rfc3339.test(value)
        ? [{ path: [...meta, key], message: t('timestamp-invalid.message', { refused: refusedOnCreate(), v: value.length > 40 ? `${value.slice(0, 40)}…` : value }) }]
        : [];
    }));
  },
};
