import type { ObjectPath } from '../model';
import { isRecord } from '../rules/read';
import { t } from '../../messages';

export function samePath(a: ObjectPath, b: ObjectPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * Where a file is, as a reader says it: "in this file", or "in" its base name. A phrase, not a
 * name put into one: Chinese writes 此文件中 but web.yaml 中 (a space only before a Latin word).
 */
export function inFileOf(uri: string, here: string): string {
  if (uri === here) return t('completion.inThisFile');
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return t('completion.inFile', { file: decodeURIComponent(name) });
  } catch {
    return t('completion.inFile', { file: name });
  }
}

/** The plain value at a path of keys and indexes. */
export function valueAt(value: unknown, path: ObjectPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isRecord(current) ? current[segment] : undefined;
  }
  return current;
}
