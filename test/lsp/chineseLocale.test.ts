import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspSession } from './lspClient';

// Issue 22: an editor whose display language is Simplified Chinese (initialize's `locale`, which
// VS Code sends) gets the server's words in Chinese: diagnostics with links to the Chinese rule
// pages, hover, code action titles and CodeLens titles. English stays the default (every other test).

const han = /\p{Script=Han}/u;
const uri = 'file:///zh/web.yaml';
const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: webx }
    spec:
      terminationGracePeriodSeconds: 0
      containers:
        - name: app
          image: nginx
`;

let session: LspSession;
let diagnostics: Diagnostic[];

before(async () => {
  session = new LspSession();
  await session.initialize(null, { locale: 'zh-cn' });
  await session.open(uri, text);
  diagnostics = await session.diagnostics(uri, (d) => d.length >= 3);
});
after(() => session.close());

test('diagnostics are in Chinese and link to the Chinese rule pages', () => {
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['grace-period-zero', 'selector-mismatch', 'service-missing']);
  for (const d of diagnostics) {
    const message = String(d.message);
    assert.match(message, han, message);
    assert.doesNotMatch(message, /\b(the|is|are|and) /, `an English sentence in: ${message}`);
    assert.equal(d.codeDescription?.href, `https://github.com/statefulset-studio/statefulset-studio/blob/main/docs/zh-cn/rules/${String(d.code)}.md`);
  }
  const mismatch = diagnostics.find((d) => d.code === 'selector-mismatch');
  assert.equal(mismatch?.message, '选择算符与 Pod 模板的标签不匹配（未满足 app=web；模板标签：app=webx）。API 服务器会拒绝它：请让 spec.selector 与 spec.template.metadata.labels 一致。');
});

test('code action titles are in Chinese', async () => {
  const grace = diagnostics.find((d) => d.code === 'grace-period-zero')!;
  const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri }, range: grace.range, context: { diagnostics: [grace] },
  });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('将 terminationGracePeriodSeconds 设为 30（Kubernetes 的默认值）'), titles.join(' / '));
  assert.ok(titles.includes('在此处忽略 grace-period-zero（# sts-ignore grace-period-zero）'), titles.join(' / '));
  for (const title of titles) assert.match(title, han, title);
});

test('hover on replicas says what the cluster makes, in Chinese', async () => {
  const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } });
  const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  const [heading, pods] = markdown.split('\n\n');
  assert.equal(heading, '**replicas**: `integer`');
  assert.equal(pods, '**3 个 Pod**：`web-0` … `web-2`');
});

test('the CodeLens title is in Chinese', async () => {
  const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => l.command?.title), ['预览 · 被 API 服务器拒绝（1 个错误）']);
});

test('the server\'s log lines (the Output channel) are in Chinese too', async () => {
  const line = await session.log(/已索引 \d+ 个 YAML 文件/, 20_000);
  assert.match(String(line), han);
});
