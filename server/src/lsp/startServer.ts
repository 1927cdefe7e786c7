import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, prepareText, type CheckedFile } from '../service/languageService';
import { DocumentStore } from '../service/parse/documentStore';
import { scanWorkspace, servicesInFile } from '../workspace/scanWorkspace';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ServiceInfo } from '../workspace/serviceLookup';
import { matchesAny } from '../workspace/glob';
import { parseFile } from '../service/parse/documentStore';
import { readSettings, type ClientSettings } from './readSettings';
import { fixAllKind } from './toCodeActions';
import { baselineFrom, type BaselineLookup } from '../service/baseline/baselineLookup';
import { baselineSource, readBaseline } from '../workspace/readBaseline';
import { dirname } from 'node:path';
import { toDiagnostic } from './toDiagnostic';
import { fileAccess } from './fileAccess';
import { registerRequests } from './requestHandlers';
import { intelligenceCapabilities, registerIntelligence } from './intelligenceHandlers';

/**
 * How long to wait after a keystroke before validating. An edit re-checks one document (a few
 * ms), so no wait: a 0 ms timer still folds changes that arrive together into one check, and
 * lsp-bench measured a 5 ms wait as 6 ms more latency per edit.
 */
const debounceMs = 0;

/**
 * Larger files are not checked in the editor; one info diagnostic says so. Parsing 50 MB of
 * YAML holds gigabytes for minutes (hostile-input tests). `sts check` still checks them.
 */
export const maxCheckedLength = 10 * 1024 * 1024;

/** Opening a file larger than this parses it a slice at a time, answering other requests in between. */
const slicedFrom = 256 * 1024;
const sliceMs = 20;

/** Options the extension client passes at start-up. */
interface InitializationOptions {
  otherSchemaValidator?: boolean;
  settings?: ClientSettings;
}

