import { headlessServiceText } from '../fixes/headlessService';
import { setAt } from '../fixes/objectEdits';
import { governingService } from './governingService';
import type { KubeObject } from '../model';
import { operatorOwnerOf } from './operatorOwner';
import { otherHeadlessService, perPodNames } from './otherHeadlessService';
import { field } from './read';
import type { Fix, Rule } from './types';

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
        message: `Service "${name}" is not in the workspace: this StatefulSet is run by ${owner}, which creates its Service at runtime.`,
      }];
    }
    const other = otherHeadlessService(context, namespace, name);
    const pod = firstPod(context.object);
    return [{
      path: ['spec', 'serviceName'],
      message: `No Service "${name}" in namespace "${namespace}" in this file or the workspace. Pods are still created, but ${perPodNames(pod, name, namespace)}. `
        + (other
          ? `The headless Service "${other.name}" selects these pods: point serviceName at it (serviceName is immutable: the StatefulSet must be recreated), or create "${name}".`
          : `Create a headless Service (clusterIP: None) named "${name}" that selects the pods.`),
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
      if (edits) fixes.push({ title: `Point serviceName at the headless Service "${other}" (immutable: recreate the StatefulSet in the cluster)`, edits });
    }
    const separator = text.endsWith('\n') ? '' : '\n';
    const service = headlessServiceText(object, name);
    fixes.push({ title: `Create the headless Service "${name}" in this file`, preferred: other === undefined, edits: [{ start: text.length, end: text.length, newText: `${separator}---\n${service}` }] });
    if (!uri.startsWith('file:')) return fixes;
    const beside = new URL(`${name}-service.yaml`, uri).href;
    return [...fixes, { title: `Create the headless Service "${name}" in a new file, ${name}-service.yaml`, uri: beside, create: true, edits: [{ start: 0, end: 0, newText: service }] }];
  },
};
