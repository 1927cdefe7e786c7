import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixAllEdits, fixesFor, type DocumentsOf } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import type { Edit } from '../../server/src/service/fixes/yamlText';
import { checkFile, type CheckedFile } from '../../server/src/service/languageService';
import type { Finding } from '../../server/src/service/model';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { previewOf } from '../../server/src/service/previewOf';
import { ruleIds, yamlSyntaxRule } from '../../server/src/service/rules/index';
import { defaultSettings, type Settings } from '../../server/src/service/settings';
import { servicesInText } from '../../server/src/host/scanWorkspace';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

/**
 * The properties every input must satisfy, whatever its text: no exception escapes the
 * language service, each call returns within a bound, every range lies inside the text, and
 * every offered fix gives a text that is itself checked soundly. They throw an assertion
 * error naming what broke; fast-check adds the seed and the (shrunk) input.
 */

/** One call of the language service may take at most this long (a keystroke's budget, generously). */
export const callBoundMs = 2000;

const uri = 'file:///fuzz/manifest.yaml';

/** A workspace with one headless Service beside the file, so the service-* rules take both paths. */
const index = new WorkspaceIndex();
const serviceUri = 'file:///fuzz/service.yaml';
index.set(serviceUri, servicesInText(serviceUri, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n', 'default'));

/** The settings the properties run under: the defaults, and everything switched on or off. */
export const settingsVariants: readonly Settings[] = [
  defaultSettings,
  { ...defaultSettings, maxUnavailableGate: true, defaultNamespace: 'prod', rules: { 'grace-period-zero': 'error' } },
  { ...defaultSettings, schemaValidation: false, rules: Object.fromEntries(ruleIds.filter((_, i) => i % 3 === 0).map((id) => [id, 'off'])) },
];

const knownRules = new Set([...ruleIds, yamlSyntaxRule.id]);
const severities = new Set(['error', 'warning', 'info', 'hint']);

/**
 * Runs `call`, failing when it throws past us or takes longer than the bound. The bound is on
 * the CPU time the call used: a synchronous call that hangs burns CPU, while wall-clock time
 * also counts whatever else the (shared, two-core) machine is doing.
 */
export function timed<T>(label: string, call: () => T, boundMs = callBoundMs): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = call();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const elapsed = performance.now() - started;
  assert.ok(cpuMs <= boundMs, `${label} took ${cpuMs.toFixed(0)} ms of CPU, ${elapsed.toFixed(0)} ms in all (bound ${boundMs} ms)`);
  return result;
}

/** Every finding is well-formed and inside the text; its positions are real lines. */
export function assertFindingsInBounds(text: string, file: CheckedFile, label: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length; // LSP's line breaks
  for (const f of file.findings) {
    const where = `${label}: ${f.rule} [${f.start}, ${f.end}) in a text of ${text.length}`;
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `${where}: offsets must be integers`);
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${where}: range out of bounds`);
    assert.ok(knownRules.has(f.rule), `${where}: unknown rule`);
    assert.ok(severities.has(f.severity), `${where}: unknown severity ${f.severity}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: empty message`);
    const end = file.lines.positionAt(f.end);
    assert.ok(end.line < lineCount && end.character >= 0, `${where}: position ${end.line}:${end.character} is past the last line`);
  }
}

/** Edits for one file: inside it, in order-independent form and not intersecting one another. */
export function assertEditsInBounds(text: string, edits: readonly Edit[], label: string): void {
  for (const edit of edits) {
    assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${label}: edit [${edit.start}, ${edit.end}) outside a text of ${text.length}`);
    assert.equal(typeof edit.newText, 'string', `${label}: edit without text`);
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((edit, i) => {
    const next = sorted[i + 1];
    assert.ok(!next || edit.end <= next.start, `${label}: edits [${edit.start}, ${edit.end}) and [${next?.start}, ${next?.end}) intersect`);
  });
}

function finderFor(file: CheckedFile): DocumentsOf {
  return (target) => (target === uri ? file.documents : undefined);
}

/** A checked text, timed and in bounds. */
function checked(text: string, settings: Settings, label: string, store?: DocumentStore): CheckedFile {
  const file = timed(`checkFile (${label})`, () => checkFile(uri, store ? store.setText(text) : text, settings, index));
  assertFindingsInBounds(text, file, label);
  return file;
}

