// A kustomize overlay over LSP: opening a patch builds the overlays that use it with kustomize's
// engine; findings land on the patch line that wrote the field and on the base lines, naming the
// overlay; an edit of the patch builds again on the next turn; the build's Services count for
// workspace rules; a build error is one diagnostic on the kustomization line.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { LspSession } from './lspClient';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'kustomize-own', 'db');
let folder: string;
let session: LspSession;
const uriOf = (...parts: string[]): string => pathToFileURL(join(folder, 'db', ...parts)).href;
const textOf = (...parts: string[]): string => readFileSync(join(folder, 'db', ...parts), 'utf8');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
/** A diagnostic's message as text (newer protocol types allow markup). */
const said = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sts-kustomize-'));
  cpSync(fixture, join(folder, 'db'), { recursive: true });
  session = new LspSession();
  await session.initialize(pathToFileURL(folder).href);
});
after(async () => {
  await session.close();
  rmSync(folder, { recursive: true, force: true });
});

test('a patch that lowers replicas below the base\'s partition: the base line, the patch related, naming the overlay', async () => {
  const patch = uriOf('overlays', 'prod', 'replicas.yaml');
  await session.open(patch, textOf('overlays', 'prod', 'replicas.yaml'));
  // The base is closed: the overlay's findings there are published for it.
  const base = await session.diagnostics(uriOf('base', 'statefulset.yaml'), (d) => d.some((x) => x.code === 'partition-exceeds-replicas'), 90_000);
  const partition = base.find((d) => d.code === 'partition-exceeds-replicas')!;
  assert.equal(partition.range.start.line, lineOf(textOf('base', 'statefulset.yaml'), 'partition: 3'));
  assert.match(said(partition.message), /\(overlay db\/overlays\/prod\)$/);
  assert.ok(partition.relatedInformation?.some((r) => r.location.uri === patch), JSON.stringify(partition.relatedInformation));
});

test('a fix of a value a patch wrote edits the patch; one the base wrote edits the base', async () => {
  type Action = { title: string; edit?: { documentChanges: { textDocument: { uri: string }; edits: { range: { start: { line: number } }; newText: string }[] }[] } };
  const actionsFor = (uri: string, diagnostic: { range: unknown }) => session.connection.sendRequest<Action[]>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
  });
  const base = uriOf('base', 'statefulset.yaml');
  await session.open(base, textOf('base', 'statefulset.yaml')); // an editor asks only for an open file's code actions
  const onBase = (await session.diagnostics(base, (d, v) => v === 1 && d.some((x) => x.code === 'partition-exceeds-replicas'), 90_000)).find((d) => d.code === 'partition-exceeds-replicas')!;
  const baseFix = (await actionsFor(base, onBase)).find((a) => a.edit?.documentChanges[0]?.textDocument.uri === base);
  assert.ok(baseFix, 'no fix of the base\'s partition line');
  assert.equal(baseFix.edit!.documentChanges[0]!.edits[0]!.range.start.line, lineOf(textOf('base', 'statefulset.yaml'), 'partition: 3'));

  // The patch now sets the partition too (a patch alone is not judged for it: its build is).
  const patch = uriOf('overlays', 'prod', 'replicas.yaml');
  const text = `${textOf('overlays', 'prod', 'replicas.yaml')}  updateStrategy:\n    rollingUpdate:\n      partition: 9\n`;
  await session.change(patch, 2, [{ text }]);
  const onPatch = (await session.diagnostics(patch, (d, v) => v === 2 && d.some((x) => x.code === 'partition-exceeds-replicas'), 90_000)).find((d) => d.code === 'partition-exceeds-replicas')!;
  assert.equal(onPatch.range.start.line, lineOf(text, 'partition: 9'));
  const patchFix = (await actionsFor(patch, onPatch)).find((a) => a.edit?.documentChanges[0]?.textDocument.uri === patch);
  assert.ok(patchFix, 'no fix of the patch\'s partition line');
  const edit = patchFix.edit!.documentChanges[0]!.edits[0]!;
  assert.equal(edit.range.start.line, lineOf(text, 'partition: 9'));
  assert.match(edit.newText, /^[0-2]$/);
  await session.change(patch, 3, [{ text: textOf('overlays', 'prod', 'replicas.yaml') }]);
  await session.closeFile(base);
});

test('an edit of the patch builds again on the next turn; a finding the patch\'s own check also makes is shown once', async () => {
  const patch = uriOf('overlays', 'prod', 'replicas.yaml');
  const base = uriOf('base', 'statefulset.yaml');
  const text = textOf('overlays', 'prod', 'replicas.yaml').replace('replicas: 2', 'replicas: 5\n  minReadySeconds: -5');
  const before = session.publishes(base).length;
  await session.change(patch, 4, [{ text }]);
  // Built again: the partition finding left the base (replicas is back above it).
  await session.diagnostics(base, (d) => session.publishes(base).length > before && !d.some((x) => x.code === 'partition-exceeds-replicas'), 90_000);
  // The patch is checked again with the build's findings merged in (the scheduler's next turn).
  const after = session.publishes(patch).length;
  const deadline = Date.now() + 30_000;
  while (session.publishes(patch).length === after && Date.now() < deadline) await session.log(/never logged/, 50).catch(() => undefined);
  const last = session.publishes(patch).at(-1)!;
  assert.equal(last.version, 4);
  const negative = last.diagnostics.filter((d) => d.code === 'negative-value');
  assert.equal(negative.length, 1, JSON.stringify(last.diagnostics));
  assert.equal(negative[0]!.range.start.line, lineOf(text, 'minReadySeconds: -5'));
});

test('every overlay the scan found is built: the base gets each overlay\'s findings, workspace rules see the build\'s namespaces', async () => {
  await session.open(uriOf('overlays', 'split', 'kustomization.yaml'), textOf('overlays', 'split', 'kustomization.yaml'));
  const base = await session.diagnostics(uriOf('base', 'statefulset.yaml'), (d) => d.some((x) => x.code === 'service-missing'), 90_000);
  assert.ok(base.some((d) => d.code === 'service-missing' && /"analytics"/.test(said(d.message)) && /overlays\/split\)$/.test(said(d.message))), JSON.stringify(base.map((d) => d.message)));
});

test('an inline patch\'s finding lands in the kustomization, inside the block', async () => {
  const kustomization = uriOf('overlays', 'staging', 'kustomization.yaml');
  const text = textOf('overlays', 'staging', 'kustomization.yaml').replace('    spec:\n      template:', '    spec:\n      replicas: -3\n      template:');
  await session.open(kustomization, text);
  const diagnostics = await session.diagnostics(kustomization, (d) => d.some((x) => x.code === 'negative-value'), 90_000);
  const negative = diagnostics.find((d) => d.code === 'negative-value')!;
  assert.equal(negative.range.start.line, lineOf(text, 'replicas: -3'));
  assert.equal(negative.range.start.character, text.split('\n')[negative.range.start.line]!.indexOf('replicas'));
});

test('a patch naming no resource is one kustomize-build error on the kustomization\'s patch entry', async () => {
  const kustomization = uriOf('overlays', 'typo', 'kustomization.yaml');
  await session.open(kustomization, textOf('overlays', 'typo', 'kustomization.yaml'));
  const diagnostics = await session.diagnostics(kustomization, (d) => d.some((x) => x.code === 'kustomize-build'), 90_000);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.range.start.line, lineOf(textOf('overlays', 'typo', 'kustomization.yaml'), '- path: replicas.yaml'));
});
