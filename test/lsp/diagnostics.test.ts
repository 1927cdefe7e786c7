import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspSession } from './lspClient';

const broken = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: api
    spec:
      terminationGracePeriodSeconds: 0
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

test('publishes diagnostics with code, source and documentation link on open', async () => {
  await session.open('file:///tmp/web.yaml', broken);
  const diagnostics = await session.diagnostics('file:///tmp/web.yaml');
  const codes = diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['grace-period-zero', 'selector-mismatch', 'service-missing']);
  const mismatch = diagnostics.find((d) => d.code === 'selector-mismatch');
  assert.equal(mismatch?.source, 'statefulset');
  assert.equal(mismatch?.severity, 1);
  assert.deepEqual(mismatch?.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 10 } });
  assert.match(mismatch?.codeDescription?.href ?? '', /docs\/rules\/selector-mismatch\.md$/);
});

test('an incremental edit updates the diagnostics of that version', async () => {
  const uri = 'file:///tmp/edit.yaml';
  await session.open(uri, broken);
  await session.diagnostics(uri, (d) => d.length === 3);
  // Fix the template label (line 12, "app: api" -> "app: web") and add the Service.
  await session.change(uri, 2, [
    { range: { start: { line: 12, character: 13 }, end: { line: 12, character: 16 } }, text: 'web' },
  ]);
  const afterFix = await session.diagnostics(uri, (_, version) => version === 2);
  assert.deepEqual(afterFix.map((d) => d.code).sort(), ['grace-period-zero', 'service-missing']);
  const service = '\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: web\n';
  await session.change(uri, 3, [{ range: { start: { line: 18, character: 0 }, end: { line: 18, character: 0 } }, text: service }]);
  const withService = await session.diagnostics(uri, (_, version) => version === 3);
  assert.deepEqual(withService.map((d) => d.code), ['grace-period-zero']);
});

test('a Service in another open file satisfies serviceName, and removing it brings the warning back', async () => {
  const sts = 'file:///tmp/a/sts.yaml';
  const svc = 'file:///tmp/a/svc.yaml';
  const fixed = broken.replace('app: api', 'app: web').replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 10')
    .replace('name: web\n', 'name: web\n  namespace: isolated\n');
  await session.open(sts, fixed);
  await session.diagnostics(sts, (d) => d.some((x) => x.code === 'service-missing'));
  await session.open(svc, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\n  namespace: isolated\nspec:\n  clusterIP: None\n  selector:\n    app: web\n');
  await session.diagnostics(sts, (d) => d.length === 0);
  await session.change(svc, 2, [{ text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx\n' }]);
  await session.diagnostics(sts, (d) => d.some((x) => x.code === 'service-missing'));
});

test('garbage and hostile input give a diagnostic or nothing, and the server lives on', async () => {
  const inputs = [
    '{{ .Values | toYaml }}\n',
    'a: [\n',
    '\u0000\u0001 binary',
    'a: &a [*a, *a]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
    'apiVersion: apps/v1\nkind: StatefulSet\nspec: 7\n',
    '- - - - [',
  ];
  for (const [i, text] of inputs.entries()) {
    await session.open(`file:///tmp/bad-${i}.yaml`, text);
    await session.diagnostics(`file:///tmp/bad-${i}.yaml`);
  }
  assert.equal(session.exitCode, null);
});
