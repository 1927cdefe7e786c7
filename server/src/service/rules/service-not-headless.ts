import { setAt } from '../fixes/objectEdits';
import { serviceFix } from '../fixes/serviceFix';
import { governingService } from './governingService';
import { otherHeadlessService, perPodNames } from './otherHeadlessService';
import { field } from './read';
import { firstPod } from './service-missing';
import type { Fix, Rule } from './types';

/** Per-pod DNS records are only specified for headless Services. */
export const serviceNotHeadless: Rule = {
  id: 'service-not-headless',
  severity: 'warning',
  scope: 'workspace',
  check: (context) => {
    const governing = governingService(context);
    const service = governing?.service;
    if (!governing || !service || service.headless) return [];
    const other = otherHeadlessService(context, governing.namespace, service.name);
    return [{
      path: ['spec', 'serviceName'],
      message: `Service "${service.name}" is not headless (it has a cluster IP): DNS answers its name with one virtual IP, and ${perPodNames(firstPod(context.object), service.name, governing.namespace)}. `
        + (other
          ? `The headless Service "${other.name}" selects these pods: point serviceName at it (serviceName is immutable: the StatefulSet must be recreated).`
          : 'Set clusterIP: None (clusterIP is immutable: the Service must be recreated), or name a headless Service in serviceName.'),
      data: { uri: service.uri, ordinal: service.ordinal, ...(other ? { otherService: other.name } : {}) },
    }];
  },
  fix: (context) => {
    const fixes: Fix[] = [];
    const other = context.data?.otherService;
    if (typeof other === 'string') {
      const edits = setAt(context, ['spec', 'serviceName'], other);
      if (edits) fixes.push({ title: `Point serviceName at the headless Service "${other}" (immutable: recreate the StatefulSet in the cluster)`, edits });
    }
    return [...fixes, ...serviceFix(
      context,
      (name) => `Make Service "${name}" headless (clusterIP: None; immutable: recreate the Service in the cluster)`,
      (service) => {
        // NodePort and LoadBalancer Services cannot be headless: the API server refuses clusterIP None for them.
        const type = field(service.object.value, 'spec', 'type');
        return type === 'NodePort' || type === 'LoadBalancer' ? undefined : setAt(service, ['spec', 'clusterIP'], 'None');
      },
    )];
  },
};
