import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { englishRuns, stringsOf, typographySlips } from '../englishRuns';
import { cliPath, repoRoot } from './cliRun';

// Issue 22, done when "a Chinese-speaking user never meets an English sentence of ours": every
// command of the built CLI with --lang zh-cn, on real inputs, and every line it prints (every
// string of its JSON) holds no English run and no typography slip by the rules in
// test/englishRuns.ts. The inputs are
// the repository's own (rule fixtures, the corpus of public manifests, charts, overlays, the
// examples, the saved status dumps), so new messages are swept as fixtures grow.

const han = /\p{Script=Han}/u;
const fixtures = join('test', 'fixtures');
const dump = join(fixtures, 'status', 'rollback-trap.yaml');
/** A copy of the fix fixtures for --fix to rewrite (it reports each file it fixed). */
const toFix = mkdtempSync(join(tmpdir(), 'sts-zh-fix-'));
cpSync(join(fixtures, 'fixes'), toFix, { recursive: true });

interface Case { args: string[]; json?: boolean }

const previews = ['examples/web.yaml', 'examples/mistakes.yaml', 'examples/not-headless.yaml'].flatMap((file): Case[] => [
  { args: ['preview', file] }, { args: ['preview', file, '--json'], json: true },
  { args: ['preview', file, '--scale', '1'] }, { args: ['preview', file, '--scale', '6', '--json'], json: true },
  { args: ['preview', file, '--fail', '1'] }, { args: ['preview', file, '--fail', '0', '--json'], json: true },
]);

const checked = [join(fixtures, 'rules'), join(fixtures, 'corpus'), join(fixtures, 'cli'), 'examples'];
const sources = [join(fixtures, 'charts'), join(fixtures, 'charts-own'), join(fixtures, 'kustomize-own'), join(fixtures, 'kustomize-real')];

const cases: Case[] = [
  { args: ['check', ...checked] },
  { args: ['check', '--format', 'json', ...checked], json: true },
  { args: ['check', '--format', 'sarif', ...checked], json: true },
  { args: ['check', ...sources] },
  { args: ['check', '--format', 'json', ...sources], json: true },
  { args: ['check', '--baseline', join(fixtures, 'rules', 'immutable-field-changed.baseline.yaml'), join(fixtures, 'rules', 'immutable-field-changed.yaml')] },
  ...previews,
  { args: ['preview', join(fixtures, 'charts', 'postgresql')] },
  { args: ['preview', join(fixtures, 'kustomize-own', 'db', 'overlays', 'prod')] },
  { args: ['preview', join(fixtures, 'kustomize-own', 'db', 'overlays', 'typo')] },
  { args: ['check', '--fix', toFix] },
  { args: ['diff', join(fixtures, 'rules', 'immutable-field-changed.baseline.yaml'), join(fixtures, 'rules', 'immutable-field-changed.yaml')] },
  { args: ['diff', join(fixtures, 'rules', 'immutable-field-changed.baseline.yaml'), join(fixtures, 'rules', 'immutable-field-changed.yaml'), '--format', 'json'], json: true },
  { args: ['diff', 'examples/web.yaml', 'examples/mistakes.yaml'] },
  { args: ['status', '--from', dump] }, { args: ['status', '--from', dump, '--json'], json: true },
  { args: ['status', '--from', join(fixtures, 'status', 'failed-create.yaml')] },
  { args: ['status', '--from', join(fixtures, 'status', 'failed-create.yaml'), '--json'], json: true },
  ...['check', 'diff', 'preview', 'status', 'lsp', 'help'].flatMap((command): Case[] => [{ args: ['help', command] }, { args: [command, '--help'] }]),
  { args: ['help'] }, { args: [] },
  // Usage errors and unreadable input: each prints one sentence and the pointer to the help.
  ...[
    ['help', 'nope'], ['help', 'chek'], ['help', 'check', 'diff'], ['chek'], ['--bogus'], ['check'], ['check', '--bogus'], ['check', '--json', 'x'],
    ['check', '--format'], ['check', '--format', 'xml', 'x.yaml'], ['check', '--fix=yes', 'x'], ['check', 'nope.yaml'], ['check', 'server'],
    ['check', 'dist/helm.wasm'], ['check', '--kubernetes-version', '1.2', 'examples/web.yaml'], ['check', '--feature-gates', 'Foo=bar', 'examples/web.yaml'],
    ['check', '--values', 'v.yaml', 'examples/web.yaml'], ['check', '--context', 'x', 'examples/web.yaml'], ['check', '--baseline', 'nope', 'examples/web.yaml'],
    ['preview'], ['preview', 'a', 'b'], ['preview', 'server'], ['preview', 'examples/web.yaml', '--fail', '9'], ['preview', 'examples/web.yaml', '--fail', 'nope'],
    ['preview', 'examples/web.yaml', '--scale', 'x'], ['preview', 'examples/web.yaml', '--name', 'nope'], ['preview', 'examples/web.yaml', '--values', 'x.yaml'],
    ['diff', 'a'], ['diff', 'nope.yaml', 'examples/web.yaml'], ['diff', 'server', 'examples/web.yaml'],
    ['status', 'a', 'b', '--from', dump], ['status', 'nope', '--from', dump], ['status', '--from', dump, '-n', 'other'], ['status', '--from', dump, '--context', 'prod'],
    ['status', '--from', 'nope.yaml'], ['status', '--kubeconfig', '/nonexistent'], ['lsp', '--socket'],
  ].map((args): Case => ({ args })),
];

