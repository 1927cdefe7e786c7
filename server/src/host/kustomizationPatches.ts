import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The names kustomize reads a kustomization from, in its own order. */
export const kustomizationNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** A kustomization larger than this is not read: it is a data dump, not a list of patches. */
const maxKustomizationBytes = 1024 * 1024;

/** The kustomization file of a folder, if it has one. */
export function kustomizationIn(folder: string): string | undefined {
  for (const name of kustomizationNames) {
    const path = join(folder, name);
    try {
      if (existsSync(path) && statSync(path).isFile()) return path;
    } catch {
      // unreadable: no kustomization here
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The files a kustomization's text names as patches, relative to its folder: `patches[].path`,
 * `patchesStrategicMerge[]` (entries that are file names, not inline patches) and
 * `patchesJson6902[].path`. Inline patches name no file. Never throws: a kustomization that
 * does not parse names no patches.
 */
export function patchPathsOf(text: string): string[] {
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isRecord(value)) return [];
  const paths: string[] = [];
  const add = (candidate: unknown): void => {
    // An inline strategic-merge patch is YAML text (it has a newline or a colon): not a file name.
    if (typeof candidate === 'string' && candidate.trim() !== '' && !/[\n:]/.test(candidate)) paths.push(candidate.trim());
  };
  for (const key of ['patches', 'patchesJson6902'] as const) {
    const list = value[key];
    if (Array.isArray(list)) for (const entry of list) if (isRecord(entry)) add(entry.path);
  }
  const strategic = value.patchesStrategicMerge;
  if (Array.isArray(strategic)) for (const entry of strategic) add(entry);
  return paths;
}

/**
 * The patch files (absolute paths) named by the kustomizations in `folders` and in every folder
 * above them, up to the file system's root or a folder holding `.git` (a repository's root).
 * Each kustomization is read once. A patch is a part of an object, not a whole one: checking
 * it as a manifest to apply reports required fields it never meant to set.
 */
export function kustomizePatchFiles(folders: Iterable<string>): Set<string> {
  const patches = new Set<string>();
  const visited = new Set<string>();
  for (const start of folders) {
    let folder = resolve(start);
    while (!visited.has(folder)) {
      visited.add(folder);
      const kustomization = kustomizationIn(folder);
      if (kustomization) {
        try {
          if (statSync(kustomization).size <= maxKustomizationBytes) {
            for (const path of patchPathsOf(readFileSync(kustomization, 'utf8'))) patches.add(resolve(folder, path));
          }
        } catch {
          // unreadable kustomization: it names no patch
        }
      }
      if (existsSync(join(folder, '.git')) || parsePath(folder).root === folder) break;
      folder = dirname(folder);
    }
  }
  return patches;
}

/** Whether a file's URI names a kustomization (what the workspace scan watches for). */
export function isKustomizationUri(uri: string): boolean {
  return kustomizationNames.some((name) => uri.endsWith(`/${name}`));
}
