import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { ObjectPath, Span } from '../../model';

/** The path of the deepest key or list item of `root` whose text holds `offset` ([] when none does). */
export function pathAt(root: YamlNode | null | undefined, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node = root;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && within(p, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value as YamlNode | null;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => !!item && typeof item === 'object' && 'range' in item && inRange((item as YamlNode).range, offset, true));
      if (index < 0) return path;
      path.push(index);
      node = node.items[index] as YamlNode;
    } else {
      return path;
    }
  }
}

function inRange(range: YamlNode['range'] | null | undefined, offset: number, inclusiveEnd = false): boolean {
  return !!range && offset >= range[0] && (inclusiveEnd ? offset <= range[1] : offset < Math.max(range[1], range[0] + 1));
}

function within(pair: Pair, offset: number): boolean {
  const key = pair.key as YamlNode | null;
  const value = pair.value as YamlNode | null;
  const start = key?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  return start !== undefined && end !== undefined && offset >= start && offset <= Math.max(end, start + 1);
}

/** Keys kustomize's strategic merge uses to pair list items (patchMergeKey of the Kubernetes types a StatefulSet holds). */
const mergeKeys = ['name', 'mountPath', 'containerPort', 'devicePath', 'ip', 'topologyKey', 'type', 'key'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a path of the built object is written in another document (a base resource, a patch). */
export interface Aligned {
  /** The key (of a map entry) or the item (of a list) of the deepest segment found. */
  span: Span;
  /** Whether every segment was found (else `span` is the deepest ancestor's). */
  complete: boolean;
  /** The value there, when complete. */
  value: unknown;
}

/**
 * Finds the built object's `path` in a document that wrote part of it (`node`, whose plain value is
 * `value`), pairing list items as a strategic merge does: by their merge key (a container by its
 * `name`) when the built item has one, else by position. `built` is the built object's plain value.
 */
export function align(node: YamlNode | null | undefined, value: unknown, path: ObjectPath, built: unknown): Aligned | undefined {
  let here: YamlNode | null | undefined = node;
  let plain = value;
  let builtHere = built;
  let span: Span | undefined = here?.range ? { start: here.range[0], end: here.range[1] } : undefined;
  let depth = 0;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(here) || !Array.isArray(plain) || !Array.isArray(builtHere)) break;
      const want: unknown = builtHere[segment];
      let index = -1;
      const key = isRecord(want) ? mergeKeys.find((k) => want[k] !== undefined) : undefined;
      if (key && isRecord(want)) index = plain.findIndex((item) => isRecord(item) && item[key] === want[key]);
      else if (segment < plain.length) index = segment;
      const item = index >= 0 ? here.items[index] as YamlNode | undefined : undefined;
      if (!item?.range) break;
      here = item;
      plain = plain[index];
      builtHere = want;
      span = { start: item.range[0], end: item.range[1] };
    } else {
      if (!isMap(here) || !isRecord(plain) || !isRecord(builtHere)) break;
      const pair = here.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      const keyNode = pair?.key as YamlNode | undefined;
      if (!pair || !keyNode?.range) break;
      const valueNode = pair.value as YamlNode | null;
      here = valueNode;
      plain = plain[segment];
      builtHere = builtHere[segment];
      span = { start: keyNode.range[0], end: valueNode?.range?.[1] ?? keyNode.range[1] };
    }
    depth++;
  }
  if (!span) return undefined;
  return { span, complete: depth === path.length, value: depth === path.length ? plain : undefined };
}

/** Whether two plain values are equal, whatever the order of their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** Whether `part` (what a patch wrote) agrees with `whole` (the built value): each scalar it sets is there. */
export function agrees(part: unknown, whole: unknown): boolean {
  if (isRecord(part) && isRecord(whole)) return Object.entries(part).every(([k, v]) => k.startsWith('$') || v === null || agrees(v, whole[k]));
  if (Array.isArray(part) && Array.isArray(whole)) return part.every((p) => whole.some((w) => agrees(p, w)));
  return sameValue(part, whole);
}
