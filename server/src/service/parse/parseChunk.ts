import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { KubeObject, ManifestDocument, Span } from '../model';
import { readYaml, toPlainValue } from './readYaml';
import { repairLenientQuotes } from './repairLenientQuotes';

const templateSyntax = /\{\{|\{%/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown, node: YamlNode, basePath: KubeObject['basePath']): KubeObject | undefined {
  if (!isRecord(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return {
    apiVersion: value.apiVersion,
    kind: value.kind,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined,
    value,
    node,
    basePath,
  };
}

/** The objects of a document: the document itself, or each item of a `kind: List`. */
function objectsOf(doc: Document.Parsed, value: unknown): KubeObject[] {
  const root = doc.contents;
  if (!root || !isRecord(value)) return [];
  const whole = asObject(value, root, []);
  const items = value.items;
  const itemsNode = isMap(root) ? root.get('items', true) : undefined;
  if (whole && whole.kind.endsWith('List') && Array.isArray(items) && isSeq(itemsNode)) {
    return items.flatMap((item, i) => {
      const node = itemsNode.items[i];
      const object = node && typeof node === 'object' ? asObject(item, node as YamlNode, ['items', i]) : undefined;
      return object ? [object] : [];
    });
  }
  return whole ? [whole] : [];
}

/** Errors that go-yaml would not raise, or that Kubernetes reports in its own words. */
const lenientCodes = new Set(['DUPLICATE_KEY']);

function firstError(doc: Document.Parsed, text: string, map: (offset: number) => number): (Span & { message: string }) | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const message = error.code === 'DUPLICATE_KEY'
    ? 'Duplicate key: the API server rejects an object with a field given twice. Remove one of them.'
    : `YAML syntax error: ${error.message.split('\n')[0]}`;
  // An unclosed bracket or quote is found at the end of the text: show it on the last line that has content.
  const contentEnd = text.trimEnd().length;
  const start = Math.min(error.pos[0], Math.max(contentEnd - 1, 0));
  const end = Math.min(error.pos[1], contentEnd);
  return { start: map(start), end: Math.max(map(end), map(start) + 1), message };
}

/**
 * Parses one document's text into the model. Never throws: a syntax error becomes
 * `syntaxError`, template syntax marks it `templated`, anything that is not a Kubernetes
 * object gives no objects.
 */
export function parseChunk(offset: number, text: string): ManifestDocument {
  const identity = (n: number): number => n;
  const base: ManifestDocument = {
    offset, text, yaml: undefined, objects: [], templated: false, syntaxError: undefined, toChunkOffset: identity,
    memo: new Map(),
    repaired: false,
  };
  if (templateSyntax.test(text)) return { ...base, templated: true };
  try {
    let doc = readYaml(text);
    let parsedText = text;
    let toChunkOffset = identity;
    if (doc.errors.length > 0) {
      const repaired = repairLenientQuotes(text);
      const retry = repaired ? readYaml(repaired.text) : undefined;
      if (repaired && retry && retry.errors.length === 0) {
        doc = retry;
        parsedText = repaired.text;
        toChunkOffset = repaired.toOriginal;
      }
    }
    const syntaxError = firstError(doc, parsedText, toChunkOffset);
    if (doc.errors.some((e) => !lenientCodes.has(e.code))) return { ...base, yaml: doc, syntaxError };
    return { ...base, yaml: doc, syntaxError, objects: objectsOf(doc, toPlainValue(doc)), toChunkOffset, repaired: parsedText !== text };
  } catch (error) {
    const message = error instanceof ReferenceError
      ? 'YAML aliases expand too far (possible "billion laughs"): this document is not checked.'
      : `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { ...base, syntaxError: { start: 0, end: Math.min(text.length, 1), message } };
  }
}
