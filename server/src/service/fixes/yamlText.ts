import { isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** A replacement of [start, end) by newText, in the offsets of the text it was computed on. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

const plainSafe = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
/** Quantities such as 1Gi or 500m read as strings in YAML 1.1 and 1.2 alike. */
const plainQuantity = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|m)$/;
const yaml11Special = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/** A scalar as YAML text: plain when it reads back as the same string under YAML 1.1, else double-quoted. */
export function scalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return (plainSafe.test(value) && !yaml11Special.test(value)) || plainQuantity.test(value) ? value : JSON.stringify(value);
}

/** The column of an offset (characters since the start of its line). */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset of the end of the line holding `offset` (before its newline). */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/** The offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function pairOf(map: YamlNode | null | undefined, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key) as
    Pair<YamlNode, YamlNode | null> | undefined;
}

/** The node at a path of keys and indexes, or undefined. */
export function nodeAt(root: YamlNode | null | undefined, path: readonly (string | number)[]): YamlNode | undefined {
  let node: YamlNode | null | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? (node.items[segment] as YamlNode | undefined) : undefined;
    else node = pairOf(node, segment)?.value;
    if (!node) return undefined;
  }
  return node ?? undefined;
}

/** The indentation one level deeper than `indent`, following the file's own step (2 if unknown). */
export function childIndent(text: string, map: YAMLMap, indent: number): number {
  for (const item of map.items) {
    const value = isPair(item) ? item.value : undefined;
    if (isMap(value) && !value.flow && value.range) return columnOf(text, value.range[0]);
  }
  const step = /\n( +)\S/.exec(text)?.[1]?.length ?? 2;
  return indent + Math.min(Math.max(step, 2), 4);
}

/** Replaces a scalar's value, keeping its quoting style. */
export function replaceScalar(node: YamlNode, value: string | number): Edit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const text = node.type === Scalar.QUOTE_DOUBLE ? JSON.stringify(String(value))
    : node.type === Scalar.QUOTE_SINGLE ? `'${String(value).replace(/'/g, "''")}'`
      : scalarText(value);
  return { start: node.range[0], end: node.range[1], newText: text };
}

/** Where a pair ends: the end of its value, or of its key when it has none. */
function pairEnd(pair: Pair<unknown, unknown>): number | undefined {
  return (pair.value as YamlNode | null)?.range?.[1] ?? (pair.key as YamlNode | null)?.range?.[1];
}

/** The value of a new entry as YAML lines: a scalar stays on the key's line, a map or list goes below. */
export type Rendered = string | number | boolean | Record<string, unknown> | unknown[];

function blockLines(value: Rendered, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const lines = blockLines(item as Rendered, indent + 2, step);
      const first = (lines[0] ?? '').trimStart();
      return typeof item === 'object' && item !== null
        ? [`${pad}- ${first}`, ...lines.slice(1)]
        : [`${pad}- ${scalarText(item as string)}`];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => {
      if (typeof child === 'object' && child !== null && Object.keys(child).length > 0) {
        return [`${pad}${scalarText(key)}:`, ...blockLines(child as Rendered, indent + step, step)];
      }
      const inline = typeof child === 'object' && child !== null ? (Array.isArray(child) ? '[]' : '{}') : scalarText(child as string);
      return [`${pad}${scalarText(key)}: ${inline}`];
    });
  }
  return [`${pad}${scalarText(value)}`];
}

/** A value in flow style: `{ a: b, c: [x] }`. */
export function flowText(value: Rendered): string {
  if (Array.isArray(value)) return `[${value.map((v) => flowText(v as Rendered)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${flowText(v as Rendered)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return scalarText(value);
}

/** `key: value` lines at `indent`, for a block map. */
export function entryLines(entries: Record<string, Rendered>, indent: number, step: number): string {
  return blockLines(entries, indent, step).join('\n');
}

/**
 * Adds entries to a map (block or flow) after its last item, in the map's own style.
 * Keys already present are not touched.
 */
export function insertIntoMap(text: string, map: YAMLMap, entries: Record<string, Rendered>): Edit | undefined {
  const range = map.range;
  if (!range || Object.keys(entries).length === 0) return undefined;
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const flow = Object.entries(entries).map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(', ');
    const after = last && isPair(last) ? pairEnd(last) : undefined;
    return after === undefined
      ? { start: range[0] + 1, end: range[0] + 1, newText: ` ${flow} ` }
      : { start: after, end: after, newText: `, ${flow}` };
  }
  if (!last || !isPair(last)) return undefined;
  const indent = columnOf(text, range[0]);
  const end = lineEnd(text, (pairEnd(last) ?? range[1]) - 1);
  return { start: end, end, newText: `\n${entryLines(entries, indent, childIndent(text, map, indent) - indent)}` };
}

/** Removes a key and its value from a block map: its whole lines. */
export function removePair(text: string, map: YAMLMap, key: string): Edit | undefined {
  const pair = pairOf(map, key);
  const keyRange = (pair?.key as YamlNode | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const valueEnd = pair.value?.range?.[1] ?? keyRange[1];
  if (map.flow) {
    const index = map.items.indexOf(pair);
    const next = map.items[index + 1];
    const nextStart = next && isPair(next) ? (next.key as YamlNode).range?.[0] : undefined;
    if (nextStart !== undefined) return { start: keyRange[0], end: nextStart, newText: '' };
    const previous = map.items[index - 1];
    const previousEnd = previous && isPair(previous) ? pairEnd(previous) : undefined;
    return { start: previousEnd ?? keyRange[0], end: valueEnd, newText: '' };
  }
  const start = lineStart(text, keyRange[0]);
  const end = Math.min(lineEnd(text, Math.max(valueEnd - 1, keyRange[1])) + 1, text.length);
  return { start, end, newText: '' };
}

/**
 * Makes a map hold these string entries: changed values are replaced in place (quoting
 * kept), missing keys are added after the last item; nothing else in the map is touched.
 */
export function setEntries(text: string, map: YAMLMap, entries: Record<string, string>): Edit[] {
  const edits: Edit[] = [];
  const missing: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) {
    const pair = pairOf(map, key);
    if (!pair) missing[key] = value;
    else if (!isScalar(pair.value) || String(pair.value.value) !== value) {
      const edit = pair.value ? replaceScalar(pair.value, value) : undefined;
      const keyEnd = (pair.key as YamlNode).range?.[1];
      if (edit) edits.push(edit);
      else if (keyEnd !== undefined) edits.push({ start: keyEnd, end: pair.value?.range?.[1] ?? keyEnd, newText: `: ${scalarText(value)}` });
    }
  }
  const insert = insertIntoMap(text, map, missing);
  return insert ? [...edits, insert] : edits;
}
