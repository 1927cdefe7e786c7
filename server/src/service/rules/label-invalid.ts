import type { ObjectPath } from '../model';
import { labelValueProblem, podTemplateRefused, qualifiedNameProblem, refusedOnCreate } from './k8sSyntax';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const annotationLimit = 256 * 1024;

const kindWords = { 'label': 'label-invalid.kind.label', 'annotation': 'label-invalid.kind.annotation', 'selector': 'label-invalid.kind.selector', 'node selector': 'label-invalid.kind.nodeSelector' } as const;

/** Keys (and, for labels, values) of one map (also used for the selectors of pod-spec-invalid); `who` says who refuses and when. */
export function checkMap(value: unknown, path: ObjectPath, kind: 'label' | 'annotation' | 'selector' | 'node selector', who: string): RuleResult[] {
  if (!isRecord(value)) return [];
  const out: RuleResult[] = [];
  let size = 0;
  for (const [key, item] of Object.entries(value)) {
    size += key.length + (typeof item === 'string' ? item.length : 0);
    const keyProblem = qualifiedNameProblem(kind === 'annotation' ? key.toLowerCase() : key);
    if (keyProblem) out.push({ path: [...path, key], target: 'key', message: t('label-invalid.key', { who, kind: t(kindWords[kind]), key, keyProblem }) });
    if (kind === 'annotation' || typeof item !== 'string') continue;
    const valueProblem = labelValueProblem(item);
    if (valueProblem) out.push({ path: [...path, key], message: t('label-invalid.value', { who, kind: t(kindWords[kind]), v: item.length > 70 ? `${item.slice(0, 60)}…` : item, key, valueProblem }) });
  }
  if (kind === 'annotation' && size > annotationLimit) {
    out.push({ path, target: 'key', message: t('label-invalid.annotationsSize', { who, size, annotationLimit }) });
  }
  return out;
}

const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function checkExpressions(value: unknown, path: ObjectPath, who: string): RuleResult[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((expression, i): RuleResult[] => {
    if (!isRecord(expression)) return [];
    const at = [...path, i];
    const out: RuleResult[] = [];
    const { key, operator, values } = expression;
    if (typeof key === 'string') {
      const problem = qualifiedNameProblem(key);
      if (problem) out.push({ path: [...at, 'key'], message: t('label-invalid.selectorKey', { who, key, problem }) });
    }
    const list = Array.isArray(values) ? values : [];
    if (typeof operator === 'string' && !operators.includes(operator)) {
      out.push({ path: [...at, 'operator'], message: t('label-invalid.selectorOperator', { who, operator, v: operators.join(', ') }) });
    } else if ((operator === 'In' || operator === 'NotIn') && list.length === 0) {
      out.push({ path: [...at, values === undefined ? 'operator' : 'values'], message: t('label-invalid.needsValue', { who, operator }) });
    } else if ((operator === 'Exists' || operator === 'DoesNotExist') && list.length > 0) {
      out.push({ path: [...at, 'values'], message: t('label-invalid.noValues', { who, operator }) });
    }
    list.forEach((item, j) => {
      const problem = typeof item === 'string' ? labelValueProblem(item) : undefined;
      if (problem) out.push({ path: [...at, 'values', j], message: t('label-invalid.selectorValue', { who, item: String(item), problem }) });
    });
    return out;
  });
}

/**
 * Claim templates' labels and annotations are not validated with the StatefulSet; the
 * controller copies them onto each PVC (the selector's matchLabels overriding the same keys)
 * and that creation is refused, so they matter only when there are pods.
 */
function claimTemplateLabels(v: unknown): RuleResult[] {
  const replicas = field(v, 'spec', 'replicas') ?? 1;
  if (typeof replicas !== 'number' || replicas < 1) return [];
  const who = t('label-invalid.claimRefused');
  const fromSelector = field(v, 'spec', 'selector', 'matchLabels');
  return records(field(v, 'spec', 'volumeClaimTemplates')).flatMap((claim, i) => {
    const labels = field(claim, 'metadata', 'labels');
    const own = isRecord(labels) ? Object.fromEntries(Object.entries(labels).filter(([key]) => !(isRecord(fromSelector) && key in fromSelector))) : labels;
    return [
      ...checkMap(own, ['spec', 'volumeClaimTemplates', i, 'metadata', 'labels'], 'label', who),
      ...checkMap(field(claim, 'metadata', 'annotations'), ['spec', 'volumeClaimTemplates', i, 'metadata', 'annotations'], 'annotation', who),
    ];
  });
}

/**
 * Label, annotation, selector and node selector keys and values that the API server refuses:
 * the StatefulSet's own, its selector's and its pod template's.
 */
export const labelInvalid: Rule = {
  id: 'label-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const v = object.value;
    const template = ['spec', 'template'];
    return [
      ...checkMap(field(v, 'metadata', 'labels'), ['metadata', 'labels'], 'label', refusedOnCreate()),
      ...checkMap(field(v, 'metadata', 'annotations'), ['metadata', 'annotations'], 'annotation', refusedOnCreate()),
      ...checkMap(field(v, 'spec', 'selector', 'matchLabels'), ['spec', 'selector', 'matchLabels'], 'selector', refusedOnCreate()),
      ...checkExpressions(field(v, 'spec', 'selector', 'matchExpressions'), ['spec', 'selector', 'matchExpressions'], refusedOnCreate()),
      ...checkMap(field(v, ...template, 'metadata', 'labels'), [...template, 'metadata', 'labels'], 'label', podTemplateRefused()),
      ...checkMap(field(v, ...template, 'metadata', 'annotations'), [...template, 'metadata', 'annotations'], 'annotation', podTemplateRefused()),
      ...checkMap(field(v, ...template, 'spec', 'nodeSelector'), [...template, 'spec', 'nodeSelector'], 'node selector', podTemplateRefused()),
      ...claimTemplateLabels(v),
    ];
  },
};
