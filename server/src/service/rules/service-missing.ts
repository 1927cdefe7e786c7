import { headlessServiceText } from '../fixes/headlessService';
import { governingService } from './governingService';
import type { Rule } from './types';

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
      message: `No Service "${governing.name}" in namespace "${governing.namespace}" in this file or the workspace. Pods are still created, but their DNS names (${governing.name}.${governing.namespace}.svc…) will not resolve until you create a headless Service (clusterIP: None) with that name.`,
      data: { serviceName: governing.name, namespace: governing.namespace },
    }];
  },
  fix: ({ object, text, data }) => {
    const name = data?.serviceName;
    if (typeof name !== 'string') return [];
    const separator = text.endsWith('\n') ? '' : '\n';
    const newText = `${separator}---\n${headlessServiceText(object, name)}`;
    return [{ title: `Create the headless Service "${name}" in this file`, preferred: true, edits: [{ start: text.length, end: text.length, newText }] }];
  },
};
