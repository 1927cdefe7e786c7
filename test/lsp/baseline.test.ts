import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { PreviewResult } from '../../protocol/protocol';
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

test('an open file is compared with its committed version: immutable changes warn, the preview tells the impact', async () => {
  const dir = repoWith({ 'db.yaml': committed });
  const edited = committed.replace('replicas: 2', 'replicas: 2\n  podManagementPolicy: Parallel').replace("postgres:16", "postgres:17");
  const uri = pathToFileURL(join(dir, 'db.yaml')).href;
  const session = new LspSession();
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
