import { setAt } from '../fixes/objectEdits';
import { serviceFix } from '../fixes/serviceFix';
import { governingService } from './governingService';
import { field } from './read';
import type { Rule } from './types';

/** Per-pod DNS records are only specified for headless Services. */
export const serviceNotHeadless: Rule = {
  id: 'service-not-headless',
  severity: 'warning',
  scope: 'workspace',
  check: (context) => {
    const service = governingService(context)?.service;
    if (!service || service.headless) return [];
    return [{
      path: ['spec', 'serviceName'],
      message: `Service "${service.name}" is not headless (no clusterIP: None): Kubernetes DNS only guarantees per-pod names such as <pod>.${service.name} for a headless Service. Set clusterIP: None (clusterIP is immutable: the Service must be recreated).`,
      data: { uri: service.uri, ordinal: service.ordinal },
    }];
  },
  fix: (context) => serviceFix(
    context,
    (name) => `Make Service "${name}" headless (clusterIP: None; immutable: recreate the Service in the cluster)`,
    (service) => {
      // NodePort and LoadBalancer Services cannot be headless: the API server refuses clusterIP None for them.
      const type = field(service.object.value, 'spec', 'type');
      return type === 'NodePort' || type === 'LoadBalancer' ? undefined : setAt(service, ['spec', 'clusterIP'], 'None');
    },
  ),
};
