import { pathToFileURL } from 'node:url';
import type { PreviewResult, WhatIf } from '../../../protocol/protocol';
import { checkChart, stopChartEngine, type ChartCheck, type ChartOptions } from '../host/chartCheck';
import { checkFile } from '../service/languageService';
import { previewOf } from '../service/previewOf';
import { helmRenderRule } from '../service/rules/index';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { t } from '../messages';

/** `sts preview CHART_DIR`: the chart rendered as its release, and one of its StatefulSets previewed. */
export interface ChartPreview {
  preview: PreviewResult;
  /** What it rendered with (release, namespace, values files, --set), to say so beside the preview. */
  used: ChartCheck['options'];
  /** Helm's message when the chart does not render. */
  renderError?: string;
}

/**
 * Renders the chart with Helm's engine, then previews the StatefulSet named `name` (else the first
 * one Helm prints) with every Service of the same release as a governing candidate, as the
 * language server previews a chart's template.
 */
export async function previewChart(root: string, settings: Settings, name: string | undefined, options: ChartOptions, whatIf: WhatIf): Promise<ChartPreview> {
  let checked: ChartCheck;
  try {
    checked = await checkChart(root, settings, new WorkspaceIndex(), options);
  } finally {
    await stopChartEngine(); // its worker thread would keep the process alive
  }
  const rendered = [...checked.rendered.values()].flat();
  const failed = [...checked.byUri.values()].flat().find((f) => f.rule === helmRenderRule.id);
  if (failed) return { preview: null, used: checked.options, renderError: failed.message };
  const uri = `helm:${pathToFileURL(root).href}`;
  const index = new WorkspaceIndex();
  const file = checkFile(uri, rendered.join('---\n'), settings, index);
  const preview = previewOf(uri, file, settings, index, { whatIf, ...(name !== undefined ? { name } : {}) });
  return { preview: preview && (name === undefined || preview.statefulSet.name === name) ? preview : null, used: checked.options };
}

/** The line the text preview of a chart starts with: what the release was rendered with. */
export function releaseLine(root: string, used: ChartCheck['options']): string {
  const values = used.valuesFiles.length > 0 ? `values.yaml + ${used.valuesFiles.join(', ')}` : 'values.yaml';
  const set = used.set.length > 0 ? `, --set ${used.set.join(' --set ')}` : '';
  return t('main.releaseLine', { root, release: used.releaseName, namespace: used.namespace, values, set });
}
