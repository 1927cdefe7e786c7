import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { KubeObject, ObjectPath } from '../model';
import {
  columnOf, entryLines, flowText, insertIntoMap, lineEnd, lineStart, nodeAt, removePair, replaceScalar, setEntries, type Edit, type Rendered,
} from './yamlText';

/** An object and the text of its document: what every edit below works on. */
export interface Editable {
  object: KubeObject;
  text: string;
}

/**
 * Sets the value at a path of keys: a scalar is replaced in place; a missing key is added to
 * the deepest map that exists, with whatever maps lie between. Undefined when the path
 * runs through something that is not a map.
 */
export function setAt({ object, text }: Editable, path: ObjectPath, value: Rendered): Edit[] | undefined {
  const existing = nodeAt(object.node, path);
  if (existing) {
    if (isScalar(existing) && (typeof value === 'string' || typeof value === 'number')) {
      const edit = replaceScalar(existing, value);
      return edit ? [edit] : undefined;
    }
    if (isMap(existing) && typeof value === 'object' && !Array.isArray(value)) {
      return setEntries(text, existing, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])));
    }
    return undefined;
  }
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = depth === 0 ? object.node : nodeAt(object.node, path.slice(0, depth));
    if (!parent) continue;
    if (!isMap(parent)) return undefined;
    const keys = path.slice(depth);
    if (!keys.every((key): key is string => typeof key === 'string')) return undefined;
    const nested = keys.slice(1).reduceRight<Rendered>((inner, key) => ({ [key]: inner }), value);
    const edit = insertIntoMap(text, parent, { [keys[0] ?? '']: nested });
    return edit ? [edit] : undefined;
  }
  return undefined;
}

/** Removes the key at the end of a path, with its whole value. */
export function removeAt({ object, text }: Editable, path: ObjectPath): Edit[] | undefined {
  const parent: YamlNode | undefined = path.length === 1 ? object.node : nodeAt(object.node, path.slice(0, -1));
  const key = path[path.length - 1];
  const edit = isMap(parent) && typeof key === 'string' ? removePair(text, parent, key) : undefined;
  return edit ? [edit] : undefined;
}

/**
 * Makes the map at a path hold exactly these entries. Keys to keep are edited in place; when
 * keys must go, a flow map is rewritten on its own span and a block map on its own lines.
 */
export function replaceMap(editable: Editable, path: ObjectPath, entries: Record<string, string>): Edit[] | undefined {
  const { object, text } = editable;
  const map = nodeAt(object.node, path);
  if (!isMap(map) || !map.range) return setAt(editable, path, entries);
  const extra = map.items.some((item) => isScalar(item.key) && !Object.hasOwn(entries, String(item.key.value)));
  if (!extra) return setEntries(text, map, entries);
  if (map.flow) return [{ start: map.range[0], end: map.range[1], newText: flowText(entries) }];
  const start = lineStart(text, map.range[0]);
  const indent = columnOf(text, map.range[0]);
  const end = lineEnd(text, Math.max(map.range[1] - 1, map.range[0]));
  return [{ start, end, newText: entryLines(entries, indent, 2) }];
}
