import type { ManifestDocument, Span } from '../model';
import type { Edit } from '../fixes/yamlText';
import { dnsLabel, isStatefulSet } from '../rules/read';
import { cursorAt } from './cursorContext';
import { isClaimTemplateNamePath, isVolumeNamePath, isVolumeUsePath, volumeDeclarations, volumeUses } from './volumeReferences';
import { t } from '../../messages';

/** What a rename starts from: the name's characters (inside quotes) and the name itself. */
export interface RenameTarget {
  span: Span;
  name: string;
}

/** A claim template or volume name under the cursor, on its declaration or on a mount that names a declared one. */
export function prepareRenameAt(documents: readonly ManifestDocument[], offset: number): RenameTarget | undefined {
  const context = cursorAt(documents, offset);
  if (!context?.scalar || context.target !== 'value' || !isStatefulSet(context.object)) return undefined;
  const { path, scalar, object } = context;
  const declared = isClaimTemplateNamePath(path) || isVolumeNamePath(path)
    || (isVolumeUsePath(path) && volumeDeclarations(object).some((d) => d.name === scalar.value));
  return declared ? { span: scalar.inner, name: scalar.value } : undefined;
}

export type RenameResult = { edits: Edit[] } | { error: string };

/**
 * Renames a claim template (or volume) and every mount of it in the StatefulSet. Each edit
 * replaces only the name's characters, so quotes, comments and layout stay as they were.
 */
export function renameAt(documents: readonly ManifestDocument[], offset: number, newName: string): RenameResult | undefined {
  const target = prepareRenameAt(documents, offset);
  const context = cursorAt(documents, offset);
  if (!target || !context) return undefined;
  if (!dnsLabel.test(newName) || newName.length > 63) {
    return { error: t('rename.invalidVolume', { newName }) };
  }
  const at = context.document.offset;
  const named = [
    ...volumeDeclarations(context.object, at).filter((d) => d.name === target.name),
    ...volumeUses(context.object, at).filter((u) => u.name === target.name),
  ];
  const edits = named.flatMap(({ scalar }) => scalar ? [{ start: scalar.inner.start, end: scalar.inner.end, newText: newName }] : []);
  return { edits: edits.sort((a, b) => a.start - b.start) };
}
