import type { Finding } from '../../model';
import { pathInChart, type ChartTexts } from './chartSource';

import { helmRenderRule } from '../../rules/index';
import { t } from '../../../messages';

/**
 * Helm's own error as one finding, at the line it names: `template: chart/templates/x.yaml:12:5:`,
 * `parse error at (chart/templates/x.yaml:12)`, `execution error at (chart/templates/x.yaml:12:4)`
 * (`required`, `fail`). A missing dependency lands on Chart.yaml's `dependencies:`, a values
 * problem on the values file; anything else on Chart.yaml's first line. `ours`: the message is a
 * sentence of ours (a time or memory limit), not Helm's words (which Chinese quotes).
 */
export function renderErrorFinding(chart: ChartTexts, message: string, chartYaml: string, ours = false): { uri: string; finding: Finding } {
  const at = (uri: string, text: string, line: number, column = 1): { uri: string; finding: Finding } => {
    let start = 0;
    for (let i = 1; i < line; i++) {
      const next = text.indexOf('\n', start);
      if (next < 0) break;
      start = next + 1;
    }
    const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const first = Math.min(start + Math.max(column - 1, /^\s*/.exec(text.slice(start, lineEnd))![0].length), lineEnd);
    const shown = ours ? message : t('common.quoted', { text: message });
    const explained = /missing in charts\/ directory|helm dep/.test(message) && !/helm dependency build/.test(message)
      ? t('sources.dependencyBuild', { message: shown }) : shown;
    return { uri, finding: { rule: helmRenderRule.id, severity: helmRenderRule.severity, message: t('sources.cannotRender', { explained }), start: first, end: Math.max(lineEnd, first + 1) } };
  };
  const named = /(?:template: |at \(|^)((?:[^:()\s]+\/)*[^:()\s]+\.(?:ya?ml|tpl|txt|json)):(\d+)(?::(\d+))?/m.exec(message);
  if (named) {
    const path = pathInChart(chart.name, named[1]!);
    const text = chart.templates.get(path);
    if (text !== undefined) return at(`${chart.rootUri}/${path}`, text, Number(named[2]), named[3] ? Number(named[3]) : 1);
  }
  const yamlError = /YAML parse error on ((?:[^:\s]+\/)*[^:\s]+\.ya?ml)/.exec(message);
  if (yamlError) {
    const path = pathInChart(chart.name, yamlError[1]!);
    const text = chart.templates.get(path);
    if (text !== undefined) return at(`${chart.rootUri}/${path}`, text, 1);
  }
  const values = chart.values.find((v) => message.includes(v.uri.slice(v.uri.lastIndexOf('/') + 1)) && /values|yaml|json/i.test(message));
  if (values) return at(values.uri, values.text, Number(/line (\d+)/.exec(message)?.[1] ?? 1));
  const dependencies = chartYaml.split('\n').findIndex((l) => /^dependencies:/.test(l));
  return at(`${chart.rootUri}/Chart.yaml`, chartYaml, /depend|charts\//.test(message) && dependencies >= 0 ? dependencies + 1 : 1);
}
