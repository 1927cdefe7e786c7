import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { KubeObject, ManifestDocument, ObjectPath, Span, Target } from '../model';

/** A scalar of the text: its value as written, where it is (whole-file offsets) and how it is quoted. */
export interface ScalarAt extends Span {
  value: string;
  /** Where the characters of the value are, inside the quotes when quoted: what a rename replaces. */
  inner: Span;
}

/** What is under the cursor: the object, the path inside it and whether the cursor is on a key or a value. */
export interface CursorContext {
  document: ManifestDocument;
  object: KubeObject;
  /** From the object's root (not the document's): `['spec', 'serviceName']`. */
  path: ObjectPath;
  target: Target;
  /** The key or value scalar under the cursor; undefined between tokens. */
  scalar: ScalarAt | undefined;
}

/** Whether a document's node offsets are offsets of the file's text (not of a re-indented copy). */
export function readable(document: ManifestDocument): boolean {
  return !document.templated && !document.repaired && document.yaml !== undefined;
}

/** The document holding a whole-file offset. */
export function documentAt(documents: readonly ManifestDocument[], offset: number): ManifestDocument | undefined {
  return documents.find((d) => d.offset <= offset && offset <= d.offset + d.text.length);
}

function contains(node: YamlNode | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

/** The scalar node as a ScalarAt in whole-file offsets, or undefined for anything else. */
export function scalarAt(node: unknown, documentOffset: number): ScalarAt | undefined {
  if (!isScalar(node) || !node.range || node.value === null || typeof node.value === 'object') return undefined;
  const [start, end] = node.range;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const inner = quoted && end - start >= 2 ? { start: start + 1, end: end - 1 } : { start, end };
  return {
    value: String(node.value),
    start: documentOffset + start,
    end: documentOffset + end,
    inner: { start: documentOffset + inner.start, end: documentOffset + inner.end },
  };
}

interface NodeHit {
  path: (string | number)[];
  target: Target;
  node: YamlNode | undefined;
}

/** The deepest key or value holding `offset` (chunk offsets) below `root`, with its path from `root`. */
export function nodeAt(root: YamlNode, offset: number): NodeHit | undefined {
  const range = root.range;
  if (!range || offset < range[0] || offset > range[2]) return undefined;
  const path: (string | number)[] = [];
  let node: YamlNode = root;
  for (let depth = 0; depth < 200; depth++) {
    let next: YamlNode | undefined;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (contains(item.key, offset)) return { path: [...path, key], target: 'key', node: item.key };
        const value = item.value as YamlNode | null;
        if (value && contains(value, offset)) {
          path.push(key);
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (!next && contains(item as YamlNode, offset)) {
          path.push(index);
          next = item as YamlNode;
        }
      });
    }
    if (!next) return { path, target: 'value', node };
    if (isScalar(next)) return { path, target: 'value', node: next };
    node = next;
  }
  return undefined;
}

/** The node at a path below `root`, if the path exists. */
export function nodeAtPath(root: YamlNode, path: ObjectPath): YamlNode | undefined {
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? node.items[segment] : undefined;
    else node = isMap(node) ? node.get(segment, true) : undefined;
    if (!node) return undefined;
  }
  return node as YamlNode;
}

/** The key scalar of the pair at `path` (its last segment a key), if it exists. */
export function keyAtPath(root: YamlNode, path: ObjectPath): YamlNode | undefined {
  const last = path[path.length - 1];
  const parent = nodeAtPath(root, path.slice(0, -1));
  if (typeof last !== 'string' || !isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === last);
  return pair?.key as YamlNode | undefined;
}

/** The object of a document whose node holds a chunk offset. */
function objectAt(document: ManifestDocument, offset: number): KubeObject | undefined {
  return document.objects.find(({ node }) => !!node.range && node.range[0] <= offset && offset <= node.range[2]);
}

/** What the cursor is on at a whole-file offset; undefined outside a readable object. */
export function cursorAt(documents: readonly ManifestDocument[], offset: number): CursorContext | undefined {
  const document = documentAt(documents, offset);
  if (!document || !readable(document)) return undefined;
  const local = offset - document.offset;
  const object = objectAt(document, local);
  const hit = object ? nodeAt(object.node, local) : undefined;
  if (!object || !hit) return undefined;
  return { document, object, path: hit.path, target: hit.target, scalar: scalarAt(hit.node, document.offset) };
}
