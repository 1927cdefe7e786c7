import type { KubeObject, ManifestDocument, ObjectPath, Span } from '../model';
import { parseChunk } from '../parse/parseChunk';
import { documentAt, nodeAt } from './cursorContext';

/** Where completion was asked: a key being typed, or the value of a key. */
export interface CompletionSpot {
  mode: 'key' | 'value';
  object: KubeObject;
  /** For a key: the path of the key being typed (its last segment a placeholder); for a value: the field's path. */
  path: ObjectPath;
  /** The partial word the cursor is in, which a chosen item replaces (whole-file offsets). */
  replace: Span;
  /** For a key: whether a colon already follows the word (then only the name is inserted). */
  colonFollows: boolean;
}

const placeholderKey = 'stsCompletionKey';
const placeholderValue = 'stsCompletionValue';
const wordBefore = /[A-Za-z0-9_./-]*$/;
const wordAfter = /^[A-Za-z0-9_./-]*/;
/** Indentation and list dashes only: a key starts here. */
const keyHead = /^[ \t]*(?:-[ \t]+)*$/;
/** After `key: `, or inside a flow list `[a, `, optionally an opening quote: a value starts here. */
const valueHead = /(?::[ \t]+|[[,][ \t]*)["']?$/;

/**
 * Finds what completion is asked for at a whole-file offset. A half-typed line usually does
 * not parse, so the word at the cursor is replaced by a placeholder key or value and the
 * document is parsed again: the placeholder's path is the answer.
 */
export function completionSpot(documents: readonly ManifestDocument[], offset: number): CompletionSpot | undefined {
  const document = documentAt(documents, offset);
  if (!document || document.templated) return undefined;
  const text = document.text;
  const local = offset - document.offset;
  if (local < 0 || local > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', local - 1) + 1;
  const lineEndAt = text.indexOf('\n', local);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt - (text.charAt(lineEndAt - 1) === '\r' ? 1 : 0);
  if (local > lineEnd) return undefined;
  const before = text.slice(lineStart, local);
  const after = text.slice(local, lineEnd);
  const partialStart = local - (wordBefore.exec(before)?.[0].length ?? 0);
  const partialEnd = local + (wordAfter.exec(after)?.[0].length ?? 0);
  const head = text.slice(lineStart, partialStart);
  const rest = text.slice(partialEnd, lineEnd);

  let patched: string;
  let probeAt: number;
  let mode: CompletionSpot['mode'];
  let colonFollows = false;
  if (keyHead.test(head)) {
    colonFollows = /^[ \t]*:/.test(rest);
    if (!colonFollows && !/^[ \t]*(#.*)?$/.test(rest)) return undefined;
    const tail = colonFollows ? rest.replace(/^[ \t]*/, '') : `:${rest}`;
    patched = text.slice(0, partialStart) + placeholderKey + tail + text.slice(lineEnd);
    probeAt = partialStart;
    mode = 'key';
  } else if (valueHead.test(head) && !head.includes('#')) {
    const quote = /["']$/.exec(head)?.[0];
    const closingQuote = quote && !rest.startsWith(quote) ? quote : '';
    // `[a, Re` while typing: close the flow list so that the line parses.
    const openLists = (head.match(/\[/g)?.length ?? 0) - (head.match(/]/g)?.length ?? 0);
    const closingList = openLists > 0 && !rest.includes(']') ? ']'.repeat(openLists) : '';
    patched = text.slice(0, partialStart) + placeholderValue + closingQuote + closingList + text.slice(partialEnd);
    probeAt = partialStart;
    mode = 'value';
  } else {
    return undefined;
  }

  const probe = parseChunk(0, patched);
  if (probe.repaired || probe.templated) return undefined;
  const object = probe.objects.find(({ node }) => !!node.range && node.range[0] <= probeAt && probeAt <= node.range[2]);
  const hit = object ? nodeAt(object.node, probeAt + 1) : undefined;
  if (!object || !hit) return undefined;
  const last = hit.path[hit.path.length - 1];
  if (mode === 'key' && (hit.target !== 'key' || last !== placeholderKey)) return undefined;
  if (mode === 'value' && (hit.target !== 'value' || !hit.node || !('value' in hit.node) || hit.node.value !== placeholderValue)) return undefined;
  return {
    mode,
    object,
    path: hit.path,
    replace: { start: document.offset + partialStart, end: document.offset + partialEnd },
    colonFollows,
  };
}

/** Whether a key of a map is the placeholder, not one the user wrote. */
export function isPlaceholder(key: string): boolean {
  return key === placeholderKey;
}
