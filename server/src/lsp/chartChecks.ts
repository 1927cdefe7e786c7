import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver/node';
import { chartNameOf, chartRootOf, checkChart, isLibraryChart, type ChartCheck, type ChartOptions, type HelmSettings } from '../host/chartCheck';
import { sharedWasmEngine } from '../host/helm/index';
import { checkFile, type CheckedFile } from '../service/languageService';
import type { Finding } from '../service/model';
import type { Settings } from '../service/settings';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import type { OpenFile } from './openFiles';
import type { HelmRelease } from '../../../protocol/protocol';
import { chartCodeActions } from './chartCodeActions';
import { toDiagnostics, type LinesOf } from './toDiagnostic';
import { t } from '../messages';

/** What the chart checks read from the server. */
export interface ChartChecksDeps {
  connection: Connection;
  open: ReadonlyMap<string, OpenFile>;
  index: WorkspaceIndex;
  settings(): Settings & { helm: HelmSettings };
  log(message: string): void;
  /** An open file's diagnostics are published by the scheduler, which merges ours in. */
  recheck(uri: string): void;
  /** How the chart in this folder renders (settings, values files, release); `name` is Chart.yaml's. */
  optionsFor(root: string, name: string): ChartOptions;
}

/** How many charts the workspace scan renders before any of their files is opened (see `discovered`). */
const maxPrerendered = 20;

/**
 * The Helm chart source in the server: a file opened or edited inside a folder with a Chart.yaml
 * renders that chart (Helm's engine, in a worker thread, off the editor's path) and checks what it
 * renders. Findings land on the template, helper and values lines that wrote them; the scheduler
 * merges them into open files' diagnostics, and closed chart files get theirs published here.
 */
export class ChartChecks {
  private readonly charts = new Map<string, ChartCheck>();
  private readonly timers = new Map<string, NodeJS.Immediate>();
  private readonly rootOfFile = new Map<string, string | undefined>();
  /** A render per chart at a time; a change meanwhile renders again after it. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private warming = false;
  private readonly prerendered = new Set<string>();

  constructor(private readonly deps: ChartChecksDeps) {}

  /**
   * The workspace scan found a chart (its Chart.yaml): the chart renders now, in the background,
   * so that opening one of its files finds its findings ready (and closed files get theirs, as a
   * Problems panel for the workspace). Helm's engine loads and warms up in its worker thread
   * first. The first `maxPrerendered` charts only: a monorepo of charts renders the rest on open.
   */
  discovered(chartYamlUri: string): void {
    if (!this.deps.settings().helm.path && !this.warming) {
      this.warming = true;
      void sharedWasmEngine().warmUp().catch(() => undefined);
    }
    const root = this.rootOf(chartYamlUri);
    // A subchart's Chart.yaml names its parent, found already: one render per chart.
    if (!root || this.prerendered.has(root) || this.prerendered.size >= maxPrerendered) return;
    this.prerendered.add(root);
    this.touched(chartYamlUri);
  }

  /**
   * A file was opened: its chart renders again unless its last render read this very text (the
   * usual case after `discovered`, or when a file of a rendered chart is opened): then the
   * scheduler's check of the file merges the findings at once.
   */
  opened(uri: string): void {
    const root = this.rootOf(uri);
    if (!root) return;
    const running = this.running.get(root);
    if (running) {
      void running.then(() => this.opened(uri));
      return;
    }
    const text = this.deps.open.get(uri)?.store.text;
    const used = this.charts.get(root)?.files.get(relative(root, fileURLToPath(uri)).split(sep).join('/'));
    if (text !== undefined && used && Buffer.from(text, 'utf8').equals(used)) return;
    this.touched(uri);
  }

  /** Settings changed (or arrived after the first open): every chart seen renders again with them. */
  renderAll(): void {
    for (const root of new Set([...this.rootOfFile.values()])) if (root) void this.render(root);
  }

  /** A file of the workspace changed (or opened): if it belongs to a chart, that chart renders again. */
  touched(uri: string): void {
    const root = this.rootOf(uri);
    if (!root) return;
    // On the next turn, with no wait: a burst of keystrokes finds the render running and marks
    // the chart dirty, so it renders once more when that render ends (see render()).
    const chart = root;
    clearImmediate(this.timers.get(chart));
    this.timers.set(chart, setImmediate(() => {
      this.timers.delete(chart);
      void this.render(chart);
    }));
  }

  /** The chart a workspace file belongs to (the nearest folder above it with a Chart.yaml), if any. */
  private rootOf(uri: string): string | undefined {
    if (!uri.startsWith('file:') || !/\.(ya?ml|tpl|txt|json)$/.test(uri)) return undefined;
    if (!this.rootOfFile.has(uri)) this.rootOfFile.set(uri, chartRootOf(fileURLToPath(uri)));
    return this.rootOfFile.get(uri);
  }

