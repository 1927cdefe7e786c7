import type { CheckedFile } from './languageService';
import { blockedBy, blockedTitle, errorsByDocument } from './previewBlockers';
import { field, isStatefulSet } from './rules/read';
import { t } from '../messages';

/** A "Preview · 3 pods" lens above a StatefulSet ("Preview · refused by the API server (1 error)" when an error stops it). */
export interface PreviewLens {
  /** Zero-based line of the object's first key. */
  line: number;
  name: string;
  title: string;
}

function replicasOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 1;
}

/** One lens per readable StatefulSet of the file; it agrees with the preview on whether any pod is created. */
export function previewLenses(file: CheckedFile): PreviewLens[] {
  const errors = errorsByDocument(file);
  return file.documents.flatMap((document) => document.objects.filter((o) => isStatefulSet(o) && o.name).map((object) => {
    const replicas = replicasOf(field(object.value, 'spec', 'replicas'));
    const blocked = blockedBy(file, document, errors);
    return {
      line: file.lines.positionAt(document.offset + document.toChunkOffset(object.node.range?.[0] ?? 0)).line,
      name: object.name ?? '',
      title: blocked ? t('lens.blocked', { blocked: blockedTitle(blocked) }) : t(replicas === 1 ? 'lens.onePod' : 'lens.pods', { replicas }),
    };
  }));
}
