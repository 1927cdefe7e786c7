import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { servicesOf } from '../workspace/servicesOf';
import type { ServiceInfo } from '../workspace/serviceLookup';
import { noServices } from '../workspace/serviceLookup';
import type { BaselineLookup } from './baseline/baselineLookup';
import type { Finding, ManifestDocument } from './model';
import { DocumentStore } from './parse/documentStore';
import { LineIndex } from './parse/lineIndex';
import type { Settings } from './settings';
import { applySuppressions } from './suppression';
import { checkDocuments } from './validate';

/** A checked file: its parsed documents, its findings (file offsets) and a way to turn those into positions. */
export interface CheckedFile {
  documents: ManifestDocument[];
  findings: Finding[];
  lines: LineIndex;
  /** The file's own Services, for the workspace index. */
  services: ServiceInfo[];
}

/**
 * checkText's costly part done ahead, one document per step: parses the documents not known
 * yet and runs their own rules, so that the language server can answer other requests
 * between steps while it opens a large file. checkText afterwards reuses all of it.
 */
export function* prepareText(text: string, settings: Settings, store: DocumentStore): Generator<void> {
  for (const document of store.prepare(text)) {
    checkDocuments([document], settings, { services: noServices }); // remembers the document's own findings
    yield;
  }
}

/**
 * Checks one file's text: the entry point shared by the language server, the CLI and the
 * tests. Pass the file's own DocumentStore to re-parse only the documents that changed.
 */
export function checkText(
  uri: string, text: string, settings: Settings, index: WorkspaceIndex, store: DocumentStore = new DocumentStore(), baseline?: BaselineLookup,
): CheckedFile {
  const documents = store.parse(text);
  const services = servicesOf(uri, documents, settings.defaultNamespace);
  const lookup = index.lookupFor(uri, services);
  const findings = applySuppressions(text, checkDocuments(documents, settings, { services: lookup, baseline }));
  return { documents, findings, lines: new LineIndex(text), services };
}
