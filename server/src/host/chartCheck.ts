import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../service/model';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { Settings } from '../service/settings';
import { checkSource } from '../service/sources/checkSource';
import { sourceFixes, type SourceFix } from '../service/sources/sourceFixes';
import { chartSource, pathInChart, type ChartTexts } from '../service/sources/helm/chartSource';
import { renderErrorFinding } from '../service/sources/helm/renderError';
import type { ServiceInfo } from '../service/workspace/serviceLookup';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { readChartFolder, renderChart, sharedWasmEngine, type RenderOptions } from './helm/index';

/** How a chart is rendered: `helm template`'s options, and the engine. */
export interface ChartOptions extends RenderOptions {
  /** Values files (`-f`), absolute paths, after the chart's own values.yaml. */
  valuesFiles?: readonly string[];
  set?: readonly string[];
  releaseName?: string;
  namespace?: string;
  /** The text of a file the editor has open (it wins over the disk), by absolute path. */
  openText?: (path: string) => string | undefined;
}

/** A chart checked: findings by the file that wrote them, and how to position them. */
export interface ChartCheck {
  root: string;
  /** The chart's files as this render read them (the editor's text for open ones), by path in the chart. */
  files: ReadonlyMap<string, Uint8Array>;
  byUri: Map<string, Finding[]>;
  linesOf(uri: string): Lines | undefined;
  services: ServiceInfo[];
  renderMs: number;
  /** The rendered documents of each template, by its path in the chart (`templates/sts.yaml`). */
  rendered: Map<string, string[]>;
  /** The repairs of one of `byUri`'s findings, as edits of the template or values file that wrote it. */
  fixesOf(finding: Finding): SourceFix[];
  /** What it rendered with, to say so in the preview. */
  options: { releaseName: string; namespace: string; valuesFiles: string[]; set: string[] };
}

/**
 * The chart a file belongs to: the nearest folder above it with a Chart.yaml, or, for a subchart
 * unpacked in another chart's charts/ folder, that other chart (Helm renders a subchart's
 * templates as part of its parent, and a library subchart cannot be rendered alone).
 */
export function chartRootOf(file: string): string | undefined {
  let root = nearestChart(dirname(resolve(file)));
  while (root !== undefined) {
    const charts = dirname(root);
    if (basename(charts) !== 'charts' || !existsSync(join(dirname(charts), 'Chart.yaml'))) return root;
    root = dirname(charts);
  }
  return undefined;
}