  /** The chart findings of a file, and how to position their related places. */
  findingsOf(uri: string): { findings: readonly Finding[]; linesOf: LinesOf; onlySource?: boolean } {
    // A template of a rendered chart is not a manifest: what it renders is checked, not its text.
    // (Before its chart's first render too: nothing is shown for it until then, rather than a check of its text.)
    const root = this.rootOf(uri);
    const onlySource = root !== undefined && /^(charts\/[^/]+\/)*templates\//.test(relative(root, fileURLToPath(uri)).split(sep).join('/'));
    for (const checked of this.charts.values()) {
      const findings = checked.byUri.get(uri);
      if (findings) return { findings, linesOf: (u) => checked.linesOf(u), onlySource };
    }
    return { findings: [], linesOf: () => undefined, onlySource };
  }

  /** The code actions of the chart findings on a file (quick fixes and fix-all, as edits of the files that wrote them). */
  codeActions(uri: string, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    for (const chart of this.charts.values()) {
      if (chart.byUri.has(uri)) return chartCodeActions(chart, uri, diagnostics, only, (target) => this.deps.open.get(target)?.version ?? null);
    }
    return [];
  }

  /**
   * A chart template's StatefulSets as the release renders them, checked, for the preview and its
   * CodeLens; `line` is the template's `kind: StatefulSet` line. Undefined outside a rendered chart.
   */
  renderedFileOf(uri: string): { file: CheckedFile; line: number; release: HelmRelease } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    const root = this.rootOfFile.get(uri);
    const chart = root !== undefined ? this.charts.get(root) : undefined;
    if (!root || !chart) return undefined;
    const documents = chart.rendered.get(relative(root, path).split(sep).join('/'));
    if (!documents) return undefined;
    const text = this.deps.open.get(uri)?.store.text ?? readFileSync(path, 'utf8');
    const line = Math.max(0, text.split('\n').findIndex((l) => /^kind:\s*StatefulSet\b/.test(l)));
    const file = checkFile(`helm:${uri}`, documents.join('---\n'), this.deps.settings(), this.deps.index);
    return { file, line, release: releaseOf(chart) };
  }

  /** The release a chart file was last rendered as (the status item), or undefined outside a rendered chart. */
  releaseOf(uri: string): HelmRelease | undefined {
    const root = this.rootOf(uri);
    const chart = root !== undefined ? this.charts.get(root) : undefined;
    return chart && releaseOf(chart);
  }

  private async render(root: string): Promise<void> {
    if (this.running.has(root)) {
      this.dirty.add(root);
      return;
    }
    const run = this.renderNow(root).finally(() => {
      this.running.delete(root);
      if (this.dirty.delete(root)) void this.render(root);
    });
    this.running.set(root, run);
    await run;
  }

  private async renderNow(root: string): Promise<void> {
    const { open, settings, index, log } = this.deps;
    // The editor's text wins over the disk; looked up once per chart file.
    const openPaths = new Map([...open].filter(([uri]) => uri.startsWith('file:')).map(([uri, file]) => [fileURLToPath(uri), file]));
    const openText = (path: string): string | undefined => openPaths.get(path)?.store.text;
    let checked: ChartCheck;
    try {
      const chartYaml = openText(join(root, 'Chart.yaml')) ?? readFileSync(join(root, 'Chart.yaml'), 'utf8');
      if (isLibraryChart(chartYaml)) return; // its templates are checked where a chart that uses it renders them
      const name = chartNameOf(chartYaml) ?? '';
      checked = await checkChart(root, settings(), index, { ...this.deps.optionsFor(root, name), openText });
    } catch (error) {
      log(t('log.chartFailed', { chart: root, error: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const before = this.charts.get(root);
    this.charts.set(root, checked);
    // The chart's Services are the workspace's too (under a name of their own), for its other files and plain ones.
    if (index.set(`helm:${pathToFileURL(root).href}`, checked.services)) for (const uri of open.keys()) this.deps.recheck(uri);
    log(t('log.chartRendered', { chart: root, ms: checked.renderMs, findings: [...checked.byUri.values()].reduce((n, f) => n + f.length, 0) }));
    // The "Preview" lens of a chart template exists only once the chart has rendered.
    void this.deps.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    const uris = new Set([...(before?.byUri.keys() ?? []), ...checked.byUri.keys()]);
    for (const uri of uris) {
      if (open.has(uri)) {
        this.deps.recheck(uri);
      } else {
        const lines = checked.linesOf(uri);
        const findings = checked.byUri.get(uri) ?? [];
        void this.deps.connection.sendDiagnostics({ uri, diagnostics: lines ? toDiagnostics(findings, lines, checked.linesOf) : [] });
      }
    }
  }
}

/** What a chart rendered with, as the preview and the status item say it: values files relative to the chart. */
function releaseOf(chart: ChartCheck): HelmRelease {
  const { releaseName, namespace, valuesFiles, set } = chart.options;
  const shown = (file: string): string => {
    const inside = relative(chart.root, file);
    return inside.startsWith('..') ? file : inside.split(sep).join('/');
  };
  return { chart: chart.root, releaseName, namespace, valuesFiles: ['values.yaml', ...valuesFiles.map(shown)], set };
}
