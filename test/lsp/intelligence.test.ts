import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CompletionItem, DocumentSymbol, Hover, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';

/** Services in a file on disk that is never opened: the server knows them from its workspace scan. */
const servicesOnDisk = `apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
---
apiVersion: v1
kind: Service
metadata:
  name: elsewhere
  namespace: prod
spec:
  clusterIP: None
`;

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  podManagementPolicy: OrderedReady
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: db
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          volumeMounts:
            - name: "data"
              mountPath: /data
            - name: scratch
              mountPath: /tmp
      volumes:
        - name: scratch
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data   # one PVC per pod
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`;

let session: LspSession;
let folder: string;
let servicesUri: string;
let stsUri: string;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sts-intelligence-'));
  writeFileSync(join(folder, 'services.yaml'), servicesOnDisk);
  servicesUri = pathToFileURL(join(folder, 'services.yaml')).href;
  stsUri = pathToFileURL(join(folder, 'sts.yaml')).href;
  session = new LspSession();
  await session.initialize(pathToFileURL(folder).href);
  await session.open(stsUri, statefulSet);
  // The workspace scan is done once the Service on disk is found (service-missing would say otherwise).
  await session.diagnostics(stsUri, (d) => !d.some((x) => x.code === 'service-missing'), 20_000);
});
after(() => session.close());

/** The position `delta` characters into the `occurrence`-th match of `needle`. */
function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in text`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function request<T>(method: string, uri: string, position?: Position, extra: Record<string, unknown> = {}): Promise<T> {
  return session.connection.sendRequest(method, { textDocument: { uri }, ...(position ? { position } : {}), ...extra });
}

async function openEdited(name: string, text: string): Promise<string> {
  const uri = pathToFileURL(join(folder, name)).href;
  await session.open(uri, text);
  return uri;
}

function simpleItems(items: CompletionItem[] | null): unknown[] {
  return (items ?? []).map((i) => [i.label, i.detail ?? null, i.textEdit && 'range' in i.textEdit ? i.textEdit.newText : null]);
}

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
  const items = await request<CompletionItem[]>('textDocument/completion', uri, position);
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
  assert.deepEqual(parts.slice(1, 4), [
    'Service `web-lb` in services.yaml: **not headless** (`clusterIP` is not `None`)',
    'Pod DNS name: `web-0.web-lb.default.svc.cluster.local`',
    '⚠ Service "web-lb" is not headless (clusterIP is not set, not "None"): per-pod DNS records are only guaranteed for headless Services',
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
