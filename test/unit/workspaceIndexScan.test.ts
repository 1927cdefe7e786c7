import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ServiceInfo } from '../../server/src/service/workspace/serviceLookup';
import { maxIndexedBytes, scanWorkspace, servicesInFile, servicesInText } from '../../server/src/host/scanWorkspace';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { servicesOf } from '../../server/src/service/workspace/servicesOf';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// The workspace index stays sane: thousands of files, symlink loops, unreadable, vanishing
// and oversized files; the scan finishes and the index holds the right Services.

const service = (name: string, namespace = 'default'): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  clusterIP: None\n  selector:\n    app: ${name}\n`;

let root: string;
const fileCount = 3000;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'sts-index-'));
  for (let i = 0; i < fileCount; i++) {
    const folder = join(root, `team-${i % 30}`, `app-${i % 7}`);
    mkdirSync(folder, { recursive: true });
    // One file in three holds a Service; the rest are StatefulSets and other YAML.
    writeFileSync(join(folder, `m-${i}.yaml`), i % 3 === 0 ? service(`svc-${i}`) : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-${i}\n`);
  }
  writeFileSync(join(root, 'README.md'), service('not-yaml'));
  mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'dep', 'svc.yaml'), service('in-node-modules'));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function scan(folder: string, onFile?: (uri: string) => void, cancelled?: () => boolean): Promise<{ count: number; index: WorkspaceIndex; seen: string[] }> {
  const index = new WorkspaceIndex();
  const seen: string[] = [];
  const count = await scanWorkspace(folder, [], 'default', (uri, services: ServiceInfo[]) => {
    seen.push(uri);
    index.set(uri, services);
    onFile?.(uri);
  }, cancelled);
  return { count, index, seen };
}

test('thousands of YAML files: every one indexed once, the right Services found, node_modules and non-YAML skipped', async () => {
  const started = Date.now();
  const { count, index, seen } = await scan(root);
  assert.equal(count, fileCount);
  assert.equal(new Set(seen).size, fileCount);
  assert.equal(index.size, fileCount / 3);
  const lookup = index.lookupFor('file:///elsewhere.yaml', []);
  assert.equal(lookup.find('default', 'svc-2997')?.headless, true);
  assert.equal(lookup.find('default', 'svc-1'), undefined);
  assert.equal(lookup.find('default', 'in-node-modules'), undefined);
  assert.equal(lookup.find('default', 'not-yaml'), undefined);
  assert.ok(Date.now() - started < 30_000, `the scan took ${Date.now() - started} ms`);
});

