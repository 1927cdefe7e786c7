import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv, { type ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import * as standalone from '../../server/generated/schemaValidators';
import type { StandaloneValidator } from '../../server/generated/schemaValidators';
import { withoutNulls } from '../../server/src/service/schema/withoutNulls';
import persistentVolumeClaim from '../../schemas/persistentvolumeclaim.json';
import podDisruptionBudget from '../../schemas/poddisruptionbudget.json';
import service from '../../schemas/service.json';
import statefulSet from '../../schemas/statefulset.json';

// The validators generated at build time (schemas/standalone.mjs) must say exactly what
// ajv.compile says with the options the schema rule was written against: problemFromError
// reads keyword, params, data and parentSchema off these errors.

type Validate = (data: unknown) => { valid: boolean; errors: ErrorObject[] | null | undefined };

const schemas: Record<string, { schema: object; generated: StandaloneValidator }> = {
  StatefulSet: { schema: statefulSet, generated: standalone.statefulSet },
  Service: { schema: service, generated: standalone.service },
  PersistentVolumeClaim: { schema: persistentVolumeClaim, generated: standalone.persistentVolumeClaim },
  PodDisruptionBudget: { schema: podDisruptionBudget, generated: standalone.podDisruptionBudget },
};

function compiledWith(options: ConstructorParameters<typeof Ajv>[0]): Record<string, Validate> {
  const ajv = new Ajv(options);
  return Object.fromEntries(Object.entries(schemas).map(([kind, { schema }]) => {
    const validate = ajv.compile(schema);
    return [kind, (data: unknown) => ({ valid: validate(data), errors: validate.errors })];
  }));
}

const generated: Record<string, Validate> = Object.fromEntries(Object.entries(schemas).map(([kind, { generated: validate }]) =>
  [kind, (data: unknown) => ({ valid: validate(data), errors: validate.errors })]));

function yamlFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).sort().flatMap((name) => yamlFiles(join(path, name)));
  return /\.ya?ml$/.test(path) ? [path] : [];
}

/** Every object of a kind we hold a schema for, as written and with nulls dropped (as the rule validates it). */
function objectsOf(value: unknown): { kind: string; value: unknown }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  const nested = Array.isArray(items) ? items.flatMap(objectsOf) : [];
  if (typeof kind !== 'string' || !(kind in schemas)) return nested;
  return [{ kind, value }, { kind, value: withoutNulls(value) }, ...nested];
}

const fixtureObjects = yamlFiles(join(import.meta.dirname, '..', 'fixtures')).flatMap((file) =>
  parseAllDocuments(readFileSync(file, 'utf8'), { logLevel: 'error' }).flatMap((document) => {
    if (!('toJS' in document)) return [];
    try {
      return objectsOf(document.toJS({ maxAliasCount: -1 }));
    } catch {
      return []; // a Helm template or a deliberately broken manifest
    }
  }));

const container = { name: 'c', image: 'nginx', resources: { requests: { cpu: '500m', memory: '1Gi' } } };
const broken: { kind: string; value: unknown }[] = [
  { kind: 'StatefulSet', value: null },
  { kind: 'StatefulSet', value: [] },
  { kind: 'StatefulSet', value: 'apiVersion: apps/v1' },
  { kind: 'StatefulSet', value: { spec: {} } },
  {
    kind: 'StatefulSet',
    value: {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', labels: { app: 3 } }, replica: 1,
      spec: {
        replicas: '3', serviceName: ['web'], selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'a' }] },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1.5, partition: '0' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container, { image: 'busybox', ports: [{ containerPort: '80' }], Env: [] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1 GB' }, limits: { storage: true } } } }],
      },
    },
  },
  { kind: 'Service', value: { apiVersion: 'v1', kind: 'Service', spec: { clusterIP: 0, ports: [{ port: 'http', targetPort: 1.5 }, {}], selector: 'app=web' } } },
  { kind: 'PersistentVolumeClaim', value: { spec: { accessModes: 'ReadWriteOnce', resources: { requests: { storage: '-1.5e3' }, limits: { storage: 'lots' } } } } },
  { kind: 'PodDisruptionBudget', value: { spec: { minAvailable: '50%', maxUnavailable: false, selector: { matchLabels: [] } }, status: {} } },
];

function assertSameErrors(reference: Record<string, Validate>, inputs: { kind: string; value: unknown }[]): void {
  for (const [index, { kind, value }] of inputs.entries()) {
    const expected = reference[kind]!(value);
    const actual = generated[kind]!(value);
    assert.deepStrictEqual(actual, expected, `${kind} #${index}: ${JSON.stringify(value).slice(0, 200)}`);
  }
}

const reference = compiledWith({ allErrors: true, verbose: true, strict: false });

test('the fixtures give the same errors (schema and parentSchema included) as ajv.compile', () => {
  const failing = fixtureObjects.filter(({ kind, value }) => !reference[kind]!(value).valid);
  assert.ok(fixtureObjects.length >= 200, `only ${fixtureObjects.length} objects found under test/fixtures`);
  assert.ok(failing.length >= 10, `only ${failing.length} fixture objects with errors: the comparison would prove little`);
  assertSameErrors(reference, fixtureObjects);
});

test('deliberately invalid objects give the same errors as ajv.compile', () => {
  assert.deepEqual(broken.filter(({ kind, value }) => reference[kind]!(value).valid), []);
  assertSameErrors(reference, broken);
});

test('the comparison notices a validator compiled with other options', () => {
  assert.throws(() => assertSameErrors(compiledWith({ allErrors: false, verbose: true, strict: false }), broken), assert.AssertionError);
  assert.throws(() => assertSameErrors(compiledWith({ allErrors: true, verbose: false, strict: false }), broken), assert.AssertionError);
});
