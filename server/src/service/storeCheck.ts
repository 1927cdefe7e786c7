import type { BaselineLookup } from './baseline/baselineLookup';
import type { Finding, ManifestDocument } from './model';
import type { DocumentStore } from './parse/documentStore';
import { settingsFingerprint, type Settings } from './settings';
import { checkDocument, inFileOffsets } from './checkDocuments';
import type { ServiceInfo, ServiceLookup } from './workspace/serviceLookup';
import { serviceObjects, servicesOf } from './workspace/servicesOf';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** What the last check of a store found, per document, to reuse for the documents an edit left alone. */
interface LastCheck {
  uri: string;
  defaultNamespace: string;
  key: string;
  lookup: ServiceLookup;
  baseline: BaselineLookup | undefined;
  documents: readonly ManifestDocument[];
  /** Each document's findings, in offsets of its own text. */
  findings: readonly (readonly Finding[])[];
  services: ServiceInfo[];
}

const lastChecks = new WeakMap<DocumentStore, LastCheck>();

/** A Helm chart's template (`…/templates/x.yaml`, `…/templates/primary/x.yaml`): the chart source checks what it renders to. */
const chartTemplateUri = /\/templates\//;

/**
 * How many documents at the start and at the end are the very same objects as before: an edit
 * replaces a run of documents in between. Comparing references in two arrays never reads the
 * documents themselves, which at 2000 documents cost more than the edited document's parse.
 */
function unchangedEnds(before: readonly ManifestDocument[], after: readonly ManifestDocument[]): { start: number; end: number } {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before[start] === after[start]) start++;
  let end = 0;
  while (end < most - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end };
}

const definesService = (documents: readonly ManifestDocument[]): boolean => serviceObjects(documents).length > 0;

/** The file's Services: the last ones, unless a replaced document defines one (or did). */
function fileServices(uri: string, documents: readonly ManifestDocument[], settings: Settings, last: LastCheck | undefined, ends: { start: number; end: number } | undefined): ServiceInfo[] {
  if (last && ends && !definesService(last.documents.slice(ends.start, last.documents.length - ends.end))
    && !definesService(documents.slice(ends.start, documents.length - ends.end))) return last.services;
  return servicesOf(uri, documents, settings.defaultNamespace);
}

/**
 * Checks a file held in a DocumentStore, at the cost of the documents changed since the store's
 * last check: the others keep their findings while the settings, the Services they can see and
 * the deployed version stay the same. Returns each document's findings in file offsets.
 */
export function checkChangedDocuments(
  uri: string, store: DocumentStore, settings: Settings, index: WorkspaceIndex, baseline: BaselineLookup | undefined,
): { documents: ManifestDocument[]; findings: Finding[]; services: ServiceInfo[] } {
  const documents = store.documents();
  const candidate = lastChecks.get(store);
  const last = candidate && candidate.uri === uri && candidate.defaultNamespace === settings.defaultNamespace ? candidate : undefined;
  const ends = last && unchangedEnds(last.documents, documents);
  const services = fileServices(uri, documents, settings, last, ends);
  const lookup = index.lookupFor(uri, services);
  const patchFile = index.isPatchFile(uri);
  // A file that became (or stopped being) a patch is checked again: its findings are keyed on it too.
  const key = patchFile ? `${settingsFingerprint(settings)}:patch` : settingsFingerprint(settings);
  const reusable = last && ends && last.key === key && last.lookup === lookup && last.baseline === baseline ? ends : { start: 0, end: 0 };
  const chartTemplate = chartTemplateUri.test(uri);
  const links = { services: lookup, ...(baseline ? { baseline } : {}), ...(patchFile ? { patchFile } : {}), ...(chartTemplate ? { chartTemplate } : {}) };
  const perDocument = documents.map((document, i) => {
    if (last && i < reusable.start) return last.findings[i]!;
    if (last && i >= documents.length - reusable.end) return last.findings[i - documents.length + last.documents.length]!;
    return checkDocument(document, settings, links, key);
  });
  lastChecks.set(store, { uri, defaultNamespace: settings.defaultNamespace, key, lookup, baseline, documents, findings: perDocument, services });
  return { documents, findings: inFileOffsets(documents, perDocument), services };
}
