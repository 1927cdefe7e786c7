import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkFiles } from '../../server/src/cli/check';
import { kustomizePatchFiles, patchPathsOf } from '../../server/src/host/kustomizationPatches';
import { checkFile } from '../../server/src/service/languageService';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Issue 18: a kustomize patch is half an object. A strategic-merge patch that sets a container's
// name and image (complete containers, so the old heuristic took it for a whole object) got
// selector-missing; a patch deleting a mount with `$patch: delete` got schema and mount errors.
const root = mkdtempSync(join(tmpdir(), 'sts-kustomize-'));
after(() => rmSync(root, { recursive: true, force: true }));

const imagePatch = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:17
`;
const deletePatch = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: db
          volumeMounts:
            - mountPath: /data
              mountPropagation: Bidirectional
              name: data
            - name: certs
              $patch: delete
`;
const write = (path: string, text: string): string => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
  return join(root, path);
};

write('overlays/prod/kustomization.yaml', 'resources: [../../base]\npatches:\n  - path: image.yaml\n  - path: ../shared/delete.yaml\n    target: { kind: StatefulSet }\n');
write('overlays/prod/image.yaml', imagePatch);
write('overlays/shared/delete.yaml', deletePatch);
write('old/kustomization.yml', 'patchesStrategicMerge:\n  - sub/image.yaml\n  - |-\n    apiVersion: v1\n    kind: Service\n    metadata: { name: x }\npatchesJson6902:\n  - path: ops.yaml\n    target: { kind: StatefulSet, name: db }\n');
write('old/sub/image.yaml', imagePatch);
write('old/sub/deeper/kustomization.yaml', 'resources: [../image.yaml]\n');
write('loose/image.yaml', imagePatch.replace('spec:\n  template', 'spec:\n  serviceName: db\n  template'));

test('the patch files a kustomization names: patches[].path, patchesStrategicMerge file entries, patchesJson6902[].path', () => {
  assert.deepEqual(patchPathsOf('patches:\n  - path: a.yaml\n  - patch: "inline"\npatchesStrategicMerge: [b.yaml, "kind: X\\nmetadata: {}"]\npatchesJson6902:\n  - path: c.json\n'), ['a.yaml', 'c.json', 'b.yaml']);
  assert.deepEqual(patchPathsOf(': not [yaml'), []);
  assert.deepEqual(patchPathsOf('- a list'), []);
});

test('a kustomization beside or above a file names it as a patch; one below does not', () => {
  const found = kustomizePatchFiles([join(root, 'overlays/prod'), join(root, 'overlays/shared'), join(root, 'old/sub/deeper'), join(root, 'loose')]);
  assert.deepEqual([...found].sort(), [join(root, 'old/ops.yaml'), join(root, 'old/sub/image.yaml'), join(root, 'overlays/prod/image.yaml'), join(root, 'overlays/shared/delete.yaml')].sort());
});

test('sts check: a file a kustomization names as a patch gets no whole-object findings; the same text not named does', () => {
  const reported = checkFiles([root], defaultSettings, () => '');
  const of = (file: string): string[] => reported.filter((r) => r.file === join(root, file)).map((r) => r.rule);
  assert.deepEqual(of('overlays/prod/image.yaml'), []);
  assert.deepEqual(of('overlays/shared/delete.yaml'), []);
  assert.deepEqual(of('old/sub/image.yaml'), []);
  assert.ok(of('loose/image.yaml').includes('selector-missing'), 'a whole StatefulSet without a selector is still refused');
});

test('a value wrong on its own is still reported in a patch', () => {
  const patch = write('overlays/prod/bad.yaml', imagePatch.replace('spec:\n  template', 'spec:\n  replicas: -2\n  template'));
  write('overlays/prod/kustomization.yaml', 'patches:\n  - path: bad.yaml\n');
  const reported = checkFiles([patch], defaultSettings, () => '');
  assert.deepEqual(reported.map((r) => r.rule), ['negative-value']);
});

test('a StatefulSet with neither selector nor serviceName nor template labels is a patch, even with complete containers', () => {
  const { findings } = checkFile('file:///p.yaml', imagePatch, defaultSettings, new WorkspaceIndex());
  assert.deepEqual(findings.map((f) => f.rule), []);
  const whole = imagePatch.replace('    spec:\n      containers', '    metadata: { labels: { app: db } }\n    spec:\n      containers');
  assert.deepEqual(checkFile('file:///w.yaml', whole, defaultSettings, new WorkspaceIndex()).findings.map((f) => f.rule), ['selector-missing']);
});

test('the index says which files are patches; a file that becomes one is checked again', () => {
  const index = new WorkspaceIndex();
  const text = imagePatch.replace('    spec:\n      containers', '    metadata: { labels: { app: db } }\n    spec:\n      containers');
  const store = new DocumentStore().setText(text); // one store, as the server keeps per open file: its cached findings must not survive
  assert.deepEqual(checkFile('file:///x/p.yaml', store, defaultSettings, index).findings.map((f) => f.rule), ['selector-missing']);
  index.setPatchFiles(['file:///x/p.yaml']);
  assert.deepEqual(checkFile('file:///x/p.yaml', store, defaultSettings, index).findings.map((f) => f.rule), []);
  index.setPatchFiles([]);
  assert.deepEqual(checkFile('file:///x/p.yaml', store, defaultSettings, index).findings.map((f) => f.rule), ['selector-missing']);
});
