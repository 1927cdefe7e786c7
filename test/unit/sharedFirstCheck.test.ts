import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import '../helpers/propertySeed';
import { PartWorker, type WorkerPart } from '../../server/src/lsp/largeFile/partWorker';
import { sharedFirstCheck } from '../../server/src/lsp/largeFile/sharedFirstCheck';
import { checkPart, checkFile, parsePart } from '../../server/src/service/languageService';
import type { Finding } from '../../server/src/service/model';
import { DocumentStore } from '../../server/src/service/parse/documentStore';
import { defaultSettings, type Settings } from '../../server/src/service/settings';
import type { ServiceInfo } from '../../server/src/service/workspace/serviceLookup';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// The first check of a large file is shared: the worker thread parses and checks the second
// half of its documents, the server the first (test/lsp/largeFile.test.ts runs the real
// thread). Here the worker's half runs in-process, through the same parsePart and checkPart,
// and the findings must be those of the whole file for any text and any cut.

const uri = 'file:///shared.yaml';
const elsewhere = 'file:///elsewhere.yaml';

/** The worker's part of the job, done in this thread. */
const inProcess = {
  parse(partUri: string, text: string, settings: Settings): WorkerPart {
    const part = parsePart(partUri, text, settings);
    return {
      services: Promise.resolve(part.services),
      check: (fileServices: readonly ServiceInfo[], workspace: readonly (readonly [string, readonly ServiceInfo[]])[]) =>
        Promise.resolve(checkPart(part, fileServices, workspace)),
      drop: () => undefined,
    };
  },
};

const service = (name: string, headless: boolean): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${headless ? '  clusterIP: None\n' : ''}  selector:\n    app: ${name}\n`;
const statefulSet = (name: string, serviceName: string): string =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${serviceName}\n  replicas: 2\n` +
  `  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n` +
  `    spec:\n      terminationGracePeriodSeconds: 0\n      containers:\n        - name: app\n          image: nginx\n`;

/** Documents that link across any cut: Services and StatefulSets naming each other, one on disk only, a broken one. */
const document = fc.constantFrom(
  service('a', true), service('b', false), service('a', false), statefulSet('a', 'a'), statefulSet('b', 'b'),
  statefulSet('c', 'disk'), statefulSet('d', 'missing'), 'kind: [unclosed\n', '# just a comment\n', 'x: 1\n',
);
const file = fc.array(document, { minLength: 1, maxLength: 12 }).map((docs) => docs.join('---\n'));
const visible = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.start}-${f.end} ${f.rule}: ${f.message} ${JSON.stringify(f.data)}`);

function indexWithDisk(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.set(elsewhere, checkFile(elsewhere, service('disk', true), defaultSettings, new WorkspaceIndex()).services);
  return index;
}

test('the shared first check finds what a check of the whole file finds, wherever the file is cut', async () => {
  await fc.assert(fc.asyncProperty(file, fc.double({ min: 0, max: 1, noNaN: true }), async (text, at) => {
    const whole = checkFile(uri, text, defaultSettings, indexWithDisk());
    const store = new DocumentStore();
    store.setText(text);
    const cutAt = Math.round(at * store.count);
    // The real cut halves the text not parsed yet: parse some documents first to move it anywhere.
    for (const _ of store.prepare(0, cutAt)) { /* parsed */ }
    const shared = await sharedFirstCheck(uri, store, defaultSettings, indexWithDisk(), inProcess, () => true);
    assert.ok(shared);
    assert.deepEqual(visible(shared.findings), visible(whole.findings));
    assert.deepEqual(shared.services, whole.services);
  }), { numRuns: 150 });
});

test('the shared first check gives up when the file changes meanwhile, and when the worker cannot help', async () => {
  const text = [service('a', true), statefulSet('a', 'a')].join('---\n');
  const store = new DocumentStore();
  store.setText(text);
  assert.equal(await sharedFirstCheck(uri, store, defaultSettings, new WorkspaceIndex(), inProcess, () => false), undefined);
  // Run from the sources there is no worker bundle next to the server: the worker answers nothing.
  assert.equal(await sharedFirstCheck(uri, store, defaultSettings, new WorkspaceIndex(), new PartWorker(), () => true), undefined);
});

test('DocumentStore parts: the middle of the text not parsed yet, a run of documents and its offset, what is parsed so far', () => {
  const docs = ['a: 1\n', 'b: 2\nbb: 2\n', 'c: 3\ncc: 3\nccc: 3\n', 'd: 4\n'];
  const store = new DocumentStore();
  store.setText(docs.join('---\n'));
  assert.equal(store.count, 4);
  const unparsed = store.unparsedLength;
  const cut = store.unparsedMiddle();
  const second = store.textOf(cut, store.count);
  assert.ok(second.text.length <= unparsed / 2 + 20 && second.text.length > 0, `cut ${cut}: ${JSON.stringify(second)}`);
  assert.equal(store.text.slice(second.offset), second.text);
  assert.deepEqual(store.parsedDocuments(), []);
  for (const _ of store.prepare(0, store.count, (t) => t.includes('c'))) { /* parses one */ }
  assert.deepEqual(store.parsedDocuments().map((d) => [d.offset, d.text]), [[store.text.indexOf('---\nc: 3') , '---\nc: 3\ncc: 3\nccc: 3\n']]);
  assert.deepEqual(store.documentsIn(1, 3).map((d) => d.offset), [store.text.indexOf('---\nb'), store.text.indexOf('---\nc')]);
  assert.equal(store.unparsedMiddle(), 4, 'left unparsed: the first and the last document; the last crosses the half, so all goes to the first part');
});

test('the worker thread (the built bundle) parses and checks a part, stops when idle, and starts again when needed', async () => {
  const worker = new PartWorker(join(import.meta.dirname, '..', '..', 'dist', 'partWorker.js'), 50);
  const text = [service('b', false), statefulSet('a', 'b')].join('---\n');
  const checkPartOf = async (): Promise<string[]> => {
    const part = worker.parse(uri, text, defaultSettings);
    const services = await part.services;
    assert.deepEqual(services?.map((s) => s.name), ['b']);
    return visible((await part.check(services!, [])) ?? []);
  };
  const want = visible(checkFile(uri, text, defaultSettings, new WorkspaceIndex()).findings);
  assert.ok(want.some((f) => f.includes('service-not-headless')));
  assert.deepEqual(await checkPartOf(), want);
  assert.ok(worker.running);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(!worker.running, 'idle for longer than its idleMs, the thread stopped');
  assert.deepEqual(await checkPartOf(), want, 'and a new one does the next part');
  // A check asked for before the parse has answered waits for it.
  const part = worker.parse(uri, text, defaultSettings);
  assert.deepEqual(visible((await part.check(checkFile(uri, text, defaultSettings, new WorkspaceIndex()).services, [])) ?? []), want);
});
