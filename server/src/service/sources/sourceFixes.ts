import { withoutOverlaps } from '../fixes/applyEdits';
import type { Edit } from '../fixes/yamlText';
import type { Finding, ManifestDocument } from '../model';
import { ruleById } from '../rules/index';
import type { FixContext } from '../rules/types';
import type { Settings } from '../settings';
import type { OriginMap } from './origins';

/** A repair of a source's finding, as edits of the files that wrote it (a template, a values file). */
export interface SourceFix {
  title: string;
  preferred: boolean;
  edits: Record<string, Edit[]>;
}

/** Is `offset` of a template line inside one of its `{{ }}` actions? Text written there is not a literal. */
function insideAction(line: string, offset: number): boolean {
  const open = line.lastIndexOf('{{', offset);
  return open >= 0 && line.indexOf('}}', open) >= offset;
}

/**
 * The rule's fixes for a finding in a source's document, moved to the files that wrote it: an edit
 * of a value read from a values file edits that values line; an edit of text the template wrote
 * literally edits the template; a removed line removes the template line that wrote it. A fix with
 * an edit that no file wrote literally (an `include`'s output, a computed value) is not offered.
 */
export function sourceFixes(
  uri: string, rendered: { document: ManifestDocument; finding: Finding }, origins: OriginMap, textOf: (uri: string) => string | undefined, settings: Settings,
): SourceFix[] {
  const { document, finding } = rendered;
  const rule = ruleById.get(finding.rule);
  const object = document.objects[0];
  if (!rule?.fix || !object || document.repaired) return [];
  const context: FixContext = { uri, object, text: document.text, data: finding.data, settings, serviceAt: () => undefined };
  let fixes;
  try {
    fixes = rule.fix(context);
  } catch {
    return [];
  }
  return fixes.flatMap((fix) => {
    if (fix.uri || fix.create) return [];
    const edits: Record<string, Edit[]> = {};
    for (const edit of fix.edits) {
      const moved = moveEdit(document, edit, origins, textOf);
      if (!moved) return [];
      (edits[moved.uri] ??= []).push(moved.edit);
    }
    return Object.keys(edits).length > 0 ? [{ title: fix.title, preferred: fix.preferred === true, edits }] : [];
  });
}

function moveEdit(document: ManifestDocument, edit: Edit, origins: OriginMap, textOf: (uri: string) => string | undefined): { uri: string; edit: Edit } | undefined {
  const old = document.text.slice(edit.start, edit.end);
  const origin = origins.originOf(document, { start: edit.start, end: Math.max(edit.end, edit.start + 1) });
  if (!origin || old === '') return undefined;
  // A value a values file set: edit it there.
  for (const related of origin.related) {
    const text = textOf(related.uri)?.slice(related.start, related.end);
    const at = text?.lastIndexOf(old.trim()) ?? -1;
    if (old.trim() !== '' && at >= 0) return { uri: related.uri, edit: { start: related.start + at, end: related.start + at + old.trim().length, newText: edit.newText.trim() === '' ? edit.newText : edit.newText.trim() } };
  }
  const templateText = textOf(origin.primary.uri);
  if (templateText === undefined) return undefined;
  const lineStart = templateText.lastIndexOf('\n', origin.primary.start - 1) + 1;
  const lineEnd = templateText.indexOf('\n', origin.primary.start) < 0 ? templateText.length : templateText.indexOf('\n', origin.primary.start);
  const line = templateText.slice(lineStart, lineEnd);
  // Whole lines removed: the template line that wrote exactly that text goes.
  if (edit.newText === '' && old.endsWith('\n') && (edit.start === 0 || document.text[edit.start - 1] === '\n')) {
    const removed = old.slice(0, -1);
    if (!removed.includes('\n') && removed.trim() === line.trim()) return { uri: origin.primary.uri, edit: { start: lineStart, end: Math.min(lineEnd + 1, templateText.length), newText: '' } };
    return undefined;
  }
  // Text the template wrote literally: edit it there.
  const at = line.indexOf(old);
  if (at < 0 || line.indexOf(old, at + 1) >= 0 || insideAction(line, at)) return undefined;
  return { uri: origin.primary.uri, edit: { start: lineStart + at, end: lineStart + at + old.length, newText: edit.newText } };
}

/**
 * Fix-all over a source's fixes: each in turn, dropped when one of its edits overlaps an edit of a
 * fix kept before it in the same file (a fix may edit a template and a values file at once).
 */
export function preferredWithoutOverlaps(fixes: readonly SourceFix[]): SourceFix[] {
  const taken = new Map<string, Edit[][]>();
  const kept: SourceFix[] = [];
  for (const fix of fixes) {
    const fits = Object.entries(fix.edits).every(([uri, edits]) => {
      const before = taken.get(uri) ?? [];
      return withoutOverlaps([...before, edits]).length === before.length + 1;
    });
    if (!fits) continue;
    for (const [uri, edits] of Object.entries(fix.edits)) taken.set(uri, [...taken.get(uri) ?? [], edits]);
    kept.push(fix);
  }
  return kept;
}
