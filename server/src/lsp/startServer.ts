import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocumentSyncKind, type Connection, type InitializeParams, MessageType, ShowMessageNotification,
} from 'vscode-languageserver/node';
import { chartOptionsFor } from '../host/chartCheck';
import { configureSharedWasmEngine } from '../host/helm/index';
import { configureSharedKustomizeEngine } from '../host/kustomize/index';
import { matchesAny } from '../host/glob';
import { baselineSource, readBaseline } from '../host/readBaseline';
import { isKustomizationUri, kustomizePatchFiles } from '../host/kustomizationPatches';
import { scanWorkspace, servicesInFile } from '../host/scanWorkspace';
import { baselineFrom, type BaselineLookup } from '../service/baseline/baselineLookup';
import { parseFile, type DocumentStore } from '../service/parse/documentStore';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { ChartChecks } from './chartChecks';
import { OverlayChecks } from './overlayChecks';
import { CheckScheduler } from './checkScheduler';
import { fileAccess } from './fileAccess';
import { intelligenceCapabilities, registerIntelligence } from './intelligenceHandlers';
import { trackOpenFiles } from './openFiles';
import { readSettings, type ClientSettings } from './readSettings';
import { localeFromEnvironment, localeOf, setLocale, t } from '../messages';
import { registerClusterLive } from './clusterLive';
import { registerRequests } from './requestHandlers';
import { fixAllKind } from './toCodeActions';

/** Options the extension client passes at start-up. */
interface InitializationOptions {
  otherSchemaValidator?: boolean;
  settings?: ClientSettings;
  /** VS Code's Workspace Trust; other clients have none, and are trusted. */
  trusted?: boolean;
}

/**
 * Starts the language server on the transport named on the command line (--stdio or --node-ipc):
 * settings, the workspace scan, file watching and deployed versions here; checks in CheckScheduler.
 */
