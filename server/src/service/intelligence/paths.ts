import type { ObjectPath } from '../model';
import { isRecord } from '../rules/read';
import { t } from '../../messages';

export function samePath(a: ObjectPath, b: ObjectPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** A file as a reader names it: "this file", or its base name. */
export function fileLabel(uri: string, here: string): string {
  if (uri === here) return t('completion.thisFile');
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
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
