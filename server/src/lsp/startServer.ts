import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocumentSyncKind, type Connection, type InitializeParams,
} from 'vscode-languageserver/node';
import { checkStore, prepareStore, type CheckedFile } from '../service/languageService';
import { scanWorkspace, servicesInFile } from '../host/scanWorkspace';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import type { ServiceInfo } from '../service/workspace/serviceLookup';
import { matchesAny } from '../host/glob';
import { parseFile, type DocumentStore } from '../service/parse/documentStore';
import { readSettings, type ClientSettings } from './readSettings';
import { fixAllKind } from './toCodeActions';
import { baselineFrom, type BaselineLookup } from '../service/baseline/baselineLookup';
import { baselineSource, readBaseline } from '../host/readBaseline';
import { dirname } from 'node:path';
import { toDiagnostics } from './toDiagnostic';
import { fileAccess } from './fileAccess';
import { registerRequests, type CurrentFile } from './requestHandlers';
import { trackOpenFiles, type OpenFile } from './openFiles';
import { inSlices } from './largeFile/inSlices';
import { earlyDiagnostics } from './largeFile/earlyDiagnostics';
import { intelligenceCapabilities, registerIntelligence } from './intelligenceHandlers';

/**
 * Larger files are not checked in the editor; one info diagnostic says so. Parsing 50 MB of
 * YAML holds gigabytes for minutes (hostile-input tests). `sts check` still checks them.
 */
export const maxCheckedLength = 10 * 1024 * 1024;

/** Opening a file larger than this parses it a slice at a time, answering other requests in between. */
const slicedFrom = 256 * 1024;

/** Options the extension client passes at start-up. */
interface InitializationOptions {
  otherSchemaValidator?: boolean;
  settings?: ClientSettings;
}

