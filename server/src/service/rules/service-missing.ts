import { headlessServiceText } from '../fixes/headlessService';
import { governingService } from './governingService';
import type { KubeObject } from '../model';
import { field } from './read';
import type { Fix, Rule } from './types';

/** The first pod's name, as a pod's DNS name starts (not the Service's own name). */
function firstPod(object: KubeObject): string {
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
    return [{
      path: ['spec', 'serviceName'],
      message: `No Service "${governing.name}" in namespace "${governing.namespace}" in this file or the workspace. Pods are still created, but their DNS names (${firstPod(context.object)}.${governing.name}.${governing.namespace}.svc…) will not resolve until you create a headless Service (clusterIP: None) with that name.`,
      data: { serviceName: governing.name, namespace: governing.namespace },
    }];
  },
  fix: ({ uri, object, text, data }) => {
    const name = data?.serviceName;
    if (typeof name !== 'string') return [];
    const separator = text.endsWith('\n') ? '' : '\n';
    const service = headlessServiceText(object, name);
    const here: Fix = { title: `Create the headless Service "${name}" in this file`, preferred: true, edits: [{ start: text.length, end: text.length, newText: `${separator}---\n${service}` }] };
    if (!uri.startsWith('file:')) return [here];
    const beside = new URL(`${name}-service.yaml`, uri).href;
    return [here, { title: `Create the headless Service "${name}" in a new file, ${name}-service.yaml`, uri: beside, create: true, edits: [{ start: 0, end: 0, newText: service }] }];
  },
};
