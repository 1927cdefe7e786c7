// The workspace scan renders the charts it finds: a chart's closed files get their findings
// without being opened, and a template opened afterwards has them in its first diagnostics,
// from that render (no render waited for).
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

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sts-prerender-'));
  cpSync(fixture, join(folder, 'postgresql'), { recursive: true });
  template = join(folder, 'postgresql', 'templates', 'primary', 'statefulset.yaml');
  writeFileSync(template, readFileSync(template, 'utf8').replace('  replicas: 1\n', '  replicas: 1\n  podManagementPolicy: Sequential\n'));
  templateUri = pathToFileURL(template).href;
  session = new LspSession();
  await session.initialize(pathToFileURL(folder).href);
});
after(async () => {
  await session.close();
  rmSync(folder, { recursive: true, force: true });
});

const renders = (): number => session.arrivals.filter((a) => /^log .*rendered the chart/.test(a)).length;

test('a chart found by the workspace scan is rendered and its closed files get their findings', async () => {
  const diagnostics = await session.diagnostics(templateUri, (d) => d.some((x) => x.code === 'pod-management-policy-invalid'), 60_000);
  assert.equal(session.publishes(templateUri).at(-1)?.version, undefined, 'published for a closed file');
  assert.ok(diagnostics.length > 0);
  assert.equal(renders(), 1, 'one render: the library subchart (charts/common) is rendered with its parent, not alone');
});

test("a template opened after that has the findings in its first diagnostics, from the scan's render", async () => {
  const mark = session.arrivals.length;
  await session.open(templateUri, readFileSync(template, 'utf8'));
  const opened = await session.diagnostics(templateUri, (d, version) => version === 1 && d.some((x) => x.code === 'pod-management-policy-invalid'), 10_000);
  // The template's own text is not a manifest: no finding of it (such as "not checked: template syntax"), only what it renders.
  assert.deepEqual(opened.filter((d) => d.code === 'template-syntax'), []);
  const meanwhile = session.arrivals.slice(mark);
  assert.ok(meanwhile.includes(`diagnostics ${templateUri}`));
  assert.deepEqual(meanwhile.filter((a) => /rendered the chart/.test(a)), [], 'no render between the open and its first diagnostics');
});

test('an edit of the open template renders the chart again', async () => {
  const before = renders();
  const fixed = readFileSync(template, 'utf8').replace('  podManagementPolicy: Sequential\n', '');
  await session.change(templateUri, 2, [{ text: fixed }]);
  await session.diagnostics(templateUri, (d, version) => version === 2 && !d.some((x) => x.code === 'pod-management-policy-invalid'), 60_000);
  assert.ok(renders() > before);
});
