import { dnsLabel, isStatefulSet } from './read';
import type { Rule } from './types';
import { t } from '../../messages';

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
      message: t('name-too-long.message', { v: name.length }),
    }];
  },
};
