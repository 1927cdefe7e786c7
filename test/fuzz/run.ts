/**
 * The long fuzz run, on demand: `npm run fuzz -- [--minutes 5] [--seed N] [--only NAME] [--path P]`.
 * Runs every property in turn, in batches with seeds derived from one base seed, until the time
 * is up; sweeps every corpus file with every mutation and truncation at every position; runs
 * the CLI on a few dozen inputs. Prints the seed, the cases, the time and each failure with
 * what it takes to replay it. Exits 1 when anything failed.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { checkFile } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { anyManifestText, corpus, dumpedYaml, mutate, mutatedCorpusFile, yamlishText, type Mutation } from './arbitraries';
import { assertCliSound, assertCrlfLikeLf, assertIncrementalMatchesFresh, assertServiceSound, settingsVariants } from './properties';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const minutes = Number(option('--minutes') ?? process.env.FUZZ_MINUTES ?? 5);
const baseSeed = Number(option('--seed') ?? process.env.FUZZ_SEED ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
const only = option('--only');
const replayPath = option('--path');
const deadline = performance.now() + minutes * 60_000;

/** The properties of the run, by name (the same as test/unit/fuzz.test.ts, unbounded). */
const properties: Record<string, fc.IProperty<unknown>> = {
  'yamlish': fc.property(yamlishText, fc.constantFrom(...settingsVariants), (text, settings) => assertServiceSound(text, settings)),
  'dumped': fc.property(dumpedYaml, fc.constantFrom(...settingsVariants), (text, settings) => assertServiceSound(text, settings)),
  'mutated': fc.property(mutatedCorpusFile, fc.constantFrom(...settingsVariants), ({ text }, settings) => assertServiceSound(text, settings)),
  'crlf': fc.property(fc.oneof(dumpedYaml, mutatedCorpusFile.map((m) => m.text)), (text) => assertCrlfLikeLf(text)),
  'incremental': fc.property(mutatedCorpusFile, anyManifestText, fc.boolean(), (edited, other, fromOriginal) => {
    const original = corpus.find((c) => c.name === edited.name)?.text ?? '';
    assertIncrementalMatchesFresh(fromOriginal ? original : other, edited.text);
  }),
};

/** The CLI spawns a process per case: a few per batch only. */
const cliProperty = fc.property(fc.oneof(
  anyManifestText.map((text) => Buffer.from(text, 'utf8')),
  fc.uint8Array({ maxLength: 2000 }),
  mutatedCorpusFile.map(({ text }) => Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0x00, 0xff])])),
), (bytes) => { assertCliSound(bytes); });

interface Failure {
  property: string;
  seed: number;
  report: string;
}

const cases = new Map<string, number>();
const failures: Failure[] = [];
const count = (name: string, n: number): void => { cases.set(name, (cases.get(name) ?? 0) + n); };

function batch(name: string, property: fc.IProperty<unknown>, seed: number, numRuns: number): void {
  const details = fc.check(property, { seed, numRuns, ...(replayPath ? { path: replayPath } : {}) });
  count(name, details.numRuns);
  if (details.failed) {
    failures.push({ property: name, seed, report: fc.defaultReportMessage(details) ?? String(details.errorInstance) });
    process.stdout.write(`\nFAILED ${name} (seed ${seed}; replay: npm run fuzz -- --only ${name} --seed ${seed} --path "${details.counterexamplePath ?? ''}")\n${fc.defaultReportMessage(details)}\n`);
  }
}

/** A deterministic sweep, checked case by case (no shrinking: the case is already named). */
function sweep(name: string, label: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    failures.push({ property: name, seed: baseSeed, report: `${label}: ${error instanceof Error ? error.stack ?? error.message : String(error)}` });
    process.stdout.write(`\nFAILED ${name}: ${label}\n${error instanceof Error ? error.message : String(error)}\n`);
  }
  count(name, 1);
}

const kinds: Mutation[] = [
  { kind: 'deleteLines', at: 0.5, count: 2 }, { kind: 'deleteLines', at: 0, count: 1 }, { kind: 'swapIndentation', a: 0.2, b: 0.7 },
  { kind: 'reindent', line: 0.4, by: -3 }, { kind: 'reindent', line: 0.8, by: 1 }, { kind: 'insert', at: 0.3, text: ': [' },
  { kind: 'insert', at: 0.9, text: '\t' }, { kind: 'replaceBytes', at: 0.6, text: '\uFFFD\0' }, { kind: 'truncate', at: 0.55 },
  { kind: 'duplicateLines', at: 0.1, count: 4 }, { kind: 'crlf' }, { kind: 'tabs' },
];

const started = performance.now();
process.stdout.write(`fuzz: seed ${baseSeed}, ${minutes} min${only ? `, only ${only}` : ''}\n`);
checkFile('file:///warm.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\n', defaultSettings, new WorkspaceIndex()); // compile schemas untimed

if (!only || only === 'sweep') {
  for (const file of corpus) for (const mutation of kinds) sweep('sweep', `${file.name} with ${JSON.stringify(mutation)}`, () => assertServiceSound(mutate(file.text, mutation)));
  // Truncation at every position of the smaller files (the larger ones get random truncations
  // below), for at most half the run, so the random properties get the other half.
  const sweepDeadline = started + (deadline - started) / 2;
  for (const file of corpus.filter((c) => c.text.length <= 3000).sort((a, b) => a.text.length - b.text.length)) {
    for (let at = 0; at <= file.text.length && performance.now() < sweepDeadline; at++) {
      sweep('truncate', `${file.name} truncated at ${at}`, () => assertServiceSound(file.text.slice(0, at)));
    }
  }
  process.stdout.write(`sweeps done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

let round = 0;
let lastProgress = performance.now();
const names = Object.keys(properties).filter((name) => !only || only === name);
while (performance.now() < deadline && (names.length > 0 || only === 'cli')) {
  for (const name of names) {
    if (performance.now() >= deadline) break;
    batch(name, properties[name] as fc.IProperty<unknown>, baseSeed + round * 101 + name.length, 100);
  }
  if ((!only || only === 'cli') && round % 5 === 0) batch('cli', cliProperty as fc.IProperty<unknown>, baseSeed + round, 3);
  round++;
  if (replayPath) break;
  if (performance.now() - lastProgress > 15_000) {
    lastProgress = performance.now();
    const total = [...cases.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`${((lastProgress - started) / 1000).toFixed(0)} s, ${total} cases, ${failures.length} failures\n`);
  }
}

const seconds = (performance.now() - started) / 1000;
const total = [...cases.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`\n\nfuzz: seed ${baseSeed}\n`);
for (const [name, n] of cases) process.stdout.write(`  ${name.padEnd(12)} ${n} cases\n`);
process.stdout.write(`total: ${total} cases in ${seconds.toFixed(0)} s, ${failures.length} failure${failures.length === 1 ? '' : 's'}\n`);
for (const failure of failures) process.stdout.write(`\n[${failure.property}] seed ${failure.seed}\n${failure.report}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
