import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspSession } from './lspClient';

// Issue 18 in the editor: the workspace scan reads the kustomizations, and a file one of them
// names as a patch loses its whole-object findings; the same text outside keeps them.
const patch = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:17
`;

test('a patch a kustomization names gets no selector-missing once the workspace is scanned; a copy it does not name does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-lsp-kustomize-'));
  mkdirSync(join(dir, 'overlay'));
  writeFileSync(join(dir, 'overlay', 'kustomization.yaml'), 'resources: [../base]\npatches:\n  - path: image.yaml\n');
  writeFileSync(join(dir, 'overlay', 'image.yaml'), patch);
  writeFileSync(join(dir, 'whole.yaml'), patch);
  const session = new LspSession();
  try {
    await session.initialize(pathToFileURL(dir).href);
    await session.log(/indexed \d+ YAML files/, 20_000);
    const patchUri = pathToFileURL(join(dir, 'overlay', 'image.yaml')).href;
    const wholeUri = pathToFileURL(join(dir, 'whole.yaml')).href;
    await session.open(patchUri, patch);
    await session.open(wholeUri, patch);
    const whole = await session.diagnostics(wholeUri, (d) => d.length > 0, 20_000);
    assert.deepEqual(whole.map((d) => d.code), ['selector-missing']);
    const patched = await session.diagnostics(patchUri, () => true, 20_000);
    assert.deepEqual(patched.map((d) => d.code), []);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
