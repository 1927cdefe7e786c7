import Ajv, { type ValidateFunction } from 'ajv';
import persistentVolumeClaim from '../../../../schemas/persistentvolumeclaim.json';
import podDisruptionBudget from '../../../../schemas/poddisruptionbudget.json';
import service from '../../../../schemas/service.json';
import statefulSet from '../../../../schemas/statefulset.json';
import { problemFromError, type SchemaProblem } from './problemFromError';
import { withoutNulls } from './withoutNulls';

export type { SchemaProblem } from './problemFromError';

/** The generated schemas by `apiVersion kind`. */
const schemas: Record<string, object> = {
  'apps/v1 StatefulSet': statefulSet,
  'v1 Service': service,
  'v1 PersistentVolumeClaim': persistentVolumeClaim,
  'policy/v1 PodDisruptionBudget': podDisruptionBudget,
};

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

/** Compiles a kind's schema on first use and keeps it: never per keystroke. */
function validatorFor(key: string): ValidateFunction | undefined {
  const schema = schemas[key];
  if (!schema) return undefined;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Whether we hold a schema for this kind. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion} ${kind}` in schemas;
}

/**
 * The object's violations of its kind's Kubernetes schema, or undefined when we hold no
 * schema for the kind. Null-valued fields count as not set, as they do for the API server.
 */
export function schemaProblems(apiVersion: string, kind: string, value: unknown): SchemaProblem[] | undefined {
  const validate = validatorFor(`${apiVersion} ${kind}`);
  if (!validate) return undefined;
  const cleaned = withoutNulls(value);
  if (validate(cleaned)) return [];
  return (validate.errors ?? []).flatMap((error) => problemFromError(error, cleaned) ?? []);
}
