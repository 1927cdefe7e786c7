import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';
import { openEdited, positionOf, request, servicesOnDisk, servicesUri, session, statefulSet, stsUri, useWorkspaceSession } from './featureFixture';

// Navigation over a spawned server: definition, references, document symbols and rename; with
// what the server advertises and that no handler fails on input it cannot make sense of.

useWorkspaceSession();

test('the server advertises completion, hover, navigation, symbols and rename', async () => {
  const other = new LspSession();
  const result = (await other.initialize()) as { capabilities: Record<string, unknown> };
  await other.close();
  const { completionProvider, hoverProvider, definitionProvider, referencesProvider, documentSymbolProvider, renameProvider } = result.capabilities;
  assert.deepEqual(
    { completionProvider, hoverProvider, definitionProvider, referencesProvider, documentSymbolProvider, renameProvider },
    {
      completionProvider: { triggerCharacters: [' '] }, hoverProvider: true, definitionProvider: true, referencesProvider: true,
      documentSymbolProvider: true, renameProvider: { prepareProvider: true },
    },
  );
});

test('definition: serviceName to the Service in another file, a mount to its claim template or volume', async () => {
  const service = await request<Location[]>('textDocument/definition', stsUri, positionOf(statefulSet, 'serviceName: web', 14));
  assert.deepEqual(service, [{
    uri: servicesUri,
    range: { start: positionOf(servicesOnDisk, 'name: web\n', 6), end: positionOf(servicesOnDisk, 'name: web\n', 9) },
  }]);
  const claim = await request<Location[]>('textDocument/definition', stsUri, positionOf(statefulSet, '"data"', 2));
  assert.deepEqual(claim, [{ uri: stsUri, range: { start: positionOf(statefulSet, 'name: data', 6), end: positionOf(statefulSet, 'name: data', 10) } }]);
  const volume = await request<Location[]>('textDocument/definition', stsUri, positionOf(statefulSet, 'name: scratch', 8));
  assert.deepEqual(volume, [{ uri: stsUri, range: { start: positionOf(statefulSet, 'name: scratch', 6, 2), end: positionOf(statefulSet, 'name: scratch', 13, 2) } }]);
});

test('references: from a Service to the StatefulSets naming it, from a claim template to its mounts', async () => {
  await session.open(servicesUri, servicesOnDisk);
  const refs = await request<Location[]>('textDocument/references', servicesUri, positionOf(servicesOnDisk, 'name: web\n', 7), { context: { includeDeclaration: false } });
  const inSts = refs.filter((r) => r.uri === stsUri);
  assert.deepEqual(inSts, [{ uri: stsUri, range: { start: positionOf(statefulSet, 'serviceName: web', 13), end: positionOf(statefulSet, 'serviceName: web', 16) } }]);
  const withDeclaration = await request<Location[]>('textDocument/references', stsUri, positionOf(statefulSet, 'serviceName: web', 14), { context: { includeDeclaration: true } });
  assert.deepEqual(withDeclaration.filter((r) => r.uri === servicesUri || r.uri === stsUri).slice(0, 2), [
    { uri: servicesUri, range: { start: positionOf(servicesOnDisk, 'name: web\n', 6), end: positionOf(servicesOnDisk, 'name: web\n', 9) } },
    { uri: stsUri, range: { start: positionOf(statefulSet, 'serviceName: web', 13), end: positionOf(statefulSet, 'serviceName: web', 16) } },
  ]);
  const mounts = await request<Location[]>('textDocument/references', stsUri, positionOf(statefulSet, 'name: data', 7), { context: { includeDeclaration: true } });
  assert.deepEqual(mounts, [
    { uri: stsUri, range: { start: positionOf(statefulSet, 'name: data', 6), end: positionOf(statefulSet, 'name: data', 10) } },
    { uri: stsUri, range: { start: positionOf(statefulSet, '"data"'), end: positionOf(statefulSet, '"data"', 6) } },
  ]);
});

test('document symbols: each object as Kind name, a StatefulSet with its containers and claim templates', async () => {
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', servicesUri);
  assert.deepEqual(symbols.map((s) => [s.name, s.detail ?? null, s.kind, s.selectionRange.start.line]), [
    ['Service web-lb', null, 5, 3], ['Service web', null, 5, 12], ['Service elsewhere', 'prod', 5, 21],
  ]);
  const [sts] = await request<DocumentSymbol[]>('textDocument/documentSymbol', stsUri);
  assert.equal(sts?.name, 'StatefulSet web');
  assert.deepEqual(sts?.range, { start: { line: 0, character: 0 }, end: positionOf(statefulSet, '1Gi', 3) });
  assert.deepEqual(sts?.selectionRange, { start: positionOf(statefulSet, 'name: web', 6), end: positionOf(statefulSet, 'name: web', 9) });
  assert.deepEqual(sts?.children?.map((c) => [c.name, c.detail, c.kind]), [['nginx', 'nginx:1.27', 19], ['data', 'volumeClaimTemplate', 8]]);
});

test('rename of a claim template renames its mounts, keeping quotes and comments', async () => {
  const position = positionOf(statefulSet, 'name: data', 8);
  const prepared = await request<unknown>('textDocument/prepareRename', stsUri, position);
  assert.deepEqual(prepared, { range: { start: positionOf(statefulSet, 'name: data', 6), end: positionOf(statefulSet, 'name: data', 10) }, placeholder: 'data' });
  const edit = await request<WorkspaceEdit>('textDocument/rename', stsUri, position, { newName: 'storage' });
  assert.deepEqual(edit.changes?.[stsUri], [
    { range: { start: positionOf(statefulSet, '"data"', 1), end: positionOf(statefulSet, '"data"', 5) }, newText: 'storage' },
    { range: { start: positionOf(statefulSet, 'name: data', 6), end: positionOf(statefulSet, 'name: data', 10) }, newText: 'storage' },
  ]);
  assert.equal(await request('textDocument/prepareRename', stsUri, positionOf(statefulSet, 'nginx', 1)), null);
  await assert.rejects(request('textDocument/rename', stsUri, position, { newName: 'Not_Valid' }), /not a valid volume name/);
});

test('no handler fails on Helm templates, broken YAML, positions out of range or unknown files', async () => {
  const helm = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  serviceName: {{ .Values.svc }}\n  replicas: 3\n';
  const broken = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: [web\n  replicas: : 3\n\t- x\n';
  const helmUri = await openEdited('helm.yaml', helm);
  const brokenUri = await openEdited('broken.yaml', broken);
  const unknown = 'file:///nowhere/unknown.yaml';
  const positions: Position[] = [{ line: 5, character: 16 }, { line: 6, character: 4 }, { line: 999, character: 0 }, { line: 2, character: 999 }, { line: 0, character: 0 }];
  for (const uri of [helmUri, brokenUri, unknown]) {
    for (const position of positions) {
      assert.deepEqual(await request('textDocument/completion', uri, position), [], `completion ${uri} ${JSON.stringify(position)}`);
      assert.equal(await request('textDocument/hover', uri, position), null);
      assert.deepEqual(await request('textDocument/definition', uri, position), []);
      assert.deepEqual(await request('textDocument/references', uri, position, { context: { includeDeclaration: true } }), []);
      assert.equal(await request('textDocument/prepareRename', uri, position), null);
      assert.equal(await request('textDocument/rename', uri, position, { newName: 'x' }), null);
    }
    assert.deepEqual(await request('textDocument/documentSymbol', uri), []);
  }
  assert.equal(session.exitCode, null, 'the server is still running');
});
