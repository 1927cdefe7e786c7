/**
 * The manifests compared: the translated upstream cases, every apps/v1 StatefulSet of the
 * corpus and the rule fixtures, and seeded random mutations of them (deleted fields, wrong
 * types, invalid names, labels, ports, quantities, duplicated list entries).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseFile } from '../../server/src/service/parse/documentStore';
import { allPaths, applyEdits, formatPath, type Edit } from './edits';
import { base, upstreamCases } from './upstreamCases';

/** One manifest to compare, with what it takes to rebuild it. */
export interface Manifest {
  name: string;
  text: string;
  /** The seed object and edits it was made from (absent for corpus files taken as they are). */
  from?: { seed: string; edits: Edit[] };
}

const root = join(import.meta.dirname, '..', '..');

function yamlFiles(folder: string): string[] {
  let entries: string[];
  try { entries = readdirSync(folder); } catch { return []; }
  return entries.sort().flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

export function toYaml(object: unknown): string {
  return stringify(object, { version: '1.1', lineWidth: 0 });
}

/** Seed objects for mutations: the base, each translated case, each corpus StatefulSet. */
export interface Seed {
  name: string;
  object: Record<string, unknown>;
}

/** Every apps/v1 StatefulSet document of test/fixtures (corpus, rule and fix fixtures), as text and value. */
export function corpusStatefulSets(): { name: string; text: string; object: Record<string, unknown> }[] {
  // The repository's own fixtures only (the corpus is copied there from shared/corpus), so a seed
  // draws the same manifests on every machine.
  const folders = [join(root, 'test', 'fixtures')];
  const seen = new Set<string>();
  const out: { name: string; text: string; object: Record<string, unknown> }[] = [];
  for (const file of folders.flatMap(yamlFiles)) {
    const text = readFileSync(file, 'utf8');
    // A fixture written for another release (`# kubernetesVersion: 1.31`, issue 21) is not 1.37's to judge.
    if (/^# kubernetesVersion: /m.test(text)) continue;
    parseFile(text).forEach((document, i) => {
      if (document.templated || document.syntaxError || document.objects.length !== 1) return;
      const object = document.objects[0];
      if (!object || object.kind !== 'StatefulSet' || object.apiVersion !== 'apps/v1' || object.basePath.length > 0) return;
      const own = document.text.replace(/^---[^\n]*\n/, '');
      if (seen.has(own)) return;
      seen.add(own);
      out.push({ name: `${relative(root, file)}#${i}`, text: own, object: object.value });
    });
  }
  return out;
}

/** The fixed manifests: every translated upstream case, and the corpus as written. */
export function fixedManifests(): Manifest[] {
  return [
    ...upstreamCases.map((c) => ({ name: c.name, text: toYaml(applyEdits(base, c.edits)), from: { seed: 'base', edits: c.edits } })),
    ...corpusStatefulSets().map((c) => ({ name: c.name, text: c.text })),
  ];
}

export function seeds(): Seed[] {
  return [
    { name: 'base', object: base },
    ...upstreamCases.map((c) => ({ name: c.name, object: applyEdits(base, c.edits) as Record<string, unknown> })),
    ...corpusStatefulSets().map((c) => ({ name: c.name, object: c.object })),
  ];
}

const nastyStrings = ['', 'Bad_Name', 'a'.repeat(64), '-x', 'x.', 'HTTP', 'Sometimes', '-1', '1Gx', '0', '70000', 'a b', 'A=B', '/abs', '../up', 'a'.repeat(16), 'web', 'Parallel', 'OnDelete', '1Gi', '100%', '0%'];
export const nastyValues: unknown[] = [...nastyStrings, 0, -1, 1, 3, 70000, 65536, 2147483648, 1.5, true, false, null, [], {}, ['x'], { a: 1 }];
const labelKeys = ['a b', 'A=B', 'example.com/ok', `${'x'.repeat(64)}`, 'ok-key', '-bad', 'Example.COM/x', 'a/b/c', `${'p'.repeat(254)}.io/x`, 'kubernetes.io/os'];
const labelValues = ['', 'ok', 'a b', '-bad', 'x'.repeat(64), 'x'.repeat(63), 'a.b_c'];
const labelMaps = ['metadata.labels', 'metadata.annotations', 'spec.selector.matchLabels', 'spec.template.metadata.labels', 'spec.template.metadata.annotations', 'spec.template.spec.nodeSelector'];

/** One random edit of `object`: on any path, or aimed at labels, names, ports and quantities. */
function editOf(object: unknown): fc.Arbitrary<Edit> {
  // apiVersion and kind stay: a manifest that is no longer an apps/v1 StatefulSet is not ours to judge.
  const paths = allPaths(object).filter((p) => p[0] !== 'apiVersion' && p[0] !== 'kind').map(formatPath);
  const arrays = allPaths(object).filter((p) => {
    let node: unknown = object;
    for (const s of p) node = (node as Record<string | number, unknown>)[s];
    return Array.isArray(node) && node.length > 0;
  }).map(formatPath);
  const anyPath = paths.length ? fc.constantFrom(...paths) : fc.constant('spec');
  const c = 'spec.template.spec.containers[0]';
  return fc.oneof(
    { weight: 3, arbitrary: anyPath.map((path): Edit => ({ op: 'delete', path })) },
    { weight: 5, arbitrary: fc.tuple(anyPath, fc.constantFrom(...nastyValues)).map(([path, value]): Edit => ({ op: 'set', path, value })) },
    { weight: 2, arbitrary: (arrays.length ? fc.constantFrom(...arrays) : fc.constant(`${c.replace('[0]', '')}`)).map((path): Edit => ({ op: 'dup', path: `${path}[0]` })) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...labelMaps), fc.constantFrom(...labelKeys), fc.constantFrom(...labelValues)).map(([map, key, value]): Edit => ({ op: 'set', path: `${map}[${key}]`, value })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('metadata.name', 'spec.serviceName', `${c}.name`, 'spec.volumeClaimTemplates[0].metadata.name', `${c}.ports[0].name`, `${c}.env[0].name`),
      fc.oneof(fc.constantFrom(...nastyStrings), fc.integer({ min: 1, max: 70 }).map((n) => 'n'.repeat(n)))).map(([path, value]): Edit => ({ op: 'set', path, value })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(`${c}.ports[0].containerPort`, `${c}.ports[0].hostPort`, `${c}.readinessProbe.httpGet.port`, 'spec.replicas', 'spec.minReadySeconds', 'spec.ordinals.start', 'spec.template.spec.terminationGracePeriodSeconds'),
      fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.constantFrom(0, 65535, 65536, -1, 'http', 'x'.repeat(16)))).map(([path, value]): Edit => ({ op: 'set', path, value })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(`${c}.resources.requests.cpu`, `${c}.resources.limits.cpu`, `${c}.resources.requests.memory`, `${c}.resources.limits.memory`, 'spec.volumeClaimTemplates[0].spec.resources.requests.storage'),
      fc.constantFrom('1', '2', '-1', '0', '1Gi', '500m', '1Gx', 'abc', '1.5', '10G', 1, -2)).map(([path, value]): Edit => ({ op: 'set', path, value })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(`${c}.imagePullPolicy`, `${c}.ports[0].protocol`, 'spec.template.spec.dnsPolicy', 'spec.template.spec.restartPolicy', 'spec.podManagementPolicy', 'spec.updateStrategy.type', `${c}.volumeMounts[0].subPath`, `${c}.volumeMounts[0].mountPath`),
      fc.constantFrom('Always', 'Never', 'IfNotPresent', 'Sometimes', 'TCP', 'HTTP', 'UDP', 'ClusterFirst', 'Default', 'Default2', 'None', 'OnDelete', 'Parallel', 'RollingUpdate', '/abs', 'a/../b', 'ok/sub', '')).map(([path, value]): Edit => ({ op: 'set', path, value })) },
  );
}

/** A seed and one to three edits of it. */
export function mutationArbitrary(all: readonly Seed[]): fc.Arbitrary<Manifest> {
  return fc.constantFrom(...all).chain((seed) => fc.array(editOf(seed.object), { minLength: 1, maxLength: 3 }).map((edits) => ({
    name: `mutation of ${seed.name}`,
    text: toYaml(applyEdits(seed.object, edits)),
    from: { seed: seed.name, edits },
  })));
}

/** `count` mutations drawn with `seed`: the same seed gives the same manifests. */
export function mutations(all: readonly Seed[], seed: number, count: number): Manifest[] {
  return fc.sample(mutationArbitrary(all), { seed, numRuns: count });
}
