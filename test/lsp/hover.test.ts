import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { openEdited, positionOf, request, statefulSet, stsUri, useWorkspaceSession } from './featureFixture';

// Hover over a spawned server: the field's type and description, and what the StatefulSet will create.

useWorkspaceSession();

function hoverText(hover: Hover | null): string {
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

test('hover on serviceName: the Service, whether headless, and a pod DNS name', async () => {
  const hover = await request<Hover>('textDocument/hover', stsUri, positionOf(statefulSet, 'serviceName', 3));
  const [heading, service, dns, description] = hoverText(hover).split('\n\n');
  assert.deepEqual([heading, service, dns], [
    '**serviceName**: `string`',
    'Service `web` in services.yaml: **headless**',
    'Pod DNS name: `web-0.web.default.svc.cluster.local`',
  ]);
  assert.match(description ?? '', /^serviceName is the name of the service that governs this StatefulSet/);
  assert.deepEqual(hover.range, { start: positionOf(statefulSet, 'serviceName'), end: positionOf(statefulSet, 'serviceName', 11) });
});

test('hover on a non-headless serviceName warns that pod names do not resolve', async () => {
  const text = statefulSet.replace('serviceName: web', 'serviceName: web-lb');
  const uri = await openEdited('hover-lb.yaml', text);
  const parts = hoverText(await request<Hover>('textDocument/hover', uri, positionOf(text, 'web-lb', 1))).split('\n\n');
  // Issue 24: the warning first, and the DNS name said to be one that does not resolve yet.
  assert.deepEqual(parts.slice(1, 4), [
    '⚠ Service "web-lb" is not headless (clusterIP is not set, not "None"): per-pod DNS records are only guaranteed for headless Services',
    'Service `web-lb` in services.yaml: **not headless** (`clusterIP` is not `None`)',
    'Pod DNS name, once that is fixed: `web-0.web-lb.default.svc.cluster.local`',
  ]);
});

test('hover on replicas, partition, a claim template, the pod management policy and the update strategy', async () => {
  const facts = async (needle: string, delta = 1): Promise<string[]> =>
    hoverText(await request<Hover>('textDocument/hover', stsUri, positionOf(statefulSet, needle, delta))).split('\n\n').slice(0, 3);
  assert.deepEqual((await facts('replicas')).slice(0, 2), ['**replicas**: `integer`', '**3 pods**: `web-0` … `web-2`']);
  assert.deepEqual((await facts('partition')).slice(0, 2),
    ['**partition**: `integer`', 'Template updates reach `web-1`, `web-2` (ordinals ≥ 1); `web-0` stays at the current revision.']);
  assert.deepEqual(await facts('name: data', 7), [
    '**name**: `string`', '**PVCs**: `data-web-0` … `data-web-2`', 'When the StatefulSet is deleted: Retain; on scale-down: Retain.',
  ]);
  assert.deepEqual((await facts('OrderedReady')).slice(0, 2), [
    '**podManagementPolicy**: `string`',
    'Created one at a time, `web-0` → `web-1` → `web-2`, each once the previous is Running and Ready; scale-down goes the other way, `web-2` → `web-1` → `web-0`.',
  ]);
  assert.deepEqual((await facts('updateStrategy')).slice(0, 2), [
    '**updateStrategy**: `StatefulSetUpdateStrategy`',
    'Template changes roll out highest ordinal first, `web-2` → `web-1`, each once the previous is Running and Ready; ordinals below 1 keep the old template.',
  ]);
  assert.deepEqual(await facts('image:'), [
    '**image**: `string`',
    'Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.',
  ]);
});

test('hover with ordinals.start: pod names start there', async () => {
  const text = statefulSet.replace('  replicas: 3\n', '  replicas: 3\n  ordinals:\n    start: 5\n');
  const uri = await openEdited('hover-ordinals.yaml', text);
  const parts = hoverText(await request<Hover>('textDocument/hover', uri, positionOf(text, 'start: 5', 1))).split('\n\n');
  assert.deepEqual(parts.slice(0, 2), ['**start**: `integer`', '**3 pods**: `web-5` … `web-7`']);
});
