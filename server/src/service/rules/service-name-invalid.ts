import { setAt } from '../fixes/objectEdits';
import { toDnsLabel } from '../fixes/toDnsLabel';
import { dnsLabel, field, isStatefulSet } from './read';
import type { Rule } from './types';
import { atLeast, versionFacts } from '../versions/kubernetesVersions';
import { targetVersion } from '../versions/gates';
import { t } from '../../messages';

/** serviceName becomes each pod's subdomain, so it must be a DNS-1123 label (checked on create since 1.33). */
export const serviceNameInvalid: Rule = {
  id: 'service-name-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object, settings }) => {
    const name = field(object.value, 'spec', 'serviceName');
    if (!isStatefulSet(object) || typeof name !== 'string' || name === '') return [];
    if (name.length <= 63 && dnsLabel.test(name)) return [];
    return [{
      path: ['spec', 'serviceName'],
      message: t('service-name-invalid.message', { name, v: refusal(targetVersion(settings)) }),
    }];
  },
  fix: (context) => {
    const name = toDnsLabel(field(context.object.value, 'spec', 'serviceName'));
    const edits = name ? setAt(context, ['spec', 'serviceName'], name) : undefined;
    return edits && name ? [{ title: t('service-name-invalid.fix', { name }), edits }] : [];
  },
};

/** Kubernetes checks serviceName on create since 1.33; before, the StatefulSet is stored and its pods are refused. */
function refusal(version: Parameters<typeof atLeast>[0]): string {
  return atLeast(version, versionFacts.serviceNameDnsLabel.since)
    ? t('service-name-invalid.rejected')
    : t('service-name-invalid.failedCreate', { version });
}
