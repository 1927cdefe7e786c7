// Issue 23: the hooks of .pre-commit-hooks.yaml, run by pre-commit itself (from PyPI) on a sample
// repository with the README's .pre-commit-config.yaml, the package installed from the tarball.
// pre-commit comes from STS_PRE_COMMIT, or PATH, or is installed once from PyPI into .cache/ (a venv,
// or pip --target where python3-venv is missing); only without python3 and PyPI are its runs skipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './cliRun';
import { git, installInto, offlineEnv, packageVersion, packTarball, readmeBlock, userProject } from './userProject';

const preCommitVersion = '4.7.0';

/** The pre-commit to run (a command line), or why there is none. */
function findPreCommit(): { bin: string[] } | { missing: string } {
  const works = (bin: string[], env?: NodeJS.ProcessEnv): boolean => spawnSync(bin[0]!, [...bin.slice(1), '--version'], { encoding: 'utf8', env: env ?? process.env }).status === 0;
  const venv = join(repoRoot, '.cache', 'pre-commit');
  const candidates = [process.env.STS_PRE_COMMIT, 'pre-commit', join(venv, 'bin', 'pre-commit')].filter((c): c is string => !!c).map((c) => [c]);
  for (const bin of candidates) if (works(bin)) return { bin };
  // A venv of its own; where python3-venv is missing (plain Debian), pip --target and PYTHONPATH.
  const made = spawnSync('python3', ['-m', 'venv', venv], { encoding: 'utf8' });
  if (made.status === 0) {
    const pip = spawnSync(join(venv, 'bin', 'pip'), ['install', '--quiet', `pre-commit==${preCommitVersion}`], { encoding: 'utf8' });
    if (pip.status === 0) return { bin: [join(venv, 'bin', 'pre-commit')] };
  }
  rmSync(venv, { recursive: true, force: true });
  const target = join(repoRoot, '.cache', 'pre-commit-lib');
  const viaModule = ['python3', '-m', 'pre_commit'];
  const env = { ...process.env, PYTHONPATH: target };
  if (works(viaModule, env)) return { bin: viaModule };
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--target', target, `pre-commit==${preCommitVersion}`], { encoding: 'utf8' });
  if (pip.status === 0 && works(viaModule, env)) return { bin: viaModule };
  return { missing: `pre-commit ${preCommitVersion} could not be installed from PyPI: ${made.stderr || ''} ${pip.stderr || pip.error?.message || ''}`.trim() };
}

const preCommit = findPreCommit();
let work: string;
let hooksRepo: string;
let project: string;
before(() => {
  if ('missing' in preCommit) return;
  work = mkdtempSync(join(tmpdir(), 'sts-pre-commit-'));
  // The hook repository as pre-commit clones it: this checkout's .pre-commit-hooks.yaml at a tag.
  hooksRepo = join(work, 'hooks');
  cpSync(join(repoRoot, '.pre-commit-hooks.yaml'), join(hooksRepo, '.pre-commit-hooks.yaml'));
  git(hooksRepo, 'init', '-q');
  git(hooksRepo, 'add', '.');
  git(hooksRepo, 'commit', '-q', '-m', 'hooks');
  git(hooksRepo, 'tag', `v${packageVersion}`);
  project = userProject({ git: true });
  installInto(project, packTarball());
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The README's config, pointing at the local hook repository, with these hooks. */
function configWith(hookIds: string[]): string {
  const readme = readmeBlock('<!-- test/cli/preCommit.test.ts -->');
  const config = parse(readme) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  assert.equal(config.repos[0]?.rev, `v${packageVersion}`, 'the README pins the version in package.json');
  assert.deepEqual(config.repos[0]?.hooks, [{ id: 'sts-check' }]);
  return readme.replace(config.repos[0]!.repo, hooksRepo).replace('- id: sts-check', hookIds.map((id) => `- id: ${id}`).join('\n      '));
}

function runPreCommit(config: string): { status: number | null; output: string } {
  writeFileSync(join(project, '.pre-commit-config.yaml'), config);
  const [command, ...args] = (preCommit as { bin: string[] }).bin;
  const result = spawnSync(command!, [...args, 'run', '--all-files', '--color', 'never'], {
    cwd: project, encoding: 'utf8',
    env: { ...offlineEnv, PRE_COMMIT_HOME: join(work, 'cache'), GIT_CONFIG_GLOBAL: '/dev/null', PYTHONPATH: join(repoRoot, '.cache', 'pre-commit-lib') },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('the hooks name the package version and run on YAML files, all in one run', () => {
  const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; require_serial: boolean }[];
  assert.deepEqual(hooks.map((h) => h.id), ['sts-check', 'sts-fix']);
  for (const hook of hooks) {
    assert.match(hook.entry, new RegExp(`^npx --yes statefulset-studio@${packageVersion.replace(/\./g, '\\.')} check`));
    assert.ok(new RegExp(hook.files).test('k8s/web.yaml') && new RegExp(hook.files).test('a.yml') && !new RegExp(hook.files).test('README.md'));
    assert.equal(hook.require_serial, true);
  }
});

test('sts-check: passes on clean manifests, fails and shows the findings on a bad one', { skip: 'missing' in preCommit && preCommit.missing }, () => {
  const clean = runPreCommit(configWith(['sts-check']));
  assert.equal(clean.status, 0, clean.output);
  assert.match(clean.output, /StatefulSet Studio \(sts check\)\.+Passed/);
  cpSync(join(repoRoot, 'examples', 'mistakes.yaml'), join(project, 'k8s', 'mistakes.yaml'));
  git(project, 'add', 'k8s/mistakes.yaml');
  const failed = runPreCommit(configWith(['sts-check']));
  assert.equal(failed.status, 1, failed.output);
  assert.match(failed.output, /StatefulSet Studio \(sts check\)\.+Failed/);
  assert.match(failed.output, /k8s\/mistakes\.yaml:10:3: error \[selector-mismatch\]/);
  assert.match(failed.output, /exit 1: errors fail the check\./);
  git(project, 'rm', '-q', '-f', 'k8s/mistakes.yaml');
});

test('sts-fix: applies the quick fixes, so pre-commit reports the file it changed', { skip: 'missing' in preCommit && preCommit.missing }, () => {
  const file = join(project, 'k8s', 'grace.yaml');
  cpSync(join(repoRoot, 'test', 'fixtures', 'fixes', 'grace-period-zero.before.yaml'), file);
  git(project, 'add', 'k8s/grace.yaml');
  const fixed = runPreCommit(configWith(['sts-fix']));
  assert.equal(fixed.status, 1, fixed.output);
  assert.match(fixed.output, /files were modified by this hook/);
  assert.match(fixed.output, /fixed 1 problem in k8s\/grace\.yaml: grace-period-zero/);
  assert.equal(readFileSync(file, 'utf8'), readFileSync(join(repoRoot, 'test', 'fixtures', 'fixes', 'grace-period-zero.after.yaml'), 'utf8'));
  git(project, 'add', 'k8s/grace.yaml');
  assert.equal(runPreCommit(configWith(['sts-fix', 'sts-check'])).status, 0, 'nothing left to fix or report');
  assert.ok(existsSync(join(project, 'node_modules', '.bin', 'sts')));
});
