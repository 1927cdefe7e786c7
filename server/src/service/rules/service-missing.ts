import { headlessServiceText } from '../fixes/headlessService';
import { setAt } from '../fixes/objectEdits';
import { governingService } from './governingService';
import type { KubeObject } from '../model';
import { operatorOwnerOf } from './operatorOwner';
import { otherHeadlessService, perPodNames } from './otherHeadlessService';
import { field } from './read';
import type { Fix, Rule } from './types';
import { t } from '../../messages';

/** The first pod's name, as a pod's DNS name starts (not the Service's own name). */
export function firstPod(object: KubeObject): string {
  const start = field(object.value, 'spec', 'ordinals', 'start');
  return `${object.name ?? '<name>'}-${typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0}`;
}

/** The headless Service that gives the pods their DNS names must exist in the same namespace. */
export const serviceMissing: Rule = {
  id: 'service-missing',
  severity: 'warning',
  scope: 'workspace',
  check: (context) => {
    const governing = governingService(context);
    if (!governing || governing.service) return [];
    const { name, namespace } = governing;
    const owner = operatorOwnerOf(context.object);
    if (owner) {
      // The operator wrote this object and creates its Service at runtime: nothing is missing.
      return [{
        path: ['spec', 'serviceName'],
        severity: 'info',
        message: t('service-missing.operator', { name, owner }),
      }];
    }
    const other = otherHeadlessService(context, namespace, name);
    const pod = firstPod(context.object);
    return [{
      path: ['spec', 'serviceName'],
      message: t('service-missing.message', { name, namespace, names: perPodNames(pod, name, namespace) })
        + (other ? t('service-missing.other', { other: other.name, name }) : t('service-missing.create', { name })),
      data: { serviceName: name, namespace, ...(other ? { otherService: other.name } : {}) },
    }];
  },
  fix: (context) => {
    const { uri, object, text, data } = context;
    const name = data?.serviceName;
    if (typeof name !== 'string') return [];
    const fixes: Fix[] = [];
    const other = data?.otherService;
    if (typeof other === 'string') {
      const edits = setAt(context, ['spec', 'serviceName'], other);
      if (edits) fixes.push({ title: t('service-missing.fix.pointAt', { other }), edits });
    }
    const separator = text.endsWith('\n') ? '' : '\n';
    const service = headlessServiceText(object, name);
    fixes.push({ title: t('service-missing.fix.inFile', { name }), preferred: other === undefined, edits: [{ start: text.length, end: text.length, newText: `${separator}---\n${service}` }] });
    if (!uri.startsWith('file:')) return fixes;
    const beside = new URL(`${name}-service.yaml`, uri).href;
    return [...fixes, { title: t('service-missing.fix.newFile', { name }), uri: beside, create: true, edits: [{ start: 0, end: 0, newText: service }] }];
  },
};
