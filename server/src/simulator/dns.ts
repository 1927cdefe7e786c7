import { asObject, dig, nonEmptyString, readLabels } from './readFields';
import type { StatefulSetSettings } from './readStatefulSet';
import type { DnsCheck } from './types';

/**
 * Whether `<pod>.<service>.<ns>.svc.<domain>` resolves in the cluster. Per-pod records are only
 * promised for a headless Service in the pod's namespace whose selector picks the pods
 * (kubernetes/dns docs/specification.md §2.4). The controller never checks any of this: pods
 * are created either way and only their own /etc/hosts knows the name.
 */
export function checkDns(settings: StatefulSetSettings, service: unknown): DnsCheck {
  const serviceName = settings.serviceName;
  if (serviceName === undefined) {
    return { resolves: false, reason: 'spec.serviceName is empty: pods get a hostname but no DNS name' };
  }
  const serviceNamespace = nonEmptyString(dig(service, 'metadata', 'namespace'));
  if (asObject(service) === undefined || (serviceNamespace !== undefined && serviceNamespace !== settings.namespace)) {
    return {
      resolves: false,
      reason: `Service "${serviceName}" not found in namespace "${settings.namespace}": pods are still created, but their names do not resolve`,
    };
  }
  const clusterIP = dig(service, 'spec', 'clusterIP');
  if (clusterIP !== 'None') {
    const shown = typeof clusterIP === 'string' && clusterIP !== '' ? `"${clusterIP}"` : 'not set';
    return {
      resolves: false,
      reason: `Service "${serviceName}" is not headless (clusterIP is ${shown}, not "None"): per-pod DNS records are only guaranteed for headless Services`,
    };
  }
  const selector = readLabels(dig(service, 'spec', 'selector'));
  const entries = Object.entries(selector);
  if (entries.length === 0) {
    return { resolves: false, reason: `Service "${serviceName}" has no selector, so it has no endpoints for these pods` };
  }
  const missing = entries.filter(([key, value]) => settings.templateLabels[key] !== value);
  if (missing.length > 0) {
    const shown = missing.map(([key, value]) => `${key}=${value}`).join(', ');
    return {
      resolves: false,
      reason: `Service "${serviceName}" selector does not select the pod template labels (no ${shown}), so it has no endpoints for these pods`,
    };
  }
  return { resolves: true };
}
