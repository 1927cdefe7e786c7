import { setAt } from '../fixes/objectEdits';
import { toDnsLabel } from '../fixes/toDnsLabel';
import { dnsLabel, field, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

/** metadata.name must be a DNS-1123 label: it becomes every pod's hostname. */
export const nameInvalid: Rule = {
  id: 'name-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) => {
    if (!isStatefulSet(object)) return [];
    const name = field(object.value, 'metadata', 'name');
    if (name === undefined || name === null) {
      return fragment || field(object.value, 'metadata', 'generateName')
        ? []
        : [{ path: ['metadata'], target: 'key', message: t('name-invalid.required') }];
    }
    if (typeof name !== 'string') return [];
    if (name.length > 63) {
      return [{ path: ['metadata', 'name'], message: t('name-invalid.tooLong', { v: name.length }) }];
    }
    return dnsLabel.test(name)
      ? []
      : [{ path: ['metadata', 'name'], message: t('name-invalid.invalid', { name }) }];
  },
  fix: (context) => {
    const name = toDnsLabel(field(context.object.value, 'metadata', 'name'));
    const edits = name ? setAt(context, ['metadata', 'name'], name) : undefined;
    return edits && name ? [{ title: t('name-invalid.fix', { name }), edits }] : [];
  },
};
