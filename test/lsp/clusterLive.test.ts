// The preview's live column over LSP, against the real test cluster (test/cli/testCluster.ts):
// opt-in connection to a kubeconfig context (only when trusted), the live state of a
// StatefulSet, and a watch that tells the client when a pod changed. The server reads as the
// get/list/watch-only user. Fails when the cluster is not built; STS_SKIP_CLUSTER=1 skips.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'yaml';
import type { ClusterContextsResult, ConnectClusterResult, LiveColumn } from '../../protocol/protocol';
import { clusterSkip, startTestCluster, waitFor, type TestCluster } from '../cli/testCluster';
import { LspSession } from './lspClient';

describe('the live column against a real cluster', { skip: clusterSkip() }, () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startTestCluster();
    process.env.KUBECONFIG = cluster.readerKubeconfig; // the server is spawned with this environment
  }, { timeout: 200_000 });
  after(async () => { await cluster?.stop(); });

  test('connect, read the live state, hear of a pod change through the watch, compare with the live object', { timeout: 180_000 }, async () => {
    assert.equal((await cluster.admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'live' } })).status, 201);
    const created = await cluster.admin('POST', '/apis/apps/v1/namespaces/live/statefulsets', {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
      spec: { replicas: 2, serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    });
    assert.equal(created.status, 201);
    const session = new LspSession({ baseline: 'cluster' });
    try {
      await session.initialize();
      const changes: number[] = [];
      session.connection.onNotification('statefulset/liveChanged', () => { changes.push(Date.now()); });
      const contexts = await session.connection.sendRequest<ClusterContextsResult>('statefulset/clusterContexts');
      assert.deepEqual([contexts.contexts, contexts.current], [['sts-test'], 'sts-test']);
      const connected = await session.connection.sendRequest<ConnectClusterResult>('statefulset/connectCluster', { context: 'sts-test' });
      assert.equal(connected.connected, true, connected.message);
      const live = (): Promise<LiveColumn | null> => session.connection.sendRequest<LiveColumn | null>('statefulset/liveStatus', { namespace: 'live', name: 'web' });
      await waitFor('both pods Ready in the live column', async () => {
        const column = await live();
        return column?.state === 'connected' && column.report.rollout.readyReplicas === 2 && column.report.reason === 'none' ? column : undefined;
      });
      assert.deepEqual(await session.connection.sendRequest('statefulset/liveStatus', { namespace: 'live', name: 'nope' }), { state: 'absent', context: 'sts-test' });

      // A pod changes in the cluster: the watch tells the client, and the column then shows it.
      const before = changes.length;
      const changedAt = Date.now();
      cluster.setBehaviours({ 'live/web-1': 'crash-loop' });
      const seen = await waitFor('the crash loop in the live column after a liveChanged notification', async () => {
        if (changes.length === before) return undefined;
        const column = await live();
        return column?.state === 'connected' && column.report.pods.find((p) => p.name === 'web-1')?.waitingReason === 'CrashLoopBackOff' ? Date.now() : undefined;
      }, 30_000);
      const latency = seen - changedAt;
      console.log(`live column: a pod change (written by the test kubelet within 200 ms of the control file) shown after ${latency} ms`);
      assert.ok(latency < 2000, `the live column took ${latency} ms`);

      // statefulset.baseline: cluster — the open file against the live object: serviceName cannot change.
      const uri = 'file:///tmp/sts-live-web.yaml';
      await session.open(uri, `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: live}
spec:
  replicas: 2
  serviceName: other
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: nginx:1.27}]}
`);
      const diagnostics = await session.diagnostics(uri, (d) => d.some((x) => x.code === 'immutable-field-changed'), 20_000);
      assert.match(String(diagnostics.find((x) => x.code === 'immutable-field-changed')!.message), /serviceName/);

      const off = await session.connection.sendRequest<ConnectClusterResult>('statefulset/connectCluster', { context: null });
      assert.equal(off.connected, false);
      assert.equal(await live(), null);
    } finally {
      await session.close();
    }
  });

  test('a refused token: a clear message, and the token in neither the answer nor the server\'s log', { timeout: 60_000 }, async () => {
    const { loadClusterAccess } = await import('../../server/src/host/cluster/kubeconfig');
    const access = loadClusterAccess([cluster.readerKubeconfig]);
    const token = 'lsp-secret-token-5f3a9c1e7d';
    const file = join(cluster.dir, 'expired.kubeconfig');
    writeFileSync(file, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'expired',
      clusters: [{ name: 'c', cluster: { server: access.server, 'certificate-authority-data': Buffer.from(access.ca!).toString('base64') } }],
      users: [{ name: 'u', user: { token } }], contexts: [{ name: 'expired', context: { cluster: 'c', user: 'u' } }],
    }));
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = file;
    const session = new LspSession();
    process.env.KUBECONFIG = saved;
    try {
      await session.initialize();
      const result = await session.connection.sendRequest<ConnectClusterResult>('statefulset/connectCluster', { context: 'expired' });
      assert.equal(result.connected, false);
      assert.match(result.message, /Cannot connect to expired: .*401 Unauthorized/);
      await waitFor('the server to log the failure', async () => session.arrivals.some((a) => a.includes('connecting to expired')) || undefined, 10_000);
      assert.ok(!result.message.includes(token));
      assert.ok(!session.arrivals.some((a) => a.includes(token)) && !session.stderr.includes(token));
    } finally {
      await session.close();
    }
  });

  test('an untrusted workspace never connects (an exec plugin is a program)', { timeout: 60_000 }, async () => {
    const session = new LspSession();
    try {
      await session.initialize(null, { initializationOptions: { trusted: false } });
      const contexts = await session.connection.sendRequest<ClusterContextsResult>('statefulset/clusterContexts');
      assert.match(contexts.error ?? '', /untrusted workspace/);
      const connected = await session.connection.sendRequest<ConnectClusterResult>('statefulset/connectCluster', { context: 'sts-test' });
      assert.equal(connected.connected, false);
      assert.match(connected.message, /untrusted workspace/);
      assert.equal(await session.connection.sendRequest('statefulset/liveStatus', { namespace: 'default', name: 'web' }), null);
    } finally {
      await session.close();
    }
  });
});
