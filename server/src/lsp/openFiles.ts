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
  /** `store` holds the file as the editor last had it. */
  closed(uri: string, store: DocumentStore): void;
}

/**
 * How long the parse of the file closed last is kept, in case it opens again: VS Code closes
 * and reopens a file when its language mode changes, and users reopen a tab they just closed.
 */
const keptMs = 60_000;

/**
 * The files open in the editor, from the text-sync notifications. An incremental change is
 * applied to the file's DocumentStore, which splits and parses again only the documents it
 * touches (the library's TextDocument rebuilt the whole text and its line table on each one).
 */
export function trackOpenFiles(connection: Connection, events: OpenFileEvents): ReadonlyMap<string, OpenFile> {
  const files = new Map<string, OpenFile>();
  let kept: { uri: string; store: DocumentStore; timer: NodeJS.Timeout } | undefined;
  const forget = (): void => {
    clearTimeout(kept?.timer);
    kept = undefined;
  };
  connection.onDidOpenTextDocument(({ textDocument: { uri, version, text } }) => {
    const store = kept?.uri === uri ? kept.store : new DocumentStore();
    forget();
    store.setText(text); // a kept store parses again only the documents that changed on disk meanwhile
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
    const file = files.get(uri);
    if (!file) return;
    files.delete(uri);
    forget();
    kept = { uri, store: file.store, timer: setTimeout(forget, keptMs).unref() };
    events.closed(uri, file.store);
  });
  return files;
}
