import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
import type { Span } from '../../model';
import { parseFile } from '../../parse/documentStore';
import { toPlainValue } from '../../parse/readYaml';

/** One document of a patch (a strategic-merge object, or a JSON 6902 list of operations) and where its text lies. */
export interface PatchDocument {
  node: YamlNode | null | undefined;
  value: unknown;
  /** An offset of the parsed text -> the offset in the file the patch is written in. */
  toFile(offset: number): number;
}

/** The `target:` of a patch entry: kustomize's selector (name and kind as written; name is a regular expression). */
export interface PatchTarget {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** A patch a kustomization lists, in the order kustomize applies them. */
export interface ListedPatch {
  /** The file the patch text is in: its own file, or the kustomization for an inline patch. */
  uri: string;
  /** The kustomization field that lists it; kustomize runs strategic-merge patches, then `patches`, then JSON 6902 ones. */
  field: 'patchesStrategicMerge' | 'patches' | 'patchesJson6902';
  json6902: boolean;
  target: PatchTarget | undefined;
  documents: PatchDocument[];
  /** The list entry in the kustomization. */
  entry: Span;
}

/** What the overlay source reads of a kustomization file. */
export interface KustomizationText {
  uri: string;
  text: string;
  root: YamlNode | null | undefined;
  value: Record<string, unknown>;
  patches: ListedPatch[];
}

const order = { patchesStrategicMerge: 0, patches: 1, patchesJson6902: 2 } as const;

function documentsOf(text: string, shift: (offset: number) => number): PatchDocument[] {
  return parseFile(text).flatMap((d) => (d.yaml ? [{
    node: d.yaml.contents as YamlNode | null,
    value: toPlainValue(d.yaml),
    toFile: (offset: number) => shift(d.offset + d.toChunkOffset(offset)),
  }] : []));
}

/**
 * Offsets of an inline patch (a block scalar of the kustomization) -> offsets of the kustomization:
 * line i of the value is the (i+1)th line after the `|` header, indented by the block's indentation.
 */
function inlineShift(text: string, scalar: Scalar): (offset: number) => number {
  const start = scalar.range?.[0] ?? 0;
  const value = String(scalar.value);
  if (scalar.type !== 'BLOCK_LITERAL' && scalar.type !== 'BLOCK_FOLDED') return () => start;
  const firstLine = text.indexOf('\n', start) + 1;
  const bodyLines = text.slice(firstLine).split('\n');
  const indent = /^ */.exec(bodyLines.find((l) => l.trim() !== '') ?? '')![0].length;
  const lineStarts: number[] = [];
  for (let i = 0, at = firstLine; i < bodyLines.length; at += bodyLines[i]!.length + 1, i++) lineStarts.push(at);
  const valueLineStarts = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') valueLineStarts.push(i + 1);
  return (offset) => {
    let line = valueLineStarts.length - 1;
    while (line > 0 && valueLineStarts[line]! > offset) line--;
    return (lineStarts[line] ?? start) + indent + (offset - valueLineStarts[line]!);
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The patches a kustomization lists, each with its parsed documents (files read through `textOf`,
 * inline ones mapped back into the kustomization), in kustomize's order of application.
 */
export function readKustomization(uri: string, text: string, textOf: (uri: string) => string | undefined): KustomizationText {
  const [document] = parseFile(text);
  const root = document?.yaml?.contents as YamlNode | null | undefined;
  const raw = document?.yaml ? toPlainValue(document.yaml) : undefined;
  const value = isRecord(raw) ? raw : {};
  const patches: ListedPatch[] = [];
  const shiftOf = (offset: number): number => (document ? document.offset + document.toChunkOffset(offset) : offset);
  if (isMap(root)) {
    for (const field of ['patchesStrategicMerge', 'patches', 'patchesJson6902'] as const) {
      const list = root.get(field, true);
      if (!isSeq(list)) continue;
      list.items.forEach((item, i) => {
        const entry = item as YamlNode;
        const plain = (value[field] as unknown[] | undefined)?.[i];
        const span = { start: shiftOf(entry.range?.[0] ?? 0), end: shiftOf(entry.range?.[1] ?? 0) };
        const target = isRecord(plain) && isRecord(plain['target'])
          ? { ...(str(plain['target']['kind']) ? { kind: str(plain['target']['kind'])! } : {}), ...(str(plain['target']['name']) ? { name: str(plain['target']['name'])! } : {}), ...(str(plain['target']['namespace']) ? { namespace: str(plain['target']['namespace'])! } : {}) }
          : undefined;
        // The patch text: a file (`- file.yaml`, `path:`) or inline (`patch: |`, a multi-line string).
        const pathValue = typeof plain === 'string' && !plain.includes('\n') ? plain : isRecord(plain) ? str(plain['path']) : undefined;
        let documents: PatchDocument[] = [];
        let patchUri = uri;
        if (pathValue !== undefined) {
          patchUri = new URL(pathValue, uri).href;
          const patchText = textOf(patchUri);
          if (patchText !== undefined) documents = documentsOf(patchText, (o) => o);
        } else {
          const scalar = typeof plain === 'string' ? entry : isMap(entry) ? entry.get('patch', true) : undefined;
          if (isScalar(scalar) && typeof scalar.value === 'string') {
            const fromScalar = inlineShift(text, scalar);
            documents = documentsOf(scalar.value, (o) => fromScalar(o));
          }
        }
        const json6902 = field === 'patchesJson6902' || (field === 'patches' && documents.length > 0 && documents.every((d) => Array.isArray(d.value)));
        patches.push({ uri: patchUri, field, json6902, target, documents, entry: span });
      });
    }
  }
  patches.sort((a, b) => order[a.field] - order[b.field]);
  return { uri, text, root, value, patches };
}