export function startServer(connection: Connection = createConnection()): void {
  // A server lives for hours: Helm's engine keeps only optimised code (~70 MB less, see WasmEngineOptions).
  configureSharedWasmEngine({ optimizedCodeOnly: true });
  configureSharedKustomizeEngine({ optimizedCodeOnly: true }); // long-lived: optimised code from the first edit
  const open = trackOpenFiles(connection, {
    opened: (uri) => { checks.schedule(uri); charts.opened(uri); overlays.touched(uri); },
    changed: (uri) => { checks.schedule(uri); charts.touched(uri); overlays.touched(uri); },
    saved: (uri) => void loadBaseline(uri),
    closed,
  });
  const index = new WorkspaceIndex();
  /** The deployed version of each open file (the setting statefulset.baseline: off by default, or a git ref or export the user chose), when there is one. */
  const baselines = new Map<string, BaselineLookup>();
  let options: InitializationOptions = {};
  let settings = readSettings(undefined, false);
  let pullConfiguration = false;
  let watchFiles = false;
  let folders: string[] = [];
  let scanGeneration = 0;

  const log = (message: string): void => connection.console.log(`[statefulset] ${message}`);
  const trusted = (): boolean => options.trusted !== false;

  function excluded(uri: string): boolean {
    return settings.exclude.length > 0 && uri.startsWith('file:') && matchesAny(fileURLToPath(uri).split('\\').join('/'), settings.exclude);
  }

  const charts: ChartChecks = new ChartChecks({
    connection, open, index, log, settings: () => settings,
    recheck: (uri) => checks.schedule(uri),
    // An untrusted workspace runs no external program: a configured helm is left out (the built-in engine renders).
    optionsFor: (root, name) => {
      const chosen = chartOptionsFor(root, name, settings.helm, folders, settings.defaultNamespace);
      if (trusted()) return { ...chosen, allowExternalProgram: true };
      const { helmPath: _notRun, ...builtIn } = chosen;
      return builtIn;
    },
  });
  // kustomize overlays: built with the engine in process (no external program, so also when untrusted).
  const overlays: OverlayChecks = new OverlayChecks({
    connection, open, index, log, settings: () => settings, folders: () => folders,
    recheck: (uri) => checks.schedule(uri),
  });
  const checks = new CheckScheduler({
    connection, open, index, log, excluded,
    sourceFindings: (uri) => {
      const chart = charts.findingsOf(uri);
      const overlay = overlays.findingsOf(uri);
      if (overlay.findings.length === 0) return chart;
      return { findings: [...chart.findings, ...overlay.findings], linesOf: (u) => chart.linesOf(u) ?? overlay.linesOf(u) };
    },
    settings: () => settings,
    baselineOf: (uri) => baselines.get(uri),
    // The deployed version is read after the first diagnostics: starting git costs milliseconds.
    firstChecked: (uri) => void loadBaseline(uri),
  });

  async function loadSettings(pushed?: unknown): Promise<void> {
    let raw: ClientSettings | undefined = options.settings;
    if (pullConfiguration) {
      raw = (await connection.workspace.getConfiguration({ section: 'statefulset' }).catch(() => undefined)) as ClientSettings | undefined;
    } else if (pushed && typeof pushed === 'object' && 'statefulset' in pushed) {
      raw = (pushed as { statefulset: ClientSettings }).statefulset;
    }
    settings = readSettings(raw, options.otherSchemaValidator === true);
    // A moved or unknown setting (statefulset.maxUnavailableGate, issue 21): said once per session.
    for (const notice of settings.notices.filter((n) => !noticesShown.has(n))) {
      noticesShown.add(notice);
      log(notice);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: notice });
    }
  }
  const noticesShown = new Set<string>();

  async function indexWorkspace(): Promise<void> {
    const generation = ++scanGeneration;
    const started = Date.now();
    let files = 0;
    const kustomizations = new Set<string>();
    for (const folder of folders) {
      files += await scanWorkspace(folder, settings.exclude, settings.defaultNamespace, (uri, services) => {
        if (uri.endsWith('/Chart.yaml')) charts.discovered(uri);
        if (isKustomizationUri(uri)) { kustomizations.add(uri); overlays.discovered(uri); }
        if (!open.has(uri)) index.set(uri, services);
      }, () => generation !== scanGeneration, (uri) => open.has(uri));
    }
    if (generation === scanGeneration) {
      kustomizationUris = kustomizations;
      readPatchFiles();
      overlays.buildAll(); // each overlay builds once now, so that opening one of its files finds its findings
      log(t('log.indexed', { files, ms: Date.now() - started, services: index.size }));
      checks.scheduleAll();
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    // The editor's display language (VS Code sends it); an editor that sends none: the environment's.
    setLocale(params.locale !== undefined ? localeOf(params.locale) : localeFromEnvironment(undefined, process.env));
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
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,tpl}' }] });
    }
    const before = settings.baseline;
    await loadSettings();
    // A file checked before the settings arrived read its baseline with the default (off).
    if (settings.baseline !== before) for (const uri of open.keys()) void loadBaseline(uri);
    checks.scheduleAll();
    charts.renderAll(); // a chart opened before the settings arrived rendered with the defaults
    void indexWorkspace();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const before = settings;
    await loadSettings(change.settings);
    if (settings.baseline !== before.baseline) for (const uri of open.keys()) void loadBaseline(uri);
    checks.scheduleAll();
    if (JSON.stringify([settings.helm, settings.defaultNamespace, settings.rules]) !== JSON.stringify([before.helm, before.defaultNamespace, before.rules])) charts.renderAll();
    if (JSON.stringify([settings.defaultNamespace, settings.rules]) !== JSON.stringify([before.defaultNamespace, before.rules])) overlays.buildAll();
    // VS Code sends the settings as soon as the server registers for them: scanning the
    // workspace again for the same ones would only delay the index.
    const scanned = (s: typeof settings): string => JSON.stringify([s.exclude, s.defaultNamespace]);
    if (scanned(settings) !== scanned(before)) void indexWorkspace();
  });

  /** The kustomizations of the workspace: the files they name as patches are checked as parts of objects. */
  let kustomizationUris = new Set<string>();
  function readPatchFiles(): void {
    const patches = kustomizePatchFiles([...kustomizationUris].map((uri) => dirname(fileURLToPath(uri))));
    index.setPatchFiles([...patches].map((path) => pathToFileURL(path).href));
  }

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (change.uri.startsWith('file:') && isKustomizationUri(change.uri)) {
        if (change.type === FileChangeType.Deleted) kustomizationUris.delete(change.uri);
        else kustomizationUris.add(change.uri);
        readPatchFiles();
      }
      if (open.has(change.uri) || !change.uri.startsWith('file:')) continue;
      charts.touched(change.uri);
      overlays.touched(change.uri);
      if (change.uri.endsWith('.tpl')) continue; // a Helm helper file: its chart renders again, it holds no Services of its own
      if (change.type === FileChangeType.Deleted || excluded(change.uri)) index.delete(change.uri);
      else index.set(change.uri, await servicesInFile(fileURLToPath(change.uri), settings.defaultNamespace));
    }
    checks.scheduleAll();
  });

  const files = fileAccess((uri) => {
    const file = open.get(uri);
    if (!file) return undefined;
    // The text is joined only if read: fixes elsewhere need the documents or the lines, not 4 MB of string.
    return { version: file.version, get text() { return file.store.text; }, documents: () => file.store.documents(), lines: () => file.store.lines() };
  });
  const current = (uri: string) => checks.current(uri);

  const cluster = registerClusterLive({
    connection, trusted, log,
    connectionChanged: () => { if (settings.baseline === 'cluster') for (const uri of open.keys()) void loadBaseline(uri); },
  });
  registerRequests(connection, {
    current, files, index, log, settings: () => settings, baselineOf: (uri) => baselines.get(uri),
    renderedFileOf: (uri) => charts.renderedFileOf(uri),
    builtFileOf: (uri) => overlays.builtFileOf(uri, settings.kustomize.previewOverlay),
    chartReleaseOf: (uri) => charts.releaseOf(uri),
    sourceCodeActions: (uri, diagnostics, only) => [...charts.codeActions(uri, diagnostics, only), ...overlays.codeActions(uri, diagnostics, only)],
  });

  registerIntelligence(connection, {
    current, textOf: files.textOf, index, log, settings: () => settings, openUris: () => [...open.keys()],
  });

  /** Reads the file's deployed version (off the request path: git runs in the background), then re-checks. */
  async function loadBaseline(uri: string): Promise<void> {
    if (!uri.startsWith('file:') || !trusted()) return; // git is an external program
    if (settings.baseline === 'cluster') return loadClusterBaseline(uri);
    const path = fileURLToPath(uri);
    const text = await readBaseline(path, baselineSource(settings.baseline, dirname(path)));
    if (!open.has(uri)) return;
    if (text === undefined) baselines.delete(uri);
    else baselines.set(uri, baselineFrom(parseFile(text), settings.defaultNamespace));
    checks.schedule(uri);
  }

  /** statefulset.baseline: cluster — the live StatefulSets of the file's namespaces, read from the connected cluster (issue 26). */
  async function loadClusterBaseline(uri: string): Promise<void> {
    const live = cluster.current();
    const now = await checks.current(uri);
    if (!live || !now) {
      if (baselines.delete(uri) && open.has(uri)) checks.schedule(uri);
      return;
    }
    const sets = now.file.documents.flatMap((d) => d.objects).filter((o) => o.kind === 'StatefulSet');
    const namespaces = new Set(sets.map((o) => o.namespace ?? settings.defaultNamespace));
    const objects = (await Promise.all([...namespaces].map((ns) => live.statefulSetsIn(ns)))).flat();
    if (!open.has(uri)) return;
    baselines.set(uri, baselineFrom(parseFile(objects.map((o) => JSON.stringify(o)).join('\n---\n')), settings.defaultNamespace));
    checks.schedule(uri);
  }

  function closed(uri: string, store: DocumentStore): void {
    checks.forget(uri);
    baselines.delete(uri);
    // The file on disk is what the workspace has now (unless it opens again meanwhile).
    if (uri.startsWith('file:')) {
      void servicesInFile(fileURLToPath(uri), settings.defaultNamespace, () => open.has(uri), store).then((s) => {
        if (!open.has(uri)) checks.updateIndex(uri, s);
      });
    } else {
      checks.updateIndex(uri, []);
    }
  }

  connection.listen();
}
