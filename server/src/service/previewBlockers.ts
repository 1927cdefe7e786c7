import type { PreviewBlocked } from '../../../protocol/protocol';
import type { CheckedFile } from './languageService';
import type { ManifestDocument } from './model';

/**
 * Errors the API server accepts but that stop the controller from ever creating a pod
 * (FailedCreate events). Every other error means the API server refuses the object.
 */
const podsNeverCreated: ReadonlySet<string> = new Set(['pod-name-too-long']);

/**
 * Why this document's StatefulSet never gets pods, from the file's own error diagnostics (after
 * severity settings and `# sts-ignore`): the preview and the CodeLens say this first, and
 * describe no rollout. Null when nothing stops it.
 */
export function blockedBy(file: CheckedFile, document: ManifestDocument): PreviewBlocked | null {
  const end = document.offset + document.text.length;
  const errors = file.findings.filter((f) => f.severity === 'error' && f.start >= document.offset && f.start <= end);
  if (errors.length === 0) return null;
  return {
    kind: errors.every((f) => podsNeverCreated.has(f.rule)) ? 'podsNeverCreated' : 'refused',
    problems: errors.map((f) => ({ rule: f.rule, message: f.message, line: file.lines.positionAt(f.start).line })),
  };
}

/** The CodeLens's words: "Preview · refused by the API server (2 errors)". */
export function blockedTitle(blocked: PreviewBlocked): string {
  const count = blocked.problems.length;
  return blocked.kind === 'refused'
    ? `refused by the API server (${count} error${count === 1 ? '' : 's'})`
    : `pods can never be created (${count} error${count === 1 ? '' : 's'})`;
}
