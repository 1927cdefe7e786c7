import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { HostMessage, PageMessage } from '../../protocol/protocol';
import { closePage, openPage, previewMessage, shots } from './pageHarness';
const hostile = '<img src=x onerror="window.pwned=1">';

const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  annotations: {note: '${hostile}'}
spec:
  serviceName: nginx
  replicas: 3
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, evil: 'x'}}
    spec: {containers: [{name: c, image: nginx}]}
  volumeClaimTemplates: [{metadata: {name: www}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: web}}
`;

let page: Page;
before(async () => { page = await openPage(520); });
after(() => closePage(page));

const post = (message: HostMessage): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), message);
const sent = (): Promise<PageMessage[]> => page.evaluate(() => window.stsSent ?? []);

test('the page says it is ready, then shows pods, DNS names and PVCs', async () => {
  assert.deepEqual(await sent(), [{ type: 'ready' }]);
  await post(previewMessage(manifest));
  await page.locator('table tbody tr').nth(2).waitFor();
  const rows = await page.locator('table tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim())), [
    ['0', 'web-0', 'web-0.nginx.default.svc.cluster.localCopy', 'www-web-0', 'old'],
    ['1', 'web-1', 'web-1.nginx.default.svc.cluster.localCopy', 'www-web-1', 'new'],
    ['2', 'web-2', 'web-2.nginx.default.svc.cluster.localCopy', 'www-web-2', 'new'],
  ]);
  assert.match(await page.locator('.dns').innerText(), /Pod DNS names resolve/);
  await page.screenshot({ path: join(shots, 'preview-page.png'), fullPage: true });
});

test('everything from the manifest is shown as text, never run as HTML', async () => {
  const evil = manifest.replace('name: web\n', `name: '${hostile}'\n`);
  await post(previewMessage(evil));
  await page.locator('h1').filter({ hasText: 'onerror' }).waitFor();
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  assert.match(await page.locator('h1').innerText(), /<img src=x onerror/);
  await post(previewMessage(manifest));
  await page.locator('h1').filter({ hasText: /^default\/web/ }).waitFor();
});

test('a pod the controller can never create is marked in its row, with the reason', async () => {
  // 55 characters: the names fit, but "<set>-<hash>" (the controller-revision-hash label) does not.
  for (const length of [55, 62]) {
    await post(previewMessage(manifest.replace('name: web\n', `name: ${'a'.repeat(length)}\n`)));
    const refused = page.locator('table tbody tr.refused');
    await refused.nth(2).waitFor({ state: 'attached' });
    assert.match(await refused.first().locator('.problem').textContent() ?? '', /^never created: the controller's pod creation is refused \(FailedCreate\), since /);
    await page.screenshot({ path: join(shots, `preview-page-refused-pods-${length}.png`), fullPage: true });
  }
  await post(previewMessage(manifest));
  await page.locator('table tbody tr').nth(2).waitFor();
  assert.equal(await page.locator('table tbody tr.refused').count(), 0, 'pods that can be created are not marked');
});

test('copy buttons, what-if controls and the picker send typed messages to the host', async () => {
  await page.getByRole('button', { name: "Copy web-1's DNS name" }).click();
  await page.getByLabel('replicas').fill('5');
  await page.getByLabel('replicas').press('Enter');
  await page.getByLabel('podManagementPolicy').selectOption('Parallel');
  const messages = await sent();
  assert.deepEqual(messages.slice(1), [
    { type: 'copy', text: 'web-1.nginx.default.svc.cluster.local' },
    { type: 'whatIf', whatIf: { replicas: 5 } },
    { type: 'whatIf', whatIf: { podManagementPolicy: 'Parallel' } },
  ]);
});

test('the rollout player steps through the create plan, and a failing pod halts OrderedReady', async () => {
  const message = previewMessage(manifest);
  assert.equal(message.type, 'preview');
  if (message.type !== 'preview') return;
  await post({ ...message, whatIf: { failingOrdinal: 1 } });
  await page.getByRole('button', { name: 'Step' }).waitFor();
  for (let i = 0; i < 12 && await page.getByRole('button', { name: 'Step' }).isEnabled(); i++) {
    await page.getByRole('button', { name: 'Step' }).click();
  }
  assert.match(await page.locator('.note').innerText(), /^Halted: /);
  const states = await page.locator('.chip').allInnerTexts();
  assert.deepEqual(states.map((s) => s.replace(/\s+/g, ' ')), ['web-0 Ready', 'web-1 Running', 'web-2 Absent']);
  await page.screenshot({ path: join(shots, 'preview-halted.png'), fullPage: true });
});

test('an empty message replaces the preview with its reason', async () => {
  await post({ type: 'empty', reason: 'No apps/v1 StatefulSet in this file.' });
  await page.locator('.empty').waitFor();
  assert.equal(await page.locator('table').count(), 0);
});
