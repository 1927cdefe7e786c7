import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliPath, repoRoot } from './cliRun';

// Issue 22: sts speaks Simplified Chinese with --lang zh-cn, or when LC_ALL / LC_MESSAGES / LANG
// say zh_CN; English otherwise. The finding lines keep their shape (file:line:col: severity [rule]).

const han = /\p{Script=Han}/u;
const folder = mkdtempSync(join(tmpdir(), 'sts-zh-'));
const file = join(folder, 'web.yaml');
writeFileSync(file, `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: webx }
    spec:
      containers: [{ name: app, image: nginx }]
`);

function sts(args: readonly string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'].includes(k)));
  const result = spawnSync(process.execPath, [cliPath, ...args], { env: { ...clean, ...env }, encoding: 'utf8', cwd: repoRoot });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const chineseLines = [
  `${file}:6:16: warning [service-missing] 在此文件或工作区的名字空间 "default" 中没有 Service "web"。Pod 仍会被创建，但这些 Pod 自己的 DNS 名称（web-0.web.default.svc…）并不存在，因此靠这些名称互相发现的成员（复制、集群成员关系）无法找到彼此。请创建一个名为 "web"、选中这些 Pod 的无头服务（clusterIP: None）。`,
  `${file}:7:3: error [selector-mismatch] 选择算符与 Pod 模板的标签不匹配（未满足 app=web；模板标签：app=webx）。API 服务器会拒绝它：请让 spec.selector 与 spec.template.metadata.labels 一致。`,
];

test('LANG=zh_CN.UTF-8: findings and summary in Chinese', () => {
  const run = sts(['check', file], { LANG: 'zh_CN.UTF-8' });
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 2), chineseLines);
  assert.match(lines[2] ?? '', /^Kubernetes 1\.37 · 特性门控：/);
  assert.equal(lines[3], '1 个错误、1 个警告；退出码 1：错误会使检查失败。');
});

test('--lang zh-cn wins over an English environment; --lang en over a Chinese one', () => {
  const chinese = sts(['check', '--lang', 'zh-cn', file], { LANG: 'en_US.UTF-8' });
  assert.deepEqual(chinese.stdout.split('\n').slice(0, 2), chineseLines);
  const english = sts(['check', file, '--lang=en'], { LC_ALL: 'zh_CN.UTF-8' });
  assert.equal(english.stdout, sts(['check', file], {}).stdout);
  assert.match(english.stdout, /error \[selector-mismatch\] The selector does not match the pod template's labels/);
  assert.doesNotMatch(english.stdout, han);
});

test('LC_ALL decides before LANG; LC_MESSAGES before LANG', () => {
  assert.doesNotMatch(sts(['check', file], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }).stdout, han);
  assert.match(sts(['check', file], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).stdout, han);
});

test('JSON and SARIF carry the Chinese messages, and SARIF links the Chinese rule pages', () => {
  const json = JSON.parse(sts(['check', '--format', 'json', file], { LANG: 'zh_CN.UTF-8' }).stdout) as { rule: string; message: string }[];
  assert.ok(json.every((r) => han.test(r.message)), JSON.stringify(json));
  const sarif = JSON.parse(sts(['check', '--format', 'sarif', file], { LANG: 'zh_CN.UTF-8' }).stdout) as
    { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
  for (const rule of sarif.runs[0]?.tool.driver.rules ?? []) assert.match(rule.helpUri, new RegExp(`/docs/zh-cn/rules/${rule.id}\\.md$`));
});
