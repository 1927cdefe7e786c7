import type { ServiceInfo } from '../workspace/serviceLookup';
import type { ManifestDocument, ObjectPath, Span } from '../model';
import { isRecord, isStatefulSet, labelMap } from '../rules/read';
import { completionSpot, isPlaceholder, type CompletionSpot } from './completionProbe';
import { knownValues } from './knownValues';
import { inFileOf, samePath, valueAt } from './paths';
import { isStructured, schemaAt, typeLabel, type FieldSchema } from './schemaNavigator';
import { snippetsAt } from './snippets';
import { isVolumeUsePath, volumeDeclarations } from './volumeReferences';
import { t } from '../../messages';

/** One proposal, ready for any editor: what to show and the text that replaces `replace`. */
export interface CompletionEntry {
  label: string;
  kind: 'field' | 'value' | 'service' | 'volume' | 'label' | 'snippet';
  detail: string | undefined;
  /** Markdown. */
  documentation: string | undefined;
  insertText: string;
  /** Whole-file span the entry replaces: the partial word at the cursor. */
  replace: Span;
  /** Orders the list as we mean it (headless Services before the others). */
  sortText: string;
  /** insertText has tab stops (`${1:web}`, `$0`): a snippet. */
  snippet?: boolean;
}

export interface CompletionInput {
  uri: string;
  documents: readonly ManifestDocument[];
  /** Whole-file offset of the cursor. */
  offset: number;
  defaultNamespace: string;
  /** The Services of a namespace this file can see: its own first, then the workspace's. */
  servicesIn: (namespace: string) => readonly ServiceInfo[];
}

const selectorPath = ['spec', 'selector', 'matchLabels'];
const templateLabelsPath = ['spec', 'template', 'metadata', 'labels'];

function entry(spot: CompletionSpot, kind: CompletionEntry['kind'], label: string, insertText: string, order: number,
  detail?: string, documentation?: string): CompletionEntry {
  return {
    label, kind, detail, documentation, insertText, replace: spot.replace,
    sortText: `${String(order).padStart(4, '0')}-${label}`,
  };
}

/** Field names of the map being typed in, from the schema, without those already there. */
function fieldEntries(spot: CompletionSpot, parentPath: ObjectPath): CompletionEntry[] {
  const { object } = spot;
  const parent = schemaAt(object.apiVersion, object.kind, parentPath);
  if (!parent) return [];
  const present = valueAt(object.value, parentPath);
  const taken = new Set(isRecord(present) ? Object.keys(present).filter((key) => !isPlaceholder(key)) : []);
  const names = Object.keys(parent.properties).filter((name) => !taken.has(name) && !(parentPath.length === 0 && name === 'status'));
  return names.flatMap((name, order) => {
    const schema = schemaAt(object.apiVersion, object.kind, [...parentPath, name]);
    if (!schema) return [];
    const insert = spot.colonFollows ? name : isStructured(schema) ? `${name}:` : `${name}: `;
    return [entry(spot, 'field', name, insert, order, typeLabel(schema), schema.description)];
  });
}

/** The labels on the other side of selector ↔ template, as `key: value` lines not yet written here. */
function labelEntries(spot: CompletionSpot, parentPath: ObjectPath): CompletionEntry[] {
  if (!isStatefulSet(spot.object)) return [];
  const other = samePath(parentPath, selectorPath) ? templateLabelsPath : samePath(parentPath, templateLabelsPath) ? selectorPath : undefined;
  if (!other) return [];
  const here = labelMap(valueAt(spot.object.value, parentPath));
  const side = other === selectorPath ? t('completion.fromSelectorMatchLabels') : t('completion.fromTemplateLabels');
  return Object.entries(labelMap(valueAt(spot.object.value, other)))
    .filter(([key]) => !(key in here) || isPlaceholder(key))
    .map(([key, value], order) => entry(spot, 'label', `${key}: ${value}`, spot.colonFollows ? key : `${key}: ${value}`, order, side));
}

function valueEntries(spot: CompletionSpot, schema: FieldSchema | undefined): CompletionEntry[] {
  return knownValues(schema?.owner, schema?.type).map((known, order) =>
    entry(spot, 'value', known.value, known.value, order, undefined, known.description || undefined));
}

