import { isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { Span } from '../../model';

/** The `.Values.a.b` paths an action reads (also `$.Values` and `index .Values "a"` is not followed). */
export function valuesPaths(actions: readonly string[]): string[][] {
  return actions.flatMap((action) => [...action.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)].map((m) => m[1]!.slice(1).split('.')));
}

/** A values file, parsed once, to find where a path is set. */
export class ValuesFile {
  private readonly document: Document.Parsed | undefined;

  constructor(readonly uri: string, readonly text: string) {
    try {
      const document = parseDocument(text, { keepSourceTokens: false });
      this.document = document.errors.length === 0 ? document : undefined;
    } catch {
      this.document = undefined;
    }
  }

  /** The span of the `key: value` that sets `path` (the key through the value), when this file sets it. */
  spanOf(path: readonly string[]): Span | undefined {
    let node: unknown = this.document?.contents;
    let span: Span | undefined;
    for (const key of path) {
      if (!isMap(node)) return undefined;
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair) return undefined;
      const keyRange = (pair.key as Node).range;
      const value = pair.value as Node | null;
      if (!keyRange) return undefined;
      span = { start: keyRange[0], end: value?.range && isScalar(value) ? value.range[1] : keyRange[1] };
      node = value;
    }
    return span;
  }

  /** The value node at `path`, for a finding on a key below a value written whole (`toYaml .Values.x`). */
  keyBelow(path: readonly string[], key: string): Span | undefined {
    const base = this.spanOf(path);
    if (!base || !this.document) return undefined;
    const node = this.document.getIn(path, true) as Node | undefined;
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const range = (pair?.key as Node | undefined)?.range;
    if (!range || !pair) return undefined;
    const value = pair.value as Node | null;
    return { start: range[0], end: value?.range && isScalar(value) ? value.range[1] : range[1] };
  }
}
