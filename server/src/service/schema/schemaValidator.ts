import * as validators from '../../../generated/schemaValidators';
import type { StandaloneValidator } from '../../../generated/schemaValidators';
import { problemFromError, type SchemaProblem } from './problemFromError';
import { hasNullField, nullsMarked, withoutNulls } from './withoutNulls';

export type { SchemaProblem } from './problemFromError';

/** The validators generated from schemas/*.json at build time, by `apiVersion kind`. */
const validatorsByKind: Record<string, StandaloneValidator> = {
  'apps/v1 StatefulSet': validators.statefulSet,
  'v1 Service': validators.service,
  'v1 PersistentVolumeClaim': validators.persistentVolumeClaim,
  'policy/v1 PodDisruptionBudget': validators.podDisruptionBudget,
};

/** Whether we hold a schema for this kind. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion} ${kind}` in validatorsByKind;
}

/**
 * The object's violations of its kind's Kubernetes schema, or undefined when we hold no
 * schema for the kind. Null-valued fields count as not set, as they do for the API server,
 * except that an unknown field is unknown whatever its value (strict decoding refuses
 * `spec.template.spec.replicas: null` too).
 */
export function schemaProblems(apiVersion: string, kind: string, value: unknown): SchemaProblem[] | undefined {
  const validate = validatorsByKind[`${apiVersion} ${kind}`];
  if (!validate) return undefined;
  const cleaned = withoutNulls(value);
  let errors = validate(cleaned) ? [] : [...(validate.errors ?? [])];
  // A null item of a list of objects decodes as an empty object: validate that instead.
  const nullItems = errors.filter((error) => error.keyword === 'type' && error.data === null && /\/\d+$/.test(error.instancePath)
    && [(error.params as { type?: unknown }).type].flat().includes('object'));
  if (nullItems.length > 0) {
    for (const error of nullItems) setAt(cleaned, error.instancePath, {});
    errors = validate(cleaned) ? [] : [...(validate.errors ?? [])];
  }
  const problems = errors.flatMap((error) => problemFromError(error, cleaned) ?? []);
  return hasNullField(value) ? [...problems, ...unknownNullFields(validate, value)] : problems;
}

/** Sets the value at a JSON pointer (`/spec/containers/0`) whose parent exists. */
function setAt(root: unknown, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  let node = root as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (last !== undefined) node[last] = value;
}

/** The unknown fields whose value is null: each null is marked, and only an unknown marked field is kept. */
function unknownNullFields(validate: StandaloneValidator, value: unknown): SchemaProblem[] {
  const marker = {};
  const marked = nullsMarked(value, marker);
  if (validate(marked)) return [];
  return (validate.errors ?? [])
    .filter((error) => error.keyword === 'additionalProperties'
      && (error.data as Record<string, unknown> | undefined)?.[String((error.params as { additionalProperty?: unknown }).additionalProperty)] === marker)
    .flatMap((error) => problemFromError(error, marked) ?? []);
}
