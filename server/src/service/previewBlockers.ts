import type { PreviewBlocked } from '../../../protocol/protocol';
import type { CheckedFile } from './languageService';
import type { Finding, ManifestDocument } from './model';
import { t } from '../messages';

/**
 * Errors the API server accepts but that stop the controller from ever creating a pod
 * (FailedCreate events). Every other error means the API server refuses the object.
 */
const podsNeverCreated: ReadonlySet<string> = new Set(['pod-name-too-long']);

/** The error findings of each document, found in one pass (a large file has thousands of both). */
export function errorsByDocument(file: CheckedFile): Map<ManifestDocument, Finding[]> {
  const byDocument = new Map<ManifestDocument, Finding[]>();
  const { documents } = file;
  for (const finding of file.findings) {
    if (finding.severity !== 'error') continue;
    // Documents are in file order: the last one starting at or before the finding holds it.
    let low = 0;
    let high = documents.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((documents[middle]?.offset ?? 0) <= finding.start) low = middle;
      else high = middle - 1;
    }
    const document = documents[low];
    if (!document) continue;
    const list = byDocument.get(document);
    if (list) list.push(finding);
    else byDocument.set(document, [finding]);
  }
  return byDocument;
}

/**
 * Why this document's StatefulSet never gets pods, from the file's own error diagnostics (after
 * severity settings and `# sts-ignore`): the preview and the CodeLens say this first, and
 * describe no rollout. Null when nothing stops it.
 */
export function blockedBy(file: CheckedFile, document: ManifestDocument, errors = errorsByDocument(file)): PreviewBlocked | null {
  const found = errors.get(document) ?? [];
  if (found.length === 0) return null;
  return {
    kind: found.every((f) => podsNeverCreated.has(f.rule)) ? 'podsNeverCreated' : 'refused',
    problems: found.map((f) => ({ rule: f.rule, message: f.message, line: file.lines.positionAt(f.start).line })),
  };
}

/** The CodeLens's words: "Preview · refused by the API server (2 errors)". */
export function blockedTitle(blocked: PreviewBlocked): string {
  const count = blocked.problems.length;
  if (blocked.kind === 'refused') return t(count === 1 ? 'preview.refusedOne' : 'preview.refused', { count });
  return t(count === 1 ? 'preview.neverCreatedOne' : 'preview.neverCreated', { count });
}
