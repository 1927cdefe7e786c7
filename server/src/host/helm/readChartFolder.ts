import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ChartFiles } from './renderTypes';

/**
 * Reads a chart's folder into a request's `files`, as Helm's loader would read it from disk:
 * every regular file, subchart folders and .tgz archives included; .helmignore is applied
 * by the engine itself (go/helm uses Helm's own rules). Helm follows symbolic links; here a
 * link is followed only when it points inside the chart's folder, so a chart cannot make
 * the editor read (and send) files from elsewhere. Paths use `/`.
 *
 * One shortcut, for charts at a repository's root: a name that .helmignore lists literally
 * (`.git/`, `CHANGELOG.md`) is not read, as Helm would ignore it anyway (see literalIgnores).
 */
export async function readChartFolder(chartDir: string): Promise<ChartFiles> {
  const root = await realpath(chartDir);
  const files: ChartFiles = new Map();
  const skip = literalIgnores(await readFile(join(root, '.helmignore'), 'utf8').catch(() => ''));
  const seen = new Set<string>(); // real folders already walked: a link back up must not loop
  const inside = (real: string): boolean => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

  async function walk(dir: string, prefix: string): Promise<void> {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const entry = await lstat(path);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(path);
        } catch {
          continue; // a dangling link
        }
        if (!inside(target)) continue;
        const s = await stat(target);
        isDir = s.isDirectory();
        isFile = s.isFile();
      }
      if (skip.get(name) === 'any' || (isDir && skip.get(name) === 'dir')) continue;
      if (isDir) await walk(path, `${prefix}${name}/`);
      else if (isFile) files.set(`${prefix}${name}`, await readFile(path));
    }
  }
  await walk(root, '');
  return files;
}

/**
 * The names that a .helmignore ignores wherever they are, as Helm's pkg/ignore reads it: a
 * rule without a glob character or an inner `/` matches a base name (`name/`: directories
 * only), and the first matching rule ignores. Helm would skip these, so not reading them
 * changes nothing. Any negated rule (`!x`) turns Helm's rules around (everything that does
 * not match it is ignored): then nothing is taken from the file here.
 */
export function literalIgnores(helmignore: string): Map<string, 'any' | 'dir'> {
  const names = new Map<string, 'any' | 'dir'>();
  const rules = helmignore.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (rules.some((r) => r.startsWith('!'))) return names;
  for (const rule of rules) {
    const m = /^([^*?[\]\\/]+)(\/?)$/.exec(rule);
    if (m?.[1] && names.get(m[1]) !== 'any') names.set(m[1], m[2] ? 'dir' : 'any');
  }
  return names;
}

/** A path inside the chart as the request names it (`/` separators), or undefined when outside. */
export function chartPath(chartDir: string, file: string): string | undefined {
  const rel = relative(chartDir, file);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) return undefined;
  return rel.split(sep).join('/');
}
