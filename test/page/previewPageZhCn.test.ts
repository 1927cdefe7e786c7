import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { HostMessage } from '../../protocol/protocol';
import { closePage, loadPreviewPage, openPage, previewMessage, shots } from './pageHarness';

// The preview page when VS Code's display language is zh-cn (issue 22): the host writes it into
// <html lang>, and the page's own words (headings, columns, buttons, the legend) come from
// l10n/bundle.l10n.zh-cn.json. Field names, values and pod names stay as written.
const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 3
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
  volumeClaimTemplates: [{metadata: {name: www}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: web}}
`;

let page: Page;
before(async () => { page = await openPage(520, false); });
after(() => closePage(page));

async function open(lang: string): Promise<void> {
  await loadPreviewPage(page, lang);
  await page.evaluate((m) => window.postMessage(m, '*'), previewMessage(manifest));
  await page.locator('table tbody tr').nth(2).waitFor();
}

test('with lang zh-cn the page speaks Chinese, and keeps pod names, fields and values as written', async () => {
  await open('zh-cn');
  const headers = await page.locator('.pods thead th').allInnerTexts();
  assert.deepEqual(headers.map((h) => h.trim()), ['#', 'Pod', 'DNS 名称', 'PVCs', '更新后']);
  const rows = await page.locator('.pods tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
    ['0', 'web-0', 'web-0.nginx.default.svc.cluster.local复制', 'www-web-0', '旧'],
    ['1', 'web-1', 'web-1.nginx.default.svc.cluster.local复制', 'www-web-1', '新'],
    ['2', 'web-2', 'web-2.nginx.default.svc.cluster.local复制', 'www-web-2', '新'],
  ]);
  assert.equal((await page.locator('.pods h2').innerText()).trim(), 'Pod（3）');
  assert.match(await page.locator('.settings').innerText(), /3 个副本 · OrderedReady · RollingUpdate · partition 1/);
  assert.match(await page.locator('.dns').innerText(), /Pod 的 DNS 名称可以解析/);
  assert.match(await page.locator('.timeline h2').innerText(), /发布过程/);
  assert.deepEqual(await page.locator('[role=tab]').allInnerTexts(), ['创建', '缩容到 0', '滚动更新']);
  assert.match(await page.locator('#revision-legend').innerText(), /序号小于 1 的 Pod 保持旧版本（分区 1）/);
  assert.match(await page.locator('footer').innerText(), /集群域 cluster\.local · 模拟结果，并非从集群读取/);
  await page.screenshot({ path: join(shots, 'preview-page-zh-cn.png'), fullPage: true });
});

test('with lang zh-cn the live section speaks Chinese when the StatefulSet is absent or the cluster unreadable', async () => {
  await open('zh-cn');
  const base = previewMessage(manifest);
  assert.equal(base.type, 'preview');
  if (base.type !== 'preview') return;
  await page.evaluate((m) => window.postMessage(m, '*'), { ...base, live: { state: 'absent', context: 'kind-dev' } } satisfies HostMessage);
  await page.locator('.live h2', { hasText: 'kind-dev 中的实时状态' }).waitFor();
  assert.match(await page.locator('.live').innerText(), /不在集群中：此名字空间中没有这个名称的 StatefulSet。/);
  await page.evaluate((m) => window.postMessage(m, '*'), { ...base, live: { state: 'error', context: 'kind-dev', message: 'connect ECONNREFUSED 127.0.0.1:6443' } } satisfies HostMessage);
  await page.locator('.live-error').waitFor();
  assert.equal(await page.locator('.live-error').innerText(),
    '无法读取集群：connect ECONNREFUSED 127.0.0.1:6443。预览会在没有它的情况下继续，并自动重新连接。');
});

test('without a lang (a plain browser) or with another language the page stays English', async () => {
  for (const lang of ['', 'en', 'de', 'zh-tw']) {
    await open(lang);
    const headers = await page.locator('.pods thead th').allInnerTexts();
    assert.deepEqual(headers.map((h) => h.trim()), ['#', 'Pod', 'DNS name', 'PVCs', 'After update'], `lang "${lang}"`);
  }
});