function sts(args: readonly string[]): { stdout: string; stderr: string } {
  // No LANG from the machine: --lang alone chooses Chinese, as the flag promises.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'].includes(k)));
  const run = spawnSync(process.execPath, [cliPath, ...args, '--lang', 'zh-cn'], { env, encoding: 'utf8', cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: run.stdout, stderr: run.stderr };
}

/** The lines a user reads of one run: text lines, or each line of each JSON string. */
function linesOf(c: Case, stdout: string, stderr: string): string[] {
  const out = c.json ? stringsOf(JSON.parse(stdout || 'null')).flatMap((s) => s.split('\n')) : stdout.split('\n');
  return [...out, ...stderr.split('\n')];
}

test('the rule finds an English sentence, also around names, and lets Chinese ones with names pass', () => {
  assert.deepEqual(englishRuns('sts: nope.yaml does not exist.'), ['does not exist']);
  assert.deepEqual(englishRuns('Pod web-0 is not Ready yet'), ['is not   yet']);
  assert.deepEqual(englishRuns('x.wasm 是二进制文件（a WebAssembly module），不是 YAML。'), ['a   module']);
  assert.deepEqual(englishRuns('选择算符与 Pod 模板的标签不匹配（未满足 tier notin (db)；模板标签：tier=db）'), []);
  assert.deepEqual(englishRuns('x.yaml:3:1: error [selector-mismatch] The selector does not match.'), ['The selector does not match']);
  assert.deepEqual(englishRuns('控制器无法创建 db-0：API 服务器拒绝了它（FailedCreate）：“pods "db-0" is forbidden: maximum cpu usage”'), []);
  assert.deepEqual(englishRuns('StatefulSet `web` 的 Pod web-0 永远不会 Ready；OrderedReady 会等待它'), []);
  assert.deepEqual(englishRuns('    kubectl delete pod web-2 -n shop'), []);
  assert.deepEqual(englishRuns('用法：sts check [options] PATH...'), []);
  assert.deepEqual(typographySlips('sts: sts preview 需要恰好一个 FILE。.'), ['. after a Chinese stop']);
  assert.deepEqual(typographySlips('web-1 永远不会 Ready；滚动更新 会等待它'), ['a space in "新 会"']);
  assert.deepEqual(typographySlips('序号  Pod   持久卷申领  更新后的修订版本'), []);
});

test('every line sts prints with --lang zh-cn is Chinese, or names and code', () => {
  const found = new Map<string, string>();
  const silent: string[] = [];
  for (const c of cases) {
    const { stdout, stderr } = sts(c.args);
    // A text run that printed no Chinese at all did not run what it should, or spoke only English
    // (JSON of a clean preview holds names only: it must still be there).
    if (c.json ? stdout.trim() === '' : !han.test(stdout + stderr)) silent.push(`sts ${c.args.join(' ')}`);
    for (const line of linesOf(c, stdout, stderr)) {
      const runs = [...englishRuns(line), ...typographySlips(line)];
      // One report per message: the same finding in many files is one gap.
      const key = line.replace(/^\S+:\d+:\d+: /, '');
      if (runs.length > 0 && !found.has(key)) found.set(key, `sts ${c.args.join(' ')}\n    ${line}\n    found: ${runs.join(' | ')}`);
    }
  }
  // Every gap, in full (a deepEqual diff of this size is cut short by the reporter).
  const gaps = [...silent.map((run) => `${run}\n    printed no Chinese`), ...found.values()];
  assert.equal(gaps.length, 0, `${gaps.length} gaps:\n${gaps.join('\n')}`);
});
