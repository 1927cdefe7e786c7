import type { Severity } from '../service/model';
import { docsBase, docsUrl } from '../service/rules/docsUrl';
import { listOf, messageOf, t, type MessageId } from '../messages';

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

/** Findings in the order a reader expects: by file, then line, then column. */
export function sortReports(reports: readonly Reported[]): Reported[] {
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...reports].sort((a, b) => order(a.file, b.file) || a.line - b.line || a.column - b.column || order(a.rule, b.rule));
}

/** The exit code of `sts check` and, in words, why it is that. */
export interface Verdict {
  exitCode: 0 | 1;
  reason: string;
}

/**
 * Errors fail the check; so does an immutable field changed against --baseline (a warning in
 * the editor, but `kubectl apply` would refuse it, so in CI it fails the job); nothing else does.
 */
export function verdictOf(reports: readonly Reported[]): Verdict {
  const errors = reports.filter((r) => r.severity === 'error').length;
  const immutable = reports.filter((r) => r.severity !== 'error' && r.rule === 'immutable-field-changed').length;
  const immutableText = t(immutable === 1 ? 'cli.immutableOne' : 'cli.immutable', { count: immutable });
  if (errors > 0 && immutable > 0) return { exitCode: 1, reason: t(immutable === 1 ? 'cli.exitErrorsAndOne' : 'cli.exitErrorsAnd', { immutable: immutableText }) };
  if (errors > 0) return { exitCode: 1, reason: t('cli.exitErrors') };
  if (immutable > 0) return { exitCode: 1, reason: t(immutable === 1 ? 'cli.exitImmutableOne' : 'cli.exitImmutable', { immutable: immutableText }) };
  if (reports.length > 0) return { exitCode: 0, reason: t('cli.exitClean') };
  return { exitCode: 0, reason: 'exit 0' };
}

/** "2 errors, 1 warning, 3 notes" (notes only when there are some). */
export function countsOf(reports: readonly Reported[]): string {
  const count = (n: number, one: MessageId, many: MessageId): string => messageOf(n === 1 ? one : many, { count: n });
  const errors = reports.filter((r) => r.severity === 'error').length;
  const warnings = reports.filter((r) => r.severity === 'warning').length;
  const notes = reports.length - errors - warnings;
  return listOf([count(errors, 'cli.error', 'cli.errors'), count(warnings, 'cli.warning', 'cli.warnings'), ...(notes > 0 ? [count(notes, 'cli.note', 'cli.notes')] : [])]);
}

/**
 * One line per finding (its related places indented below it), then a summary that counts
 * them and says why the exit code is what it is. A clean run is just "0 errors, 0 warnings".
 */
export function formatText(reports: readonly Reported[]): string {
  const lines = reports.flatMap((r) => [
    `${r.file}:${r.line}:${r.column}: ${r.severity} [${r.rule}] ${r.message}`,
    ...(r.related ?? []).map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`),
  ]);
  lines.push(reports.length === 0 ? countsOf(reports) : t('cli.summary', { counts: countsOf(reports), reason: verdictOf(reports).reason }));
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly Reported[]): string {
  return JSON.stringify(reports, null, 2) + '\n';
}

const sarifLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as code-scanning uploads expect. */
export function formatSarif(reports: readonly Reported[], ruleIds: readonly string[], version: string): string {
  const used = ruleIds.filter((id) => reports.some((r) => r.rule === id));
  const verdict = verdictOf(reports);
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
      // Why the run exits as it does, where SARIF keeps it (sts check's text summary says the same).
      invocations: [{ executionSuccessful: true, exitCode: verdict.exitCode, exitCodeDescription: `${countsOf(reports)}; ${verdict.reason}` }],
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
