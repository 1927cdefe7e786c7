// What the tests of issue 23 share: the npm package packed from this checkout, installed into an
// empty project as a user would install it, and the README's examples that they run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './cliRun';

/** npm with no registry it can reach: what is installed or run must come from the tarball alone. */
export const offlineEnv: NodeJS.ProcessEnv = {
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};

export const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** `npm pack` of this checkout (dist/ must be built) into a new folder; returns the tarball's path. */
export function packTarball(): string {
  const into = mkdtempSync(join(tmpdir(), 'sts-pack-'));
  const name = execFileSync('npm', ['pack', '--pack-destination', into, '--silent'], { cwd: repoRoot, env: offlineEnv, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
  return join(into, name);
}

/** The fenced block that follows the README line holding `marker` (an HTML comment above it). */
export function readmeBlock(marker: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no "${marker}"`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error(`no code block after "${marker}" in README.md`);
  return block[1];
}

/**
 * A user's project: package.json, k8s/ with a clean StatefulSet and its Service, charts/db (the
 * vendored postgresql chart) with a values-prod.yaml; git-initialised when asked.
 */
export function userProject(options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sts-user-project-'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "user-project", "private": true }\n');
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  mkdirSync(join(dir, 'k8s'));
  cpSync(join(repoRoot, 'examples', 'web.yaml'), join(dir, 'k8s', 'web.yaml'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'charts', 'postgresql'), join(dir, 'charts', 'db'), { recursive: true });
  writeFileSync(join(dir, 'charts', 'db', 'values-prod.yaml'), 'commonLabels:\n  team: data\n');
  if (options.git) {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'the project');
  }
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8', stdio: 'pipe' });
}

/** `npm install --save-dev <tarball>`: the README's install line with the registry's name replaced by the tarball. */
export function installInto(dir: string, tarball: string, line = 'npm install --save-dev statefulset-studio'): void {
  const args = line.replace(/^npm /, '').split(' ').map((word) => (word === 'statefulset-studio' ? tarball : word));
  execFileSync('npm', args, { cwd: dir, env: offlineEnv, stdio: 'pipe' });
}

/** A shell line run in a folder as CI would: bash, the offline npm, extra PATH entries first. */
export function shell(dir: string, line: string, path: readonly string[] = []): { status: number | null; stdout: string; stderr: string } {
  const env = { ...offlineEnv, PATH: [...path, process.env.PATH ?? ''].join(':') };
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
