// The preview of a kustomize base resource or patch file shows the StatefulSet as an overlay
// builds it (issue 20, item 5): by default the first overlay in path order that builds the file,
// or the one statefulset.kustomize.previewOverlay names; the result says which (the page's footer),
// and the CodeLens sits on the line of the file that wrote each built StatefulSet.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { PreviewResult } from '../../protocol/protocol';
import { LspSession } from './lspClient';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'kustomize-own', 'db');
let folder: string;
const sessions: LspSession[] = [];
const uriOf = (...parts: string[]): string => pathToFileURL(join(folder, 'db', ...parts)).href;
const textOf = (...parts: string[]): string => readFileSync(join(folder, 'db', ...parts), 'utf8');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'sts-kustomize-preview-'));
  cpSync(fixture, join(folder, 'db'), { recursive: true });
});
after(async () => {
  for (const session of sessions) await session.close();
  rmSync(folder, { recursive: true, force: true });
});

async function started(settings: Record<string, unknown> = {}): Promise<LspSession> {
  const session = new LspSession(settings);
  sessions.push(session);
  await session.initialize(pathToFileURL(folder).href);
  return session;
}

/** The preview of `uri` once the workspace scan built `overlays` overlays that build it (until then the answer comes from the file itself, or from fewer overlays). */
async function builtPreview(session: LspSession, uri: string, overlays: number, params: Record<string, unknown> = {}): Promise<NonNullable<PreviewResult>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const result = await session.connection.sendRequest<PreviewResult>('statefulset/preview', { uri, ...params });
    if (result?.overlay?.all.length === overlays) return result;
    if (Date.now() > deadline) throw new Error(`no overlay's preview of ${uri}: ${JSON.stringify(result)}; stderr: ${session.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a base resource: the first overlay in path order, as it builds the StatefulSet', async () => {
  const session = await started();
  const base = uriOf('base', 'statefulset.yaml');
  await session.open(base, textOf('base', 'statefulset.yaml'));
  const preview = await builtPreview(session, base, 3, { position: { line: 3, character: 0 } });
  // typo's patch names no resource: its build fails, and builds no StatefulSet to show.
  assert.deepEqual(preview.overlay, { name: 'db/overlays/prod', all: ['db/overlays/prod', 'db/overlays/split', 'db/overlays/staging'] });
  // prod's namePrefix, namespace and replicas patch (2, under the base's partition 3).
  assert.equal(preview.statefulSet.name, 'prod-db');
  assert.equal(preview.statefulSet.namespace, 'prod');
  assert.equal(preview.simulation.replicas, 2);
  assert.equal(preview.statefulSet.line, lineOf(textOf('base', 'statefulset.yaml'), 'kind: StatefulSet'));

  type Lens = { range: { start: { line: number } }; command: { title: string; arguments: unknown[] } };
  const lenses = await session.connection.sendRequest<Lens[]>('textDocument/codeLens', { textDocument: { uri: base } });
  assert.equal(lenses.length, 1, JSON.stringify(lenses));
  assert.equal(lenses[0]!.range.start.line, lineOf(textOf('base', 'statefulset.yaml'), 'kind: StatefulSet'));
  assert.deepEqual(lenses[0]!.command.arguments, [base, 'prod-db']);
});

test('a patch file: the overlay that lists it, revealed at the patch', async () => {
  const session = sessions[0]!;
  const patch = uriOf('overlays', 'prod', 'replicas.yaml');
  await session.open(patch, textOf('overlays', 'prod', 'replicas.yaml'));
  const preview = await builtPreview(session, patch, 1, { name: 'prod-db' });
  assert.deepEqual(preview.overlay, { name: 'db/overlays/prod', all: ['db/overlays/prod'] });
  assert.equal(preview.simulation.replicas, 2);
  assert.equal(preview.statefulSet.line, 0);
});

test('the picker\'s request lists the overlays that build a StatefulSet of the file, and none for a file no overlay builds', async () => {
  const session = sessions[0]!;
  const base = uriOf('base', 'statefulset.yaml');
  assert.deepEqual(await session.connection.sendRequest('statefulset/previewOverlays', { uri: base }), { name: 'db/overlays/prod', all: ['db/overlays/prod', 'db/overlays/split', 'db/overlays/staging'] });
  // The base's Service: built, but no StatefulSet of it.
  assert.equal(await session.connection.sendRequest('statefulset/previewOverlays', { uri: uriOf('base', 'service.yaml') }), null);
});

test('statefulset.kustomize.previewOverlay picks another overlay that builds the file', async () => {
  const session = await started({ kustomize: { previewOverlay: 'db/overlays/staging' } });
  const base = uriOf('base', 'statefulset.yaml');
  await session.open(base, textOf('base', 'statefulset.yaml'));
  const preview = await builtPreview(session, base, 3);
  assert.equal(preview.overlay?.name, 'db/overlays/staging');
  assert.equal(preview.statefulSet.name, 'db');
  assert.equal(preview.statefulSet.namespace, 'staging');
  assert.equal(preview.simulation.replicas, 5);
});
