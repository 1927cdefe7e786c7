import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFile } from '../service/parse/documentStore';
import type { ServiceInfo } from './serviceLookup';
import { servicesOf } from './servicesOf';
import { matchesAny } from './glob';

const yamlFile = /\.ya?ml$/i;
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn']);
const mayHoldService = /kind:\s*["']?Service["']?\s*(?:#.*)?$/m;
/** Larger files are not indexed: Services live in manifests, not in data dumps. */
export const maxIndexedBytes = 8 * 1024 * 1024;

/** The Services in one file's text; files that cannot hold one are not parsed at all. */
export function servicesInText(uri: string, text: string, defaultNamespace: string): ServiceInfo[] {
  return mayHoldService.test(text) ? servicesOf(uri, parseFile(text), defaultNamespace) : [];
}

/** Reads one file for the index; unreadable, vanished or oversized files hold no Services. */
export async function servicesInFile(path: string, defaultNamespace: string): Promise<ServiceInfo[]> {
  try {
    if ((await stat(path)).size > maxIndexedBytes) return [];
    return servicesInText(pathToFileURL(path).href, await readFile(path, 'utf8'), defaultNamespace);
  } catch {
    return [];
  }
}

/**
 * Walks a folder for YAML files (symbolic links are not followed, so loops cannot trap it)
 * and reports each file's Services. Yields to the event loop between files, so the server
 * keeps answering while it indexes; `cancelled` stops it early.
 */
export async function scanWorkspace(
  root: string,
  exclude: readonly string[],
  defaultNamespace: string,
  onFile: (uri: string, services: ServiceInfo[]) => void,
  cancelled: () => boolean = () => false,
): Promise<number> {
  let files = 0;
  const pending = [root];
  while (pending.length > 0 && !cancelled()) {
    const folder = pending.pop() ?? root;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const relative = path.slice(root.length + 1).split('\\').join('/');
      if (entry.isSymbolicLink() || matchesAny(relative, exclude)) continue;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && yamlFile.test(entry.name)) {
        onFile(pathToFileURL(path).href, await servicesInFile(path, defaultNamespace));
        files++;
      }
    }
  }
  return files;
}
