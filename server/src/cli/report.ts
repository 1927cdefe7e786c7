import type { Severity } from '../service/model';
import { docsBase, docsUrl } from '../service/rules/docsUrl';

/** One finding as the CLI reports it: 1-based lines and columns. */
export interface Reported {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /** Other places the finding concerns (where a chart's value came from, say). */
  related?: ReportedPlace[];
}

/** A related place, 1-based. */
export interface ReportedPlace {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatText(reports: readonly Reported[]): string {
  const lines = reports.flatMap((r) => [
    `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.rule}] ${r.message}`,
    ...(r.related ?? []).map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`),
  ]);
  const errors = reports.filter((r) => r.severity === 'error').length;
  const warnings = reports.filter((r) => r.severity === 'warning').length;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly Reported[]): string {
  return JSON.stringify(reports, null, 2) + '\n';
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as code-scanning uploads expect. */
export function formatSarif(reports: readonly Reported[], ruleIds: readonly string[], version: string): string {
  const used = ruleIds.filter((id) => reports.some((r) => r.rule === id));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'sts', informationUri: docsBase, version,
          rules: used.map((id) => ({ id, helpUri: docsUrl(id) })),
        },
      },
      results: reports.map((r) => ({
        ruleId: r.rule,
        ruleIndex: used.indexOf(r.rule),
        level: sarifLevel[r.severity],
        message: { text: r.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.file.replace(/\\/g, '/') },
            region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
          },
        }],
        ...(r.related?.length ? {
          relatedLocations: r.related.map((p, id) => ({
            id,
            message: { text: p.message },
            physicalLocation: { artifactLocation: { uri: p.file.replace(/\\/g, '/') }, region: { startLine: p.line, startColumn: p.column } },
          })),
        } : {}),
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
