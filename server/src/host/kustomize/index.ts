// kustomize's engine, host side (issue 20). Only the server and the CLI import it.
import type { BuildResult } from './buildTypes';
import { KustomizeEngine, type KustomizeEngineOptions } from './kustomizeEngine';
import { enginePath, type OverlayFiles } from './readOverlay';

export type { BuildError, BuildErrorKind, BuildRequest, BuildResult, BuiltResource, KustomizeOrigin } from './buildTypes';
export { KustomizeEngine, bundledKustomizeFiles, type KustomizeEngineFiles, type KustomizeEngineOptions } from './kustomizeEngine';
export { readOverlay, kustomizationFileIn, kustomizationNames, enginePath, includedFolders, overlayRoots, topOverlays, kustomizationFolderOf, type OverlayFiles } from './readOverlay';

let shared: KustomizeEngine | undefined;
let sharedOptions: KustomizeEngineOptions = {};

/** How the process's engine is made, said before its first use (the server: `optimizedCodeOnly`). */
export function configureSharedKustomizeEngine(options: KustomizeEngineOptions): void {
  sharedOptions = options;
}

/** The process's engine, created (not loaded) on first use. */
export function sharedKustomizeEngine(): KustomizeEngine {
  shared ??= new KustomizeEngine(sharedOptions);
  return shared;
}

/**
 * Builds an overlay as `kustomize build` would, with kustomize's own code in WebAssembly (in
 * process: nothing external runs, so it is allowed in an untrusted workspace). Never throws.
 */
export function buildOverlay(overlay: OverlayFiles, engine: KustomizeEngine = sharedKustomizeEngine()): Promise<BuildResult> {
  const files = new Map<string, string>();
  for (const [path, text] of overlay.files) files.set(enginePath(path), text);
  return engine.build({ files, dir: enginePath(overlay.dir) });
}
