import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * Inputs for the fuzz properties: YAML-ish text, JSON objects dumped to YAML, and mutations
 * of the real manifests in the corpus. Every arbitrary shrinks, so a failure comes back small.
 */

const corpusFolder = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'plain');

/** The real manifests the mutations start from, by file name. */
export const corpus: readonly { name: string; text: string }[] = readdirSync(corpusFolder).sort()
  .map((name) => ({ name, text: readFileSync(join(corpusFolder, name), 'utf8') }));

/** Pieces that mean something to a YAML reader or to our rules. */
const tokens = [
  '\n', '\n', '\n', '  ', '    ', ' ', '\t', '\r\n', '\r', ': ', ':', '- ', '-', '---\n', '...\n', '#', '# sts-ignore', '# sts-ignore selector-mismatch',
  '[', ']', '{', '}', ',', '?', '&a ', '*a', '&b ', '*b', '!!str ', '!!int ', '!!binary ', '!foo ', '<<: ', '|', '|-', '>', '>+',
  '"', "'", '\\', '%YAML 1.1\n', '%TAG ! tag:x,1:\n', '{{ .Values.x }}', '{%', '\0', '\uFEFF', '\u2028', '\uD800', '\uDC00', '😀', 'é',
  'apiVersion', 'apps/v1', 'apps/v1beta1', 'v1', 'kind', 'StatefulSet', 'Service', 'List', 'items', 'metadata', 'name', 'namespace',
  'labels', 'annotations', 'spec', 'replicas', 'serviceName', 'selector', 'matchLabels', 'matchExpressions', 'template',
  'containers', 'image', 'volumeMounts', 'volumeClaimTemplates', 'updateStrategy', 'rollingUpdate', 'partition', 'maxUnavailable',
  'podManagementPolicy', 'Parallel', 'OrderedReady', 'persistentVolumeClaimRetentionPolicy', 'terminationGracePeriodSeconds',
  'clusterIP', 'None', 'app', 'web', '0', '1', '-1', '3', '0x1F', '0o17', '017', '1e3', '.inf', '~', 'null', 'yes', 'on', 'true',
  '50%', '101%', '2001-12-14', '1:20', 'x'.repeat(70),
];

/** Headers that make the rules look at what follows. */
const headers = ['', 'apiVersion: apps/v1\nkind: StatefulSet\n', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  ',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  '];

/** Text built from YAML tokens and random characters: mostly broken, sometimes a manifest. */
export const yamlishText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...headers), fc.array(
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 3 }) }),
  { maxLength: 120 },
)).map(([header, parts]) => header + parts.join(''));

/** A YAML scalar that our rules read in odd ways. */
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 3, 2 ** 31, -(2 ** 53), 0.5, '', 'web', 'None', '50%', '-5%', 'Parallel', 'OrderedReady',
    'RollingUpdate', 'OnDelete', 'apps/v1', 'v1', 'StatefulSet', 'Service', 'Retain', 'Delete', 'Never', 'Always', '1Gi', 'x'.repeat(300)),
  fc.integer(), fc.double(), fc.string({ maxLength: 12 }),
);

/** A random JSON-like value (maps, lists, scalars). */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...tokens.filter((t) => /^[a-zA-Z]+$/.test(t))), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 })),
})).value;

/** Either a random value or a plausible field of a StatefulSet, to reach deep into the rules. */
const field = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyValue });

const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'x', 'app.kubernetes.io/name'), fc.constantFrom('web', 'db', 'x', ''), { maxKeys: 3 });

