import { setAt } from '../fixes/objectEdits';
import { insertIntoSequence } from '../fixes/sequenceEdits';
import { nodeAt } from '../fixes/yamlText';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Fix, FixContext, Rule, RuleResult } from './types';
import { t } from '../../messages';

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
          const path = ['spec', 'template', 'spec', group, c, 'volumeMounts', m, 'name'];
          return [{
            path,
            message: t('volume-mount-unknown.message', { containerName, name, v: known.size ? t('volume-mount-unknown.known', { names: [...known].join(', ') }) : '' }),
            data: { name, path, known: [...known] },
          }];
        })));
  },
  fix: (context) => {
    const name = context.data?.name;
    if (typeof name !== 'string') return [];
    const rename = renameFix(context, name);
    const template = { metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const existing = nodeAt(context.object.node, ['spec', 'volumeClaimTemplates']);
    const edits = existing ? insertIntoSequence(context.text, existing, template) : setAt(context, ['spec', 'volumeClaimTemplates'], [template]);
    return [...rename, ...(edits ? [{ title: t('volume-mount-unknown.fix.addClaim', { name }), edits }] : [])];
  },
};

/** Edit distance (insert, delete, replace), for the name the user most likely meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * "Rename to <closest>": first, since a mount naming nothing is most often a typo. Preferred (so
 * fix-all takes it) only when one known name is clearly the closest: a small edit away, no tie.
 */
function renameFix(context: FixContext, name: string): Fix[] {
  const path = context.data?.path;
  const known = context.data?.known;
  if (!Array.isArray(path) || !Array.isArray(known)) return [];
  const ranked = known.filter((k): k is string => typeof k === 'string')
    .map((candidate) => ({ candidate, cost: distance(name, candidate) }))
    .sort((a, b) => a.cost - b.cost);
  const [best, second] = ranked;
  if (!best) return [];
  const edits = setAt(context, path as (string | number)[], best.candidate);
  const close = best.cost <= Math.max(2, Math.floor(name.length / 3)) && (second === undefined || second.cost > best.cost);
  return edits ? [{ title: t('volume-mount-unknown.fix.rename', { candidate: best.candidate }), ...(close ? { preferred: true } : {}), edits }] : [];
}
