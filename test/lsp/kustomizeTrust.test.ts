// Workspace Trust: kustomize overlays are built in process (kustomize's engine in WebAssembly, no
// external program, and none can be configured), so an untrusted workspace gets their findings too.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspSession } from './lspClient';

test('untrusted: the overlay is built and its finding lands on the base line', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-kustomize-untrusted-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'kustomize-own', 'db'), join(folder, 'db'), { recursive: true });
  const session = new LspSession();
  try {
    await session.initialize(pathToFileURL(folder).href, { initializationOptions: { trusted: false } });
    const patch = join(folder, 'db', 'overlays', 'prod', 'replicas.yaml');
    await session.open(pathToFileURL(patch).href, readFileSync(patch, 'utf8'));
    const base = await session.diagnostics(pathToFileURL(join(folder, 'db', 'base', 'statefulset.yaml')).href, (d) => d.some((x) => x.code === 'partition-exceeds-replicas'), 90_000);
    assert.ok(base.some((d) => d.code === 'partition-exceeds-replicas'));
  } finally {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
