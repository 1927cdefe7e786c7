import { parseLabelSelector, unmetRequirements } from '../labels/labelSelector';
import type { ServiceInfo } from '../workspace/serviceLookup';
import { field, labelMap } from './read';
import type { RuleContext } from './types';
import { t } from '../../messages';

/**
 * Another headless Service of the StatefulSet's namespace that selects its pods: what serviceName
 * should probably name when the Service it names is missing or has a cluster IP (many charts
 * define a headless `<name>-headless` beside a ClusterIP `<name>`, and point serviceName at the
 * wrong one). The first by name, so that the answer does not depend on file order.
 */
export function otherHeadlessService(context: RuleContext, namespace: string, serviceName: string): ServiceInfo | undefined {
  const labels = labelMap(field(context.object.value, 'spec', 'template', 'metadata', 'labels'));
  if (Object.keys(labels).length === 0) return undefined;
  return (context.services.inNamespace?.(namespace) ?? []).find((s) =>
    s.name !== serviceName && s.headless && s.selector !== undefined && Object.keys(s.selector).length > 0
    && unmetRequirements(parseLabelSelector({ matchLabels: s.selector }), labels).length === 0);
}

/** The text that says what breaks without per-pod DNS names. */
export function perPodNames(pod: string, service: string, namespace: string): string {
  return t('service-missing.perPodNames', { pod, service, namespace });
}
