import type { ErrorObject } from 'ajv';
import type { ObjectPath, Target } from '../model';
import { closestName } from './closestName';
import { listOf, t } from '../../messages';

/** A schema violation at a path of the object. */
export interface SchemaProblem {
  path: ObjectPath;
  target: Target;
  message: string;
}

/**
 * What went wrong, for the schema rule's filters: they must not read the message, which is in the
 * user's language. Kept beside the problem (not in it) so that a problem stays {path, target, message}.
 * `nullScalar`: a null where a string, number or boolean belongs (decoded as "", 0 or false: accepted).
 */
export interface ProblemKind {
  kind: 'unknown' | 'required' | 'type' | 'value';
  nullScalar: boolean;
}

const kinds = new WeakMap<SchemaProblem, ProblemKind>();

export function problemKind(problem: SchemaProblem): ProblemKind | undefined {
  return kinds.get(problem);
}

function kept(problem: SchemaProblem, kind: ProblemKind['kind'], nullScalar = false): SchemaProblem {
  kinds.set(problem, { kind, nullScalar });
  return problem;
}

/** Turns a JSON pointer into a path, with array indexes as numbers (read off the value itself). */
export function pathOf(pointer: string, value: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) ? Number(segment) : segment;
    path.push(step);
    current = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

/** A path as kubectl prints one: `metadata.ownerReferences[0].apiVersion`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('schema.aList');
  if (typeof value === 'object') return t('schema.aMap');
  return `${typeof value} ${JSON.stringify(value)}`;
}

const expected: Record<string, () => string> = {
  integer: () => t('schema.anInteger'),
  number: () => t('schema.aNumber'),
  string: () => t('schema.aString'),
  boolean: () => t('schema.aBoolean'),
  object: () => t('schema.aMap'),
  array: () => t('schema.aList'),
};
const scalars = new Set(['string', 'integer', 'number', 'boolean']);

function expectedText(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return listOf(types.map((type) => expected[String(type)]?.() ?? String(type)), ' or ');
}

/** A readable problem for one ajv error (run with `verbose`), or undefined for errors another one explains. */
export function problemFromError(error: ErrorObject, value: unknown): SchemaProblem | undefined {
  if (error.schemaPath.includes('/anyOf/')) return undefined; // the anyOf error itself says it
  const path = pathOf(error.instancePath, value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closestName(field, known);
      const hint = suggestion ? t('schema.didYouMean', { suggestion }) : '';
      // The whole path, not the key alone: a key known at the top (apiVersion) reads as the object's own.
      return kept({ path: [...path, field], target: 'key', message: t('schema.unknownField', { path: pathText([...path, field]), hint }) }, 'unknown');
    }
    case 'required':
      return kept({ path, target: 'key', message: t('schema.required', { path: pathText([...path, String(params.missingProperty)]) }) }, 'required');
    case 'type': {
      const first = Array.isArray(params.type) ? params.type[0] : params.type;
      const nullScalar = error.data === null && scalars.has(String(first));
      return kept({ path, target: 'value', message: t('schema.expected', { expected: expectedText(params.type), found: typeName(error.data) }) }, 'type', nullScalar);
    }
    case 'anyOf':
      if (error.schemaPath.includes('resource.Quantity')) {
        return kept({ path, target: 'value', message: t('schema.quantity', { value: JSON.stringify(error.data) }) }, 'value');
      }
      return kept({ path, target: 'value', message: t('schema.invalidValue', { value: JSON.stringify(error.data) }) }, 'value');
    default:
      return kept({ path, target: 'value', message: t('schema.invalid', { reason: error.message ?? error.keyword }) }, 'value');
  }
}
