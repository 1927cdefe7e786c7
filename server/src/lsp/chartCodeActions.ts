import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { ChartCheck } from '../host/chartCheck';
import { preferredWithoutOverlaps, type SourceFix } from '../service/sources/sourceFixes';
import { fixAllKind, wants } from './toCodeActions';
import { t } from '../messages';

const sameRange = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line === b.line && a.character === b.character;

/**
 * The code actions of a chart's (or an overlay's) findings on one of its files: each diagnostic's fixes (same rule,
 * same range), and fix-all, as edits of the templates and values files that wrote the values.
 * Like a plain file's, the light bulb of a fixable problem offers fix-all when it fixes more
 * than that one, and `source.fixAll.statefulset` asks for it alone.
 */
export function chartCodeActions(
  chart: Pick<ChartCheck, 'byUri' | 'linesOf' | 'fixesOf'>, uri: string, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined,
  versionOf: (uri: string) => number | null,
): CodeAction[] {
  const findings = chart.byUri.get(uri);
  const lines = findings && chart.linesOf(uri);
  if (!findings || !lines) return [];
  const editOf = (fix: SourceFix): WorkspaceEdit | undefined => {
    const documentChanges: TextDocumentEdit[] = [];
    for (const [target, edits] of Object.entries(fix.edits)) {
      const targetLines = chart.linesOf(target);
      if (!targetLines) return undefined;
      documentChanges.push({
        textDocument: { uri: target, version: versionOf(target) },
        edits: edits.map((e) => ({ range: { start: targetLines.positionAt(e.start), end: targetLines.positionAt(e.end) }, newText: e.newText })),
      });
    }
    return { documentChanges };
  };
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      const finding = findings.find((f) => f.rule === diagnostic.code
        && sameRange(lines.positionAt(f.start), diagnostic.range.start) && sameRange(lines.positionAt(f.end), diagnostic.range.end));
      for (const fix of finding ? chart.fixesOf(finding) : []) {
        const edit = editOf(fix);
        if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit });
      }
    }
  }
  const fixAll = (): { edit: WorkspaceEdit; count: number } | undefined => {
    const chosen = preferredWithoutOverlaps(findings.flatMap((f) => chart.fixesOf(f).filter((fix) => fix.preferred).slice(0, 1)));
    const edits: Record<string, SourceFix['edits'][string]> = {};
    for (const fix of chosen) for (const [target, list] of Object.entries(fix.edits)) edits[target] = [...edits[target] ?? [], ...list].sort((a, b) => a.start - b.start);
    const edit = chosen.length > 0 ? editOf({ title: '', preferred: true, edits }) : undefined;
    return edit && { edit, count: chosen.length };
  };
  if (actions.length > 0) {
    const all = fixAll();
    if (all && all.count > 1) actions.push({ title: t('lsp.fixAllCount', { count: all.count }), kind: CodeActionKind.QuickFix, edit: all.edit });
  }
  if (only && wants(only, fixAllKind)) {
    const all = fixAll();
    if (all) actions.push({ title: t('lsp.fixAll'), kind: fixAllKind, edit: all.edit });
  }
  return actions;
}
