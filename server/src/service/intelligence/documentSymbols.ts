import type { Node as YamlNode } from 'yaml';
import type { KubeObject, ManifestDocument, Span } from '../model';
import { field, isStatefulSet, records } from '../rules/read';
import { nodeAtPath } from './cursorContext';

/** One entry of the outline: an object as `Kind name`, with a StatefulSet's containers and claim templates below it. */
export interface OutlineSymbol {
  name: string;
  detail: string | undefined;
  kind: 'object' | 'container' | 'claimTemplate';
  /** The whole entry, and the part to reveal (its name), in whole-file offsets. */
  span: Span;
  selection: Span;
  children: OutlineSymbol[];
}

function spanIn(document: ManifestDocument, node: YamlNode | undefined): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const start = document.toChunkOffset(range[0]);
  let end = Math.max(start, document.toChunkOffset(range[1]));
  // A block map's range runs past its last line's newline; the outline entry ends with its content.
  while (end > start && /\s/.test(document.text.charAt(end - 1))) end--;
  return { start: document.offset + start, end: document.offset + end };
}

function symbol(name: string, detail: string | undefined, kind: OutlineSymbol['kind'], span: Span, selection: Span | undefined, children: OutlineSymbol[] = []): OutlineSymbol {
  // The selection must lie inside the entry; a name written elsewhere (an alias) falls back to the entry's start.
  const inside = selection && selection.start >= span.start && selection.end <= span.end ? selection : { start: span.start, end: span.start };
  return { name, detail, kind, span, selection: inside, children };
}

function statefulSetChildren(document: ManifestDocument, object: KubeObject): OutlineSymbol[] {
  const containers = records(field(object.value, 'spec', 'template', 'spec', 'containers')).flatMap((container, i) => {
    const span = spanIn(document, nodeAtPath(object.node, ['spec', 'template', 'spec', 'containers', i]));
    const name = typeof container.name === 'string' ? container.name : '(unnamed)';
    const detail = typeof container.image === 'string' ? container.image : undefined;
    return span ? [symbol(name, detail, 'container', span, spanIn(document, nodeAtPath(object.node, ['spec', 'template', 'spec', 'containers', i, 'name'])))] : [];
  });
  const claims = records(field(object.value, 'spec', 'volumeClaimTemplates')).flatMap((claim, i) => {
    const span = spanIn(document, nodeAtPath(object.node, ['spec', 'volumeClaimTemplates', i]));
    const name = field(claim, 'metadata', 'name');
    const selection = spanIn(document, nodeAtPath(object.node, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']));
    return span ? [symbol(typeof name === 'string' ? name : '(unnamed)', 'volumeClaimTemplate', 'claimTemplate', span, selection)] : [];
  });
  return [...containers, ...claims];
}

/** The outline of a file: each object as `Kind name`, in the order written. Templated documents have none. */
export function documentSymbols(documents: readonly ManifestDocument[]): OutlineSymbol[] {
  return documents.flatMap((document) => document.objects.flatMap((object) => {
    const span = spanIn(document, object.node);
    if (!span) return [];
    const selection = spanIn(document, nodeAtPath(object.node, ['metadata', 'name']));
    const children = isStatefulSet(object) ? statefulSetChildren(document, object) : [];
    return [symbol(`${object.kind} ${object.name ?? '(unnamed)'}`, object.namespace, 'object', span, selection, children)];
  }));
}
