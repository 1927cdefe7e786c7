import { setAt } from '../fixes/objectEdits';
import { insertIntoSequence } from '../fixes/sequenceEdits';
import { nodeAt } from '../fixes/yamlText';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const containerGroups = ['initContainers', 'containers'] as const;

/** Every volumeMount must name a pod volume or a volumeClaimTemplate. */
export const volumeMountUnknown: Rule = {
  id: 'volume-mount-unknown',
  severity: 'error',
  scope: 'document',
  check: ({ object, fragment }) => {
    if (!isStatefulSet(object) || fragment) return [];
    const podSpec = field(object.value, 'spec', 'template', 'spec');
    const claims = records(field(object.value, 'spec', 'volumeClaimTemplates')).map((c) => field(c, 'metadata', 'name'));
    const volumes = records(field(podSpec, 'volumes')).map((v) => v.name);
    const known = new Set([...claims, ...volumes].filter((n): n is string => typeof n === 'string'));
    return containerGroups.flatMap((group) =>
      (Array.isArray(field(podSpec, group)) ? (field(podSpec, group) as unknown[]) : []).flatMap((container, c) =>
        records(field(container, 'volumeMounts')).flatMap((mount, m): RuleResult[] => {
          const name = mount.name;
          if (typeof name !== 'string' || known.has(name)) return [];
          const containerName = isRecord(container) && typeof container.name === 'string' ? container.name : `#${c + 1}`;
          return [{
            path: ['spec', 'template', 'spec', group, c, 'volumeMounts', m, 'name'],
            message: `Container "${containerName}" mounts "${name}", which is neither a volume of the pod nor a volumeClaimTemplate. The API server rejects this: add a volumeClaimTemplate or volume named "${name}", or fix the name${known.size ? ` (known: ${[...known].join(', ')})` : ''}.`,
            data: { name },
          }];
        })));
  },
  fix: (context) => {
    const name = context.data?.name;
    if (typeof name !== 'string') return [];
    const template = { metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const existing = nodeAt(context.object.node, ['spec', 'volumeClaimTemplates']);
    const edits = existing ? insertIntoSequence(context.text, existing, template) : setAt(context, ['spec', 'volumeClaimTemplates'], [template]);
    return edits ? [{ title: `Add a volumeClaimTemplate "${name}" (ReadWriteOnce, 1Gi)`, edits }] : [];
  },
};
