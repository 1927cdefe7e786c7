import type { ErrorObject } from 'ajv';
import type { ObjectPath, Target } from '../model';
import { closestName } from './closestName';

/** A schema violation at a path of the object. */
export interface SchemaProblem {
  path: ObjectPath;
  target: Target;
  message: string;
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
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const expected: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean (true or false)',
  object: 'a map',
  array: 'a list',
};

function expectedText(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => expected[String(t)] ?? String(t)).join(' or ');
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
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      // The whole path, not the key alone: a key known at the top (apiVersion) reads as the object's own.
      return { path: [...path, field], target: 'key', message: `Unknown field "${pathText([...path, field])}".${hint}` };
    }
    case 'required':
      return { path, target: 'key', message: `Missing required field "${pathText([...path, String(params.missingProperty)])}".` };
    case 'type':
      return { path, target: 'value', message: `Expected ${expectedText(params.type)}, found ${typeName(error.data)}.` };
    case 'anyOf':
      if (error.schemaPath.includes('resource.Quantity')) {
        return { path, target: 'value', message: `Invalid quantity ${JSON.stringify(error.data)}: expected a number with an optional suffix, such as 500m, 1Gi or 2.` };
      }
      return { path, target: 'value', message: `Invalid value ${JSON.stringify(error.data)}.` };
    default:
      return { path, target: 'value', message: `Invalid value: ${error.message ?? error.keyword}.` };
  }
}
