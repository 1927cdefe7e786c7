// A Helm chart over LSP: opening a template renders the chart with Helm's engine; findings land on
// the template line that wrote the field, and on the values line its value came from.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { LspSession } from './lspClient';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'charts', 'postgresql');
let folder: string;
let session: LspSession;
let template: string;
let templateUri: string;
let valuesUri: string;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sts-chart-'));
  cpSync(fixture, join(folder, 'postgresql'), { recursive: true });
  template = join(folder, 'postgresql', 'templates', 'primary', 'statefulset.yaml');
  // A mistake in the template itself (line 21) and one in values.yaml (primary.updateStrategy.type).
  writeFileSync(template, readFileSync(template, 'utf8').replace('  replicas: 1\n', '  replicas: 1\n  podManagementPolicy: Sequential\n'));
  const values = join(folder, 'postgresql', 'values.yaml');
  writeFileSync(values, readFileSync(values, 'utf8').replace('  updateStrategy:\n    type: RollingUpdate', '  updateStrategy:\n    type: Recreate'));
  templateUri = pathToFileURL(template).href;
  valuesUri = pathToFileURL(values).href;
  session = new LspSession();
  await session.initialize(pathToFileURL(folder).href);
});
after(async () => {
  await session.close();
  rmSync(folder, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

test('a chart template gets the findings of what it renders, on its own lines', async () => {
  const text = readFileSync(template, 'utf8');
  await session.open(templateUri, text);
  const diagnostics = await session.diagnostics(templateUri, (d) => d.some((x) => x.code === 'pod-management-policy-invalid'), 60_000);
  const policy = diagnostics.find((d) => d.code === 'pod-management-policy-invalid')!;
  assert.equal(policy.range.start.line, lineOf(text, 'podManagementPolicy: Sequential'));
  const strategy = diagnostics.find((d) => d.code === 'update-strategy-invalid');
  assert.ok(strategy, `no update-strategy-invalid in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  assert.equal(strategy.range.start.line, lineOf(text, 'updateStrategy: {{- toYaml .Values.primary.updateStrategy'));
  const related = strategy.relatedInformation ?? [];
  assert.equal(related[0]?.location.uri, valuesUri);
  const valuesText = readFileSync(join(folder, 'postgresql', 'values.yaml'), 'utf8');
  assert.equal(related[0]?.location.range.start.line, lineOf(valuesText, '    type: Recreate'));
});

test('the values line that set the value gets a diagnostic of its own', async () => {
  const diagnostics = await session.diagnostics(valuesUri, (d) => d.length > 0, 60_000);
  assert.deepEqual(diagnostics.map((d) => d.code), ['update-strategy-invalid']);
  assert.equal(diagnostics[0]!.relatedInformation?.[0]?.location.uri, templateUri);
});

test('an edit of the template renders again: the finding goes when the mistake does', async () => {
  const fixed = readFileSync(template, 'utf8').replace('  podManagementPolicy: Sequential\n', '');
  await session.change(templateUri, 2, [{ text: fixed }]);
  const diagnostics = await session.diagnostics(templateUri, (d, version) => version === 2 && !d.some((x) => x.code === 'pod-management-policy-invalid'), 60_000);
  assert.ok(diagnostics.some((d) => d.code === 'update-strategy-invalid'));
});

test('a template Helm cannot parse is one diagnostic at the line Helm names', async () => {
  const broken = readFileSync(template, 'utf8').replace('kind: StatefulSet\n', 'kind: StatefulSet\n{{ if }}\n');
  await session.change(templateUri, 3, [{ text: broken }]);
  const diagnostics = await session.diagnostics(templateUri, (d) => d.some((x) => x.code === 'helm-render'), 60_000);
  const render = diagnostics.filter((d) => d.code === 'helm-render');
  assert.equal(render.length, 1);
  assert.equal(render[0]!.range.start.line, lineOf(broken, '{{ if }}'));
  assert.match(String(render[0]!.message), /Helm cannot render this chart/);
});

test('the preview and its CodeLens of a chart template show what the release creates', async () => {
  const text = readFileSync(template, 'utf8');
  const version = 10;
  await session.change(templateUri, version, [{ text }]);
  await session.diagnostics(templateUri, (d, v) => v === version && d.some((x) => x.code === 'update-strategy-invalid'), 60_000);
  type Preview = { statefulSet: { name: string; line: number }; simulation: { pods: { name: string; dns: string }[] } } | null;
  const preview = await session.connection.sendRequest<Preview>('statefulset/preview', { uri: templateUri, position: { line: 0, character: 0 } });
  assert.ok(preview, 'no preview of the chart template');
  assert.equal(preview.statefulSet.name, 'release-name-postgresql');
  assert.equal(preview.simulation.pods[0]?.name, 'release-name-postgresql-0');
  assert.equal(preview.statefulSet.line, lineOf(text, 'kind: StatefulSet'));
  const lenses = await session.connection.sendRequest<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: templateUri } });
  // One lens, on the template's own `kind:` line (its title says the release's two errors first).
  assert.deepEqual(lenses.map((l) => l.range.start.line), [lineOf(text, 'kind: StatefulSet')]);
  assert.match(lenses[0]!.command.title, /^Preview · /);
});

test('a literal the template wrote is fixed in the template', async () => {
  const text = readFileSync(template, 'utf8').replace('    spec:\n', '    spec:\n      terminationGracePeriodSeconds: 0\n');
  await session.change(templateUri, 20, [{ text }]);
  const diagnostics = await session.diagnostics(templateUri, (d, v) => v === 20 && d.some((x) => x.code === 'grace-period-zero'), 60_000);
  type Action = { title: string; edit?: { documentChanges: { textDocument: { uri: string }; edits: { range: { start: { line: number } }; newText: string }[] }[] } };
  const actionsFor = (code: string) => session.connection.sendRequest<Action[]>('textDocument/codeAction', {
    textDocument: { uri: templateUri }, range: diagnostics.find((d) => d.code === code)!.range,
    context: { diagnostics: diagnostics.filter((d) => d.code === code) },
  });
  const grace = (await actionsFor('grace-period-zero')).filter((a) => a.edit?.documentChanges[0]?.textDocument.uri === templateUri);
  assert.ok(grace.length > 0, 'no fix of the template literal');
  const change = grace[0]!.edit!.documentChanges[0]!;
  assert.equal(change.edits[0]!.range.start.line, lineOf(text, 'terminationGracePeriodSeconds: 0'));
});

test('a value from values.yaml is fixed in values.yaml', async () => {
  // partition 5 over 1 replica, set in values.yaml under primary.updateStrategy (written by toYaml).
  const values = join(folder, 'postgresql', 'values.yaml');
  const valuesText = readFileSync(values, 'utf8').replace('    type: Recreate\n    rollingUpdate: {}', '    type: RollingUpdate\n    rollingUpdate:\n      partition: 5');
  await session.open(valuesUri, valuesText);
  const diagnostics = await session.diagnostics(templateUri, (d) => d.some((x) => x.code === 'partition-exceeds-replicas'), 60_000);
  const diagnostic = diagnostics.find((d) => d.code === 'partition-exceeds-replicas')!;
  const actions = await session.connection.sendRequest<{ edit?: { documentChanges: { textDocument: { uri: string }; edits: { range: { start: { line: number } }; newText: string }[] }[] } }[]>(
    'textDocument/codeAction', { textDocument: { uri: templateUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const inValues = actions.find((a) => a.edit?.documentChanges[0]?.textDocument.uri === valuesUri);
  assert.ok(inValues, `no fix in values.yaml: ${JSON.stringify(actions.map((a) => a.edit?.documentChanges.map((c) => c.textDocument.uri)))}`);
  assert.equal(inValues.edit!.documentChanges[0]!.edits[0]!.range.start.line, lineOf(valuesText, '      partition: 5'));
  assert.match(inValues.edit!.documentChanges[0]!.edits[0]!.newText, /^\d+$/);
});

test('fix-all on a chart template fixes the template literal and the values line at once', async () => {
  // Both mistakes of the two tests before are still there: grace 0 in the template, partition 5 in values.yaml.
  const diagnostics = await session.diagnostics(templateUri, (d) => d.some((x) => x.code === 'grace-period-zero') && d.some((x) => x.code === 'partition-exceeds-replicas'), 60_000);
  type Change = { textDocument: { uri: string }; edits: { range: { start: { line: number } }; newText: string }[] };
  type Action = { title: string; kind: string; edit?: { documentChanges: Change[] } };
  const all = await session.connection.sendRequest<Action[]>('textDocument/codeAction', {
    textDocument: { uri: templateUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.statefulset'] },
  });
  const fixAll = all.find((a) => a.kind === 'source.fixAll.statefulset' && a.edit?.documentChanges.some((c) => c.textDocument.uri === valuesUri));
  assert.ok(fixAll, JSON.stringify(all));
  const byUri = new Map(fixAll.edit!.documentChanges.map((c) => [c.textDocument.uri, c.edits]));
  assert.deepEqual([...byUri.keys()].sort(), [templateUri, valuesUri].sort());
  assert.ok(byUri.get(templateUri)!.some((e) => e.newText.includes('30')), 'the grace period set to 30 in the template');
  assert.ok(byUri.get(valuesUri)!.some((e) => /^\d+$/.test(e.newText)), 'the partition lowered in values.yaml');
  // The light bulb of one of them offers it too, as a quick fix that counts both.
  const grace = diagnostics.find((d) => d.code === 'grace-period-zero')!;
  const bulb = await session.connection.sendRequest<Action[]>('textDocument/codeAction', {
    textDocument: { uri: templateUri }, range: grace.range, context: { diagnostics: [grace] },
  });
  assert.ok(bulb.some((a) => /^Fix all \d+ fixable StatefulSet problems in this file$/.test(a.title)), JSON.stringify(bulb.map((a) => a.title)));
});

test('the preview and the status item say which release, namespace and values the chart rendered with', async () => {
  type Release = { chart: string; releaseName: string; namespace: string; valuesFiles: string[]; set: string[] };
  const release = await session.connection.sendRequest<Release | null>('statefulset/chartRelease', { uri: templateUri });
  assert.deepEqual(release, { chart: join(folder, 'postgresql'), releaseName: 'release-name', namespace: 'default', valuesFiles: ['values.yaml'], set: [] });
  const preview = await session.connection.sendRequest<{ release?: Release } | null>('statefulset/preview', { uri: templateUri });
  assert.deepEqual(preview?.release, release);
  assert.equal(await session.connection.sendRequest('statefulset/chartRelease', { uri: pathToFileURL(join(folder, 'elsewhere.yaml')).href }), null);
});
