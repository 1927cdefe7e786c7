import history from '../../../../schemas/versions/fieldHistory.json';
import { schemaAt } from '../intelligence/schemaNavigator';
import type { ObjectPath } from '../model';
import { isRecord } from '../rules/read';
import { minor, type KubernetesVersion } from './kubernetesVersions';

/**
 * Which fields of the kinds we validate exist in which release (schemas/versions/fieldHistory.json,
 * generated from each release's OpenAPI v3 by scripts/gen-version-schemas.mjs). The schemas the
 * validators compile are the newest release's; a release's own schema is that one minus the fields
 * added after it, plus those removed since: this table is the whole difference.
 */
export interface FieldSpan {
  /** The first release with the field; absent: every release we support (1.31 and before). */
  since?: string;
  /** The last release with the field; absent: still there in the newest. */
  until?: string;
}

const fields = history.fields as Record<string, Record<string, FieldSpan>>;

/** The releases a field of a definition exists in, or undefined when it is in all of them. */
export function fieldSpan(definition: string | undefined, property: string): FieldSpan | undefined {
  return definition === undefined ? undefined : fields[definition]?.[property];
}

export function existsIn(span: FieldSpan | undefined, version: KubernetesVersion): boolean {
  if (!span) return true;
  return (span.since === undefined || minor(span.since) <= minor(version)) && (span.until === undefined || minor(version) <= minor(span.until));
}

/**
 * schemaAt, remembered by its path with list indices as 0 (every item has one schema): the walk
 * below asks for each object of a manifest on every check. Only paths the schema has are walked,
 * so the cache is bounded by the schemas' size.
 */
const schemaCache = new Map<string, ReturnType<typeof schemaAt>>();
function schemaOf(apiVersion: string, kind: string, path: ObjectPath): ReturnType<typeof schemaAt> {
  const key = `${apiVersion} ${kind} ${path.map((s) => (typeof s === 'number' ? 0 : s)).join('.')}`;
  if (!schemaCache.has(key)) schemaCache.set(key, schemaAt(apiVersion, kind, path));
  return schemaCache.get(key);
}

/** Where a field the target release lacks sits, and why it lacks it. */
export interface VersionProblem {
  path: ObjectPath;
  span: FieldSpan;
}

/**
 * The fields of `value` that the target release does not have (added later, or removed since),
 * outermost only: a new field's own fields are not listed again. Walks the newest schema, so a
 * field that exists only in an older release is found by the schema rule instead (unknown field).
 */
export function fieldsMissingIn(apiVersion: string, kind: string, value: unknown, version: KubernetesVersion): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const walk = (node: unknown, path: ObjectPath, depth: number): void => {
    if (depth > 40) return; // the schemas nest far less; a hostile document must not recurse without end
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index], depth + 1));
      return;
    }
    if (!isRecord(node)) return;
    const parent = schemaOf(apiVersion, kind, path);
    if (!parent) return;
    for (const [key, child] of Object.entries(node)) {
      if (child === null || child === undefined) continue; // null is "not set" to the API server
      const span = fieldSpan(parent.definition, key);
      if (!existsIn(span, version) && span) problems.push({ path: [...path, key], span });
      else if (parent.properties[key]) walk(child, [...path, key], depth + 1);
    }
  };
  walk(value, [], 0);
  return problems;
}

/**
 * Whether an "unknown field" of the newest schema at `path` is one some release has: then it is
 * field-not-in-version's to report (with the releases), or no error for a target that has it.
 */
export function inFieldHistory(apiVersion: string, kind: string, path: ObjectPath): boolean {
  const property = path[path.length - 1];
  return typeof property === 'string' && fieldSpan(schemaAt(apiVersion, kind, path.slice(0, -1))?.definition, property) !== undefined;
}
