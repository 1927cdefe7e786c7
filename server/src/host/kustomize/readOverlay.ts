import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';

/** The names kustomize looks for in a folder, in its order (konfig.RecognizedKustomizationFileNames). */
export const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The kustomization file of a folder, or undefined. */
export function kustomizationFileIn(dir: string): string | undefined {
  for (const name of kustomizationNames) {
    const file = join(dir, name);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // not this name
    }
  }
  return undefined;
}

/** What a build of one overlay reads: its kustomization folders and every file the build may open. */
export interface OverlayFiles {
  /** The overlay's folder (absolute). */
  dir: string;
  /** Its kustomization file. */
  kustomization: string;
  /** The folders of every kustomization it includes (resources, bases, components), itself first. */
  roots: string[];
  /** The kustomization file of each root. */
  kustomizations: string[];
  /** Every file below the roots and every file a kustomization names outside them, by absolute path. */
  files: Map<string, string>;
}

/** Limits that keep a kustomization at the top of a big tree from reading all of it. */
const maxFiles = 5000;
const maxFileBytes = 4 << 20;
const skipped = new Set(['node_modules', '.git']);

/** Every string of a kustomization (paths hide in many fields: resources, patches, generators' `key=file`...). */
function stringsOf(node: YamlNode | null | undefined, out: string[]): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') out.push(node.value);
  } else if (isMap(node)) {
    for (const pair of node.items) stringsOf(pair.value as YamlNode, out);
  } else if (isSeq(node)) {
    for (const item of node.items) stringsOf(item as YamlNode, out);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= maxFileBytes;
  } catch {
    return false;
  }
}

/**
 * The files a build of the overlay in `dir` reads, without building it: the kustomizations it
 * includes are followed through every string that names a local folder holding one; each such
 * folder is read whole (kustomize may open any file below a kustomization's folder), and a file
 * named outside them is read too (kustomize then says it is outside the root). Remote names are
 * not followed. `openText` gives the editor's text of an open file.
 */
export function readOverlay(dir: string, openText: (path: string) => string | undefined = () => undefined): OverlayFiles | undefined {
  const top = resolve(dir);
  const kustomization = kustomizationFileIn(top);
  if (!kustomization) return undefined;
  const files = new Map<string, string>();
  const read = (path: string): string | undefined => {
    if (files.has(path)) return files.get(path);
    if (files.size >= maxFiles) return undefined;
    const text = openText(path) ?? (isFile(path) ? readFileSync(path, 'utf8') : undefined);
    if (text !== undefined) files.set(path, text);
    return text;
  };
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (files.size >= maxFiles) return;
      if (entry.isDirectory() && !skipped.has(entry.name)) walk(join(folder, entry.name));
      else if (entry.isFile()) read(join(folder, entry.name));
    }
  };
  const roots: string[] = [];
  const kustomizations: string[] = [];
  const queue = [top];
  while (queue.length > 0) {
    const root = queue.shift()!;
    if (roots.includes(root)) continue;
    const file = kustomizationFileIn(root);
    if (!file) continue;
    roots.push(root);
    kustomizations.push(file);
    walk(root);
    const text = read(file);
    if (text === undefined) continue;
    const names: string[] = [];
    stringsOf(parseDocument(text).contents as YamlNode | null, names);
    for (const name of names) {
      if (name.includes('\n') || name.length > 1024 || /^[a-z][a-z0-9+.-]*:\/\//i.test(name)) continue;
      const local = resolve(root, name.includes('=') && !isFile(resolve(root, name)) ? name.slice(name.indexOf('=') + 1) : name);
      if (isDirectory(local)) {
        if (kustomizationFileIn(local)) queue.push(local);
      } else if (!roots.some((r) => local.startsWith(r + sep))) {
        read(local);
      }
    }
  }
  return { dir: top, kustomization, roots, kustomizations, files };
}

/** A path as the engine's in-memory file system holds it: absolute, with `/` (`C:\a` -> `/C:/a`). */
export function enginePath(path: string): string {
  const slashed = path.split(sep).join('/');
  return slashed.startsWith('/') ? slashed : `/${slashed}`;
}

/** The local folders with a kustomization that a kustomization includes (resources, bases, components). */
export function includedFolders(dir: string): string[] {
  const file = kustomizationFileIn(dir);
  if (!file) return [];
  let root;
  try {
    root = parseDocument(readFileSync(file, 'utf8')).contents;
  } catch {
    return [];
  }
  if (!isMap(root)) return [];
  const out: string[] = [];
  for (const field of ['resources', 'bases', 'components']) {
    const list = root.get(field, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(item.value)) continue;
      const folder = resolve(dir, item.value);
      if (isDirectory(folder) && kustomizationFileIn(folder)) out.push(folder);
    }
  }
  return out;
}

/** The kustomization folders a build of `dir` goes through: itself, then what it includes, transitively. */
export function overlayRoots(dir: string): string[] {
  const roots: string[] = [];
  const queue = [resolve(dir)];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (roots.includes(next) || roots.length > 500) continue;
    roots.push(next);
    queue.push(...includedFolders(next));
  }
  return roots;
}

/**
 * The overlays among kustomization folders (each with the folders it goes through, itself first):
 * those no other includes. A folder in a cycle (a includes b includes a) is included only by
 * folders it includes itself: it stays an overlay, so that its build reports the cycle.
 */
export function topOverlays(roots: ReadonlyMap<string, readonly string[]>): string[] {
  return [...roots.keys()].filter((dir) => ![...roots].some(([other, through]) => other !== dir && through.includes(dir) && !(roots.get(dir) ?? []).includes(other)));
}

/** The nearest folder at or above a file's that holds a kustomization. */
export function kustomizationFolderOf(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (kustomizationFileIn(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
