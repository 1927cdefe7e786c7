import { removeAt, setAt } from '../fixes/objectEdits';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

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
        message: t('storage-class-annotation.message', { key, v: key.includes('alpha') ? t('storage-class-annotation.andIgnored') : '' }),
        data: { index: i, annotation: key, value: present[key] ?? null },
      }));
    });
  },
  fix: (context) => {
    const { index, annotation, value } = context.data ?? {};
    if (typeof index !== 'number' || typeof annotation !== 'string') return [];
    const base = ['spec', 'volumeClaimTemplates', index];
    const template = records(field(context.object.value, 'spec', 'volumeClaimTemplates'))[index];
    const present = field(template, 'metadata', 'annotations');
    const onlyOne = isRecord(present) && Object.keys(present).length === 1;
    const remove = removeAt(context, [...base, 'metadata', 'annotations', ...(onlyOne ? [] : [annotation])]) ?? [];
    if (remove.length === 0) return [];
    // The alpha annotation has been ignored for years: its value is not the class in effect, so it is only removed.
    if (annotation.includes('alpha')) return [{ title: t('storage-class-annotation.fix.removeAlpha'), preferred: true, edits: remove }];
    // The beta annotation wins over storageClassName, so its value is the class in effect: keep it.
    if (typeof value !== 'string' || field(template, 'spec', 'storageClassName') === value) {
      return [{ title: t('storage-class-annotation.fix.remove'), preferred: true, edits: remove }];
    }
    const set = setAt(context, [...base, 'spec', 'storageClassName'], value) ?? [];
    return set.length > 0 ? [{ title: t('storage-class-annotation.fix.move'), preferred: true, edits: [...remove, ...set] }] : [];
  },
};
