import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { PreviewResult } from '../../protocol/protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fixFile } from '../../server/src/service/fixFile';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { repoWith } from '../helpers/gitRepo';
import { LspSession } from './lspClient';

const committed = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: 'postgres:16'}]}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}}
`;

// CHANGED EXPECTATION (issue 18): git HEAD is no longer the default deployed version (a commit says
// nothing about what runs in the cluster); this test now chooses it, as a user does with the setting.
test('an open file is compared with the git ref the user chose: immutable changes warn, the preview tells the impact', async () => {
  const dir = repoWith({ 'db.yaml': committed });
  const edited = committed.replace('replicas: 2', 'replicas: 2\n  podManagementPolicy: Parallel').replace("postgres:16", "postgres:17");
  const uri = pathToFileURL(join(dir, 'db.yaml')).href;
  const session = new LspSession({ baseline: 'HEAD' });
  try {
    await session.initialize(pathToFileURL(dir).href);
    await session.open(uri, edited);
    const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'immutable-field-changed'), 20_000);
    const change = diagnostics.find((d) => d.code === 'immutable-field-changed');
    assert.equal(change?.severity, 2);
    assert.deepEqual(change?.range.start, { line: 6, character: 23 });
    assert.match(String(change?.message), /^spec\.podManagementPolicy cannot change on an existing StatefulSet \(deployed: "OrderedReady", now: "Parallel"\)/);
    const preview = await session.connection.sendRequest<PreviewResult>('statefulset/preview', { uri });
    assert.equal(preview?.impact?.summary, 'The pod template changes: db-1, then db-0 restart in that order.');
  } finally {
    await session.close();
  }
});

// Issue 18, tried as a new user would: fixing the committed examples/mistakes.yaml as the tutorial
// intends must leave 0 errors and no warnings about a "deployed" version that was never deployed.
const mistakes = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'mistakes.yaml'), 'utf8');

async function diagnosticsOfFixedMistakes(settings: Record<string, unknown>): Promise<{ diagnostics: Diagnostic[]; impact: unknown }> {
  const dir = repoWith({ 'mistakes.yaml': mistakes });
  const uri = pathToFileURL(join(dir, 'mistakes.yaml')).href;
  const fixed = fixFile(uri, mistakes, defaultSettings, new WorkspaceIndex());
  assert.deepEqual(fixed.fixed.sort(), ['grace-period-zero', 'partition-exceeds-replicas', 'selector-mismatch', 'service-missing', 'storage-class-annotation', 'volume-mount-unknown']);
  const session = new LspSession(settings);
  try {
    await session.initialize(pathToFileURL(dir).href);
    await session.open(uri, fixed.text);
    const first = await session.diagnostics(uri, () => true, 20_000);
    const preview = await session.connection.sendRequest<PreviewResult>('statefulset/preview', { uri });
    // With a baseline chosen, its warnings arrive once git has answered; without one there is nothing to wait for.
    const diagnostics = settings.baseline ? await session.diagnostics(uri, (d) => d.some((x) => x.code === 'immutable-field-changed'), 20_000) : first;
    return { diagnostics, impact: preview?.impact ?? null };
  } finally {
    await session.close();
  }
}

test('examples/mistakes.yaml fixed as the tutorial intends: 0 errors, 0 warnings, nothing compared by default', async () => {
  const { diagnostics, impact } = await diagnosticsOfFixedMistakes({});
  assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.message}`), []);
  assert.equal(impact, null);
});

test('with a git ref chosen, the committed mistakes are the deployed version: claim template changes are described field by field, never as JSON', async () => {
  const { diagnostics } = await diagnosticsOfFixedMistakes({ baseline: 'HEAD' });
  const messages = diagnostics.filter((d) => d.code === 'immutable-field-changed').map((d) => String(d.message));
  const claims = messages.find((m) => m.startsWith('spec.volumeClaimTemplates'));
  assert.ok(claims, messages.join('\n'));
  assert.match(claims, /claim template "data": metadata\.annotations\.volume\.beta\.kubernetes\.io\/storage-class removed \(it was "fast"\); claim template "data": spec\.storageClassName added \("fast"\)/);
  assert.doesNotMatch(claims, /\[\{|\{"/);
});
