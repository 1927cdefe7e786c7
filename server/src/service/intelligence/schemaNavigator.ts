import persistentVolumeClaim from '../../../../schemas/persistentvolumeclaim.json';
import podDisruptionBudget from '../../../../schemas/poddisruptionbudget.json';
import service from '../../../../schemas/service.json';
import statefulSet from '../../../../schemas/statefulset.json';
import type { ObjectPath } from '../model';
import { isRecord } from '../rules/read';

/** A raw draft-07 schema node as the generator writes it. */
type RawSchema = Record<string, unknown>;

interface SchemaFile {
  $ref?: string;
  definitions?: Record<string, unknown>;
}

const files: Record<string, SchemaFile> = {
  'apps/v1 StatefulSet': statefulSet,
  'v1 Service': service,
  'v1 PersistentVolumeClaim': persistentVolumeClaim,
  'policy/v1 PodDisruptionBudget': podDisruptionBudget,
};

/** A field's schema with `$ref` and `allOf` followed: what completion and hover show. */
export interface FieldSchema {
  /** The definition the field's value is, e.g. `io.k8s.api.apps.v1.StatefulSetSpec`. */
  definition: string | undefined;
  /** The field's own description when it has one (more specific), else its definition's. */
  description: string | undefined;
  /** `type` as the schema gives it (a string, a list of strings, or none for `anyOf` types). */
  type: unknown;
  properties: Record<string, RawSchema>;
  items: RawSchema | undefined;
  /** The value schema of a map (`labels`, `nodeSelector`), when it is one. */
  additionalProperties: RawSchema | undefined;
  /** Where the field sits: the definition holding it and its name there (keys the known-values table). */
  owner: { definition: string; property: string } | undefined;
}

const definitionPrefix = '#/definitions/';

function definitionName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(definitionPrefix) ? ref.slice(definitionPrefix.length) : undefined;
}

/** Follows `$ref` and `allOf` (at most a few levels: the generated schemas nest one deep). */
function resolve(file: SchemaFile, raw: RawSchema, owner: FieldSchema['owner']): FieldSchema {
  const result: FieldSchema = {
    definition: undefined,
    description: typeof raw.description === 'string' ? raw.description : undefined,
    type: raw.type,
    properties: {},
    items: undefined,
    additionalProperties: undefined,
    owner,
  };
  const pending: RawSchema[] = [raw];
  for (let guard = 0; pending.length > 0 && guard < 8; guard++) {
    const node = pending.shift() ?? {};
    const name = definitionName(node.$ref);
    const target = name ? file.definitions?.[name] : undefined;
    if (name && isRecord(target)) {
      result.definition ??= name;
      pending.push(target);
    }
    if (Array.isArray(node.allOf)) pending.push(...node.allOf.filter(isRecord));
    if (node !== raw) {
      if (result.description === undefined && typeof node.description === 'string') result.description = node.description;
      if (result.type === undefined) result.type = node.type;
    }
    if (isRecord(node.properties)) {
      for (const [key, value] of Object.entries(node.properties)) if (isRecord(value)) result.properties[key] ??= value;
    }
    if (isRecord(node.items)) result.items ??= node.items;
    if (isRecord(node.additionalProperties)) result.additionalProperties ??= node.additionalProperties;
  }
  return result;
}

/** The schema of a whole object of this kind, or undefined when we hold none. */
export function rootSchema(apiVersion: string, kind: string): FieldSchema | undefined {
  const file = files[`${apiVersion} ${kind}`];
  return file?.$ref ? resolve(file, { $ref: file.$ref }, undefined) : undefined;
}

/** The schema one step below `parent`: a property, a map value, or an array item. */
function childOf(file: SchemaFile, parent: FieldSchema, segment: string | number): FieldSchema | undefined {
  if (typeof segment === 'number') return parent.items ? resolve(file, parent.items, parent.owner) : undefined;
  const property = parent.properties[segment];
  if (property) return resolve(file, property, { definition: parent.definition ?? '', property: segment });
  return parent.additionalProperties ? resolve(file, parent.additionalProperties, undefined) : undefined;
}

/** The schema of the field at `path` of an object of this kind; undefined where the schema knows no such field. */
export function schemaAt(apiVersion: string, kind: string, path: ObjectPath): FieldSchema | undefined {
  const file = files[`${apiVersion} ${kind}`];
  let current = rootSchema(apiVersion, kind);
  for (const segment of path) {
    if (!file || !current) return undefined;
    current = childOf(file, current, segment);
  }
  return current;
}

function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** A type as a reader knows it: `integer`, `StatefulSetSpec`, `PersistentVolumeClaim[]`, `map[string]string`. */
export function typeLabel(schema: FieldSchema): string {
  if (schema.definition && schema.type !== 'array') {
    return shortName(schema.definition) === 'IntOrString' ? 'integer | string' : shortName(schema.definition);
  }
  if (schema.type === 'array') {
    const items = schema.items ? resolve({}, schema.items, undefined) : undefined;
    const name = definitionName(schema.items?.$ref);
    return `${name ? shortName(name) : items ? typeLabel(items) : 'unknown'}[]`;
  }
  if (schema.type === 'object' && schema.additionalProperties) {
    const name = definitionName(schema.additionalProperties.$ref);
    return `map[string]${name ? shortName(name) : typeLabel(resolve({}, schema.additionalProperties, undefined))}`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return typeof schema.type === 'string' ? schema.type : 'any';
}

/** Whether a field holds an object with fields of its own (so completion adds a new line, not a value). */
export function isStructured(schema: FieldSchema): boolean {
  return schema.type === 'object' || schema.type === 'array' || Object.keys(schema.properties).length > 0;
}

/** The fields an object at this schema can have, each with its own resolved schema. */
export function childFields(apiVersion: string, kind: string, path: ObjectPath): { name: string; schema: FieldSchema }[] {
  const parent = schemaAt(apiVersion, kind, path);
  if (!parent) return [];
  return Object.keys(parent.properties).flatMap((name) => {
    const schema = schemaAt(apiVersion, kind, [...path, name]);
    return schema ? [{ name, schema }] : [];
  });
}
