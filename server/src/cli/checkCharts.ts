import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkChart, stopChartEngine, type ChartOptions } from '../host/chartCheck';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { displayPath, toReported } from './check';
import type { Reported } from './report';

/** The charts among the paths: a folder with a Chart.yaml, or such folders below one (not a chart's own charts/). */
export function chartsIn(paths: readonly string[]): string[] {
  const charts: string[] = [];
  const visit = (dir: string): void => {
    if (existsSync(join(dir, 'Chart.yaml'))) {
      charts.push(resolve(dir));
      return;
    }
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  for (const path of paths) if (path !== '-' && existsSync(path) && statSync(path).isDirectory()) visit(path);
  return charts;
}

/** `sts check CHART_DIR`: each chart rendered with Helm's engine, findings on the template and values lines. */
export async function checkCharts(charts: readonly string[], settings: Settings, options: ChartOptions): Promise<Reported[]> {
  const reports: Reported[] = [];
  try {
    for (const root of charts) {
      const checked = await checkChart(root, settings, new WorkspaceIndex(), options);
      for (const [uri, findings] of checked.byUri) {
        const lines = checked.linesOf(uri);
        if (!lines) continue;
        for (const finding of findings) reports.push(toReported(displayPath(uri), finding, lines, checked.linesOf));
      }
    }
  } finally {
    await stopChartEngine(); // its worker thread would keep the process alive
  }
  return reports;
}