/** Starts the language server on the transport named on the command line (--stdio or --node-ipc). */
export function startServer(connection: Connection = createConnection()): void {
  const documents = new TextDocuments(TextDocument);
  const stores = new Map<string, DocumentStore>();
  /** The last check of each open file, with the version it was of. */
  const checked = new Map<string, { version: number; file: CheckedFile }>();
  /** Open files whose check is scheduled or running: their last check may be stale. */
  const pending = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const index = new WorkspaceIndex();
  /** The deployed version of each open file (git HEAD by default), when there is one. */
  const baselines = new Map<string, BaselineLookup>();
  let options: InitializationOptions = {};
  let settings = readSettings(undefined, false);
  let pullConfiguration = false;
  let watchFiles = false;
  let folders: string[] = [];
  let scanGeneration = 0;

  const log = (message: string): void => connection.console.log(`[statefulset] ${message}`);

  function excluded(uri: string): boolean {
    return settings.exclude.length > 0 && uri.startsWith('file:') && matchesAny(fileURLToPath(uri).split('\\').join('/'), settings.exclude);
  }

  /** A one-line info diagnostic instead of checking a file over maxCheckedLength. */
  function tooLarge(uri: string, version: number, length: number): void {
    checked.delete(uri);
    stores.delete(uri);
    const message = `This file is too large to check as you type (${(length / 1024 / 1024).toFixed(1)} MB, the limit is ${maxCheckedLength / 1024 / 1024} MB). Run \`sts check\` on it instead.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    void connection.sendDiagnostics({ uri, version, diagnostics: [{ range, severity: 3, source: 'statefulset', code: 'file-too-large', message }] });
  }

  /**
   * Parses a newly opened large file a slice of documents at a time, yielding between slices
   * so that requests about other files are answered meanwhile. False when the document changed
   * or closed in between: the validation scheduled for that change takes over (cancellation).
   */
  async function prepared(uri: string, store: DocumentStore, version: number): Promise<boolean> {
    const text = documents.get(uri)?.getText() ?? '';
    if (text.length < slicedFrom || checked.has(uri)) return true; // small, or an edit: checkText re-parses one document
    let sliceEnd = Date.now() + sliceMs;
    for (const _ of prepareText(text, settings, store)) {
      if (Date.now() < sliceEnd) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (documents.get(uri)?.version !== version) return false;
      sliceEnd = Date.now() + sliceMs;
    }
    return true;
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      if (excluded(uri)) {
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
        return;
      }
      const { version } = document;
      if (document.getText().length > maxCheckedLength) {
        tooLarge(uri, version, document.getText().length);
        return;
      }
      const store = stores.get(uri) ?? new DocumentStore();
      stores.set(uri, store);
      if (!(await prepared(uri, store, version)) || documents.get(uri) !== document) return;
      const result = checkText(uri, document.getText(), settings, index, store, baselines.get(uri));
      checked.set(uri, { version, file: result });
      const diagnostics = result.findings.map((f) => toDiagnostic(f, (offset) => document.positionAt(offset)));
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      updateIndex(uri, result.services);
    } catch (error) {
      log(`validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Keeps the index current with an open file's Services; other files are re-checked when those change. */
  function updateIndex(uri: string, services: readonly ServiceInfo[]): void {
    // Field by field rather than two JSON.stringify of every Service: this runs on each keystroke.
    const selectorText = (s: ServiceInfo | undefined): string | undefined => JSON.stringify(s?.selector);
    const before = index.lookupAll(uri);
    const same = before.length === services.length && before.every((s, i) => {
      const now = services[i];
      return now !== undefined && s.namespace === now.namespace && s.name === now.name && s.headless === now.headless
        && (s.selector === now.selector || selectorText(s) === selectorText(now));
    });
    index.set(uri, services);
    if (!same) for (const other of documents.keys()) if (other !== uri) schedule(other);
  }

  function schedule(uri: string, delay = debounceMs): void {
    pending.add(uri);
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void validate(uri).finally(() => {
        if (!timers.has(uri)) pending.delete(uri);
      });
    }, delay));
  }

  function revalidateAll(): void {
    for (const uri of documents.keys()) schedule(uri, 0);
  }

  async function loadSettings(pushed?: unknown): Promise<void> {
    let raw: ClientSettings | undefined = options.settings;
    if (pullConfiguration) {
      raw = (await connection.workspace.getConfiguration({ section: 'statefulset' }).catch(() => undefined)) as ClientSettings | undefined;
    } else if (pushed && typeof pushed === 'object' && 'statefulset' in pushed) {
      raw = (pushed as { statefulset: ClientSettings }).statefulset;
    }
    settings = readSettings(raw, options.otherSchemaValidator === true);
  }

  async function indexWorkspace(): Promise<void> {
    const generation = ++scanGeneration;
    const started = Date.now();
    let files = 0;
    for (const folder of folders) {
      files += await scanWorkspace(folder, settings.exclude, settings.defaultNamespace, (uri, services) => {
        if (!documents.get(uri)) index.set(uri, services);
      }, () => generation !== scanGeneration, (uri) => documents.get(uri) !== undefined);
    }
    if (generation === scanGeneration) {
      log(`indexed ${files} YAML files in ${Date.now() - started} ms (${index.size} with Services)`);
      revalidateAll();
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = readSettings(options.settings, options.otherSchemaValidator === true);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    if (folders.length === 0 && params.rootUri?.startsWith('file:')) folders = [fileURLToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        codeLensProvider: { resolveProvider: false },
        ...intelligenceCapabilities,
      },
      serverInfo: { name: 'statefulset-studio', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'statefulset' });
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    await loadSettings();
    revalidateAll();
    void indexWorkspace();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await loadSettings(change.settings);
    for (const uri of documents.keys()) void loadBaseline(uri);
    revalidateAll();
    void indexWorkspace();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (documents.get(change.uri) || !change.uri.startsWith('file:')) continue;
      if (change.type === FileChangeType.Deleted || excluded(change.uri)) index.delete(change.uri);
      else index.set(change.uri, await servicesInFile(fileURLToPath(change.uri), settings.defaultNamespace));
    }
    revalidateAll();
  });

  const files = fileAccess(documents, (uri, text) => {
    const last = checked.get(uri);
    return last && documents.get(uri)?.getText() === text ? last.file.documents : undefined;
  });

  /**
   * The file as the editor has it now, checked. The last validation's result when it is of
   * this version and nothing has changed since (requests follow every edit: checking again
   * would double the work of a keystroke); else a check now (unchanged documents come from the store).
   */
  function current(uri: string): { text: string; file: CheckedFile } | undefined {
    const document = documents.get(uri);
    // Not a file over the size limit: answering would parse all of it here, blocking the server.
    if (!document || excluded(uri) || document.getText().length > maxCheckedLength) return undefined;
    const text = document.getText();
    const last = checked.get(uri);
    if (last && last.version === document.version && !pending.has(uri)) return { text, file: last.file };
    const store = stores.get(uri) ?? new DocumentStore();
    stores.set(uri, store);
    return { text, file: checkText(uri, text, settings, index, store, baselines.get(uri)) };
  }

  registerRequests(connection, {
    current, files, index, log, settings: () => settings, baselineOf: (uri) => baselines.get(uri),
  });

  registerIntelligence(connection, {
    current, textOf: files.textOf, index, log, settings: () => settings, openUris: () => documents.keys(),
  });

  /** Reads the file's deployed version (off the request path: git runs in the background), then re-checks. */
  async function loadBaseline(uri: string): Promise<void> {
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const text = await readBaseline(path, baselineSource(settings.baseline, dirname(path)));
    if (!documents.get(uri)) return;
    if (text === undefined) baselines.delete(uri);
    else baselines.set(uri, baselineFrom(parseFile(text), settings.defaultNamespace));
    schedule(uri, 0);
  }

  documents.onDidSave(({ document }) => void loadBaseline(document.uri));
  documents.onDidOpen(({ document }) => {
    schedule(document.uri, 0);
    void loadBaseline(document.uri);
  });
  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    const { uri } = document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    stores.delete(uri);
    checked.delete(uri);
    pending.delete(uri);
    baselines.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (uri.startsWith('file:')) void servicesInFile(fileURLToPath(uri), settings.defaultNamespace).then((s) => updateIndex(uri, s));
    else updateIndex(uri, []);
  });

  documents.listen(connection);
  connection.listen();
}
