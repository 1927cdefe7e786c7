import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { servicesOf } from '../workspace/servicesOf';
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
}

/**
 * Checks one file's text: the entry point shared by the language server, the CLI and the
 * tests. Pass the file's own DocumentStore to re-parse only the documents that changed.
 */
export function checkText(
  uri: string, text: string, settings: Settings, index: WorkspaceIndex, store: DocumentStore = new DocumentStore(), baseline?: BaselineLookup,
): CheckedFile {
  const documents = store.parse(text);
  const lookup = index.lookupFor(uri, servicesOf(uri, documents, settings.defaultNamespace));
  const lines = new LineIndex(text);
  const findings = applySuppressions(text, checkDocuments(documents, settings, { services: lookup, baseline }), lines);
  return { documents, findings, lines };
}
