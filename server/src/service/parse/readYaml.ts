import { parseDocument, type Document, type ParseOptions, type DocumentOptions, type SchemaOptions, type Tags } from 'yaml';

/**
 * Kubernetes reads manifests with go-yaml (YAML 1.1): merge keys and octal `0755` count,
 * `on`/`yes` are booleans. Timestamps and sexagesimal numbers stay strings, because
 * sigs.k8s.io/yaml turns them into JSON strings before any field sees them.
 */
const options: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  prettyErrors: false,
  customTags: (tags: Tags) =>
    tags.filter((tag) => typeof tag === 'string' || !(tag.tag.endsWith(':timestamp') || tag.format === 'TIME')),
};

/** Parses one YAML document as Kubernetes would. */
export function readYaml(text: string): Document.Parsed {
  return parseDocument(text, options);
}

/** Aliases may expand to at most this many nodes: a "billion laughs" file stops here. */
export const maxAliasCount = 1000;

/** The document as plain JSON; throws when aliases expand too far. */
export function toPlainValue(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount });
}