/** Findings reduced to what the user sees, for comparing two checks of the same text. */
const visible = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.start}-${f.end} ${f.severity} ${f.rule}: ${f.message}`);

/** At most this many findings get their fixes tried per input, to keep one case cheap. */
const maxFindingsFixed = 12;

/**
 * The whole property for one text: check it, then every fix of (up to a dozen) findings and
 * "fix all" applied and re-checked, and the preview of the StatefulSet at a few offsets.
 */
export function assertServiceSound(text: string, settings: Settings = defaultSettings): void {
  const file = checked(text, settings, 'input');
  for (const finding of file.findings.slice(0, maxFindingsFixed)) {
    const fixes = timed(`fixesFor ${finding.rule}`, () => fixesFor(uri, text, file, finding, settings, finderFor(file)));
    for (const fix of fixes) {
      const label = `fix "${fix.title}" of ${finding.rule}`;
      for (const [target, edits] of Object.entries(fix.edits)) {
        if (fix.creates?.includes(target)) {
          // A new file beside this one: its whole content, which must itself check without a crash.
          assert.deepEqual(edits.map((e) => [e.start, e.end]), [[0, 0]], `${label} writes a new file at its start only`);
          checked(edits[0]?.newText ?? '', settings, `the new file of ${label}`);
          continue;
        }
        assert.equal(target, uri, `${label} edits another file`);
        assertEditsInBounds(text, edits, label);
        checked(applyEdits(text, edits), settings, `after ${label}`);
      }
    }
  }
  const all = timed('fixAllEdits', () => fixAllEdits(uri, file, settings, finderFor(file)));
  assertEditsInBounds(text, all, 'fix all');
  if (all.length > 0) checked(applyEdits(text, all), settings, 'after fix all');
  for (const offset of [undefined, 0, Math.floor(text.length / 2), text.length]) {
    const preview = timed('previewOf', () => previewOf(uri, file, settings, index, offset === undefined ? {} : { offset }));
    // The server sends the preview over JSON-RPC: it must serialize (no cycles, no BigInt).
    assert.doesNotThrow(() => JSON.stringify(preview), 'the preview does not serialize');
  }
}

/**
 * A file edited from `before` to `after` in the editor (one DocumentStore, cached documents)
 * is reported exactly as the same text checked from scratch: the cache never shows stale findings.
 */
export function assertIncrementalMatchesFresh(before: string, after: string, settings: Settings = defaultSettings): void {
  const store = new DocumentStore();
  checked(before, settings, 'before the edit', store);
  const incremental = checked(after, settings, 'after the edit (cached)', store);
  const fresh = checked(after, settings, 'after the edit (fresh)');
  assert.deepEqual(visible(incremental.findings), visible(fresh.findings), 'an edit checked with the cache differs from a fresh check');
}

/**
 * The same manifest with CRLF line breaks gives its findings on the same lines and columns,
 * and each fix does the same as on the LF text, with CRLF line breaks (no bare LF creeps in).
 */
export function assertCrlfLikeLf(text: string, settings: Settings = defaultSettings): void {
  const lf = text.replace(/\r/g, '');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = checked(lf, settings, 'LF');
  const b = checked(crlf, settings, 'CRLF');
  const where = (file: CheckedFile) => file.findings.map((f) => {
    const start = file.lines.positionAt(f.start);
    return `${f.rule} at ${start.line}:${start.character}`;
  });
  assert.deepEqual(where(b), where(a), 'findings of the CRLF text are not where they are in the LF text');
  // A text without any line break has no style to keep: a fix's new line is LF in both.
  const asCrlf = (result: string): string => (lf.includes('\n') ? result.replace(/\r?\n/g, '\r\n') : result);
  a.findings.slice(0, maxFindingsFixed).forEach((finding, i) => {
    const other = b.findings[i];
    if (!other) return;
    const fixesA = fixesFor(uri, lf, a, finding, settings, finderFor(a));
    const fixesB = fixesFor(uri, crlf, b, other, settings, finderFor(b));
    assert.deepEqual(fixesB.map((f) => f.title), fixesA.map((f) => f.title), `the fixes of ${finding.rule} differ with CRLF`);
    fixesA.forEach((fix, j) => {
      const edited = applyEdits(crlf, fixesB[j]?.edits[uri] ?? []);
      assert.equal(edited, asCrlf(applyEdits(lf, fix.edits[uri] ?? [])), `fix "${fix.title}" of ${finding.rule} does not keep CRLF`);
    });
  });
  const allA = applyEdits(lf, fixAllEdits(uri, a, settings, finderFor(a)));
  const allB = applyEdits(crlf, fixAllEdits(uri, b, settings, finderFor(b)));
  assert.equal(allB, asCrlf(allA), 'fix all does not keep CRLF');
}

/** What `sts check --format json` reports for one input, and how it ended. */
export interface CliOutcome {
  status: number | null;
  reports: unknown[];
  stderr: string;
}

const cliPath = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/**
 * Runs the bundled CLI on bytes written to a file (so invalid UTF-8 reaches it as such): it
 * exits 0 or 1 with a JSON report whose lines are inside the file, within the bound, or, for
 * bytes that are not text, 2 with one sentence naming a binary file.
 */
export function assertCliSound(bytes: Uint8Array, boundMs = 15_000): CliOutcome {
  const folder = mkdtempSync(join(tmpdir(), 'sts-fuzz-'));
  try {
    const file = join(folder, 'input.yaml');
    writeFileSync(file, bytes);
    const result = timed('sts check', () => spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', file], { encoding: 'utf8', timeout: boundMs, maxBuffer: 256 * 1024 * 1024 }), boundMs);
    // Bytes that are mostly control characters are named as a binary file (exit 2, issue 23).
    if (result.status === 2 && /^sts: \S+ is a binary file \([^)]+\), not YAML\.$/.test(result.stderr.trim())) return { status: 2, reports: [], stderr: result.stderr };
    assert.ok(result.status === 0 || result.status === 1, `sts check exited ${result.status} (signal ${result.signal}): ${result.stderr}`);
    const reports = JSON.parse(result.stdout) as { line: number; endLine: number; column: number }[];
    // Lines as the CLI and LSP count them: a lone \r ends a line too.
    const lines = Buffer.from(bytes).toString('utf8').split(/\r\n|\r|\n/).length;
    for (const r of reports) assert.ok(r.line >= 1 && r.line <= r.endLine && r.endLine <= lines && r.column >= 1, `report out of the file: ${JSON.stringify(r)}`);
    return { status: result.status, reports, stderr: result.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
