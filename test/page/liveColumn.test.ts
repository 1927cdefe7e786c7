// The preview's live column on the page alone (STYLE 12), fed by the real thing: the real
// test cluster (test/cli/testCluster.ts) halts an OrderedReady rollout at a crash-looping
// web-2, the server's own read-only client and diagnosis read it as the get/list/watch user,
// and the page renders it beside the plan. Screenshot: test-results/page/live-stuck-rollout.png.
// Fails when the cluster is not built; STS_SKIP_CLUSTER=1 skips.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HostMessage } from '../../protocol/protocol';
import { LiveCluster, loadClusterAccess, ReadOnlyClient } from '../../server/src/host/cluster/index';
import { checkFile } from '../../server/src/service/languageService';
import { previewOf } from '../../server/src/service/previewOf';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { clusterSkip, startTestCluster, waitFor, type TestCluster } from '../cli/testCluster';
import { launchChromium, loadPreviewPage, shots } from './pageHarness';


const manifest = (image: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: shop}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}${image.endsWith('-bad') ? ", annotations: {sts-kubelet/behaviour: crash-loop}" : ''}}
    spec: {containers: [{name: app, image: ${image}}]}
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
`;

describe('the live column of a stuck rollout', { skip: clusterSkip() }, () => {
  let cluster: TestCluster;
  let browser: Browser;
  before(async () => {
    cluster = await startTestCluster();
    browser = await launchChromium();
  }, { timeout: 200_000 });
  after(async () => { await browser?.close(); await cluster?.stop(); });

  test('stuck at web-2: the reason, the recovery to copy, each pod as the cluster has it', { timeout: 180_000 }, async () => {
    const { parse } = await import('yaml');
    assert.equal((await cluster.admin('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).status, 201);
    assert.equal((await cluster.admin('POST', '/apis/apps/v1/namespaces/shop/statefulsets', parse(manifest('nginx:1.27')))).status, 201);
    const client = new ReadOnlyClient(loadClusterAccess([cluster.readerKubeconfig]));
    const live = new LiveCluster('sts-test', client, () => undefined);
    try {
      await waitFor('3 pods Ready', async () => { const c = await live.statusOf('shop', 'web'); return c.state === 'connected' && c.report.rollout.readyReplicas === 3 ? true : undefined; });
      assert.equal((await cluster.admin('PUT', '/apis/apps/v1/namespaces/shop/statefulsets/web', {
        ...parse(manifest('nginx:1.28-bad')),
        metadata: { ...((await cluster.admin('GET', '/apis/apps/v1/namespaces/shop/statefulsets/web')).body as { metadata: object }).metadata },
      })).status, 200);
      const column = await waitFor('the rollout to halt at web-2', async () => {
        const c = await live.statusOf('shop', 'web');
        return c.state === 'connected' && c.report.reason === 'crash-loop' ? c : undefined;
      });
      // The editor holds the bad version: the plan beside the live state.
      const file = checkFile('file:///web.yaml', manifest('nginx:1.28-bad'), defaultSettings, new WorkspaceIndex());
      const preview = previewOf('file:///web.yaml', file, defaultSettings, new WorkspaceIndex(), {});
      assert.ok(preview);
      const page = await browser.newPage({ viewport: { width: 520, height: 1100 } });
      await loadPreviewPage(page);
      const message: HostMessage = { type: 'preview', preview, whatIf: {}, live: column };
      await page.evaluate((m) => window.postMessage(m, '*'), message);
      await page.locator('.live-blocked').waitFor();
      assert.match(await page.locator('.live h2').innerText(), /Live in sts-test/);
      assert.match(await page.locator('.live-blocked').innerText(), /Stuck \(crash-loop at web-2\)/);
      assert.deepEqual(await page.locator('.live .recovery code').allInnerTexts(),
        ['kubectl rollout undo statefulset/web -n shop --context sts-test', 'kubectl delete pod web-2 -n shop --context sts-test']);
      assert.equal(await page.locator('.live .recovery button.copy').count(), 2);
      const rows = await page.locator('.live-pods tbody tr').allInnerTexts();
      assert.equal(rows.length, 3);
      assert.match(rows[2]!, /web-2\s+Running\s+not Ready\s+update\s+\d+\s+CrashLoopBackOff/);
      await page.screenshot({ path: join(shots, 'live-stuck-rollout.png'), fullPage: true });
    } finally {
      live.dispose();
    }
  });
});
