import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { KubeObject, ManifestDocument, Span } from '../model';
import { readYaml, toPlainValue } from './readYaml';
import { repairLenientQuotes } from './repairLenientQuotes';
import { templateOutsideText, templateSyntax } from './templateSyntax';
import { isMessageId, messageOf, t } from '../../messages';

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

/** The library's message as it is in English; in Chinese, what its code means, the message quoted (messages/en/yaml.ts). */
function syntaxDetail(code: string, message: string): string {
  const id = `yaml.${code}`;
  return isMessageId(id) ? messageOf(id, { message }) : message;
}

/** Errors that go-yaml would not raise, or that Kubernetes reports in its own words. */
const lenientCodes = new Set(['DUPLICATE_KEY']);

function firstError(doc: Document.Parsed, text: string, map: (offset: number) => number): (Span & { message: string }) | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const message = error.code === 'DUPLICATE_KEY'
    ? t('parse.duplicateKey')
    // The library's stack ran out (thousands of nested `[` or indents): say so, not "Maximum call stack size exceeded".
    : error.code === 'RESOURCE_EXHAUSTION'
      ? t('parse.tooDeep')
      : t('parse.syntax', { v: syntaxDetail(error.code, error.message.split('\n')[0] ?? '') });
  // An unclosed bracket or quote is found at the end of the text: show it on the last line that has content.
  const contentEnd = text.trimEnd().length;
  const start = Math.min(error.pos[0], Math.max(contentEnd - 1, 0));
  const end = Math.min(error.pos[1], contentEnd);
  return { start: map(start), end: Math.max(map(end), map(start) + 1), message };
}

/**
 * Deeper nesting is refused before parsing: the parser's memory grows with the depth until
 * the process dies (one line of 500,000 `[` killed the language server, found by the hostile
 * input tests). Real manifests nest a few dozen levels; go-yaml stops at 10,000.
 */
const maxNesting = 1000;

/**
 * Where flow brackets (outside quotes and comments) or a line's leading `- - -` nest deeper
 * than maxNesting, or -1. A rough count (a `[` in a plain scalar counts too) that only a
 * hostile text takes that far; one pass, no allocation.
 */
function nestedTooDeep(text: string): number {
  let depth = 0;
  let quote = 0;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 10 /* \n */) {
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (lineStart && c === 45 /* - */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      if (++dashes > maxNesting) return i;
      continue;
    }
    if (c !== 32 && c !== 9) lineStart = false;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxNesting) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth = Math.max(depth - 1, 0);
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c;
    } else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9 || text.charCodeAt(i - 1) === 10)) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    }
  }
  return -1;
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
  const mayBeTemplate = templateSyntax.test(text);
  const tooDeep = nestedTooDeep(text);
  if (tooDeep >= 0) {
    const message = t('parse.nesting', { maxNesting });
    return { ...base, syntaxError: { start: tooDeep, end: tooDeep + 1, message } };
  }
  try {
    let doc = readYaml(text);
    if (mayBeTemplate) {
      // Template syntax only inside quoted or block scalars (a rendered manifest's alert text) is checked like any text.
      const at = templateOutsideText(text, doc);
      if (at >= 0) return { ...base, templated: true, templateAt: at };
    }
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
      ? t('parse.aliases')
      : t('parse.unreadable', { v: error instanceof Error ? error.message : String(error) });
    return { ...base, syntaxError: { start: 0, end: Math.min(text.length, 1), message } };
  }
}
