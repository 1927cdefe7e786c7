import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
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

/** A finding as an LSP diagnostic: the one place where offsets become positions for the editor. */
export function toDiagnostic(finding: Finding, positionAt: (offset: number) => Position): Diagnostic {
  return {
    range: { start: positionAt(finding.start), end: positionAt(finding.end) },
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
  };
}

/** A file's findings as diagnostics, positioned by its lines. */
export function toDiagnostics(findings: readonly Finding[], lines: Lines): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, (offset) => lines.positionAt(offset)));
}
