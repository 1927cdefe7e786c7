import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const yamlFile = /\.ya?ml$/i;
const skippedFolders = new Set(['node_modules', '.git']);

/** Files to check: each path as given, folders searched recursively for *.yaml / *.yml; each file once. */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean): void => {
    if (path === '-') {
      files.push(path);
      return;
    }
    const stat = statSync(path); // throws on a missing path: reported as a usage error
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!skippedFolders.has(entry)) visit(join(path, entry), false);
      }
    } else if ((explicit || yamlFile.test(path)) && !seen.has(resolve(path))) {
      seen.add(resolve(path));
      files.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return files;
}
