import { setAt } from '../fixes/objectEdits';
import { toDnsLabel } from '../fixes/toDnsLabel';
import { dnsLabel, field, isStatefulSet } from './read';
import type { Rule } from './types';

/** serviceName becomes each pod's subdomain, so it must be a DNS-1123 label (checked on create since 1.33). */
export const serviceNameInvalid: Rule = {
  id: 'service-name-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    const name = field(object.value, 'spec', 'serviceName');
    if (!isStatefulSet(object) || typeof name !== 'string' || name === '') return [];
    if (name.length <= 63 && dnsLabel.test(name)) return [];
    return [{
      path: ['spec', 'serviceName'],
      message: `serviceName "${name}" is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters): it becomes the pods' DNS subdomain, and the API server rejects it.`,
    }];
  },
  fix: (context) => {
    const name = toDnsLabel(field(context.object.value, 'spec', 'serviceName'));
    const edits = name ? setAt(context, ['spec', 'serviceName'], name) : undefined;
    return edits && name ? [{ title: `Change serviceName to "${name}"`, edits }] : [];
  },
};
