import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import type { PreviewResult } from '../../protocol/protocol';
import { LspSession } from './lspClient';

// Issue 24: the preview, the CodeLens, the fixes and the messages agree, over real LSP streams.
const mistakes = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'mistakes.yaml'), 'utf8');

const web = (spec: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
${spec}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
`;

let session: LspSession;
before(async () => {
  session = new LspSession();
  await session.initialize();
});
after(() => session.close());

const preview = (uri: string): Promise<PreviewResult> => session.connection.sendRequest('statefulset/preview', { uri });
const lenses = async (uri: string): Promise<string[]> =>
  ((await session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[]).map((l) => l.command?.title ?? '');
const actions = (uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> => session.connection.sendRequest('textDocument/codeAction', {
  textDocument: { uri }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  context: { diagnostics, ...(only ? { only } : {}) },
});
const editsOf = (action: CodeAction | undefined): TextEdit[] =>
  ((action?.edit?.documentChanges ?? []) as { edits: TextEdit[] }[]).flatMap((change) => change.edits);

test('replicas: -2 is refused: the preview says so first with no rollout impact, and the CodeLens agrees', async () => {
  const uri = 'file:///tmp/agree-negative.yaml';
  await session.open(uri, web('  replicas: -2\n'));
  await session.diagnostics(uri, (d) => d.some((x) => x.severity === 1));
  const result = await preview(uri);
  assert.equal(result?.blocked?.kind, 'refused');
  assert.deepEqual(result?.blocked?.problems.map((p) => [p.rule, p.line]), [['negative-value', 6]]);
  assert.equal(result?.impact, null);
  assert.deepEqual(await lenses(uri), ['Preview · refused by the API server (1 error)']);
});

test('a selector that does not match: refused, not a list of pods to create; the lens says so too', async () => {
  const uri = 'file:///tmp/agree-selector.yaml';
  await session.open(uri, web('  replicas: 3\n').replace('        app: web\n    spec:', '        app: nginx\n    spec:'));
  await session.diagnostics(uri, (d) => d.some((x) => x.code === 'selector-mismatch'));
  const result = await preview(uri);
  assert.equal(result?.blocked?.kind, 'refused');
  assert.deepEqual(result?.blocked?.problems.map((p) => p.rule), ['selector-mismatch']);
  assert.deepEqual(await lenses(uri), ['Preview · refused by the API server (1 error)']);
});

test('a manifest with no error: not blocked, and the lens counts its pods', async () => {
  const uri = 'file:///tmp/agree-clean.yaml';
  await session.open(uri, web('  replicas: 3\n'));
  await session.diagnostics(uri);
  assert.equal((await preview(uri))?.blocked, null);
  assert.deepEqual(await lenses(uri), ['Preview · 3 pods']);
});

test('partition = replicas: no diagnostic and no preview warning; the page is told it holds every pod', async () => {
  const uri = 'file:///tmp/agree-partition.yaml';
  await session.open(uri, web('  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      partition: 2\n'));
  const diagnostics = await session.diagnostics(uri);
  assert.deepEqual(diagnostics.map((d) => d.code), []);
  const result = await preview(uri);
  assert.deepEqual(result?.simulation.warnings, []);
  assert.deepEqual(result?.simulation.plans.update, []);
});

test('examples/mistakes.yaml: a mistyped mount offers "Rename to data" first; fix-all is in the light bulb, fixes both errors, and does not undo itself', async () => {
  const uri = 'file:///tmp/agree-mistakes.yaml';
  await session.open(uri, mistakes, 1);
  const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'volume-mount-unknown'));
  const mount = diagnostics.filter((d) => d.code === 'volume-mount-unknown');
  const bulb = await actions(uri, mount);
  assert.deepEqual(bulb.map((a) => [a.title, a.isPreferred]), [
    ['Rename to "data"', true],
    ['Add a volumeClaimTemplate "pgdata" (ReadWriteOnce, 1Gi)', false],
    ['Ignore volume-mount-unknown here (# sts-ignore volume-mount-unknown)', false],
    ['Fix all 6 fixable StatefulSet problems in this file', undefined],
  ]);
  const partition = diagnostics.filter((d) => d.code === 'partition-exceeds-replicas');
  assert.equal((await actions(uri, partition))[0]?.title, 'Set partition to 2 (= replicas: hold every pod on the old revision)');

  const fixAll = bulb.at(-1);
  const [source] = await actions(uri, [], ['source.fixAll']);
  assert.deepEqual(editsOf(fixAll), editsOf(source), 'the light bulb and the source action make the same edit');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, mistakes), editsOf(fixAll));
  await session.change(uri, 2, [{ text: fixed }]);
  const after = await session.diagnostics(uri, (_, version) => version === 2);
  assert.deepEqual(after.map((d) => d.code), [], 'fix-all leaves nothing, not even a Service that misses the pods');
  const result = await preview(uri);
  assert.equal(result?.blocked, null);
  assert.deepEqual(result?.simulation.warnings, [], 'the preview does not warn about the partition fix-all chose');
  assert.deepEqual(await lenses(uri), ['Preview · 2 pods']);
});

test('service-missing names a pod\'s DNS name, not the Service\'s', async () => {
  const uri = 'file:///tmp/agree-missing.yaml';
  // Another name than mistakes.yaml's: the fixed copy above now has a Service "postgres".
  await session.open(uri, mistakes.replace('serviceName: postgres', 'serviceName: pg-headless'));
  const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'service-missing'));
  const message = String(diagnostics.find((d) => d.code === 'service-missing')?.message ?? '');
  assert.match(message, /the pods' own DNS names \(db-0\.pg-headless\.default\.svc…\)/);
});

test('the hover on a missing Service warns first, then gives the DNS name as one that works once fixed', async () => {
  const uri = 'file:///tmp/agree-hover.yaml';
  const text = mistakes.replace('serviceName: postgres', 'serviceName: pg-missing');
  await session.open(uri, text);
  await session.diagnostics(uri, (d) => d.some((x) => x.code === 'service-missing'));
  const line = text.split('\n').findIndex((l) => l.includes('serviceName: pg-missing'));
  const hover = await session.connection.sendRequest('textDocument/hover', {
    textDocument: { uri }, position: { line, character: '  serviceName: pg'.length },
  }) as { contents: { value: string } } | null;
  const parts = (hover?.contents.value ?? '').split('\n\n');
  assert.match(parts[1] ?? '', /^⚠ /);
  assert.equal(parts[2], 'Pod DNS name, once that is fixed: `db-0.pg-missing.default.svc.cluster.local`');
});
