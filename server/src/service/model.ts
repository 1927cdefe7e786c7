import type { Document, Node as YamlNode } from 'yaml';

/** How serious a finding is; `off` silences a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A half-open span of UTF-16 offsets [start, end) into the text it came from. */
export interface Span {
  start: number;
  end: number;
}

/** A range of a file the user wrote: UTF-16 offsets into that file's text. */
export interface FileRange extends Span {
  uri: string;
}

/** Another place a finding concerns (the values line a template read, the line that included a helper). */
export interface RelatedRange extends FileRange {
  message: string;
}

/** The data a quick fix needs, carried on a finding (never parsed back from the message). */
export type FixData = Record<string, unknown>;

/** One problem found by a rule, located in the text of the document chunk it belongs to. */
export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: string;
  data?: FixData;
  /** Other places it concerns, in other files or this one (a source's origin map names them). */
  related?: RelatedRange[];
}

/** A path into a Kubernetes object: keys and array indexes. */
export type ObjectPath = readonly (string | number)[];

/** Where a located problem sits: on the key of the node at the path, or on its value. */
export type Target = 'key' | 'value';

/** A Kubernetes object found in a document (a whole document, or one item of a `kind: List`). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  name: string | undefined;
  /** Namespace as written; `undefined` means the default namespace. */
  namespace: string | undefined;
  /** The object as plain JSON, read with YAML 1.1 rules (merge keys, octals) as Kubernetes reads it. */
  value: Record<string, unknown>;
  /** The YAML node of the object, for locating paths in the text. */
  node: YamlNode;
  /** Where `value` sits inside its document: [] for a whole document, ['items', i] in a List. */
  basePath: ObjectPath;
}

/** One YAML document of a file (the text between `---` separators), parsed. */
export interface ManifestDocument {
  /** Offset of the chunk's first character in the file (its DocumentStore moves it after an edit above it). */
  offset: number;
  text: string;
  yaml: Document.Parsed | undefined;
  objects: KubeObject[];
  /**
   * True when template syntax (`{{ }}`) makes the chunk something else than YAML meant as is
   * (outside quoted and block scalars): it is not checked. `templateAt` is where (chunk offset).
   */
  templated: boolean;
  templateAt?: number;
  /** The first YAML syntax error of the chunk, if any. */
  syntaxError: (Span & { message: string }) | undefined;
  /** Maps an offset in the parsed text back to the chunk's own text (they differ when we repaired leniently). */
  toChunkOffset: (offset: number) => number;
  /** True when the text was re-indented to parse (go-yaml leniency): no quick fix edits such a document. */
  repaired: boolean;
  /** Findings of the document's own rules, remembered per settings fingerprint. */
  memo: Map<string, Finding[]>;
}
