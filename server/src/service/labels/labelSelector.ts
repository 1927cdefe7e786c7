import { isRecord, labelMap, records } from '../rules/read';
import { t } from '../../messages';

/** One requirement of a selector, as Kubernetes evaluates it. */
interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

/** A parsed `metav1.LabelSelector`, or why the API server would refuse to convert it. */
export type LabelSelector =
  | { valid: true; requirements: Requirement[]; empty: boolean }
  | { valid: false; reason: string; index: number };

/** Reads `matchLabels` and `matchExpressions` (operators In, NotIn, Exists, DoesNotExist). */
export function parseLabelSelector(selector: unknown): LabelSelector {
  if (!isRecord(selector)) return { valid: true, requirements: [], empty: true };
  const requirements: Requirement[] = Object.entries(labelMap(selector.matchLabels))
    .map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  const expressions = records(selector.matchExpressions);
  for (const [index, expression] of expressions.entries()) {
    const key = typeof expression.key === 'string' ? expression.key : '';
    const operator = typeof expression.operator === 'string' ? expression.operator : '';
    const values = Array.isArray(expression.values) ? expression.values.map((v) => String(v)) : [];
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) return { valid: false, reason: t('labels.needsValue', { operator }), index };
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) return { valid: false, reason: t('labels.noValues', { operator }), index };
    } else {
      return { valid: false, reason: t('labels.unknownOperator', { operator }), index };
    }
    requirements.push({ key, operator, values });
  }
  return { valid: true, requirements, empty: requirements.length === 0 };
}

function satisfies(requirement: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'In': return has && requirement.values.includes(value ?? '');
    case 'NotIn': return !has || !requirement.values.includes(value ?? '');
    case 'Exists': return has;
    default: return !has;
  }
}

/** The requirements that `labels` fail; empty when the selector selects them. */
export function unmetRequirements(selector: LabelSelector, labels: Readonly<Record<string, string>>): Requirement[] {
  return selector.valid ? selector.requirements.filter((r) => !satisfies(r, labels)) : [];
}

/** Human text of a requirement, e.g. `app=web`, `tier in (a, b)`, `!canary`. */
export function describeRequirement(requirement: Requirement): string {
  const { key, operator, values } = requirement;
  if (operator === 'In') return values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(', ')})`;
  if (operator === 'NotIn') return `${key} notin (${values.join(', ')})`;
  return operator === 'Exists' ? key : `!${key}`;
}
