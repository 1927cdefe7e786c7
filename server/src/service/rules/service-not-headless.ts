import { setAt } from '../fixes/objectEdits';
import { serviceFix } from '../fixes/serviceFix';
import { governingService } from './governingService';
import { otherHeadlessService, perPodNames } from './otherHeadlessService';
import { field } from './read';
import { firstPod } from './service-missing';
import type { Fix, Rule } from './types';
import { t } from '../../messages';

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
      message: t('service-not-headless.message', { name: service.name, v: perPodNames(firstPod(context.object), service.name, governing.namespace) })
        + (other
          ? t('service-not-headless.other', { name: other.name })
          : t('service-not-headless.setNone')),
      data: { uri: service.uri, ordinal: service.ordinal, ...(other ? { otherService: other.name } : {}) },
    }];
  },
  fix: (context) => {
    const fixes: Fix[] = [];
    const other = context.data?.otherService;
    if (typeof other === 'string') {
      const edits = setAt(context, ['spec', 'serviceName'], other);
      if (edits) fixes.push({ title: t('service-not-headless.fix.pointAt', { other }), edits });
    }
    return [...fixes, ...serviceFix(
      context,
      (name) => t('service-not-headless.fix.headless', { name }),
      (service) => {
        // NodePort and LoadBalancer Services cannot be headless: the API server refuses clusterIP None for them.
        const type = field(service.object.value, 'spec', 'type');
        return type === 'NodePort' || type === 'LoadBalancer' ? undefined : setAt(service, ['spec', 'clusterIP'], 'None');
      },
    )];
  },
};
