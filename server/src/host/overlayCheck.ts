import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../service/model';
import { LineIndex, type Lines } from '../service/parse/lineIndex';
import type { Settings } from '../service/settings';
import { checkSource } from '../service/sources/checkSource';
import { buildErrorFinding } from '../service/sources/kustomize/buildError';
import { overlaySource, type BuiltStatefulSet } from '../service/sources/kustomize/overlaySource';
import { sourceFixes, type SourceFix } from '../service/sources/sourceFixes';
import type { ServiceInfo } from '../service/workspace/serviceLookup';
import type { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { buildOverlay, readOverlay, sharedKustomizeEngine, type BuildResult, type KustomizeEngine } from './kustomize/index';
import { t } from '../messages';

/** An overlay built and checked: findings by the file that wrote them (a patch, a base, a kustomization). */
export interface OverlayCheck {
  dir: string;
  /** The overlay's name in messages: its folder relative to the workspace (or the current folder). */
  name: string;
  byUri: Map<string, Finding[]>;
  linesOf(uri: string): Lines | undefined;
  services: ServiceInfo[];
  buildMs: number;
  /** Every file the build may read (absolute paths): an edit of one builds the overlay again. */
  files: ReadonlySet<string>;
  /** The text of each, as the build read it (an open of a file with the same text needs no build). */
  texts: ReadonlyMap<string, string>;
  /** The kustomization folders it includes, itself first. */
  roots: readonly string[];
  /** The build itself (the manifest as `kustomize build` prints it). */
  result: BuildResult;
  /** The repairs of one of `byUri`'s findings, as edits of the patch, kustomization or base line that wrote the value. */
  fixesOf(finding: Finding): SourceFix[];
  /** The built StatefulSets a file wrote (as base resource or patch), for the preview of that file. */
  statefulSetsBy(uri: string): BuiltStatefulSet[];
}

export interface OverlayOptions {
  /** The text of a file the editor has open (it wins over the disk), by absolute path. */
  openText?: (path: string) => string | undefined;
  /** The folder names are relative to (default: the current folder). */
  relativeTo?: string;
  engine?: KustomizeEngine;
}

/** Builds the overlay in `dir` with kustomize's engine and checks every resource of the build, each finding on the line that wrote it. */
export async function checkOverlay(dir: string, settings: Settings, index: WorkspaceIndex, options: OverlayOptions = {}): Promise<OverlayCheck | undefined> {
  const overlay = readOverlay(dir, options.openText);
  if (!overlay) return undefined;
  const name = relative(options.relativeTo ?? process.cwd(), overlay.dir).split(sep).join('/') || '.';
  const texts = new Map<string, string>();
  for (const [path, text] of overlay.files) texts.set(pathToFileURL(path).href, text);
  const textOf = (uri: string): string | undefined => texts.get(uri);
  const lines = new Map<string, Lines>();
  const linesOf = (uri: string): Lines | undefined => {
    const text = textOf(uri);
    if (text === undefined) return undefined;
    let l = lines.get(uri);
    if (!l) lines.set(uri, (l = new LineIndex(text)));
    return l;
  };
  const result = await buildOverlay(overlay, options.engine ?? sharedKustomizeEngine());
  const common = { dir: overlay.dir, name, linesOf, buildMs: result.elapsedMs, files: new Set(overlay.files.keys()), texts: overlay.files, roots: overlay.roots, result };
  if (result.error) {
    const kustomizations = overlay.kustomizations.map((file) => ({ uri: pathToFileURL(file).href, text: overlay.files.get(file) ?? '' }));
    const { uri, finding } = buildErrorFinding(result.error.message, result.error.kind === 'remote', kustomizations, textOf, result.error.kind === 'timeout' || result.error.kind === 'engine');
    return { ...common, byUri: new Map([[uri, [finding]]]), services: [], fixesOf: () => [], statefulSetsBy: () => [] };
  }
  const dirUri = pathToFileURL(overlay.dir).href.replace(/\/$/, '');
  const source = overlaySource({ dirUri, kustomizationUri: pathToFileURL(overlay.kustomization).href, name, resources: result.resources, textOf });
  const { byUri, services, renderedOf } = checkSource(source, settings, index);
  // Every finding of a build says which overlay it comes from: a base shared by overlays gets one per overlay.
  for (const findings of byUri.values()) {
    for (let i = 0; i < findings.length; i++) {
      const named = { ...findings[i]!, message: t('sources.ofOverlay', { message: findings[i]!.message, name }) };
      const rendered = renderedOf.get(findings[i]!);
      if (rendered) renderedOf.set(named, rendered);
      findings[i] = named;
    }
  }
  // A fix edits the line that wrote the value (the patch's, the base's): its related places are
  // context here (the base a patch overrides), never where to edit.
  const primaryOnly = { originOf: (document: Parameters<typeof source.origins.originOf>[0], span: Parameters<typeof source.origins.originOf>[1]) => {
    const origin = source.origins.originOf(document, span);
    return origin && { primary: origin.primary, related: [] };
  } };
  const fixesOf = (finding: Finding): SourceFix[] => {
    const rendered = renderedOf.get(finding);
    return rendered ? sourceFixes(source.uri, rendered, primaryOnly, textOf, settings) : [];
  };
  return { ...common, byUri, services, fixesOf, statefulSetsBy: (uri) => source.statefulSetsBy(uri) };
}

/** Stops the engine's worker thread (a CLI run ends with it; the server keeps it warm). */
export async function stopOverlayEngine(): Promise<void> {
  await sharedKustomizeEngine().dispose();
}
