#!/usr/bin/env node
// Per-release schemas for Kubernetes 1.31 to 1.37 (issue 21), from each release's OpenAPI v3
// documents (api/openapi-spec/v3 of the k8s.io/kubernetes module, fetched with `go mod download`).
//
// Seven full schemas would hold the same ~300 KB seven times. They are stored deduplicated:
// - schemas/*.json is the newest release's schema (schemas/generate.mjs over its swagger.json),
//   the one the compiled validators check;
// - schemas/versions/fieldHistory.json holds what differs in each older release: per definition
//   reachable from the kinds we validate, the fields added after 1.31 (with the release that
//   added them), the fields that went away (with the last release that had them), and any field
//   whose type changed. The schema of release R is the newest minus the fields added after R,
//   plus those removed after R; the script fails if a difference of another kind shows up
//   (a type change), so that delta stays exact.
//
// `node scripts/gen-version-schemas.mjs` (needs Go and the module proxy, or a module cache with
// those releases). It writes only when something changed; nothing runs it at build time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** The newest patch of each minor release on 2026-12-06 (`go list -m -versions k8s.io/kubernetes`). */
const releases = {
  '1.31': 'v1.31.14',
  '1.32': 'v1.32.13',
  '1.33': 'v1.33.13',
  '1.34': 'v1.34.4',
  '1.35': 'v1.35.4',
  '1.36': 'v1.36.3',
  '1.37': 'v1.37.2',
};
const versions = Object.keys(releases);
const newest = versions[versions.length - 1];

/** Root definition → the OpenAPI v3 document (of its group version) that holds it and every type it uses. */
const roots = {
  'io.k8s.api.apps.v1.StatefulSet': 'apis__apps__v1_openapi.json',
  'io.k8s.api.core.v1.Service': 'api__v1_openapi.json',
  'io.k8s.api.core.v1.PersistentVolumeClaim': 'api__v1_openapi.json',
  'io.k8s.api.policy.v1.PodDisruptionBudget': 'apis__policy__v1_openapi.json',
};

function moduleDir(version) {
  const out = execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const info = JSON.parse(out);
  if (!info.Dir) throw new Error(`go mod download k8s.io/kubernetes@${version}: ${info.Error ?? 'no Dir'}`);
  return info.Dir;
}

const refOf = (node) => node?.$ref ?? node?.allOf?.find((n) => n.$ref)?.$ref;
const nameOf = (ref) => ref.replace('#/components/schemas/', '');

/** A property's shape, enough to see a type change: its type, format, item type or referenced definition. */
function shape(node) {
  const ref = refOf(node);
  if (ref) return nameOf(ref);
  if (node.type === 'array') return `[]${node.items ? shape(node.items) : ''}`;
  if (node.type === 'object' && node.additionalProperties) return `map[${shape(node.additionalProperties)}]`;
  return [node.type ?? 'any', node.format].filter(Boolean).join(':');
}

/** definition → property → shape, for every definition reachable from the roots, in one release. */
function propertiesOf(dir, sources) {
  const result = {};
  for (const [rootName, file] of Object.entries(roots)) {
    const path = join(dir, 'api', 'openapi-spec', 'v3', file);
    const text = readFileSync(path);
    sources[file] = createHash('sha256').update(text).digest('hex');
    const schemas = JSON.parse(text).components.schemas;
    const visit = (name) => {
      if (result[name] || !schemas[name]) return;
      const definition = schemas[name];
      result[name] = Object.fromEntries(Object.entries(definition.properties ?? {}).map(([key, value]) => [key, shape(value)]));
      JSON.stringify(definition, (key, value) => {
        if (key === '$ref') visit(nameOf(value));
        return value;
      });
    };
    visit(rootName);
  }
  return result;
}

const perVersion = {};
const sources = {};
for (const version of versions) {
  sources[version] = {};
  perVersion[version] = propertiesOf(moduleDir(releases[version]), sources[version]);
}

/** definition → field → { since } | { until } (the last release that had it). */
const fields = {};
const typeChanges = [];
const definitions = new Set(versions.flatMap((v) => Object.keys(perVersion[v])));
for (const definition of [...definitions].sort()) {
  const keys = new Set(versions.flatMap((v) => Object.keys(perVersion[v][definition] ?? {})));
  for (const key of [...keys].sort()) {
    const present = versions.filter((v) => perVersion[v][definition]?.[key] !== undefined);
    const shapes = new Set(present.map((v) => perVersion[v][definition][key]));
    if (shapes.size > 1) typeChanges.push(`${definition}.${key}: ${present.map((v) => `${v} ${perVersion[v][definition][key]}`).join(', ')}`);
    if (present.length === versions.length) continue;
    const first = present[0];
    const last = present[present.length - 1];
    // Present in one unbroken run of releases: it starts after 1.31, ends before the newest, or both.
    const run = versions.slice(versions.indexOf(first), versions.indexOf(last) + 1);
    if (run.length !== present.length) throw new Error(`${definition}.${key} comes and goes: ${present.join(', ')}`);
    const entry = {};
    if (first !== versions[0]) entry.since = first;
    if (last !== newest) entry.until = last;
    (fields[definition] ??= {})[key] = entry;
  }
}
// A type change would need its own schema per release: the delta could not express it.
if (typeChanges.length > 0) throw new Error(`fields whose type changed between releases:\n${typeChanges.join('\n')}`);

const history = {
  generatedBy: 'scripts/gen-version-schemas.mjs',
  versions,
  releases,
  newest,
  /** sha256 of each OpenAPI v3 document read, per release. */
  sources,
  fields,
};
const out = join(root, 'schemas', 'versions', 'fieldHistory.json');
mkdirSync(dirname(out), { recursive: true });
const text = `${JSON.stringify(history, null, 1)}\n`;
let old = '';
try { old = readFileSync(out, 'utf8'); } catch { /* first run */ }
if (old !== text) writeFileSync(out, text);
const count = Object.values(fields).reduce((n, f) => n + Object.keys(f).length, 0);
console.log(`${out}: ${count} fields differ across ${versions.join(', ')}${old === text ? ' (unchanged)' : ''}`);

// The newest release's schemas, as the compiled validators use them.
const swagger = join(moduleDir(releases[newest]), 'api', 'openapi-spec', 'swagger.json');
execFileSync(process.execPath, [join(root, 'schemas', 'generate.mjs'), swagger, newest, `k8s.io/kubernetes ${releases[newest]} api/openapi-spec/swagger.json`], { stdio: 'inherit' });