/** `serviceName`: headless Services of the namespace first, then the others marked "not headless". */
function serviceEntries(spot: CompletionSpot, input: CompletionInput): CompletionEntry[] {
  const namespace = spot.object.namespace ?? input.defaultNamespace;
  const seen = new Set<string>();
  const services = input.servicesIn(namespace).filter((s) => !seen.has(s.name) && seen.add(s.name) !== undefined);
  const ranked = [...services.filter((s) => s.headless), ...services.filter((s) => !s.headless)];
  return ranked.map((service, order) => {
    const inFile = inFileOf(service.uri, input.uri);
    return service.headless
      ? entry(spot, 'service', service.name, service.name, order, t('completion.headless', { inFile }))
      : entry(spot, 'service', service.name, service.name, order, t('completion.notHeadless', { inFile }),
        t('completion.notHeadlessDoc'));
  });
}

/** `volumeMounts[].name`: the claim templates' and volumes' names. */
function volumeEntries(spot: CompletionSpot): CompletionEntry[] {
  const seen = new Set<string>();
  return volumeDeclarations(spot.object).filter((d) => !seen.has(d.name) && seen.add(d.name) !== undefined).map((declaration, order) =>
    declaration.source === 'claimTemplate'
      ? entry(spot, 'volume', declaration.name, declaration.name, order, t('completion.claimTemplate'))
      : entry(spot, 'volume', declaration.name, declaration.name, order, declaration.type ? t('completion.volumeOf', { type: declaration.type }) : t('completion.volume')));
}

/** A matchLabels value: the template's value of the same key, and the other way round. */
function labelValueEntries(spot: CompletionSpot): CompletionEntry[] {
  const parentPath = spot.path.slice(0, -1);
  const key = spot.path[spot.path.length - 1];
  const other = samePath(parentPath, selectorPath) ? templateLabelsPath : samePath(parentPath, templateLabelsPath) ? selectorPath : undefined;
  const value = other && typeof key === 'string' ? labelMap(valueAt(spot.object.value, other))[key] : undefined;
  return value === undefined ? [] : [entry(spot, 'label', value, value, 0, other === selectorPath ? t('completion.fromSelector') : t('completion.fromTemplateLabels'))];
}

function keyCompletions(spot: CompletionSpot): CompletionEntry[] {
  const parentPath = spot.path.slice(0, -1);
  const labels = labelEntries(spot, parentPath);
  if (labels.length > 0) return labels;
  const parent = schemaAt(spot.object.apiVersion, spot.object.kind, parentPath);
  // `- Read` in a list of strings parses as a key; it is a value of the list.
  if (parent && !isStructured(parent)) return valueEntries(spot, parent);
  return fieldEntries(spot, parentPath);
}

function valueCompletions(spot: CompletionSpot, input: CompletionInput): CompletionEntry[] {
  const { object, path } = spot;
  if (isStatefulSet(object) && samePath(path, ['spec', 'serviceName'])) return serviceEntries(spot, input);
  if (isStatefulSet(object) && isVolumeUsePath(path)) return volumeEntries(spot);
  if (isStatefulSet(object)) {
    const labels = labelValueEntries(spot);
    if (labels.length > 0) return labels;
  }
  return valueEntries(spot, schemaAt(object.apiVersion, object.kind, path));
}

/** What to propose at the cursor; empty where we know nothing (templates, comments, unknown kinds). */
export function completionsAt(input: CompletionInput): CompletionEntry[] {
  const spot = completionSpot(input.documents, input.offset);
  // Snippets only where they fit (a new document, a spec key, a new claim template), after the fields.
  const snippets = snippetsAt(input.documents, input.offset, spot).map((s, order): CompletionEntry => ({
    label: s.label, kind: 'snippet', detail: s.title, documentation: s.description, insertText: s.snippet, replace: s.replace,
    sortText: `z${String(order).padStart(4, '0')}-${s.label}`, snippet: true,
  }));
  if (!spot) return snippets;
  return [...(spot.mode === 'key' ? keyCompletions(spot) : valueCompletions(spot, input)), ...snippets];
}

/** The Services one file sees in a namespace: its own (fresh) first, then the workspace's other files. */
export function visibleServices(uri: string, local: readonly ServiceInfo[], indexed: readonly ServiceInfo[], namespace: string): ServiceInfo[] {
  return [...local.filter((s) => s.namespace === namespace), ...indexed.filter((s) => s.uri !== uri && s.namespace === namespace)];
}