test('symbolic link loops and links to files are not followed; the scan finishes', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-loop-'));
  try {
    mkdirSync(join(folder, 'a', 'b'), { recursive: true });
    writeFileSync(join(folder, 'a', 'b', 'svc.yaml'), service('real'));
    symlinkSync(join(folder, 'a'), join(folder, 'a', 'b', 'up'));
    symlinkSync(folder, join(folder, 'self'));
    symlinkSync(join(folder, 'a', 'b', 'svc.yaml'), join(folder, 'link.yaml'));
    symlinkSync(join(folder, 'missing.yaml'), join(folder, 'dangling.yaml'));
    const { count, index } = await scan(folder);
    assert.equal(count, 1);
    assert.equal(index.lookupFor('file:///x.yaml', []).find('default', 'real')?.name, 'real');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('unreadable files and folders, and a FIFO named .yaml, do not stop or hang the scan', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-unreadable-'));
  try {
    writeFileSync(join(folder, 'locked.yaml'), service('locked'));
    chmodSync(join(folder, 'locked.yaml'), 0o000);
    mkdirSync(join(folder, 'closed'));
    writeFileSync(join(folder, 'closed', 'inner.yaml'), service('inner'));
    chmodSync(join(folder, 'closed'), 0o000);
    spawnSync('mkfifo', [join(folder, 'pipe.yaml')]); // reading it would block forever: never opened
    assert.ok(existsSync(join(folder, 'pipe.yaml')) || process.platform === 'win32');
    writeFileSync(join(folder, 'open.yaml'), service('open'));
    const { index } = await scan(folder);
    const lookup = index.lookupFor('file:///x.yaml', []);
    assert.equal(lookup.find('default', 'open')?.name, 'open');
    // As root, chmod does not block reads (the tests run as root in CI): either outcome is sane.
    if (process.getuid?.() !== 0) {
      assert.equal(lookup.find('default', 'locked'), undefined);
      assert.equal(lookup.find('default', 'inner'), undefined);
    }
  } finally {
    chmodSync(join(folder, 'closed'), 0o755);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('files deleted or rewritten while the scan runs: it finishes, and a rescan settles on what is there', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-vanish-'));
  try {
    for (let i = 0; i < 200; i++) writeFileSync(join(folder, `s-${String(i).padStart(3, '0')}.yaml`), service(`s-${i}`));
    let removed = 0;
    const { count } = await scan(folder, () => {
      // Each file seen deletes one not seen yet, and rewrites another.
      const victim = join(folder, `s-${String(199 - removed).padStart(3, '0')}.yaml`);
      try { unlinkSync(victim); removed++; } catch { /* already gone */ }
      writeFileSync(join(folder, `s-${String(removed).padStart(3, '0')}.yaml`), service(`renamed-${removed}`));
    });
    assert.ok(count <= 200);
    const settled = await scan(folder);
    assert.equal(settled.count, settled.seen.length);
    const lookup = settled.index.lookupFor('file:///x.yaml', []);
    assert.equal(lookup.find('default', 's-199'), undefined, 'a deleted file still has its Service indexed');
    assert.equal(settled.index.size, settled.count);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('an oversized file is not indexed; cancelling stops the scan early', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-big-'));
  try {
    writeFileSync(join(folder, 'big.yaml'), service('big') + `# ${'x'.repeat(maxIndexedBytes)}\n`);
    const { index } = await scan(folder);
    assert.equal(index.size, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  let calls = 0;
  const cancelled = await scan(root, undefined, () => ++calls > 3);
  assert.ok(cancelled.count < fileCount, 'cancelling did not stop the scan');
});

test('the index with 10,000 same-named Services in one file: set, look up and delete stay fast', () => {
  const text = Array.from({ length: 10_000 }, () => service('same')).join('---\n');
  const started = Date.now();
  const services = servicesInText('file:///many.yaml', text, 'default');
  assert.equal(services.length, 10_000);
  const index = new WorkspaceIndex();
  for (let round = 0; round < 5; round++) {
    index.set('file:///many.yaml', services);
    index.set('file:///other.yaml', [services[0]!].map((s) => ({ ...s, uri: 'file:///other.yaml' })));
  }
  const lookup = index.lookupFor('file:///many.yaml', services);
  for (let i = 0; i < 10_000; i++) assert.equal(lookup.find('default', 'same')?.uri, 'file:///many.yaml');
  assert.equal(index.lookupFor('file:///third.yaml', []).find('default', 'same')?.uri, 'file:///many.yaml');
  index.delete('file:///many.yaml');
  assert.equal(index.lookupFor('file:///third.yaml', []).find('default', 'same')?.uri, 'file:///other.yaml');
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
});

test('setting Services equal to those indexed changes nothing, and the index holds the new objects from then on', () => {
  const uri = 'file:///svc.yaml';
  const first = servicesInText(uri, [service('a'), service('b')].join('---\n'), 'default');
  const index = new WorkspaceIndex();
  assert.equal(index.set(uri, first), true);
  const lookup = index.lookupFor('file:///other.yaml', []);
  const copies = first.map((s) => ({ ...s }));
  assert.equal(index.set(uri, copies), false, 'equal Services are no change');
  assert.equal(index.lookupFor('file:///other.yaml', []), lookup, 'the lookups handed out stay valid');
  assert.equal(lookup.find('default', 'b'), copies[1], 'the new objects are found');
  assert.deepEqual(index.lookupAll(uri), copies);
  assert.equal(index.set(uri, [copies[0]!]), true, 'one Service fewer is a change');
  assert.equal(index.lookupFor('file:///other.yaml', []).find('default', 'b'), undefined);
});

test("a file closed in the editor: its Services come from the editor's parse when the disk says the same, else from the disk", async () => {
  const path = join(root, 'closed.yaml');
  const editorText = [service('kept'), service('also-kept')].join('---\n');
  const store = new DocumentStore();
  store.setText(editorText);
  const parsed = servicesOf(pathToFileURL(path).href, store.documents(), 'default');
  writeFileSync(path, editorText);
  const same = await servicesInFile(path, 'default', () => false, store);
  assert.equal(same[0], parsed[0], 'the very objects of the editor\'s parse: nothing parsed again');
  writeFileSync(path, service('on-disk-only'));
  assert.deepEqual((await servicesInFile(path, 'default', () => false, store)).map((s) => s.name), ['on-disk-only'], 'unsaved edits are gone: the disk counts');
});
