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

  /** The `key: value` named `key` anywhere below `path`, for a line written by `toYaml .Values.x` (the first one, depth first). */
  keyBelow(path: readonly string[], key: string): Span | undefined {
    if (!this.spanOf(path) || !this.document) return undefined;
    const find = (node: unknown): Span | undefined => {
      if (!isMap(node)) return undefined;
      for (const pair of node.items) {
        const range = (pair.key as Node | null)?.range;
        const value = pair.value as Node | null;
        if (range && isScalar(pair.key) && String(pair.key.value) === key) {
          return { start: range[0], end: value?.range && isScalar(value) ? value.range[1] : range[1] };
        }
        const below = find(value);
        if (below) return below;
      }
      return undefined;
    };
    return find(this.document.getIn(path, true));
  }
}
