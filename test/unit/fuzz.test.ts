import { test } from 'node:test';
import fc from 'fast-check';
import '../helpers/propertySeed';
import { anyManifestText, corpus, dumpedYaml, mutate, mutatedCorpusFile, yamlishText } from '../fuzz/arbitraries';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { assertCliSound, assertCrlfLikeLf, assertIncrementalMatchesFresh, assertServiceSound, settingsVariants } from '../fuzz/properties';

// The fuzz properties, bounded for `npm test` (a few seconds each on two cores). The long run
// is `npm run fuzz` (test/fuzz/run.ts). A failure prints its seed and path: replay it with
// FUZZ_SEED=<seed> FUZZ_PATH=<path> on this file (test/helpers/propertySeed.ts).
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns });

// Compile the schemas before any call is timed.
checkFile('file:///warm.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: warm\n', defaultSettings, new WorkspaceIndex());

test('fuzz: random YAML-ish text never breaks the language service', () => {
  fc.assert(fc.property(yamlishText, fc.constantFrom(...settingsVariants), (text, settings) => assertServiceSound(text, settings)), runs(200));
});

test('fuzz: random objects dumped to YAML never break the language service or its fixes', () => {
  fc.assert(fc.property(dumpedYaml, fc.constantFrom(...settingsVariants), (text, settings) => assertServiceSound(text, settings)), runs(60));
});

test('fuzz: mutated corpus manifests never break the language service or its fixes', () => {
  fc.assert(fc.property(mutatedCorpusFile, ({ text }) => assertServiceSound(text)), runs(50));
});

test('fuzz: every corpus manifest with one kind of mutation (all kinds in turn)', () => {
  const kinds = [
    { kind: 'deleteLines', at: 0.5, count: 2 }, { kind: 'swapIndentation', a: 0.2, b: 0.7 }, { kind: 'reindent', line: 0.4, by: -3 },
    { kind: 'insert', at: 0.3, text: ': [' }, { kind: 'replaceBytes', at: 0.6, text: '\uFFFD\0' }, { kind: 'truncate', at: 0.55 },
    { kind: 'duplicateLines', at: 0.1, count: 4 }, { kind: 'crlf' }, { kind: 'tabs' },
  ] as const;
  // Every file with every kind is the long run's job (test/fuzz/run.ts); here one kind per file.
  corpus.forEach(({ text }, i) => assertServiceSound(mutate(text, kinds[i % kinds.length] ?? { kind: 'crlf' })));
});

test('fuzz: a StatefulSet truncated at every position', () => {
  const web = corpus.find((c) => c.name === 'kube-score__statefulset-appsv1beta1.yaml')?.text ?? '';
  for (let at = 0; at <= web.length; at++) assertServiceSound(web.slice(0, at));
});

test('fuzz: an edit checked with the document cache is reported as a fresh check would', () => {
  fc.assert(fc.property(mutatedCorpusFile, anyManifestText, fc.boolean(), (edited, other, fromOriginal) => {
    const original = corpus.find((c) => c.name === edited.name)?.text ?? '';
    // Both ways round, and across unrelated texts, so documents move, split and merge.
    assertIncrementalMatchesFresh(fromOriginal ? original : other, edited.text);
  }), runs(60));
});

test('fuzz: a CRLF manifest gets its findings on the same lines and fixes that keep CRLF', () => {
  fc.assert(fc.property(fc.oneof(dumpedYaml, mutatedCorpusFile.map((m) => m.text)), (text) => assertCrlfLikeLf(text)), runs(40));
  for (const { text } of corpus) assertCrlfLikeLf(text);
});

test('fuzz: the CLI on random bytes and mutated manifests (a few spawns)', () => {
  const input = fc.oneof(
    anyManifestText.map((text) => Buffer.from(text, 'utf8')),
    fc.uint8Array({ maxLength: 400 }),
    mutatedCorpusFile.map(({ text }) => Buffer.concat([Buffer.from(text.slice(0, 300)), Buffer.from([0xff, 0xfe, 0x00, 0xc3]), Buffer.from(text.slice(300))])),
  );
  fc.assert(fc.property(input, (bytes) => { assertCliSound(bytes); }), runs(4));
});
