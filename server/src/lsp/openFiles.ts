import type { Connection } from 'vscode-languageserver/node';
import { DocumentStore } from '../service/parse/documentStore';

/** A file open in the editor: the version it is at and its text, held as documents. */
export interface OpenFile {
  version: number;
  store: DocumentStore;
}

/** What the server does when the editor opens, edits, saves or closes a file. */
export interface OpenFileEvents {
  opened(uri: string): void;
  changed(uri: string): void;
  saved(uri: string): void;
  closed(uri: string): void;
}

/**
 * The files open in the editor, from the text-sync notifications. An incremental change is
 * applied to the file's DocumentStore, which splits and parses again only the documents it
 * touches (the library's TextDocument rebuilt the whole text and its line table on each one).
 */
export function trackOpenFiles(connection: Connection, events: OpenFileEvents): ReadonlyMap<string, OpenFile> {
  const files = new Map<string, OpenFile>();
  connection.onDidOpenTextDocument(({ textDocument: { uri, version, text } }) => {
    const store = new DocumentStore();
    store.setText(text);
    files.set(uri, { version, store });
    events.opened(uri);
  });
  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const file = files.get(uri);
    if (!file) return;
    for (const change of contentChanges) {
      if ('range' in change) file.store.edit(change.range.start, change.range.end, change.text);
      else file.store.setText(change.text);
    }
    file.version = version;
    events.changed(uri);
  });
  connection.onDidSaveTextDocument(({ textDocument: { uri } }) => {
    if (files.has(uri)) events.saved(uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    if (files.delete(uri)) events.closed(uri);
  });
  return files;
}
