// Issue 23: `npm pack` gives a package that works in an empty project from the tarball alone
// (no dependencies, nothing fetched: npm's registry is unreachable here), under both command
// names; the README's install, GitLab CI and Helm lines are run as they are written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './cliRun';
import { installInto, packageVersion, packTarball, readmeBlock, shell, userProject } from './userProject';

let tarball: string;
let project: string;
before(() => {
  tarball = packTarball();
  project = userProject();
});
after(() => {
  rmSync(join(tarball, '..'), { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

test('the tarball holds the CLI, its engines and docs, and depends on nothing', () => {
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(files, [
    // npm packs every README.*: the Chinese one comes along, for the CLI's Chinese readers (issue 22).
    'package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/README.zh-CN.md', 'package/dist/cli.js', 'package/dist/helm.wasm',
    'package/dist/helmWorker.js', 'package/dist/helm_wasm_exec.js', 'package/dist/kustomize.wasm', 'package/dist/kustomizeWorker.js',
    'package/dist/kustomize_wasm_exec.js', 'package/dist/partWorker.js', 'package/package.json',
  ]);
  const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
  assert.equal(manifest.name, 'statefulset-studio');
  assert.deepEqual(manifest.bin, { 'statefulset-studio': './dist/cli.js', sts: './dist/cli.js' });
  assert.equal(manifest.dependencies, undefined, 'every bundle carries its dependencies');
  assert.match(readFileSync(join(repoRoot, 'dist', 'cli.js'), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
});

test('README "Install it in your project": each line in an empty project, from the tarball', () => {
  const [install, ...runs] = readmeBlock('test/cli/npmPackage.test.ts runs these lines in an empty project').trim().split('\n');
  assert.match(install ?? '', /^npm install --save-dev statefulset-studio$/);
  installInto(project, tarball, install);
  const installed = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  assert.ok(installed.devDependencies['statefulset-studio']);
  assert.ok(runs.some((line) => line.startsWith('npx sts ')) && runs.some((line) => line.startsWith('npx statefulset-studio ')));
  assert.ok(runs.includes(`npx statefulset-studio@${packageVersion} check k8s/`), 'the README names the version in package.json');
  for (const line of runs) {
    const result = shell(project, line);
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    assert.equal(result.stdout, '0 errors, 0 warnings\n', line);
  }
  assert.equal(shell(project, 'npx sts --version').stdout, `${packageVersion}\n`);
  const mistakes = shell(project, `npx sts check - < ${JSON.stringify(join(repoRoot, 'examples', 'mistakes.yaml'))}`);
  assert.equal(mistakes.status, 1);
  assert.match(mistakes.stdout, /<stdin>:10:3: error \[selector-mismatch\]/);
});

test('in an empty folder, npx runs sts from the tarball alone (no install, no package.json, no registry)', () => {
  const empty = mkdtempSync(join(tmpdir(), 'sts-empty-'));
  try {
    cpSync(join(repoRoot, 'examples', 'mistakes.yaml'), join(empty, 'mistakes.yaml'));
    for (const bin of ['sts', 'statefulset-studio']) {
      const result = shell(empty, `npx --yes --package ${JSON.stringify(tarball)} ${bin} check mistakes.yaml`);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^mistakes\.yaml:10:3: error \[selector-mismatch\]/m);
      assert.match(result.stdout, /exit 1: errors fail the check\.\n$/);
    }
    assert.deepEqual(readdirSync(empty), ['mistakes.yaml'], 'nothing written beside it');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('README "GitLab CI": the job\'s script lines, in the project', () => {
  installInto(project, tarball);
  const jobs = parse(readmeBlock('<!-- test/cli/npmPackage.test.ts runs the script lines -->')) as Record<string, { image: string; script: string[] }>;
  const job = Object.values(jobs)[0];
  assert.ok(job);
  assert.match(job.image, /^node:(2\d|[3-9]\d)/);
  for (const line of job.script) {
    assert.ok(line.includes(`statefulset-studio@${packageVersion}`), line);
    const result = shell(project, line);
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    assert.equal(result.stdout, '0 errors, 0 warnings\n');
  }
});

test('README "Helm charts": a chart rendered by the packed engine, and helm template piped in', () => {
  installInto(project, tarball);
  execFileSync('bash', [join(repoRoot, 'scripts', 'build-helm.sh'), 'helm-cli'], { cwd: repoRoot, stdio: 'pipe' }); // cached after the first build
  const helmBin = join(repoRoot, '.cache', 'helm', 'bin');
  const lines = readmeBlock('<!-- test/cli/npmPackage.test.ts runs these lines (helm').trim().split('\n');
  assert.equal(lines.length, 2);
  for (const line of lines) {
    const result = shell(project, line, [helmBin]);
    assert.equal(result.status, 0, `${line}\n${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /^0 errors, \d+ warnings?/m, line);
  }
  const refused = shell(project, 'npx sts check charts/db --set primary.updateStrategy.type=Recreate --format json');
  assert.equal(refused.status, 1, 'the engine inside the package renders the override');
  assert.ok((JSON.parse(refused.stdout) as { rule: string }[]).some((f) => f.rule === 'update-strategy-invalid'));
});
