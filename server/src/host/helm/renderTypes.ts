// The Helm rendering engine's host API: what a render takes and what it answers. The
// engine is Helm's own Go code (go/helm), compiled to WebAssembly and run in a worker
// thread (wasmEngine.ts), or an installed `helm` binary (helmBinary.ts).

/** A chart's files: path relative to the chart's folder, with `/` separators -> content. */
export type ChartFiles = Map<string, Uint8Array>;

/** A values file given with `-f`: the name Helm prints in its errors, and its content. */
export interface ValuesFile {
  /** Shown in Helm's error messages (`failed to parse NAME: ...`); a path as the user named it. */
  name: string;
  content: Uint8Array | string;
}

/** One `helm template [RELEASE] CHART -f ... --set ... -n NS`. */
export interface RenderRequest {
  /** The chart's files (see readChartFolder); subcharts under charts/, as folders or .tgz. */
  files: ChartFiles;
  /** The chart's folder on disk, when there is one; only the `helm` binary backend uses it. */
  chartDir?: string;
  /** `-f` values files, in order (the chart's own values.yaml is read from `files`). */
  valuesFiles?: readonly ValuesFile[];
  /** `--set` strings, in order. */
  set?: readonly string[];
  /** `--set-string` strings, in order. */
  setString?: readonly string[];
  /** Release name; default `release-name`, as `helm template`. */
  releaseName?: string;
  /** Namespace; default `default`. */
  namespace?: string;
  /** `--kube-version`; default Helm's built-in Kubernetes version. */
  kubeVersion?: string;
  /** `--api-versions`. */
  apiVersions?: readonly string[];
}

/** One rendered document, after its `# Source:` header in the manifest. */
export interface RenderedDocument {
  /** As Helm names it: `<chart name>/templates/x.yaml`, `<chart>/charts/<sub>/templates/y.yaml`. */
  source: string;
  /** The document's text up to the next `---` header, with its final newline. */
  text: string;
  /** Where `text` starts in `manifest` (UTF-16 offset). */
  offset: number;
}

/** Why a render gave no manifest. */
export type RenderErrorKind =
  /** Helm refused the chart: template/values/dependency errors; the message is Helm's own. */
  | 'helm'
  /** The render passed its time limit (a loop?); the engine was stopped. */
  | 'timeout'
  /** The render passed its memory limit; the engine was stopped. */
  | 'memory'
  /** The engine itself failed (not built, crashed, the binary could not run). */
  | 'engine'
  /** An external `helm` binary was configured but may not run (untrusted workspace). */
  | 'refused';

export interface RenderError {
  kind: RenderErrorKind;
  /**
   * For `helm`: Helm's message verbatim but for trailing white space. A template error names
   * the place on its first line, Helm 4's way: `<chart>/templates/x.yaml:LINE:COL`, then
   * `  executing "<chart>/templates/x.yaml" at <.Values.x>:` and the cause, indented.
   */
  message: string;
}

/** Which backend answered. */
export type EngineKind = 'wasm' | 'binary';

/** What `helm template` printed: the manifest byte for byte, cut into documents; or an error. */
export interface RenderResult {
  /** `helm template`'s stdout, exactly; empty when `error` is set. */
  manifest: string;
  documents: RenderedDocument[];
  error?: RenderError;
  engine: EngineKind;
  /**
   * What Helm logged while rendering (its stderr), when anything: warnings such as
   * `cannot overwrite table with non table for vault.server.ha (...)`, one a line. The
   * built-in engine prints them bare, the `helm` CLI as `level=INFO msg="..."`.
   */
  log?: string;
  /** Wall time of the render, not counting the wait for earlier renders (but a module load, when the engine was not loaded). */
  elapsedMs: number;
}