/** Starts the language server on the transport named on the command line (--stdio or --node-ipc). */
export function startServer(connection: Connection = createConnection()): void {
  const open = trackOpenFiles(connection, {
    opened: (uri) => schedule(uri),
    changed: (uri) => schedule(uri),
    saved: (uri) => void loadBaseline(uri),
    closed,
  });
  /** The last check of each open file, with the version it was of. */
  const checked = new Map<string, { version: number; file: CheckedFile }>();
  /** Open files whose check is scheduled or running: their last check may be stale. */
  const pending = new Set<string>();
  const timers = new Map<string, NodeJS.Immediate>();
  /** Requests waiting for a file's check (see `current`). */
  const waiting = new Map<string, (() => void)[]>();
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
    const message = `This file is too large to check as you type (${(length / 1024 / 1024).toFixed(1)} MB, the limit is ${maxCheckedLength / 1024 / 1024} MB). Run \`sts check\` on it instead.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    void connection.sendDiagnostics({ uri, version, diagnostics: [{ range, severity: 3, source: 'statefulset', code: 'file-too-large', message }] });
  }

  /** Whether work begun for a file at a version still stands: the file is open and not edited since. */
  function isCurrent(uri: string, file: OpenFile, version: number): boolean {
    return open.get(uri) === file && file.version === version;
  }

  /** Parses a newly opened large file in slices, answering other requests meanwhile; false when it changed or closed. */
  function prepared(uri: string, file: OpenFile, version: number): Promise<boolean> | boolean {
    if (file.store.unparsedLength < slicedFrom) return true; // small, or an edit: checkStore parses what changed
    return inSlices(prepareStore(file.store, settings), () => isCurrent(uri, file, version));
  }

  const publishEarly = earlyDiagnostics({ connection, index, settings: () => settings, log, updateIndex, isCurrent });

  async function validate(uri: string): Promise<void> {
    const file = open.get(uri);
    if (!file) return;
    try {
      const { version, store } = file;
      if (excluded(uri)) {
        void connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      if (store.length > maxCheckedLength) {
        tooLarge(uri, version, store.length);
        return;
      }
      if (!checked.has(uri) && !baselines.has(uri)) await publishEarly(uri, file, version);
      if (!(await prepared(uri, file, version)) || !isCurrent(uri, file, version)) return;
      const result = checkStore(uri, store, settings, index, baselines.get(uri));
      const first = !checked.has(uri);
      checked.set(uri, { version, file: result });
      void connection.sendDiagnostics({ uri, version, diagnostics: toDiagnostics(result.findings, result.lines) });
      updateIndex(uri, result.services);
      // The deployed version is read after the first diagnostics: starting git costs milliseconds.
      if (first) void loadBaseline(uri);
    } catch (error) {
      log(`validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Keeps the index current with an open file's Services; other files are re-checked when those change. */
  function updateIndex(uri: string, services: readonly ServiceInfo[]): void {
    if (index.set(uri, services)) for (const other of open.keys()) if (other !== uri) schedule(other);
  }

  /**
   * Checks a file on the next turn of the event loop, with no debounce: an edit re-checks one
   * document (about a millisecond at 2000 documents), so any wait would only add latency; a
   * 0 ms timer alone cost a millisecond, and lsp-bench measured a 5 ms debounce as 6 ms more per edit.
   */
  function schedule(uri: string): void {
    pending.add(uri);
    clearImmediate(timers.get(uri));
    timers.set(uri, setImmediate(() => {
      timers.delete(uri);
      void validate(uri).finally(() => {
        if (timers.has(uri)) return;
        pending.delete(uri);
        wake(uri);
      });
    }));
  }

  /** Resolves when no check of the file is scheduled or running (or it closed). */
  function settled(uri: string): Promise<void> {
    return new Promise((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]));
  }

  function wake(uri: string): void {
    for (const resolve of waiting.get(uri) ?? []) resolve();
    waiting.delete(uri);
  }

  function revalidateAll(): void {
    for (const uri of open.keys()) schedule(uri);
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
        if (!open.has(uri)) index.set(uri, services);
      }, () => generation !== scanGeneration, (uri) => open.has(uri));
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
    const before = settings;
    await loadSettings(change.settings);
    if (settings.baseline !== before.baseline) for (const uri of open.keys()) void loadBaseline(uri);
    revalidateAll();
    // VS Code sends the settings as soon as the server registers for them: scanning the
    // workspace again for the same ones would only delay the index.
    const scanned = (s: typeof settings): string => JSON.stringify([s.exclude, s.defaultNamespace]);
    if (scanned(settings) !== scanned(before)) void indexWorkspace();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (open.has(change.uri) || !change.uri.startsWith('file:')) continue;
      if (change.type === FileChangeType.Deleted || excluded(change.uri)) index.delete(change.uri);
      else index.set(change.uri, await servicesInFile(fileURLToPath(change.uri), settings.defaultNamespace));
    }
    revalidateAll();
  });

  const files = fileAccess((uri) => {
    const file = open.get(uri);
    if (!file) return undefined;
    // The text is joined only if read: fixes elsewhere need the documents or the lines, not 4 MB of string.
    return { version: file.version, get text() { return file.store.text; }, documents: () => file.store.documents(), lines: () => file.store.lines() };
  });

  /**
   * The file as the editor has it now, checked. The last validation's result when it is of
   * this version and nothing has changed since (requests follow every edit: checking again
   * would double the work of a keystroke); else a check now (unchanged documents come from the store).
   * A large file still being parsed for its check is waited for, not parsed here at once: that
   * would block the server for seconds (VS Code asks for lenses and symbols as a file opens).
   */
  async function current(uri: string): Promise<CurrentFile | undefined> {
    let file = open.get(uri);
    while (file && pending.has(uri) && file.store.unparsedLength >= slicedFrom) {
      await settled(uri);
      file = open.get(uri);
    }
    // Not a file over the size limit: answering would parse all of it here, blocking the server.
    if (!file || excluded(uri) || file.store.length > maxCheckedLength) return undefined;
    const { store } = file;
    const last = checked.get(uri);
    const checkedFile = last && last.version === file.version && !pending.has(uri)
      ? last.file : checkStore(uri, store, settings, index, baselines.get(uri));
    return { get text() { return store.text; }, file: checkedFile };
  }

  registerRequests(connection, {
    current, files, index, log, settings: () => settings, baselineOf: (uri) => baselines.get(uri),
  });

  registerIntelligence(connection, {
    current, textOf: files.textOf, index, log, settings: () => settings, openUris: () => [...open.keys()],
  });

  /** Reads the file's deployed version (off the request path: git runs in the background), then re-checks. */
  async function loadBaseline(uri: string): Promise<void> {
    if (!uri.startsWith('file:')) return;
    const path = fileURLToPath(uri);
    const text = await readBaseline(path, baselineSource(settings.baseline, dirname(path)));
    if (!open.has(uri)) return;
    if (text === undefined) baselines.delete(uri);
    else baselines.set(uri, baselineFrom(parseFile(text), settings.defaultNamespace));
    schedule(uri);
  }

  function closed(uri: string, store: DocumentStore): void {
    clearImmediate(timers.get(uri));
    timers.delete(uri);
    checked.delete(uri);
    pending.delete(uri);
    wake(uri);
    baselines.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // The file on disk is what the workspace has now (unless it opens again meanwhile).
    if (uri.startsWith('file:')) {
      void servicesInFile(fileURLToPath(uri), settings.defaultNamespace, () => open.has(uri), store).then((s) => {
        if (!open.has(uri)) updateIndex(uri, s);
      });
    } else {
      updateIndex(uri, []);
    }
  }

  connection.listen();
}
