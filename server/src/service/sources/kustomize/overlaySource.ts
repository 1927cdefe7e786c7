import type { Node as YamlNode } from 'yaml';
import type { FileRange, ManifestDocument, ObjectPath, RelatedRange, Span } from '../../model';
import { parseFile } from '../../parse/documentStore';
import { LineIndex, type Lines } from '../../parse/lineIndex';
import { toPlainValue } from '../../parse/readYaml';
import type { SourceObjects } from '../checkSource';
import type { Origin } from '../origins';
import { readKustomization, type KustomizationText, type ListedPatch } from './kustomizationPatches';
import { transformerField } from './transformerFields';
import { agrees, align, pathAt } from './yamlPaths';
import { t as say } from '../../../messages'; // `t` names a transformation record in the loops below

/** kustomize's record of a resource's origin or of a transformer that ran over it (go/kustomize's Resource). */
export interface OriginRecord {
  path?: string;
  repo?: string;
  configuredIn?: string;
  configuredBy?: { kind?: string };
}

/** One built resource: its text as printed, where it came from, which transformers ran over it. */
export interface BuiltObject {
  text: string;
  origin?: OriginRecord;
  transformations?: OriginRecord[];
}

/** What the overlay source reads: the built resources, and the texts of the files the build read (by URI). */
export interface OverlayBuild {
  /** The overlay's folder URI, without a trailing slash. */
  dirUri: string;
  /** Its kustomization file's URI. */
  kustomizationUri: string;
  /** A short name for messages (the folder relative to the workspace). */
  name: string;
  resources: readonly BuiltObject[];
  textOf(uri: string): string | undefined;
}

/**
 * Built resources, and the base and patch files a build read, parsed by their text: an edit
 * rebuilds the whole overlay, but most resources come out the same and most files did not change;
 * the same ManifestDocument keeps its rules' findings (its memo). Bounded: when full it starts again.
 */
const parsedDocuments = new Map<string, ManifestDocument[]>();
const keptDocuments = 5000;

function parsedOnce(text: string): ManifestDocument[] {
  let documents = parsedDocuments.get(text);
  if (!documents) {
    if (parsedDocuments.size >= keptDocuments) parsedDocuments.clear();
    parsedDocuments.set(text, (documents = parseFile(text)));
  }
  return documents;
}

/** A base document's plain value, once per document (base documents are kept across builds). */
const plainValues = new WeakMap<ManifestDocument, unknown>();
function plainValueOf(document: ManifestDocument): unknown {
  if (!plainValues.has(document)) plainValues.set(document, document.yaml ? toPlainValue(document.yaml) : undefined);
  return plainValues.get(document);
}

const patchKinds = new Set(['PatchTransformer', 'PatchStrategicMergeTransformer', 'PatchJson6902Transformer']);
const fieldOfKind: Record<string, ListedPatch['field']> = {
  PatchStrategicMergeTransformer: 'patchesStrategicMerge', PatchTransformer: 'patches', PatchJson6902Transformer: 'patchesJson6902',
};

interface Placed {
  resource: BuiltObject;
  value: Record<string, unknown>;
  kind: string;
  name: string;
  base: { uri: string; node: YamlNode | null | undefined; value: unknown; toFile(o: number): number; kindSpan: Span } | undefined;
}

/** A span widened to the rest of its first line, so that a diagnostic covers `key: value` (not a whole block). */
function lineOf(text: string, span: Span): Span {
  const lineEnd = text.indexOf('\n', span.start);
  return { start: span.start, end: Math.max(span.start + 1, Math.min(span.end, lineEnd < 0 ? text.length : lineEnd)) };
}

