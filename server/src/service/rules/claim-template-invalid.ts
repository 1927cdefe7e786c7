import { setAt } from '../fixes/objectEdits';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

/** Each volumeClaimTemplate needs a name, access modes and a storage request (validated on create since 1.34). */
export const claimTemplateInvalid: Rule = {
  id: 'claim-template-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) => {
    if (!isStatefulSet(object) || fragment) return [];
    const templates = field(object.value, 'spec', 'volumeClaimTemplates');
    if (!Array.isArray(templates)) return [];
    return templates.map((item: unknown) => item ?? {}).flatMap((template, i): RuleResult[] => { // a null template decodes as {}
      if (!isRecord(template)) return [];
      const base = ['spec', 'volumeClaimTemplates', i];
      const name = field(template, 'metadata', 'name');
      const label = typeof name === 'string' ? `"${name}"` : `#${i + 1}`; // a name or a number: the same in every language
      const missing: RuleResult[] = [];
      if (typeof name !== 'string' || name === '') {
        missing.push({ path: [...base, 'metadata'], target: 'key', message: t('claim-template-invalid.noName', { label }), data: { missing: 'name', index: i } });
      }
      const modes = field(template, 'spec', 'accessModes');
      if (!Array.isArray(modes) || modes.length === 0) {
        missing.push({ path: [...base, 'spec'], target: 'key', message: t('claim-template-invalid.noAccessModes', { label }), data: { missing: 'accessModes', index: i } });
      }
      if ((field(template, 'spec', 'resources', 'requests', 'storage') ?? null) === null) {
        missing.push({ path: [...base, 'spec'], target: 'key', message: t('claim-template-invalid.noStorage', { label }), data: { missing: 'storage', index: i } });
      }
      return missing;
    });
  },
  fix: (context) => {
    const missing = context.data?.missing;
    const index = context.data?.index;
    if (typeof index !== 'number') return [];
    const base = ['spec', 'volumeClaimTemplates', index, 'spec'];
    const edits = missing === 'accessModes' ? setAt(context, [...base, 'accessModes'], ['ReadWriteOnce'])
      : missing === 'storage' ? setAt(context, [...base, 'resources', 'requests', 'storage'], '1Gi') : undefined;
    const title = missing === 'accessModes' ? t('claim-template-invalid.fix.accessModes') : t('claim-template-invalid.fix.storage');
    return edits ? [{ title, preferred: true, edits }] : [];
  },
};
