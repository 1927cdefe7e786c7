import { isMap } from 'yaml';
import { parseLabelSelector, unmetRequirements, describeRequirement, type LabelSelector } from '../labels/labelSelector';
import { columnOf, entryLines, flowText, lineEnd, lineStart, nodeAt } from '../fixes/yamlText';
import type { ObjectPath } from '../model';
import { field, isRecord, isStatefulSet, labelMap, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

/** A label selector of the pod template that places pods relative to other pods. */
interface PlacementTerm {
  path: ObjectPath;
  selector: unknown;
  kind: 'podAffinity' | 'podAntiAffinity' | 'topologySpreadConstraints';
  /** The term looks in other namespaces (namespaces, namespaceSelector): other pods are its point. */
  elsewhere: boolean;
}

function placementTerms(podSpec: unknown): PlacementTerm[] {
  const terms: PlacementTerm[] = [];
  const base: ObjectPath = ['spec', 'template', 'spec'];
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const affinity = field(podSpec, 'affinity', kind);
    records(field(affinity, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((term, i) => {
      terms.push({ path: [...base, 'affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution', i], selector: term.labelSelector, kind, elsewhere: term.namespaces !== undefined || term.namespaceSelector !== undefined });
    });
    records(field(affinity, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((weighted, i) => {
      const term = isRecord(weighted.podAffinityTerm) ? weighted.podAffinityTerm : {};
      terms.push({ path: [...base, 'affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'], selector: term.labelSelector, kind, elsewhere: term.namespaces !== undefined || term.namespaceSelector !== undefined });
    });
  }
  records(field(podSpec, 'topologySpreadConstraints')).forEach((constraint, i) => {
    terms.push({ path: [...base, 'topologySpreadConstraints', i], selector: constraint.labelSelector, kind: 'topologySpreadConstraints', elsewhere: false });
  });
  return terms;
}

/**
 * Whether an affinity term is meant for the set's own pods: it names one of their label keys
 * or values, or the set's name (`app In [zk]` for pods labelled `app.kubernetes.io/name: zk`).
 * Affinity to another application's pods (run beside the cache) is a choice, not a mistake.
 */
function aimsAtOwnPods(selector: LabelSelector, labels: Readonly<Record<string, string>>, name: string | undefined): boolean {
  if (!selector.valid) return false;
  const values = new Set([...Object.values(labels), ...(name ? [name] : [])]);
  return selector.requirements.some((r) => Object.hasOwn(labels, r.key) || r.values.some((v) => values.has(v)));
}

/** The labels that identify the set's pods: the template's labels under the selector's keys, or all of them. */
function ownPodLabels(value: unknown): Record<string, string> {
  const labels = labelMap(field(value, 'spec', 'template', 'metadata', 'labels'));
  const keys = Object.keys(labelMap(field(value, 'spec', 'selector', 'matchLabels'))).filter((key) => Object.hasOwn(labels, key));
  return keys.length > 0 ? Object.fromEntries(keys.map((key) => [key, labels[key]!])) : labels;
}

const what = {
  podAntiAffinity: 'affinity-selects-nothing.antiAffinity',
  podAffinity: 'affinity-selects-nothing.affinity',
  topologySpreadConstraints: 'affinity-selects-nothing.spread',
} as const satisfies Record<PlacementTerm['kind'], string>;

/** An affinity or spread term of the pod template that is meant for the set's own pods but selects none of them. */
export const affinitySelectsNothing: Rule = {
  id: 'affinity-selects-nothing',
  severity: 'warning',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const labels = labelMap(field(object.value, 'spec', 'template', 'metadata', 'labels'));
    if (Object.keys(labels).length === 0) return [];
    const results: RuleResult[] = [];
    for (const term of placementTerms(field(object.value, 'spec', 'template', 'spec'))) {
      if (term.elsewhere || !isRecord(term.selector)) continue;
      const selector = parseLabelSelector(term.selector);
      if (!selector.valid || selector.empty) continue;
      const unmet = unmetRequirements(selector, labels);
      // A NotIn or DoesNotExist that leaves the own pods out is on purpose: zone-aware sets keep
      // away from their siblings (rollout-group=x, name notin (x-zone-a)).
      if (unmet.length === 0 || unmet.some((r) => r.operator === 'NotIn' || r.operator === 'DoesNotExist')) continue;
      if (term.kind !== 'topologySpreadConstraints' && !aimsAtOwnPods(selector, labels, object.name)) continue;
      results.push({
        path: [...term.path, 'labelSelector'],
        target: 'key',
        message: t('affinity-selects-nothing.message', { unmet: unmet.map(describeRequirement).join(', '), what: t(what[term.kind]) }),
        data: { selectorPath: [...term.path, 'labelSelector'] },
      });
    }
    return results;
  },
  fix: ({ object, text, data }) => {
    const path = data?.selectorPath;
    if (!Array.isArray(path)) return [];
    const node = nodeAt(object.node, path as ObjectPath);
    const labels = ownPodLabels(object.value);
    if (!isMap(node) || !node.range || Object.keys(labels).length === 0) return [];
    const title = t('affinity-selects-nothing.fix', { labels: Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ') });
    if (node.flow) return [{ title, edits: [{ start: node.range[0], end: node.range[1], newText: `{ matchLabels: ${flowText(labels)} }` }] }];
    const start = lineStart(text, node.range[0]);
    const end = lineEnd(text, Math.max(node.range[1] - 1, node.range[0]));
    return [{ title, edits: [{ start, end, newText: entryLines({ matchLabels: labels }, columnOf(text, node.range[0]), 2) }] }];
  },
};
