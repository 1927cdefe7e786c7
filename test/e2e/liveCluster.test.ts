/**
 * The live cluster beside the plan in a real VS Code (code-server), connected through a
 * kubeconfig to the real test cluster (test/cli/testCluster.ts: the real API server and
 * StatefulSet controller) as its get/list/watch-only user. The controller halts the rollout of
 * web.yaml's template at a crash-looping web-2; "StatefulSet: Connect to Cluster" picks the
 * context, and the preview's live section says why it is stuck and how to recover. Screenshots
 * go to test-results/e2e/liveCluster/. Fails when the cluster is not built; STS_SKIP_CLUSTER=1 skips.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { clusterSkip, startTestCluster, waitFor, type TestCluster } from '../cli/testCluster';
import { vsCodeForSuite } from './session';

const good = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: nginx:1.27}]}
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
`;

describe('StatefulSet Studio in VS Code: the live cluster', { skip: clusterSkip(), timeout: 420_000 }, () => {
  let cluster: TestCluster | undefined;
  // Before VS Code starts: its environment names the reader's kubeconfig.
  before(async () => {
    cluster = await startTestCluster();
    process.env.KUBECONFIG = cluster.readerKubeconfig;
    const c = cluster;
    assert.equal((await c.admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).status, 201);
    assert.equal((await c.admin('POST', '/apis/apps/v1/namespaces/shop/statefulsets', parse(good))).status, 201);
    await waitFor('3 pods Ready', async () => ((await c.admin('GET', '/apis/apps/v1/namespaces/shop/statefulsets/web')).body as { status?: { readyReplicas?: number } }).status?.readyReplicas === 3 || undefined);
    const bad = { spec: { template: { metadata: { annotations: { 'sts-kubelet/behaviour': 'crash-loop' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } } } };
    assert.equal((await c.admin('PATCH', '/apis/apps/v1/namespaces/shop/statefulsets/web', bad)).status, 200);
  }, { timeout: 200_000 });
  after(async () => { await cluster?.stop(); });
  const inVsCode = vsCodeForSuite({ name: 'liveCluster' });

  test('connect to the cluster; the preview says the rollout is stuck at web-2 and how to recover', { timeout: 300_000 },
    inVsCode(async (s) => {
      const { wb } = s;
      await wb.openFile('web.yaml');
      const picker = await wb.openPicker('statefulset.connectCluster', 'StatefulSet: Connect to Cluster', 'the kubeconfig contexts', 1);
      assert.match((await picker.labels())[0] ?? '', /sts-test/);
      await wb.page.keyboard.press('Enter');
      await wb.waitForStatusItem((text) => text.includes('sts-test'), 'the connected context in the status bar', 30_000);
      await s.passedCheck('connected');
      await wb.openFile('web.yaml');
      await wb.runCommand('statefulset.openPreview', 'StatefulSet: Open Preview');
      const text = await wb.waitForWebviewText((t) => t.includes('Live in sts-test') && t.includes('Stuck (crash-loop at web-2)'),
        'the live section of the stuck rollout', 90_000);
      assert.match(text, /kubectl rollout undo statefulset\/web -n shop --context sts-test/);
      assert.match(text, /kubectl delete pod web-2 -n shop --context sts-test/);
      assert.match(text, /CrashLoopBackOff/);
      await s.passedCheck('live-stuck-rollout');
    }));
});
