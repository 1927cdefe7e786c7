import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ChartFiles } from './renderTypes';

/**
 * Reads a chart's folder into a request's `files`, as Helm's loader would read it from disk:
 * every regular file, subchart folders and .tgz archives included; .helmignore is applied
 * by the engine itself (go/helm uses Helm's own rules). Helm follows symbolic links; here a
 * link is followed only when it points inside the chart's folder, so a chart cannot make
 * the editor read (and send) files from elsewhere. Paths use `/`.
 */
export async function readChartFolder(chartDir: string): Promise<ChartFiles> {
  const root = await realpath(chartDir);
  const files: ChartFiles = new Map();
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
      if (isDir) await walk(path, `${prefix}${name}/`);
      else if (isFile) files.set(`${prefix}${name}`, await readFile(path));
    }
  }
  await walk(root, '');
  return files;
}

/** A path inside the chart as the request names it (`/` separators), or undefined when outside. */
export function chartPath(chartDir: string, file: string): string | undefined {
  const rel = relative(chartDir, file);
  if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`)) return undefined;
  return rel.split(sep).join('/');
}
