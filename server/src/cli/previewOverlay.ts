import { pathToFileURL } from 'node:url';
import type { PreviewResult, WhatIf } from '../../../protocol/protocol';
import { buildOverlay, readOverlay, sharedKustomizeEngine } from '../host/kustomize/index';
import { checkFile } from '../service/languageService';
import { previewOf } from '../service/previewOf';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { t } from '../messages';

/** `sts preview OVERLAY_DIR`: the overlay built, and one of its StatefulSets previewed. */
export interface OverlayPreview {
  preview: PreviewResult;
  /** kustomize's message when the overlay does not build. */
  buildError?: string;
}

/**
 * Builds the overlay with kustomize's engine (built in; remote resources are never fetched), then
 * previews the StatefulSet named `name` (else the first of the build) with every Service of the
 * build as a governing candidate, in the namespaces the build gives them.
 */
export async function previewOverlay(dir: string, settings: Settings, name: string | undefined, whatIf: WhatIf): Promise<OverlayPreview> {
  const overlay = readOverlay(dir);
  if (!overlay) return { preview: null, buildError: t('main.noKustomization', { dir }) };
  let result;
  try {
    result = await buildOverlay(overlay);
  } finally {
    await sharedKustomizeEngine().dispose(); // its worker thread would keep the process alive
  }
  // kustomize's own words are quoted in Chinese (common.quoted); a time limit is a sentence of ours.
  if (result.error) return { preview: null, buildError: result.error.kind === 'kustomize' || result.error.kind === 'remote' ? t('common.quoted', { text: result.error.message }) : result.error.message };
  const uri = `kustomize:${pathToFileURL(overlay.dir).href}`;
  const index = new WorkspaceIndex();
  const file = checkFile(uri, result.manifest, settings, index);
  const preview = previewOf(uri, file, settings, index, { whatIf, ...(name !== undefined ? { name } : {}) });
  return { preview: preview && (name === undefined || preview.statefulSet.name === name) ? preview : null };
}
