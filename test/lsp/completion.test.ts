import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { openEdited, positionOf, request, statefulSet, useWorkspaceSession } from './featureFixture';

// Completion over a spawned server: Service names, field names, values, mount names and selector labels.

useWorkspaceSession();

function simpleItems(items: CompletionItem[] | null): unknown[] {
  return (items ?? []).map((i) => [i.label, i.detail ?? null, i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : null]);
}

test('serviceName completion: headless Services of the namespace first, then the others marked not headless', async () => {
  const text = `${statefulSet.replace('serviceName: web', 'serviceName: ')}---
apiVersion: v1
kind: Service
metadata:
  name: local
spec:
  clusterIP: None
`;
  const uri = await openEdited('complete-service.yaml', text);
  const position = positionOf(text, 'serviceName: ', 'serviceName: '.length);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, position);
  assert.deepEqual(simpleItems(items), [
    ['local', 'headless Service in this file', 'local'],
    ['web', 'headless Service in services.yaml', 'web'],
    ['web-lb', 'Service in services.yaml, not headless', 'web-lb'],
  ]);
  assert.deepEqual(items[0]?.textEdit, { range: { start: position, end: position }, newText: 'local' });
  assert.deepEqual(items.map((i) => i.sortText), ['0000-local', '0001-web', '0002-web-lb']);
  assert.equal((items[2]?.documentation as { value: string }).value,
    'Not headless (`clusterIP` is not `None`): pods get no per-pod DNS records through it.');
});

test('field name completion: the fields of the map not yet written, with type and description', async () => {
  const text = statefulSet.replace('  replicas: 3\n', '  replicas: 3\n  re\n');
  const uri = await openEdited('complete-field.yaml', text);
  const position = positionOf(text, '  re\n', 4);
  const all = await request<CompletionItem[]>('textDocument/completion', uri, position);
  // Issue 24 moved the snippets to the server: after the fields, the spec snippets not yet written (kind 15, Snippet).
  assert.deepEqual(all.filter((i) => i.kind === 15).map((i) => i.label), ['retentionpolicy']);
  const items = all.filter((i) => i.kind !== 15);
  assert.deepEqual(simpleItems(items), [
    ['minReadySeconds', 'integer', 'minReadySeconds: '],
    ['ordinals', 'StatefulSetOrdinals', 'ordinals:'],
    ['persistentVolumeClaimRetentionPolicy', 'StatefulSetPersistentVolumeClaimRetentionPolicy', 'persistentVolumeClaimRetentionPolicy:'],
    ['revisionHistoryLimit', 'integer', 'revisionHistoryLimit: '],
  ]);
  assert.deepEqual(items[0]?.textEdit, { range: { start: { line: position.line, character: 2 }, end: position }, newText: 'minReadySeconds: ' });
  assert.match((items[0]?.documentation as { value: string }).value, /^Minimum number of seconds for which a newly created pod should be ready/);
});

test('value completion: the known values of fields the OpenAPI gives no enum for', async () => {
  const text = statefulSet.replace('podManagementPolicy: OrderedReady', 'podManagementPolicy: Par');
  const uri = await openEdited('complete-values.yaml', text);
  const policy = await request<CompletionItem[]>('textDocument/completion', uri, positionOf(text, 'Par', 3));
  assert.deepEqual(policy.map((i) => [i.label, (i.documentation as { value: string } | undefined)?.value]), [
    ['OrderedReady', 'One pod at a time, lowest ordinal first, each waiting for the previous to be Running and Ready (the default).'],
    ['Parallel', 'All pods are created or deleted at once, without waiting for one another.'],
  ]);
  assert.deepEqual(policy[1]?.textEdit, { range: { start: positionOf(text, 'Par'), end: positionOf(text, 'Par', 3) }, newText: 'Parallel' });
  // Half-typed, in a flow list not yet closed.
  const flow = statefulSet.replace('accessModes: ["ReadWriteOnce"]', 'accessModes: ["Read');
  const flowUri = await openEdited('complete-flow.yaml', flow);
  const modes = await request<CompletionItem[]>('textDocument/completion', flowUri, positionOf(flow, '["Read', 6));
  assert.deepEqual(modes.map((i) => i.label), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
});

test('volumeMounts name completion: claim templates, then volumes', async () => {
  const text = statefulSet.replace('- name: "data"', '- name: ');
  const uri = await openEdited('complete-mount.yaml', text);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, positionOf(text, '- name: \n', 8));
  assert.deepEqual(simpleItems(items), [
    ['data', 'volumeClaimTemplate: one PVC per pod', 'data'],
    ['scratch', 'volume (emptyDir)', 'scratch'],
  ]);
});

test('selector completion offers the template labels it lacks', async () => {
  const text = statefulSet.replace('      app: web\n  template:', '      app: web\n      \n  template:');
  const uri = await openEdited('complete-labels.yaml', text);
  const items = await request<CompletionItem[]>('textDocument/completion', uri, positionOf(text, '      \n  template:', 6));
  assert.deepEqual(simpleItems(items), [['tier: db', 'from the pod template labels', 'tier: db']]);
});
