import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, YAMLParseError, type Document, type ParseOptions, type DocumentOptions, type SchemaOptions, type Tags } from 'yaml';

/**
 * Kubernetes reads manifests with go-yaml (YAML 1.1): merge keys and octal `0755` count,
 * `on`/`yes` are booleans. Timestamps and sexagesimal numbers stay strings, because
 * sigs.k8s.io/yaml turns them into JSON strings before any field sees them.
 */
const options: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  prettyErrors: false,
  // Not 'warn': the library would print a process warning (with the user's text in it) to the
  // language server's stderr for every keystroke on a map used as a key (`? {a: b}: c`).
  logLevel: 'error',
  // The library checks each key against every earlier key of its map: a map of 100,000 keys
  // took minutes. addDuplicateKeyErrors does the same check with a Set.
  uniqueKeys: false,
  customTags: (tags: Tags) =>
    tags.filter((tag) => typeof tag === 'string' || !(tag.tag.endsWith(':timestamp') || tag.format === 'TIME')),
};

/**
 * The library's DUPLICATE_KEY errors (same scalar value twice in one map, at the later key),
 * in linear time; kept in position order with the other errors. A plain recursive walk: the
 * library's `visit` (paths, frozen arrays) cost a tenth of opening a 2000-document file.
 */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const { key } of node.items) {
        const id = isScalar(key) ? key.value : key;
        if (!seen.has(id)) seen.add(id);
        else if (isNode(key) && key.range) found.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
      for (const { key, value } of node.items) {
        walk(key);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Parses one YAML document as Kubernetes would. */
export function readYaml(text: string): Document.Parsed {
  const doc = parseDocument(text, options);
  addDuplicateKeyErrors(doc);
  return doc;
}

/** Aliases may expand to at most this many nodes: a "billion laughs" file stops here. */
export const maxAliasCount = 1000;

/** The document as plain JSON; throws when aliases expand too far. */
export function toPlainValue(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount });
}