function nearestChart(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Chart.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether a Chart.yaml says `type: library`: Helm installs no such chart, so there is nothing to render. */
export function isLibraryChart(chartYaml: string): boolean {
  return /^type:\s*["']?library["']?\s*(#.*)?$/m.test(chartYaml);
}

const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/** The chart's name as Chart.yaml gives it: Helm prefixes it to every template it names. */
export function chartNameOf(chartYaml: string): string | undefined {
  return /^name:\s*["']?([^"'\s#]+)/m.exec(chartYaml)?.[1];
}

/** Renders a chart with Helm's engine and checks what it renders, every finding on the line that wrote it. */
export async function checkChart(root: string, settings: Settings, index: WorkspaceIndex, options: ChartOptions = {}): Promise<ChartCheck> {
  const files = await readChartFolder(root);
  const rootUri = pathToFileURL(root).href.replace(/\/$/, '');
  const encoder = new TextEncoder();
  for (const path of [...files.keys()]) {
    const open = options.openText?.(join(root, path));
    if (open !== undefined) files.set(path, encoder.encode(open));
  }
  const templates = new Map<string, string>();
  for (const [path, bytes] of files) if (/(^|\/)templates\/.*\.(ya?ml|tpl|json)$/.test(path)) templates.set(path, textOf(bytes));
  const chartYaml = textOf(files.get('Chart.yaml') ?? new Uint8Array());
  const name = chartNameOf(chartYaml) ?? 'chart';
  const extra = (options.valuesFiles ?? []).map((file) => ({ uri: pathToFileURL(file).href, text: options.openText?.(file) ?? readFileSync(file, 'utf8') }));
  const chart: ChartTexts = {
    rootUri, name, templates,
    values: [...(files.has('values.yaml') ? [{ uri: `${rootUri}/values.yaml`, text: textOf(files.get('values.yaml')!) }] : []), ...extra],
  };
  const result = await renderChart({
    files,
    chartDir: root,
    valuesFiles: extra.map((v) => ({ name: v.uri.slice(v.uri.lastIndexOf('/') + 1), content: v.text })),
    ...(options.set ? { set: options.set } : {}),
    ...(options.releaseName ? { releaseName: options.releaseName } : {}),
    ...(options.namespace ? { namespace: options.namespace } : {}),
  }, options);
  /** The text of a chart file a finding may name (a template, Chart.yaml, a values file), as rendered. */
  const textOfUri = (uri: string): string | undefined => {
    const path = uri.startsWith(`${rootUri}/`) ? uri.slice(rootUri.length + 1) : undefined;
    return (path !== undefined ? templates.get(path) ?? (path === 'Chart.yaml' ? chartYaml : undefined) : undefined)
      ?? chart.values.find((v) => v.uri === uri)?.text;
  };
  const lines = new Map<string, Lines>();
  const linesOf = (uri: string): Lines | undefined => {
    const text = textOfUri(uri);
    if (text === undefined) return undefined;
    let l = lines.get(uri);
    if (!l) lines.set(uri, (l = new LineIndex(text)));
    return l;
  };
  const used = {
    releaseName: options.releaseName ?? 'release-name', namespace: options.namespace ?? 'default',
    valuesFiles: [...options.valuesFiles ?? []], set: [...options.set ?? []],
  };
  if (result.error) {
    const { uri, finding } = renderErrorFinding(chart, result.error.message, chartYaml, result.error.kind !== 'helm');
    return { root, files, byUri: new Map([[uri, [finding]]]), linesOf, services: [], renderMs: result.elapsedMs, rendered: new Map(), options: used, fixesOf: () => [] };
  }
  const rendered = new Map<string, string[]>();
  for (const { source, text } of result.documents) {
    const path = pathInChart(name, source);
    rendered.set(path, [...rendered.get(path) ?? [], text]);
  }
  const source = chartSource(chart, result.documents);
  const { byUri, services, renderedOf } = checkSource(source, settings, index);
  const fixesOf = (finding: Finding): SourceFix[] => {
    const rendered = renderedOf.get(finding);
    return rendered ? sourceFixes(source.uri, rendered, source.origins, textOfUri, settings) : [];
  };
  return { root, files, byUri, linesOf, services, renderMs: result.elapsedMs, rendered, options: used, fixesOf };
}

/** Stops the built-in engine's worker thread (a CLI run ends with it; the server keeps it warm). */
export async function stopChartEngine(): Promise<void> {
  await sharedWasmEngine().dispose();
}

/** How charts render for a user: `statefulset.helm.*`. */
export interface HelmSettings {
  /** An installed `helm`; empty: the built-in engine. */
  path: string;
  releaseName: string;
  /** Empty: the default namespace. */
  namespace: string;
  valuesFiles: string[];
  set: string[];
  /** Per chart, by its folder (relative to a workspace folder) or its name. */
  charts: Record<string, { valuesFiles?: string[]; set?: string[]; releaseName?: string; namespace?: string }>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/** `statefulset.helm` as a client sends it, read defensively. */
export function readHelmSettings(raw: unknown): HelmSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const charts: HelmSettings['charts'] = {};
  if (value['charts'] && typeof value['charts'] === 'object') {
    for (const [key, entry] of Object.entries(value['charts'] as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      charts[key] = {
        valuesFiles: strings(e['valuesFiles']), set: strings(e['set']),
        ...(typeof e['releaseName'] === 'string' ? { releaseName: e['releaseName'] } : {}),
        ...(typeof e['namespace'] === 'string' ? { namespace: e['namespace'] } : {}),
      };
    }
  }
  return {
    path: text(value['path'], ''), releaseName: text(value['releaseName'], 'release-name'), namespace: text(value['namespace'], ''),
    valuesFiles: strings(value['valuesFiles']), set: strings(value['set']), charts,
  };
}

/** The options a chart renders with: the settings, then its own entry (by folder or name); values files relative to the chart. */
export function chartOptionsFor(root: string, name: string, helm: HelmSettings, workspaceFolders: readonly string[], defaultNamespace: string): ChartOptions {
  const relativeFolder = workspaceFolders.map((f) => relative(f, root).split(sep).join('/')).find((r) => !r.startsWith('..'));
  const own = (relativeFolder !== undefined ? helm.charts[relativeFolder] : undefined) ?? helm.charts[name] ?? {};
  const valuesFiles = [...helm.valuesFiles, ...(own.valuesFiles ?? [])].map((f) => (isAbsolute(f) ? f : join(root, f)));
  return {
    valuesFiles,
    set: [...helm.set, ...(own.set ?? [])],
    releaseName: own.releaseName ?? helm.releaseName,
    namespace: own.namespace ?? (helm.namespace || defaultNamespace),
    ...(helm.path ? { helmPath: helm.path } : {}),
  };
}
