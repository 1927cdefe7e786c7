import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, OptionalVersionedTextDocumentIdentifier, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';

const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 0   # keep this comment
      restartPolicy: Never
      containers:
        - name: nginx
          image: nginx
`;

let session: LspSession;
before(async () => {
  session = new LspSession();
  await session.initialize();
});
after(() => session.close());

function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return session.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) },
  });
}

/** Our servers send plain text edits only. */
function editsOf(action: CodeAction | undefined): { textDocument: OptionalVersionedTextDocumentIdentifier; edits: TextEdit[] }[] {
  return (action?.edit?.documentChanges ?? []) as { textDocument: OptionalVersionedTextDocumentIdentifier; edits: TextEdit[] }[];
}

test('the server advertises quick fixes and its fix-all kind', async () => {
  const other = new LspSession();
  const result = (await other.initialize()) as { capabilities: { codeActionProvider: { codeActionKinds: string[] } } };
  await other.close();
  assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.statefulset']);
});

test('a quick fix keyed on the diagnostic: minimal edit, the document version, and the diagnostic goes', async () => {
  const uri = 'file:///tmp/fix-grace.yaml';
  await session.open(uri, manifest, 7);
  const diagnostics = await session.diagnostics(uri, (d) => d.length > 0);
  const grace = diagnostics.filter((d) => d.code === 'grace-period-zero');
  const actions = await actionsFor(uri, grace);
  // Issue 24 added the last one: fix-all in the light bulb, as the ESLint extension offers it.
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
    ['Set terminationGracePeriodSeconds to 30 (the Kubernetes default)', 'quickfix', true],
    ['Ignore grace-period-zero here (# sts-ignore grace-period-zero)', 'quickfix', false],
    ['Fix all 3 fixable StatefulSet problems in this file', 'quickfix', undefined],
  ]);
  const [change] = editsOf(actions[0]);
  assert.deepEqual(change, {
    textDocument: { uri, version: 7 },
    edits: [{ range: { start: { line: 14, character: 37 }, end: { line: 14, character: 38 } }, newText: '30' }],
  });
  await session.change(uri, 8, change?.edits.map((e) => ({ range: e.range, text: e.newText })) ?? []);
  const after = await session.diagnostics(uri, (_, version) => version === 8);
  assert.deepEqual(after.map((d) => d.code).sort(), ['restart-policy-invalid', 'service-missing']);
});

test('a stale diagnostic (its span no longer holds the finding) gets no fixes', async () => {
  const uri = 'file:///tmp/fix-stale.yaml';
  await session.open(uri, manifest);
  const diagnostics = await session.diagnostics(uri, (d) => d.length > 0);
  const grace = diagnostics.filter((d) => d.code === 'grace-period-zero').map((d) => ({ ...d, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } } }));
  assert.deepEqual(await actionsFor(uri, grace), []);
});

test('fix all applies every preferred fix in one edit of this file', async () => {
  const uri = 'file:///tmp/fix-all.yaml';
  await session.open(uri, manifest, 3);
  await session.diagnostics(uri, (d) => d.length === 3);
  const [action] = await actionsFor(uri, [], ['source.fixAll']);
  assert.equal(action?.title, 'Fix all StatefulSet problems in this file');
  const [change] = editsOf(action);
  assert.equal(change?.textDocument.version, 3);
  assert.deepEqual(change?.edits.map((e) => e.newText), ['30', 'Always', '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n']);
});

test('a fix for a Service in a file on disk edits that file, with version null', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-lsp-'));
  const servicePath = join(folder, 'service.yaml');
  writeFileSync(servicePath, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
  const other = new LspSession();
  await other.initialize(pathToFileURL(folder).href);
  const uri = pathToFileURL(join(folder, 'sts.yaml')).href;
  await other.open(uri, manifest);
  const diagnostics = await other.diagnostics(uri, (d) => d.some((x) => x.code === 'service-not-headless'), 20_000);
  const notHeadless = diagnostics.filter((d) => d.code === 'service-not-headless');
  const actions = (await other.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: notHeadless[0]?.range, context: { diagnostics: notHeadless },
  })) as CodeAction[];
  await other.close();
  const change = editsOf(actions[0])[0];
  assert.match(actions[0]?.title ?? '', /^Make Service "web" headless/);
  assert.deepEqual(change?.textDocument, { uri: pathToFileURL(servicePath).href, version: null });
  assert.deepEqual(change?.edits, [{ range: { start: { line: 6, character: 21 }, end: { line: 6, character: 21 } }, newText: '\n  clusterIP: None' }]);
  assert.equal(readFileSync(servicePath, 'utf8').includes('clusterIP'), false, 'the server never writes files itself');
});

test('service-missing also offers the Service in a new file beside the manifest, never over an existing one', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-lsp-'));
  const uri = pathToFileURL(join(folder, 'sts.yaml')).href;
  await session.open(uri, manifest);
  const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'service-missing'));
  const missing = diagnostics.filter((d) => d.code === 'service-missing');
  const newFile = (await actionsFor(uri, missing)).find((a) => a.title.includes('in a new file'));
  assert.equal(newFile?.title, 'Create the headless Service "web" in a new file, web-service.yaml');
  const target = pathToFileURL(join(folder, 'web-service.yaml')).href;
  assert.deepEqual(newFile?.edit?.documentChanges, [
    { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } },
    {
      textDocument: { uri: target, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n  selector:\n    app: web\n' }],
    },
  ]);
  writeFileSync(join(folder, 'web-service.yaml'), '# taken\n');
  assert.equal((await actionsFor(uri, missing)).some((a) => a.title.includes('in a new file')), false);
});
