import {
  CodeActionKind, type CodeAction, type CodeActionParams, type CreateFile, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll, fixesFor, findingFor, type FileFix, type DocumentsOf } from '../service/codeActions';
import type { Edit } from '../service/fixes/yamlText';
import type { CheckedFile } from '../service/languageService';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { Settings } from '../service/settings';
import { diagnosticSource } from './toDiagnostic';
import { t } from '../messages';

/** Our "fix all" kind, for the light bulb's source actions and `editor.codeActionsOnSave`. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.statefulset`;

/** What the handler needs to know of a file an edit touches: its lines and the version the edit is for. */
export interface EditTarget {
  lines: Lines;
  /** The open document's version, or null for a file on disk. */
  version: number | null;
}

/** The file being acted on, as last checked. */
export interface CheckedDocument {
  uri: string;
  text: string;
  file: CheckedFile;
}

function workspaceEdit(
  edits: Record<string, Edit[]>, targetOf: (uri: string) => EditTarget | undefined, creates: readonly string[] = [],
): WorkspaceEdit | undefined {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const uri of creates) {
    if (targetOf(uri)) return undefined; // never write over a file that exists
    documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
  }
  for (const [uri, list] of Object.entries(edits)) {
    const target = creates.includes(uri) ? { lines: new LineIndex(''), version: null } : targetOf(uri);
    if (!target) return undefined;
    documentChanges.push({
      textDocument: { uri, version: target.version },
      edits: list.map((edit) => ({
        range: { start: target.lines.positionAt(edit.start), end: target.lines.positionAt(edit.end) },
        newText: edit.newText,
      })),
    });
  }
  return { documentChanges };
}

function quickFix(fix: FileFix, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit };
}

/** Whether a code action request (its `only` kinds) asks for actions of `kind`: a requested kind covers its sub-kinds. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** "Fix all" as one edit of this file, and how many problems it fixes; undefined when none. */
function fixAllAction(current: CheckedDocument, settings: Settings, documentsOf: DocumentsOf, targetOf: (uri: string) => EditTarget | undefined): { edit: WorkspaceEdit; count: number } | undefined {
  const applied = fixAll(current.uri, current.file, settings, documentsOf);
  const edits = applied.flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start);
  const edit = edits.length > 0 ? workspaceEdit({ [current.uri]: edits }, targetOf) : undefined;
  return edit && { edit, count: applied.length };
}

/**
 * The code actions for a request: the fixes of each of our diagnostics in the range (keyed on
 * the diagnostic's code and span, so a stale diagnostic gets none), and "fix all" when asked
 * for. As the ESLint extension does, the light bulb of a fixable problem also offers fix-all
 * when it would fix more than that one problem. Edits carry the document version: the editor
 * drops them if the text moved on.
 */
export function toCodeActions(
  params: CodeActionParams, current: CheckedDocument, settings: Settings, documentsOf: DocumentsOf,
  targetOf: (uri: string) => EditTarget | undefined,
): CodeAction[] {
  const { only } = params.context;
  const { uri, text, file } = current;
  const actions: CodeAction[] = [];
  let fixable = false;
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== diagnosticSource || typeof diagnostic.code !== 'string') continue;
      const start = file.lines.offsetAt(diagnostic.range.start);
      const end = file.lines.offsetAt(diagnostic.range.end);
      const finding = findingFor(file, diagnostic.code, start, end);
      if (!finding) continue;
      for (const fix of fixesFor(uri, text, file, finding, settings, documentsOf)) {
        const edit = workspaceEdit(fix.edits, targetOf, fix.creates);
        if (!edit) continue;
        actions.push(quickFix(fix, diagnostic, edit));
        fixable ||= !fix.suppression;
      }
    }
    const all = fixable ? fixAllAction(current, settings, documentsOf, targetOf) : undefined;
    if (all && all.count > 1) {
      actions.push({ title: t('lsp.fixAllCount', { count: all.count }), kind: CodeActionKind.QuickFix, edit: all.edit });
    }
  }
  if (only && wants(only, fixAllKind)) {
    const all = fixAllAction(current, settings, documentsOf, targetOf);
    if (all) actions.push({ title: t('lsp.fixAll'), kind: fixAllKind, edit: all.edit });
  }
  return actions;
}