/** A StatefulSet (or Service, or List of them) as a JSON object, most fields plausible, any of them odd. */
export const kubeObject: fc.Arbitrary<unknown> = fc.letrec<{ object: unknown }>((tie) => ({
  object: fc.oneof(
    { weight: 4, arbitrary: fc.record({
      apiVersion: field(fc.constantFrom('apps/v1', 'apps/v1beta1', 'apps/v1beta2')),
      kind: fc.constantFrom('StatefulSet', 'StatefulSet', 'Statefulset'),
      metadata: field(fc.record({ name: field(fc.constantFrom('web', 'db', 'Web_1', 'x'.repeat(70))), namespace: field(fc.constantFrom('default', 'prod')), labels: field(labels) }, { requiredKeys: [] })),
      spec: field(fc.record({
        replicas: field(fc.integer({ min: -2, max: 5 })),
        serviceName: field(fc.constantFrom('web', 'db', '', 'Bad_Name')),
        selector: field(fc.record({ matchLabels: field(labels) }, { requiredKeys: [] })),
        podManagementPolicy: field(fc.constantFrom('Parallel', 'OrderedReady', 'parallel')),
        updateStrategy: field(fc.record({ type: field(fc.constantFrom('RollingUpdate', 'OnDelete')), rollingUpdate: field(fc.record({ partition: field(fc.integer({ min: -2, max: 6 })), maxUnavailable: field(fc.constantFrom(0, 1, 2, '50%', '0%', '150%')) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
        template: field(fc.record({
          metadata: field(fc.record({ labels: field(labels) }, { requiredKeys: [] })),
          spec: field(fc.record({
            terminationGracePeriodSeconds: field(fc.integer({ min: -1, max: 30 })),
            restartPolicy: field(fc.constantFrom('Always', 'Never', 'OnFailure')),
            activeDeadlineSeconds: field(fc.integer({ min: 0, max: 10 })),
            containers: field(fc.array(fc.record({ name: field(fc.constantFrom('app', 'x')), image: field(fc.constantFrom('nginx', '')),
              volumeMounts: field(fc.array(fc.record({ name: field(fc.constantFrom('data', 'www')), mountPath: field(fc.constant('/data')) }, { requiredKeys: [] }), { maxLength: 2 })) }, { requiredKeys: [] }), { maxLength: 2 })),
          }, { requiredKeys: [] })),
        }, { requiredKeys: [] })),
        volumeClaimTemplates: field(fc.array(fc.record({ metadata: field(fc.record({ name: field(fc.constantFrom('data', 'www')), annotations: field(fc.constant({ 'volume.beta.kubernetes.io/storage-class': 'fast' })) }, { requiredKeys: [] })), spec: anyValue }, { requiredKeys: [] }), { maxLength: 2 })),
        persistentVolumeClaimRetentionPolicy: field(fc.record({ whenDeleted: field(fc.constantFrom('Retain', 'Delete', 'Keep')), whenScaled: field(fc.constantFrom('Retain', 'Delete')) }, { requiredKeys: [] })),
        minReadySeconds: field(fc.integer({ min: -1, max: 5 })),
      }, { requiredKeys: [] })),
    }, { requiredKeys: ['kind'] }) },
    { weight: 2, arbitrary: fc.record({
      apiVersion: field(fc.constant('v1')),
      kind: fc.constant('Service'),
      metadata: field(fc.record({ name: field(fc.constantFrom('web', 'db')), namespace: field(fc.constantFrom('default', 'prod')) }, { requiredKeys: [] })),
      spec: field(fc.record({ clusterIP: field(fc.constantFrom('None', '', '10.0.0.1')), type: field(fc.constantFrom('ClusterIP', 'NodePort')), selector: field(labels) }, { requiredKeys: [] })),
    }, { requiredKeys: ['kind'] }) },
    { weight: 1, arbitrary: fc.record({ apiVersion: fc.constant('v1'), kind: fc.constantFrom('List', 'StatefulSetList'), items: fc.array(tie('object'), { maxLength: 3 }) }) },
    { weight: 1, arbitrary: anyValue },
  ),
})).object;

/** One to three objects dumped to YAML by the `yaml` library, in one of its styles. */
export const dumpedYaml: fc.Arbitrary<string> = fc.tuple(
  fc.array(kubeObject, { minLength: 1, maxLength: 3 }),
  fc.record({ flow: fc.boolean(), indent: fc.integer({ min: 1, max: 4 }), crlf: fc.boolean(), leadingSeparator: fc.boolean() }),
).map(([objects, style]) => {
  const text = objects.map((object) => {
    try {
      return stringify(object, { indent: style.indent, collectionStyle: style.flow ? 'flow' : 'any', lineWidth: 0 });
    } catch {
      return JSON.stringify(object) ?? 'null';
    }
  }).join('---\n');
  const withSeparator = style.leadingSeparator ? `---\n${text}` : text;
  return style.crlf ? withSeparator.replace(/\n/g, '\r\n') : withSeparator;
});

/** One change to a file's text; positions and lines are fractions of the text (0..1), so they fit any file. */
export type Mutation =
  | { kind: 'deleteLines'; at: number; count: number }
  | { kind: 'swapIndentation'; a: number; b: number }
  | { kind: 'reindent'; line: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replaceBytes'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicateLines'; at: number; count: number }
  | { kind: 'crlf' }
  | { kind: 'tabs' };

const position = fc.double({ min: 0, max: 1, noNaN: true }); // a fraction of the text: any file, any size
const garbage = fc.oneof(fc.constantFrom(...tokens), fc.string({ minLength: 1, maxLength: 4 }), fc.fullUnicodeString({ minLength: 1, maxLength: 2 }),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => Buffer.from(bytes).toString('utf8'))); // invalid UTF-8 decodes to U+FFFD

/** Mutations as data (so a failing case prints readably), applied by `mutate`. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLines' as const), at: position, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('swapIndentation' as const), a: position, b: position }),
  fc.record({ kind: fc.constant('reindent' as const), line: position, by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: garbage }),
  fc.record({ kind: fc.constant('replaceBytes' as const), at: position, text: garbage }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicateLines' as const), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'tabs' as const }),
);
const index = (fraction: number, length: number): number => Math.min(length, Math.floor(fraction * (length + 1)));

/** Applies one mutation; positions are fractions of the text so they fit any file. */
export function mutate(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const lineAt = (fraction: number): number => Math.min(lines.length - 1, index(fraction, lines.length - 1));
  const indentOf = (line: string): string => /^[ \t]*/.exec(line)?.[0] ?? '';
  switch (mutation.kind) {
    case 'deleteLines': {
      lines.splice(lineAt(mutation.at), mutation.count);
      return lines.join('\n');
    }
    case 'swapIndentation': {
      const a = lineAt(mutation.a);
      const b = lineAt(mutation.b);
      const lineA = lines[a] ?? '';
      const lineB = lines[b] ?? '';
      lines[a] = indentOf(lineB) + lineA.trimStart();
      lines[b] = indentOf(lineA) + lineB.trimStart();
      return lines.join('\n');
    }
    case 'reindent': {
      const at = lineAt(mutation.line);
      const line = lines[at] ?? '';
      const { by } = mutation;
      lines[at] = by >= 0 ? ' '.repeat(by) + line : line.slice(Math.min(-by, indentOf(line).length));
      return lines.join('\n');
    }
    case 'insert': {
      const at = index(mutation.at, text.length);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'replaceBytes': {
      const at = index(mutation.at, text.length);
      const replacement = mutation.text;
      return text.slice(0, at) + replacement + text.slice(at + replacement.length);
    }
    case 'truncate':
      return text.slice(0, index(mutation.at, text.length));
    case 'duplicateLines': {
      const at = lineAt(mutation.at);
      lines.splice(at, 0, ...lines.slice(at, at + mutation.count));
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'tabs':
      return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
  }
}

/** A corpus file with one to four mutations applied: the name and mutations say how to rebuild it. */
export const mutatedCorpusFile: fc.Arbitrary<{ name: string; mutations: Mutation[]; text: string }> = fc.tuple(
  fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }),
).map(([i, mutations]) => {
  const file = corpus[i] ?? { name: '', text: '' };
  return { name: file.name, mutations, text: mutations.reduce(mutate, file.text) };
});

/** Every kind of input at once, for the properties that do not care where text came from. */
export const anyManifestText: fc.Arbitrary<string> = fc.oneof(
  yamlishText, dumpedYaml, mutatedCorpusFile.map((m) => m.text),
);
