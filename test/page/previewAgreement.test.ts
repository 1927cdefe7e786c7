import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { HostMessage } from '../../protocol/protocol';
import { closePage, openPage, previewMessage, shots } from './pageHarness';

// Issue 24 on the page alone (STYLE 12): refused manifests said first, what-if values marked,
// no mid-word wraps at side-panel width, the revision column explained, Play at the last tick.

const manifest = (spec = '  replicas: 3\n', labels = 'app: web'): string => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
${spec}  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {${labels}}}
    spec: {containers: [{name: c, image: nginx}]}
  volumeClaimTemplates: [{metadata: {name: www-data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec: {clusterIP: None, selector: {app: web}}
`;

let page: Page;
before(async () => { page = await openPage(480); });
after(() => closePage(page));

const post = (message: HostMessage): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), message);

test('a selector the API server refuses: said first, errors linked to their lines, no rollout, pods only "once fixed"', async () => {
  await post(previewMessage(manifest(undefined, 'app: nginx')));
  await page.locator('.blocked').waitFor();
  const order = await page.locator('header.summary > *').evaluateAll((nodes) => nodes.map((n) => n.className || n.tagName));
  assert.deepEqual(order.slice(0, 2), ['H1', 'blocked'], 'the refusal comes right under the name');
  assert.equal(await page.locator('.settings').count(), 0, 'no settings read from a manifest the API server refuses');
  assert.match(await page.locator('.blocked-headline').innerText(), /^The API server would refuse this StatefulSet \(1 error\): applying it creates nothing/);
  assert.match(await page.locator('.blocked li').innerText(), /^selector-mismatch The selector does not match/);
  assert.equal(await page.locator('.timeline').count(), 0, 'no rollout described');
  assert.equal(await page.locator('.what-if').count(), 0);
  assert.equal(await page.locator('details.once-fixed').getAttribute('open'), null, 'the pods it would get are folded away');
  await page.getByRole('button', { name: /^Show selector-mismatch at line 7$/ }).click();
  assert.deepEqual((await page.evaluate(() => window.stsSent ?? [])).at(-1), { type: 'reveal', line: 6 });
  await page.screenshot({ path: join(shots, 'preview-refused-480.png'), fullPage: true });
  // Unfolded, it stays unfolded when the next keystroke redraws the page.
  await page.locator('details.once-fixed > summary').click();
  await post(previewMessage(manifest('  replicas: 4\n', 'app: nginx')));
  await page.locator('.pods tbody tr').nth(3).waitFor();
  assert.equal(await page.locator('details.once-fixed').getAttribute('open'), '');
  assert.match(await page.locator('details.once-fixed').innerText(), /✗ Pod DNS names will not resolve: Service "nginx" selector does not select/);
});

test('replicas: -2 is refused too, and the page says nothing of scaling', async () => {
  await post(previewMessage(manifest('  replicas: -2\n')));
  await page.locator('.blocked-headline').waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /negative-value/);
  assert.doesNotMatch(text, /deletes|Rolling update|If you apply this now/);
});

test('what-if values are marked, with the manifest\'s value beside them', async () => {
  await post(previewMessage(manifest(), { replicas: 5, partition: 2 }));
  await page.locator('.what-if-value').first().waitFor();
  const marked = await page.locator('.settings .what-if-value').allInnerTexts();
  assert.deepEqual(marked.map((t) => t.replace(/\s+/g, ' ')), ['5 replicas what-if · manifest: 3', 'partition 2 what-if · manifest: 0']);
  assert.match(await page.locator('.what-if-note').innerText(), /not in your file/);
  assert.match(await page.locator('.pods h2').innerText(), /Pods \(5\)\s*what-if/);
  await post(previewMessage(manifest()));
  await page.locator('.what-if-value').first().waitFor({ state: 'detached' });
  assert.match(await page.locator('.settings').innerText(), /^3 replicas · OrderedReady · RollingUpdate · partition 0 · maxUnavailable 1$/);
});

test('at 480 px DNS and PVC names wrap only between labels, never inside one', async () => {
  await post(previewMessage(manifest().replace('name: web}', 'name: web-frontend-cache}')));
  await page.locator('.pods tbody tr').first().waitFor();
  // Every label (and every PVC name) lies on one line: its text has one client rect.
  const broken = await page.locator('.dns-name .nowrap, code.pvc, .steps .nowrap, .steps code').evaluateAll((nodes) => nodes.filter((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
    return lines.size > 1;
  }).map((node) => node.textContent));
  assert.deepEqual(broken, []);
  const dns = await page.locator('.pods tbody tr').first().locator('.dns-name').innerText();
  assert.equal(dns.replace(/\s+/g, ''), 'web-frontend-cache-0.nginx.default.svc.cluster.local');
  await page.screenshot({ path: join(shots, 'preview-narrow-480.png'), fullPage: true });
});

test('the "After update" column is explained, and partition = replicas reads as a hold, not a warning', async () => {
  await post(previewMessage(manifest('  replicas: 2\n  updateStrategy: {rollingUpdate: {partition: 1}}\n')));
  await page.locator('#revision-legend').waitFor();
  assert.match(await page.locator('#revision-legend').innerText(), /^After update: the revision each pod runs after you change the pod template — new: .*; old: .*\. Here ordinals below 1 stay old \(partition 1\)\.$/);
  assert.match(await page.locator('th', { hasText: 'After update' }).getAttribute('title') ?? '', /^After update: /);
  await post(previewMessage(manifest('  replicas: 2\n  updateStrategy: {rollingUpdate: {partition: 2}}\n')));
  await page.locator('.settings', { hasText: '= replicas' }).waitFor();
  assert.match(await page.locator('.settings').innerText(), /partition 2 \(= replicas: holds every pod on the old revision\)/);
  assert.equal(await page.locator('.warnings').count(), 0);
});

test('Play turns back into Play on the last tick, not one tick later', async () => {
  await page.evaluate(() => { (window as { stsPlayIntervalMs?: number }).stsPlayIntervalMs = 30; });
  await post(previewMessage(manifest()));
  await page.getByRole('button', { name: 'Play or pause' }).click();
  await page.locator('.controls .muted', { hasText: /^tick (\d+) of \1$/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Play or pause' }).innerText(), 'Play');
});
