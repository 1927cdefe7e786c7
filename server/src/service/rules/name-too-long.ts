import { dnsLabel, isStatefulSet } from './read';
import type { Rule } from './types';

/** `controller-revision-hash=<name>-<hash>` must fit a 63-character label value. */
export const nameTooLong: Rule = {
  id: 'name-too-long',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) => {
    const name = object.name;
    if (!isStatefulSet(object) || !name || name.length <= 52 || name.length > 63 || !dnsLabel.test(name)) return [];
    return [{
      path: ['metadata', 'name'],
      message: `StatefulSet name is ${name.length} characters: the controller-revision-hash label (name + '-' + a 10-digit hash) exceeds 63 characters on most revisions, and pods then fail to be created. Keep it to 52 characters or fewer.`,
    }];
  },
};
