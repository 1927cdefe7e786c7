import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';

/** Go-template (`{{`) and Jinja (`{%`) syntax. */
export const templateSyntax = /\{\{|\{%/;

/**
 * Where scalars lie in the parsed text: template syntax inside one is only text (a quoted
 * annotation, a block of config, or a plain `description: failed for {{ $labels.pod }}`,
 * since a plain scalar cannot start with `{`). Template syntax that starts a value is read as
 * a flow map, and is not inside any scalar.
 */
function textScalarRanges(doc: Document.Parsed): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (node: unknown): void => {
    if (isScalar(node)) {
      if (node.range) ranges.push([node.range[0], node.range[1]]);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  return ranges;
}

/** Whether the offset follows a `#` that starts a comment on its line (a rough test: a `#` at the line's start or after a space). */
function inComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, at));
}

/**
 * Where template syntax makes a document something other than the manifest it will become,
 * or -1. A rendered manifest often carries a Go or Alertmanager template as text (an
 * annotation in quotes, a config file in a block scalar, an alert's description): that
 * document is still a manifest and is checked. Template syntax anywhere else (`replicas: {{ .Values.n }}`, a `{{- if }}`
 * line) is not YAML the way its author meant it, even where the parser accepts it (as a flow
 * map): such a document is not checked. `doc` is undefined, or has errors, when the text did
 * not parse.
 */
export function templateOutsideText(text: string, doc: Document.Parsed | undefined): number {
  const pattern = new RegExp(templateSyntax.source, 'g');
  const first = pattern.exec(text);
  if (!first) return -1;
  if (!doc || doc.errors.length > 0) return first.index;
  const ranges = textScalarRanges(doc);
  for (let match: RegExpExecArray | null = first; match; match = pattern.exec(text)) {
    const at = match.index;
    if (!ranges.some(([start, end]) => at >= start && at < end) && !inComment(text, at)) return at;
  }
  return -1;
}
