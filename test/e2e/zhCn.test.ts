/**
 * StatefulSet Studio in a real VS Code whose display language is Simplified Chinese (issue 22):
 * the user's argv.json says `"locale": "zh-cn"`, as "Configure Display Language" writes it, with a
 * stub language pack that translates nothing of VS Code's own (session.ts: VS Code takes a language
 * only from a pack), so VS Code's words stay English; ours follow the language:
 * the command titles and settings (package.nls.zh-cn.json), the preview (l10n bundle, the page
 * told the language through <html lang>), and the language server's diagnostics and hovers
 * (vscode-languageclient sends vscode.env.language as initialize's `locale`), whose rule links
 * point at docs/zh-cn/rules/.
 * Screenshots: test-results/e2e/zhCn/.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { waitForHover } from './editorWidgets';
import { withCode } from './problems';
import { vsCodeForSuite } from './session';
import { waitFor } from './waitFor';

const file = 'web.yaml';
const fixture = fs.readFileSync(path.join(import.meta.dirname, 'workspace', 'zhCn', file), 'utf8').split('\n');
const chinese = /[\u4e00-\u9fff]/;

describe('StatefulSet Studio in VS Code with the display language zh-cn', { timeout: 420_000 }, () => {
  const inVsCode = vsCodeForSuite({ name: 'zhCn', locale: 'zh-cn' });

  test('the command palette lists our commands under their Chinese titles', { timeout: 120_000 }, inVsCode(async (s) => {
    const { wb, page } = { wb: s.wb, page: s.wb.page };
    await wb.openFile(file);
    const input = page.locator('.quick-input-widget input');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill('>StatefulSet');
    const wanted = ['StatefulSet: 打开预览', 'StatefulSet: 与分支比较…', 'StatefulSet: 重启语言服务器', 'StatefulSet: 连接到集群'];
    let labels: string[] = [];
    await waitFor(async () => {
      labels = await rows.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label') ?? ''));
      return wanted.every((title) => labels.some((label) => label.startsWith(title)));
    }, 60_000, () => `the palette to list ${wanted.join(', ')} (rows: ${JSON.stringify(labels)})`);
    await s.passedCheck('command-palette-chinese-titles');
    await page.keyboard.press('Escape');
  }));

  test('the Problems panel shows the diagnostic in Chinese, with the field name as written', { timeout: 120_000 }, inVsCode(async (s) => {
    const { wb } = s;
    await wb.openFile(file);
    await wb.showProblems();
    const problems = await wb.waitForProblems((ps) => ps.some(withCode(file, 'grace-period-zero')), `grace-period-zero for ${file}`, 60_000);
    const grace = problems.find(withCode(file, 'grace-period-zero'))!;
    assert.equal(grace.line, lineOf(/terminationGracePeriodSeconds: 0/));
    assert.match(grace.message, chinese, `the diagnostic is Chinese: ${grace.message}`);
    assert.match(grace.message, /terminationGracePeriodSeconds/, 'the field name stays as written');
    // The rule id links to its page in the reader's language (docs/zh-cn/rules/).
    const link = wb.page.locator('.markers-panel a.monaco-link', { hasText: 'grace-period-zero' }).first();
    assert.match(await link.getAttribute('href') ?? '', /\/docs\/zh-cn\/rules\/grace-period-zero\.md$/);
    await s.passedCheck('problems-panel-zh-cn');
  }));

  test('the hover speaks Chinese: what a field makes the cluster do', { timeout: 90_000 }, inVsCode(async (s) => {
    const { wb } = s;
    await wb.openFile(file);
    // `replicas` of the StatefulSet: the hover adds what the controller does with it to the
    // field's schema text (Kubernetes' own description, which stays English).
    const line = lineOf(/^ {2}replicas: 3$/);
    await wb.goTo(line, (fixture[line - 1] ?? '').indexOf('replicas') + 3);
    const text = await waitForHover(wb, (hover) => chinese.test(hover) && hover.includes('web-2'),
      'a hover on replicas with Chinese text naming the pods', 30_000);
    assert.match(text, /replicas/);
    await s.passedCheck('hover-zh-cn');
    await wb.press('Escape');
  }));

  test('the preview speaks Chinese: its title, its chrome and <html lang>', { timeout: 120_000 }, inVsCode(async (s) => {
    const { wb } = s;
    await wb.openFile(file);
    await wb.hidePanel();
    await wb.runCommand('statefulset.openPreview', 'StatefulSet: 打开预览');
    const text = await wb.waitForWebviewText(
      (t) => ['更新后', '发布过程', 'web-0.web.demo.svc.cluster.local', 'www-web-2', '3 个副本'].every((part) => t.includes(part)),
      'the preview of web in Chinese (columns, the rollout heading, 3 replicas) with its DNS names and PVCs', 60_000);
    assert.match(text, /序号小于 1 的 Pod 保持旧版本（分区 1）/, 'the revision legend, partition 1');
    assert.equal(await wb.webview().locator('html').getAttribute('lang'), 'zh-cn', 'vscode.env.language reached the page');
    const tab = wb.page.locator('.tab', { hasText: '预览：web' });
    await tab.first().waitFor({ timeout: 10_000 });
    await s.passedCheck('preview-zh-cn');
  }));

  test('the settings describe themselves in Chinese', { timeout: 90_000 }, inVsCode(async (s) => {
    const { wb, page } = { wb: s.wb, page: s.wb.page };
    await wb.runCommand('workbench.action.openSettings2', 'Open Settings (UI)');
    await page.locator('.settings-editor').waitFor({ timeout: 10_000 });
    await page.keyboard.type('statefulset.clusterDomain');
    const description = page.locator('.settings-editor .setting-item-contents .setting-item-description').first();
    let seen = '';
    await waitFor(async () => chinese.test(seen = await description.innerText({ timeout: 1_000 }).catch(() => '')), 20_000,
      () => `the description of statefulset.clusterDomain in Chinese (it shows ${JSON.stringify(seen)})`);
    assert.match(seen, /集群的 DNS 域/);
    await s.passedCheck('settings-zh-cn');
  }));
});

/** The 1-based number of the first line of the fixture that matches `pattern`. */
function lineOf(pattern: RegExp): number {
  const index = fixture.findIndex((l) => pattern.test(l));
  assert.ok(index >= 0, `${pattern} is not in ${file}`);
  return index + 1;
}
