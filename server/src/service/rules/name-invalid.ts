import { setAt } from '../fixes/objectEdits';
import { toDnsLabel } from '../fixes/toDnsLabel';
import { dnsLabel, field, isStatefulSet } from './read';
import type { Rule } from './types';

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
        : [{ path: ['metadata'], target: 'key', message: 'metadata.name is required: the API server rejects a StatefulSet without a name.' }];
    }
    if (typeof name !== 'string') return [];
    if (name.length > 63) {
      return [{ path: ['metadata', 'name'], message: `StatefulSet name is ${name.length} characters; the API server accepts at most 63 (a DNS-1123 label). Shorten it.` }];
    }
    return dnsLabel.test(name)
      ? []
      : [{ path: ['metadata', 'name'], message: `"${name}" is not a valid StatefulSet name: use lower-case letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).` }];
  },
  fix: (context) => {
    const name = toDnsLabel(field(context.object.value, 'metadata', 'name'));
    const edits = name ? setAt(context, ['metadata', 'name'], name) : undefined;
    return edits && name ? [{ title: `Rename to "${name}"`, edits }] : [];
  },
};
