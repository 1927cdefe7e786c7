import { parseQuantity, podTemplateRefused } from './k8sSyntax';
import type { ObjectPath } from '../model';
import { containerName, podSpecPath, templateContainers } from './podTemplate';
import { field, isRecord, isStatefulSet } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const standard = /^(cpu|memory|ephemeral-storage|hugepages-.+)$/;

/** Extended resources (a domain prefix, not kubernetes.io's own) cannot be overcommitted. */
function isExtended(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

/**
 * Container resources (and the pod's overhead) the API server refuses: a quantity that does
 * not parse or is negative, a resource name that is neither standard nor domain-qualified, a
 * request above its limit, and extended resources (example.com/gpu) that are fractional, lack
 * a limit or request other than their limit.
 */
export const resourcesInvalid: Rule = {
  id: 'resources-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    // The pod's overhead is validated as a container's limits (validateOverhead).
    const overhead = field(object.value, 'spec', 'template', 'spec', 'overhead');
    const overheadProblems: RuleResult[] = [];
    if (isRecord(overhead)) {
      for (const [name, given] of Object.entries(overhead)) checkAmount([...podSpecPath, 'overhead', name], 'overhead', name, given, overheadProblems);
    }
    return overheadProblems.concat(templateContainers(object.value).flatMap((c) => {
      const resources = c.container.resources;
      if (!isRecord(resources)) return [];
      const out: RuleResult[] = [];
      const at = [...c.path, 'resources'];
      const amounts: Record<'requests' | 'limits', Map<string, number>> = { requests: new Map(), limits: new Map() };
      for (const kind of ['requests', 'limits'] as const) {
        const map = resources[kind];
        if (!isRecord(map)) continue;
        for (const [name, given] of Object.entries(map)) {
          const amount = checkAmount([...at, kind, name], kind, name, given, out);
          if (amount !== undefined) amounts[kind].set(name, amount);
        }
      }
      for (const [name, request] of amounts.requests) {
        const limit = amounts.limits.get(name);
        if (limit !== undefined && request > limit) {
          out.push({ path: [...at, 'requests', name], message: t('resources-invalid.requestOverLimit', { refused: podTemplateRefused(), container: containerName(c), name }) });
        } else if (isExtended(name) && limit === undefined) {
          out.push({ path: [...at, 'requests', name], message: t('resources-invalid.extendedOvercommit', { refused: podTemplateRefused(), name }) });
        } else if (isExtended(name) && limit !== undefined && limit !== request) {
          out.push({ path: [...at, 'requests', name], message: t('resources-invalid.extendedEqual', { refused: podTemplateRefused(), name }) });
        }
      }
      return out;
    }));
  },
};

/** One quantity of a resource list: its name and its amount; the amount when it is one. */
function checkAmount(path: ObjectPath, kind: string, name: string, given: unknown, out: RuleResult[]): number | undefined {
  const raw = given ?? 0; // a null quantity decodes as zero
  if (!standard.test(name) && !name.includes('/')) {
    out.push({ path, target: 'key', message: t('resources-invalid.unknownResource', { refused: podTemplateRefused(), name }) });
    return undefined;
  }
  const amount = parseQuantity(raw);
  if (amount === undefined) {
    if (typeof raw === 'string') out.push({ path, message: t('resources-invalid.quantity', { refused: podTemplateRefused(), raw }) });
    return undefined;
  }
  if (amount < 0) out.push({ path, message: t('resources-invalid.negative', { refused: podTemplateRefused(), kind, name, raw: String(raw) }) });
  else if (isExtended(name) && !Number.isInteger(amount)) out.push({ path, message: t('resources-invalid.wholeNumber', { refused: podTemplateRefused(), name, raw: String(raw) }) });
  return amount;
}
