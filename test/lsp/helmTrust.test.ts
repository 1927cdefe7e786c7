// Workspace Trust: in an untrusted workspace a configured `helm` is never run; the chart still
// renders, with the built-in engine. Trusted, the configured helm is the one that renders.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { LspSession } from './lspClient';

const folder = mkdtempSync(join(tmpdir(), 'sts-trust-'));
const marker = join(folder, 'helm-ran');
const fakeHelm = join(folder, 'helm');
// A "helm" that only leaves a mark and fails: if it ran, the marker exists.
writeFileSync(fakeHelm, `#!/bin/sh\ntouch '${marker}'\necho 'fake helm' >&2\nexit 1\n`);
chmodSync(fakeHelm, 0o755);
cpSync(join(import.meta.dirname, '..', 'fixtures', 'charts', 'postgresql'), join(folder, 'postgresql'), { recursive: true });
const template = join(folder, 'postgresql', 'templates', 'primary', 'statefulset.yaml');
const text = readFileSync(template, 'utf8').replace('  replicas: 1\n', '  replicas: 1\n  podManagementPolicy: Sequential\n');
writeFileSync(template, text);
after(() => rmSync(folder, { recursive: true, force: true }));

/** Opens the template with the fake helm configured; the codes published on `where` (the template, or Chart.yaml for a render error). */
async function openWith(trusted: boolean, where: string, code: string): Promise<unknown[]> {
  const session = new LspSession({ helm: { path: fakeHelm } });
  try {
    await session.initialize(pathToFileURL(folder).href, { initializationOptions: { trusted } });
    await session.open(pathToFileURL(template).href, text);
    const diagnostics = await session.diagnostics(pathToFileURL(where).href, (d) => d.some((x) => x.code === code), 60_000);
    return diagnostics.map((d) => d.code);
  } finally {
    await session.close();
  }
}

test('untrusted: the configured helm does not run, the built-in engine renders the chart', async () => {
  const codes = await openWith(false, template, 'pod-management-policy-invalid');
  assert.ok(codes.includes('pod-management-policy-invalid'), JSON.stringify(codes));
  assert.equal(existsSync(marker), false, 'the configured helm ran in an untrusted workspace');
});

test('trusted: the configured helm is the one that renders (here it fails, and says so on Chart.yaml)', async () => {
  const codes = await openWith(true, join(folder, 'postgresql', 'Chart.yaml'), 'helm-render');
  assert.deepEqual(codes, ['helm-render']);
  assert.equal(existsSync(marker), true);
});
