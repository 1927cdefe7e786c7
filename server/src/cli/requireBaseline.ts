import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BaselineSource } from '../host/readBaseline';
import { UsageError } from './usageError';
import { t } from '../messages';

/**
 * `--baseline` must name something that exists: a ref that does not resolve (a typo, or a
 * shallow CI clone without origin/main) would compare nothing and pass. Paths outside any git
 * repository still have no baseline, as in the editor. A CLI-only check of the flag, so it
 * lives here rather than in host/readBaseline.ts, which the server shares.
 */
export function requireBaseline(source: BaselineSource, flag: string, paths: readonly string[]): void {
  if (source.kind === 'file') {
    if (!existsSync(source.path)) throw new UsageError(t('requireBaseline.noFile', { flag, path: source.path }), 'check');
    return;
  }
  if (source.kind !== 'git') return;
  const git = (folder: string, ...args: string[]): boolean => {
    try {
      execFileSync('git', ['-C', folder, ...args], { stdio: 'ignore', timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  };
  for (const path of paths) {
    if (path === '-' || !existsSync(path)) continue;
    const folder = statSync(path).isDirectory() ? path : dirname(path);
    if (!git(folder, 'rev-parse', '--is-inside-work-tree')) continue;
    if (!git(folder, 'rev-parse', '--verify', '--quiet', `${source.ref}^{commit}`)) {
      throw new UsageError(t('requireBaseline.notCommit', { ref: source.ref, path }), 'check');
    }
  }
}
