import { asObject, dig, nonEmptyString, readLabels } from './readFields';
import type { StatefulSetSettings } from './readStatefulSet';
import type { DnsCheck } from './types';
import { t } from '../messages';

/**
 * Whether `<pod>.<service>.<ns>.svc.<domain>` resolves in the cluster. Per-pod records are only
 * promised for a headless Service in the pod's namespace whose selector picks the pods
 * (kubernetes/dns docs/specification.md §2.4). The controller never checks any of this: pods
 * are created either way and only their own /etc/hosts knows the name.
 */
export function checkDns(settings: StatefulSetSettings, service: unknown): DnsCheck {
  const serviceName = settings.serviceName;
  if (serviceName === undefined) {
    return { resolves: false, reason: t('sim.dns.noServiceName') };
  }
  const serviceNamespace = nonEmptyString(dig(service, 'metadata', 'namespace'));
  if (asObject(service) === undefined || (serviceNamespace !== undefined && serviceNamespace !== settings.namespace)) {
    return {
      resolves: false,
      reason: t('sim.dns.notFound', { serviceName, namespace: settings.namespace }),
    };
  }
  const clusterIP = dig(service, 'spec', 'clusterIP');
  if (clusterIP !== 'None') {
    // Not set is a sentence of its own: Chinese words it differently ('未设置 clusterIP', not 'clusterIP 为 未设置').
    return {
      resolves: false,
      reason: typeof clusterIP === 'string' && clusterIP !== '' ? t('sim.dns.notHeadless', { serviceName, shown: `"${clusterIP}"` }) : t('sim.dns.notHeadlessUnset', { serviceName }),
    };
  }
  const selector = readLabels(dig(service, 'spec', 'selector'));
  const entries = Object.entries(selector);
  if (entries.length === 0) {
    return { resolves: false, reason: t('sim.dns.noSelector', { serviceName }) };
  }
  const missing = entries.filter(([key, value]) => settings.templateLabels[key] !== value);
  if (missing.length > 0) {
    const shown = missing.map(([key, value]) => `${key}=${value}`).join(', ');
    return {
      resolves: false,
      reason: t('sim.dns.selectorMismatch', { serviceName, shown }),
    };
  }
  return { resolves: true };
}