/** The JSON pointer of a JSON 6902 operation, as path segments. */
function pointer(path: string): string[] {
  return path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nameMatches(target: string | undefined, base: string, built: string): boolean {
  if (target === undefined) return true;
  if (target === base || target === built) return true;
  try {
    const re = new RegExp(`^(?:${target})$`);
    return re.test(base) || re.test(built);
  } catch {
    return built.includes(target);
  }
}

/**
 * An overlay's build as a source: its resources are the documents the rules read, and the origin
 * map puts a finding on the line that wrote the field — the patch line when a patch (strategic
 * merge or JSON 6902, in a file or inline) set the value the build has, a kustomization line when
 * one of its transformers did (namespace, labels, replicas, images, name prefix), else the base
 * resource's line — with the other places as related. Which patches and transformers ran over a
 * resource, and which file it came from, is kustomize's own record (its origin and
 * transformations annotations); the fields are then found by path in those documents.
 */
export function overlaySource(build: OverlayBuild): SourceObjects & { statefulSetsBy(uri: string): BuiltStatefulSet[] } {
  const kustomizations = new Map<string, KustomizationText | undefined>();
  const kustomizationAt = (uri: string): KustomizationText | undefined => {
    if (!kustomizations.has(uri)) {
      const text = build.textOf(uri);
      kustomizations.set(uri, text === undefined ? undefined : readKustomization(uri, text, build.textOf));
    }
    return kustomizations.get(uri);
  };
  const uriOf = (relative: string): string => new URL(relative, `${build.dirUri}/`).href;
  const documents: ManifestDocument[] = [];
  const placed = new Map<ManifestDocument, Placed>();
  for (const resource of build.resources) {
    for (const document of parsedOnce(resource.text)) {
      const object = document.objects[0];
      if (!object) continue;
      documents.push(document);
      placed.set(document, { resource, value: object.value, kind: object.kind, name: object.name ?? '', base: baseOf(resource, object.kind, object.name ?? '') });
    }
  }

  function baseOf(resource: BuiltObject, kind: string, name: string): Placed['base'] {
    const path = resource.origin?.path;
    if (!path || resource.origin?.repo) return undefined;
    const uri = uriOf(path);
    const text = build.textOf(uri);
    if (text === undefined) return undefined;
    const candidates = parsedOnce(text).filter((d) => d.objects[0]?.kind === kind);
    // The base's name is the built one without the overlays' prefixes and suffixes.
    const chosen = candidates.find((d) => d.objects[0]?.name === name)
      ?? candidates.filter((d) => name.includes(d.objects[0]?.name ?? '\0')).sort((a, b) => (b.objects[0]?.name?.length ?? 0) - (a.objects[0]?.name?.length ?? 0))[0]
      ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen?.yaml) return undefined;
    const toFile = (o: number): number => chosen.offset + chosen.toChunkOffset(o);
    const value = plainValueOf(chosen);
    const kindSpan = align(chosen.yaml.contents as YamlNode, value, ['kind'], { kind })?.span ?? { start: 0, end: 1 };
    return { uri, node: chosen.yaml.contents as YamlNode, value, toFile, kindSpan: { start: toFile(kindSpan.start), end: toFile(kindSpan.end) } };
  }

  const range = (uri: string, span: Span, toFile: (o: number) => number = (o) => o): FileRange => {
    const text = build.textOf(uri) ?? '';
    return { uri, ...lineOf(text, { start: toFile(span.start), end: toFile(span.end) }) };
  };

  /** The last patch or transformer (in kustomize's order) that wrote the value the build has at `path`. */
  function writerOf(p: Placed, path: ObjectPath, builtValue: unknown): { range: FileRange; what: string } | undefined {
    let found: { range: FileRange; what: string } | undefined;
    const baseName = typeof (p.base?.value as { metadata?: { name?: unknown } } | undefined)?.metadata?.name === 'string'
      ? String((p.base!.value as { metadata: { name: string } }).metadata.name) : p.name;
    const seen = new Set<string>();
    for (const t of p.resource.transformations ?? []) {
      const kind = t.configuredBy?.kind ?? '';
      if (!t.configuredIn || t.repo) continue;
      const kustomizationUri = uriOf(t.configuredIn);
      const once = `${kustomizationUri}\n${kind}`;
      if (seen.has(once)) continue; // each patch is a transformer of its own, recorded alike
      seen.add(once);
      const k = kustomizationAt(kustomizationUri);
      if (!k) continue;
      if (patchKinds.has(kind)) {
        for (const patch of k.patches.filter((x) => x.field === fieldOfKind[kind] || (kind === 'PatchTransformer' && x.field === 'patches'))) {
          const hit = patchWrites(patch, p, baseName, path, builtValue);
          if (hit) found = { range: hit, what: `the patch ${patch.uri === k.uri ? `in ${k.uri.slice(k.uri.lastIndexOf('/') + 1)}` : patch.uri.slice(patch.uri.lastIndexOf('/') + 1)}` };
        }
      } else {
        const hit = transformerField(k, kind, path, builtValue, p.name);
        if (hit) found = { range: range(k.uri, hit), what: `\`${k.uri.slice(k.uri.lastIndexOf('/') + 1)}\`` };
      }
    }
    return found;
  }

  function patchWrites(patch: ListedPatch, p: Placed, baseName: string, path: ObjectPath, builtValue: unknown): FileRange | undefined {
    if (patch.target?.kind !== undefined && patch.target.kind !== p.kind) return undefined;
    if (!nameMatches(patch.target?.name, baseName, p.name)) return undefined;
    for (const doc of patch.documents) {
      if (patch.json6902) {
        if (!Array.isArray(doc.value)) continue;
        let hit: FileRange | undefined;
        doc.value.forEach((op: unknown, i) => {
          if (typeof op !== 'object' || op === null) return;
          const { op: verb, path: where, value } = op as { op?: unknown; path?: unknown; value?: unknown };
          if ((verb !== 'add' && verb !== 'replace') || typeof where !== 'string') return;
          const tokens = pointer(where);
          if (tokens.length > path.length || !tokens.every((t, j) => t === String(path[j]))) return;
          const opNode = (doc.node as { items?: YamlNode[] } | null | undefined)?.items?.[i];
          const valueNode = (opNode as { get?(k: string, keep: boolean): unknown } | undefined)?.get?.('value', true) as YamlNode | undefined;
          const inner = align(valueNode, value, path.slice(tokens.length), lookup(p.value, path.slice(0, tokens.length)));
          if (inner?.complete && agrees(inner.value, builtValue)) hit = range(patch.uri, inner.span, doc.toFile);
        });
        if (hit) return hit;
      } else {
        const v = doc.value as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
        if (!patch.target && (v?.kind !== p.kind || !nameMatches(typeof v?.metadata?.name === 'string' ? v.metadata.name : undefined, baseName, p.name))) continue;
        const at = align(doc.node, doc.value, path, p.value);
        if (at?.complete && agrees(at.value, builtValue)) return range(patch.uri, at.span, doc.toFile);
      }
    }
    return undefined;
  }

  /** The patches that target a resource (kind and name), each at its first line: a finding elsewhere names the last three. */
  const patchesOf = (p: Placed): RelatedRange[] => allPatchesOf(p).slice(-3);

  function allPatchesOf(p: Placed): RelatedRange[] {
    const baseName = typeof (p.base?.value as { metadata?: { name?: unknown } } | undefined)?.metadata?.name === 'string'
      ? String((p.base!.value as { metadata: { name: string } }).metadata.name) : p.name;
    const out: RelatedRange[] = [];
    const seen = new Set<string>();
    for (const t of p.resource.transformations ?? []) {
      if (!t.configuredIn || t.repo || !patchKinds.has(t.configuredBy?.kind ?? '') || seen.has(t.configuredIn)) continue;
      seen.add(t.configuredIn);
      const k = kustomizationAt(uriOf(t.configuredIn));
      for (const patch of k?.patches ?? []) {
        if (patch.target?.kind !== undefined && patch.target.kind !== p.kind) continue;
        if (!nameMatches(patch.target?.name, baseName, p.name)) continue;
        const doc = patch.documents.find((d) => {
          const v = d.value as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
          return patch.target || patch.json6902 || (v?.kind === p.kind && nameMatches(typeof v?.metadata?.name === 'string' ? v.metadata.name : undefined, baseName, p.name));
        });
        const start = doc?.node?.range ? doc.toFile(doc.node.range[0]) : undefined;
        if (start === undefined) continue;
        const message = patch.uri === k!.uri
          ? say('sources.inlinePatch', { file: k!.uri.slice(k!.uri.lastIndexOf('/') + 1), kind: p.kind })
          : say('sources.patches', { name: patch.uri.slice(patch.uri.lastIndexOf('/') + 1), kind: p.kind });
        out.push({ ...range(patch.uri, { start, end: start + 1 }), message });
      }
    }
    return out;
  }

  const overlayRelated = (): RelatedRange => ({ uri: build.kustomizationUri, start: 0, end: Math.max(1, (build.textOf(build.kustomizationUri) ?? '').indexOf('\n')), message: say('sources.builtBy', { name: build.name }) });

  const originOf = (document: ManifestDocument, span: Span): Origin | undefined => {
    const p = placed.get(document);
    if (!p || !document.yaml) return undefined;
    const path = pathAt(document.yaml.contents as YamlNode, span.start);
    const builtValue = lookup(p.value, path);
    const writer = path.length > 0 ? writerOf(p, path, builtValue) : undefined;
    const inBase = p.base ? align(p.base.node, p.base.value, path, p.value) : undefined;
    const baseRange = p.base && inBase ? range(p.base.uri, inBase.span, p.base.toFile) : p.base ? { uri: p.base.uri, ...p.base.kindSpan } : undefined;
    const related: RelatedRange[] = [];
    let primary: FileRange;
    if (writer) {
      primary = writer.range;
      if (baseRange) related.push({ ...baseRange, message: inBase?.complete ? say('sources.baseSetsIt') : say('sources.baseResource') });
    } else if (baseRange) {
      primary = baseRange;
      // The base wrote this field, but the overlay's patches may be what makes it wrong (a lowered replicas, new labels).
      related.push(...patchesOf(p));
    } else {
      // Generated (a configMapGenerator) or from a remote base: the kustomization that made it.
      const made = p.resource.origin?.configuredIn ? uriOf(p.resource.origin.configuredIn) : build.kustomizationUri;
      primary = { uri: made, start: 0, end: Math.max(1, (build.textOf(made) ?? '').indexOf('\n')) };
    }
    if (primary.uri !== build.kustomizationUri) related.push(overlayRelated());
    return { primary, related };
  };

  const fileLines = new Map<string, Lines>();
  const linesOf = (uri: string): Lines | undefined => {
    let lines = fileLines.get(uri);
    if (lines) return lines;
    const text = build.textOf(uri);
    if (text === undefined) return undefined;
    fileLines.set(uri, (lines = new LineIndex(text)));
    return lines;
  };
  /** The built StatefulSets each file wrote (its base resource or a patch over it), at the offset of that file where it is written. */
  const statefulSetsBy = (uri: string): BuiltStatefulSet[] => {
    const out: BuiltStatefulSet[] = [];
    for (const p of placed.values()) {
      if (p.kind !== 'StatefulSet') continue;
      const at = p.base?.uri === uri ? p.base.kindSpan.start : allPatchesOf(p).find((r) => r.uri === uri)?.start;
      if (at !== undefined) out.push({ text: p.resource.text, name: p.name, offset: at });
    }
    return out;
  };
  return { uri: `kustomize:${build.dirUri}`, documents, origins: { originOf }, linesOf, statefulSetsBy };
}

/** A built StatefulSet and where a file wrote it (for the preview of a base or patch file). */
export interface BuiltStatefulSet {
  /** As `kustomize build` prints it. */
  text: string;
  name: string;
  /** The offset in the file: the base resource's `kind`, or the patch's start. */
  offset: number;
}

function lookup(value: unknown, path: ObjectPath): unknown {
  let here = value;
  for (const segment of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[segment];
  }
  return here;
}
