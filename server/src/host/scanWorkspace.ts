import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ManifestDocument } from '../service/model';
import { parseFile, type DocumentStore } from '../service/parse/documentStore';
import { parseChunk } from '../service/parse/parseChunk';
import { splitDocuments } from '../service/parse/splitDocuments';
import type { ServiceInfo } from '../service/workspace/serviceLookup';
import { mayDefineService, servicesOf } from '../service/workspace/servicesOf';
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

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The same Services as `servicesInText`, for the background index: it parses only the
 * documents that may define one, and yields to the event loop after each one, so that indexing a 4 MB
 * file (2000 documents, seconds of parsing) never holds up the diagnostics of an edit.
 * `cancelled` stops it early; the partial answer is then empty and must not be used.
 */
async function servicesInTextInTurns(uri: string, text: string, defaultNamespace: string, cancelled: () => boolean): Promise<ServiceInfo[]> {
  if (!mayHoldService.test(text)) return [];
  const documents: ManifestDocument[] = [];
  for (const { offset, text: chunk } of splitDocuments(text)) {
    if (!mayDefineService(chunk)) continue;
    documents.push(parseChunk(offset, chunk));
    await nextTurn();
    if (cancelled()) return [];
  }
  return servicesOf(uri, documents, defaultNamespace);
}

/**
 * Reads one file for the index; unreadable, vanished or oversized files hold no Services.
 * `parsed` is the file as the editor had it when it closed it: if the file on disk says the
 * same (it was saved), its Services are read from that parse instead of parsing again.
 */
export async function servicesInFile(
  path: string, defaultNamespace: string, cancelled: () => boolean = () => false, parsed?: DocumentStore,
): Promise<ServiceInfo[]> {
  try {
    if ((await stat(path)).size > maxIndexedBytes) return [];
    const uri = pathToFileURL(path).href;
    const text = await readFile(path, 'utf8');
    if (parsed && parsed.unparsedLength === 0 && parsed.text === text) return servicesOf(uri, parsed.documents(), defaultNamespace);
    return await servicesInTextInTurns(uri, text, defaultNamespace, cancelled);
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
  /** Files not to read (those open in the editor: their Services come from the editor's text). */
  skip: (uri: string) => boolean = () => false,
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
        const uri = pathToFileURL(path).href;
        if (skip(uri)) continue;
        // A file opened while it is read stops being parsed: its 1000 Services would compete with the open's own parse.
        const services = await servicesInFile(path, defaultNamespace, () => cancelled() || skip(uri));
        if (cancelled()) break; // a newer scan owns the index now: a cut-short answer must not replace its entry
        if (skip(uri)) continue;
        onFile(uri, services);
        files++;
      }
    }
  }
  return files;
}
