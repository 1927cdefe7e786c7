import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../service/model';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { Settings } from '../service/settings';
import { checkSource } from '../service/sources/checkSource';
import { chartSource, type ChartTexts } from '../service/sources/helm/chartSource';
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
  byUri: Map<string, Finding[]>;
  linesOf(uri: string): Lines | undefined;
  services: ServiceInfo[];
  renderMs: number;
}

/** The chart folder a file belongs to: the nearest folder above it with a Chart.yaml (not inside a subchart's charts/ .tgz). */
export function chartRootOf(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Chart.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

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
  const name = /^name:\s*["']?([^"'\s#]+)/m.exec(chartYaml)?.[1] ?? 'chart';
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
  const lines = new Map<string, Lines>();
  const linesOfText = (uri: string): Lines | undefined => {
    const path = uri.startsWith(`${rootUri}/`) ? uri.slice(rootUri.length + 1) : undefined;
    const text = (path !== undefined ? templates.get(path) ?? (path === 'Chart.yaml' ? chartYaml : undefined) : undefined)
      ?? chart.values.find((v) => v.uri === uri)?.text;
    if (text === undefined) return undefined;
    let l = lines.get(uri);
    if (!l) lines.set(uri, (l = new LineIndex(text)));
    return l;
  };
  if (result.error) {
    const { uri, finding } = renderErrorFinding(chart, result.error.message, chartYaml);
    return { root, byUri: new Map([[uri, [finding]]]), linesOf: linesOfText, services: [], renderMs: result.elapsedMs };
  }
  const source = chartSource(chart, result.documents);
  const { byUri, services } = checkSource(source, settings, index);
  return { root, byUri, linesOf: (uri) => source.linesOf(uri) ?? linesOfText(uri), services, renderMs: result.elapsedMs };
}

/** Stops the built-in engine's worker thread (a CLI run ends with it; the server keeps it warm). */
export async function stopChartEngine(): Promise<void> {
  await sharedWasmEngine().dispose();
}
