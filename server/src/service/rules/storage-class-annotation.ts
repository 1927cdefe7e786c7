import { removeAt, setAt } from '../fixes/objectEdits';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const annotations = ['volume.beta.kubernetes.io/storage-class', 'volume.alpha.kubernetes.io/storage-class'];

/** The storage-class annotations are deprecated; storageClassName is the field Kubernetes reads. */
export const storageClassAnnotation: Rule = {
  id: 'storage-class-annotation',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return records(field(object.value, 'spec', 'volumeClaimTemplates')).flatMap((template, i): RuleResult[] => {
      const present = field(template, 'metadata', 'annotations');
      if (!isRecord(present)) return [];
      return annotations.filter((key) => Object.hasOwn(present, key)).map((key) => ({
        path: ['spec', 'volumeClaimTemplates', i, 'metadata', 'annotations', key],
        target: 'key' as const,
        message: `The ${key} annotation is deprecated${key.includes('alpha') ? ' and ignored' : ''}: set spec.storageClassName on the claim template instead.`,
        data: { index: i, annotation: key, value: present[key] ?? null },
      }));
    });
  },
  fix: (context) => {
    const { index, annotation, value } = context.data ?? {};
    if (typeof index !== 'number' || typeof annotation !== 'string') return [];
    const base = ['spec', 'volumeClaimTemplates', index];
    const hasField = field(records(field(context.object.value, 'spec', 'volumeClaimTemplates'))[index], 'spec', 'storageClassName') !== undefined;
    const present = field(records(field(context.object.value, 'spec', 'volumeClaimTemplates'))[index], 'metadata', 'annotations');
    const onlyOne = isRecord(present) && Object.keys(present).length === 1;
    const remove = removeAt(context, [...base, 'metadata', 'annotations', ...(onlyOne ? [] : [annotation])]) ?? [];
    const set = hasField || typeof value !== 'string' ? [] : (setAt(context, [...base, 'spec', 'storageClassName'], value) ?? []);
    return remove.length > 0 ? [{ title: `Move the storage class to spec.storageClassName`, preferred: true, edits: [...remove, ...set] }] : [];
  },
};
