import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { HostMessage } from '../../protocol/protocol';
import { checkFile } from '../../server/src/service/languageService';
import { previewOf } from '../../server/src/service/previewOf';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';
import { closePage, loadPreviewPage, openPage } from './pageHarness';

// The preview of a kustomize base or patch file shows an overlay's build: the footer names the
// overlay and, when several build the file, how to pick another (issue 20, item 5).
const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: prod-db, namespace: prod}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres}]}
`;

function overlayPreview(all: string[]): HostMessage {
  const file = checkFile('kustomize:file:///db/base/statefulset.yaml', manifest, defaultSettings, new WorkspaceIndex());
  const preview = previewOf('file:///db/base/statefulset.yaml', file, defaultSettings, new WorkspaceIndex(), {});
  assert.ok(preview);
  return { type: 'preview', preview: { ...preview, overlay: { name: all[0]!, all } }, whatIf: {} };
}

let page: Page;
before(async () => { page = await openPage(520, false); });
after(() => closePage(page));

const post = (message: HostMessage): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), message);

test('the footer names the overlay whose build is shown', async () => {
  await loadPreviewPage(page);
  await post(overlayPreview(['db/overlays/prod']));
  const footer = page.locator('footer');
  await footer.waitFor();
  assert.match(await footer.innerText(), /^built by the kustomize overlay db\/overlays\/prod · Kubernetes /);
  assert.doesNotMatch(await footer.innerText(), /previewOverlay/);
});

test('when several overlays build the file, it says how to pick another', async () => {
  await post(overlayPreview(['db/overlays/prod', 'db/overlays/staging']));
  await page.locator('footer', { hasText: '2 overlays' }).waitFor();
  assert.match(await page.locator('footer').innerText(), /built by the kustomize overlay db\/overlays\/prod \(2 overlays build this file; statefulset\.kustomize\.previewOverlay picks one\)/);
});

test('in Chinese', async () => {
  await loadPreviewPage(page, 'zh-cn');
  await post(overlayPreview(['db/overlays/prod', 'db/overlays/staging']));
  await page.locator('footer').waitFor();
  assert.match(await page.locator('footer').innerText(), /^由 kustomize overlay db\/overlays\/prod 构建 \(2 个 overlay 构建此文件；用 statefulset\.kustomize\.previewOverlay 选择其一\) · /);
});
