import * as validators from '../../../generated/schemaValidators';
import type { StandaloneValidator } from '../../../generated/schemaValidators';
import { problemFromError, type SchemaProblem } from './problemFromError';
import { withoutNulls } from './withoutNulls';

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
 * schema for the kind. Null-valued fields count as not set, as they do for the API server.
 */
export function schemaProblems(apiVersion: string, kind: string, value: unknown): SchemaProblem[] | undefined {
  const validate = validatorsByKind[`${apiVersion} ${kind}`];
  if (!validate) return undefined;
  const cleaned = withoutNulls(value);
  if (validate(cleaned)) return [];
  return (validate.errors ?? []).flatMap((error) => problemFromError(error, cleaned) ?? []);
}
