import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Position } from 'vscode-languageserver';
import { docsUrl } from '../service/rules/docsUrl';
import type { Finding, Severity } from '../service/model';
import type { Lines } from '../service/parse/lineIndex';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The diagnostic source every finding carries. */
export const diagnosticSource = 'statefulset';

/** The line indexes of other files, for a finding's related ranges (a source's origins name them). */
export type LinesOf = (uri: string) => Lines | undefined;

function relatedInformation(finding: Finding, linesOf: LinesOf): DiagnosticRelatedInformation[] {
  return (finding.related ?? []).flatMap(({ uri, start, end, message }) => {
    const lines = linesOf(uri);
    return lines ? [{ location: { uri, range: { start: lines.positionAt(start), end: lines.positionAt(end) } }, message }] : [];
  });
}

/** A finding as an LSP diagnostic: the one place where offsets become positions for the editor. */
export function toDiagnostic(finding: Finding, positionAt: (offset: number) => Position, linesOf: LinesOf = () => undefined): Diagnostic {
  const related = finding.related ? relatedInformation(finding, linesOf) : [];
  return {
    range: { start: positionAt(finding.start), end: positionAt(finding.end) },
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

/** A file's findings as diagnostics, positioned by its lines. */
export function toDiagnostics(findings: readonly Finding[], lines: Lines, linesOf?: LinesOf): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, (offset) => lines.positionAt(offset), linesOf));
}
