import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { openEdited, positionOf, request, statefulSet, useWorkspaceSession } from './featureFixture';

// Issue 24: snippets come from the server, once each, only where they fit.
useWorkspaceSession();

const snippetKind = 15;
const snippetsOf = (items: CompletionItem[] | null): string[] => (items ?? []).filter((i) => i.kind === snippetKind).map((i) => i.label);

test('an empty file: the whole-document snippets, one name each, as snippets with tab stops', async () => {
  const uri = await openEdited('snippet-empty.yaml', '');
  const items = await request<CompletionItem[]>('textDocument/completion', uri, { line: 0, character: 0 });
  assert.deepEqual(snippetsOf(items), ['statefulset', 'headless-service', 'poddisruptionbudget']);
  const sts = items.find((i) => i.label === 'statefulset');
  assert.equal(sts?.detail, 'StatefulSet with its headless Service');
  assert.equal(sts?.insertTextFormat, 2);
  assert.match(sts?.textEdit && 'newText' in sts.textEdit ? sts.textEdit.newText : '', /^apiVersion: v1\nkind: Service\nmetadata:\n {2}name: \$\{1:web\}/);
});

test('a word typed after "---" starts a new document: the document snippets replace it', async () => {
  const text = `${statefulSet}---\nsts`;
  const uri = await openEdited('snippet-after.yaml', text);
  const position = positionOf(text, '---\nsts', 7);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, position);
  assert.deepEqual(snippetsOf(items), ['statefulset', 'headless-service', 'poddisruptionbudget']);
  const edit = items.find((i) => i.label === 'statefulset')?.textEdit;
  assert.deepEqual(edit && 'range' in edit ? edit.range : undefined, { start: positionOf(text, '---\nsts', 4), end: position });
});

test('no snippet as the value of podManagementPolicy, nor inside a document already written', async () => {
  const text = statefulSet.replace('podManagementPolicy: OrderedReady', 'podManagementPolicy: ');
  const uri = await openEdited('snippet-value.yaml', text);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, positionOf(text, 'podManagementPolicy: ', 'podManagementPolicy: '.length));
  assert.deepEqual(snippetsOf(items), []);
  assert.ok(items.length > 0, 'the values are still offered');
  const top = statefulSet.replace('metadata:\n', 'sts\nmetadata:\n');
  const topUri = await openEdited('snippet-top.yaml', top);
  assert.deepEqual(snippetsOf(await request<CompletionItem[]>('textDocument/completion', topUri, positionOf(top, 'sts\n', 3))), []);
});

test('a new claim template item gets the volumeclaimtemplate snippet', async () => {
  const text = statefulSet.replace('  volumeClaimTemplates:\n', '  volumeClaimTemplates:\n    - vct\n');
  const uri = await openEdited('snippet-claim.yaml', text);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, positionOf(text, '- vct', 5));
  assert.deepEqual(snippetsOf(items), ['volumeclaimtemplate']);
  const edit = items.find((i) => i.label === 'volumeclaimtemplate')?.textEdit;
  assert.match(edit && 'newText' in edit ? edit.newText : '', /^metadata:\n {4}name: \$\{1:data\}\n {2}spec:/);
});
