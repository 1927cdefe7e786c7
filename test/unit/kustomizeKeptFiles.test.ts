// The kustomize worker sends the engine only the files that changed since its last request
// (KeptFileMirror ↔ go/kustomize/cmd/wasm/keptFiles.go); a build after an edit still equals
// the real `kustomize build` of the edited layout.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildOverlay, readOverlay } from '../../server/src/host/kustomize/index';
import { KeptFileMirror } from '../../server/src/host/kustomize/keptFileMirror';
import type { KustomizeEngine } from '../../server/src/host/kustomize/kustomizeEngine';
import { kustomizeBuild, noGo, testKustomizeEngine } from './kustomizeSupport';

describe('KeptFileMirror', () => {
  test('sends what changed, names every file, and everything after a reset', () => {
    const mirror = new KeptFileMirror();
    const first = JSON.parse(mirror.request('/o', new Map([['/o/k.yaml', 'a'], ['/b/s.yaml', 'b']])));
    assert.deepEqual(first, { dir: '/o', files: { '/o/k.yaml': 'a', '/b/s.yaml': 'b' }, paths: ['/o/k.yaml', '/b/s.yaml'] });
    const edit = JSON.parse(mirror.request('/o', new Map([['/o/k.yaml', 'a2'], ['/b/s.yaml', 'b']])));
    assert.deepEqual(edit, { dir: '/o', files: { '/o/k.yaml': 'a2' }, paths: ['/o/k.yaml', '/b/s.yaml'] });
    const other = JSON.parse(mirror.request('/p', new Map([['/p/k.yaml', 'c'], ['/b/s.yaml', 'b']])));
    assert.deepEqual(other.files, { '/p/k.yaml': 'c' }, 'a shared base is not sent again');
    const reset = JSON.parse(mirror.request('/o', new Map([['/o/k.yaml', 'a2'], ['/b/s.yaml', 'b']]), true));
    assert.deepEqual(reset, { dir: '/o', files: { '/o/k.yaml': 'a2', '/b/s.yaml': 'b' }, paths: ['/o/k.yaml', '/b/s.yaml'], reset: true });
  });

  test('past its bound it starts again with everything', () => {
    const mirror = new KeptFileMirror(10);
    mirror.request('/o', new Map([['/o/a', 'x'.repeat(20)]]));
    const next = JSON.parse(mirror.request('/o', new Map([['/o/a', 'x'.repeat(20)]])));
    assert.equal(next.reset, true);
    assert.deepEqual(Object.keys(next.files), ['/o/a']);
  });
});

describe('a build after an edit = kustomize build of the edited layout', { skip: noGo }, () => {
  let engine: KustomizeEngine | undefined;
  const folder = mkdtempSync(join(tmpdir(), 'sts-kept-'));
  after(async () => {
    await engine?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(folder, rel)), { recursive: true });
    writeFileSync(join(folder, rel), text);
  };

  test('three edits of a patch and one of the base, each built by one engine', async () => {
    engine = testKustomizeEngine();
    write('base/kustomization.yaml', 'resources: [db.yaml]\n');
    write('base/db.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres:16\n');
    write('prod/kustomization.yaml', 'resources: [../base]\nnamespace: prod\npatches:\n- path: replicas.yaml\n');
    const overlay = join(folder, 'prod');
    for (const [file, text] of [
      ['prod/replicas.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 5\n'],
      ['prod/replicas.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 1\n'],
      ['base/db.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db-headless\n  replicas: 3\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: postgres:17\n'],
      ['prod/replicas.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 2\n'],
    ] as const) {
      write(file, text);
      const result = await buildOverlay(readOverlay(overlay)!, engine);
      const cli = kustomizeBuild(overlay);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(result.error, undefined);
      assert.equal(result.manifest, cli.stdout, `after editing ${file}`);
    }
  });
});
