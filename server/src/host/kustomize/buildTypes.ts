/** Where a built resource came from, as kustomize records it (`config.kubernetes.io/origin`). */
export interface KustomizeOrigin {
  /** The resource's file, relative to the built kustomization's folder (`../base/sts.yaml`). */
  path?: string;
  repo?: string;
  ref?: string;
  /** The kustomization that configured the generator or transformer (relative, like `path`). */
  configuredIn?: string;
  configuredBy?: { apiVersion?: string; kind?: string; name?: string };
}

/** One resource of a build: its YAML as `kustomize build` prints it, its origin and the transformers that ran over it, in order. */
export interface BuiltResource {
  text: string;
  origin?: KustomizeOrigin;
  transformations?: KustomizeOrigin[];
}

/** Why a build gave nothing: kustomize's own error, a remote resource refused, the time limit, or the engine itself. */
export type BuildErrorKind = 'kustomize' | 'remote' | 'timeout' | 'engine';

export interface BuildError {
  kind: BuildErrorKind;
  message: string;
}

/** What to build: every file the build may read (absolute paths), and the kustomization's folder. */
export interface BuildRequest {
  files: ReadonlyMap<string, Uint8Array | string>;
  dir: string;
}

export interface BuildResult {
  /** Byte for byte what `kustomize build dir` prints (empty on error). */
  manifest: string;
  resources: BuiltResource[];
  error?: BuildError;
  elapsedMs: number;
}
