import { WorkspaceIndex } from './workspace/workspaceIndex';
import { servicesOf } from './workspace/servicesOf';
import type { ServiceInfo } from './workspace/serviceLookup';
import { noServices } from './workspace/serviceLookup';
import type { BaselineLookup } from './baseline/baselineLookup';
import type { Finding, ManifestDocument } from './model';
import { DocumentStore } from './parse/documentStore';
import type { Lines } from './parse/lineIndex';
import type { Settings } from './settings';
import { checkDocuments } from './checkDocuments';
import { checkChangedDocuments } from './storeCheck';

/** A checked file: its parsed documents, its findings (file offsets) and a way to turn those into positions. */
export interface CheckedFile {
  documents: ManifestDocument[];
  findings: Finding[];
  lines: Lines;
  /** The file's own Services, for the workspace index. */
  services: ServiceInfo[];
}

/**
 * checkFile's costly part done ahead, one document per step: parses the documents not parsed
 * yet and runs their own rules, so that the language server can answer other requests
 * between steps while it opens a large file. checkFile afterwards reuses all of it.
 */
export function* parseAhead(store: DocumentStore, settings: Settings, ...which: Parameters<DocumentStore['prepare']>): Generator<void> {
  for (const document of store.prepare(...which)) {
    checkDocuments([document], settings, { services: noServices }); // remembers the document's own findings
    yield;
  }
}

/**
 * Checks a file: the one entry point of the plain-file source, for the server, the CLI and the
 * tests. The server keeps a DocumentStore per open file and edits it, so that only the documents
 * that changed are parsed and checked again (see storeCheck.ts); a text gets a store of its own.
 */
export function checkFile(uri: string, input: DocumentStore | string, settings: Settings, index: WorkspaceIndex, baseline?: BaselineLookup): CheckedFile {
  const store = typeof input === 'string' ? new DocumentStore().setText(input) : input;
  return { ...checkChangedDocuments(uri, store, settings, index, baseline), lines: store.lines() };
}

/** A run of whole documents cut from a file, parsed, with its own rules run (see `parsePart`). */
export interface ParsedPart {
  uri: string;
  settings: Settings;
  documents: ManifestDocument[];
  /** The part's Services; their ordinals count from the part's start. */
  services: ServiceInfo[];
}

/**
 * Parses a run of whole documents cut from a file and runs their own rules; `checkPart` adds
 * the rules that need the whole file's Services. A worker thread parses half of a large file
 * this way while the language server parses the other half. Offsets are the part's own.
 */
export function parsePart(uri: string, text: string, settings: Settings): ParsedPart {
  const documents = new DocumentStore().parse(text);
  checkDocuments(documents, settings, { services: noServices }); // remembers the documents' own findings
  return { uri, settings, documents, services: servicesOf(uri, documents, settings.defaultNamespace) };
}

/** The findings of a parsed part, now that the whole file's Services and the other files' are known. */
export function checkPart(
  { uri, settings, documents, services }: ParsedPart, fileServices: readonly ServiceInfo[], workspace: readonly (readonly [string, readonly ServiceInfo[]])[],
): Finding[] {
  // The part is the file's tail (the worker parses the second half): its Services are the last of
  // the file's, and a rule on a Service itself (service-duplicate) compares its place in the file.
  servicesOf(uri, documents, settings.defaultNamespace, fileServices.length - services.length);
  const index = new WorkspaceIndex();
  for (const [other, services] of workspace) index.set(other, services);
  return checkDocuments(documents, settings, { services: index.lookupFor(uri, fileServices) });
}
