// The Helm rendering engine's host API (issue 19). Only the server and the CLI import it.
import { renderWithHelmBinary } from './helmBinary';
import type { RenderRequest, RenderResult } from './renderTypes';
import { WasmEngine, type WasmEngineOptions } from './wasmEngine';

export type { ChartFiles, EngineKind, RenderError, RenderErrorKind, RenderRequest, RenderResult, RenderedDocument, ValuesFile } from './renderTypes';
export { readChartFolder, chartPath } from './readChartFolder';
export { documentsOf } from './manifestDocuments';
export { WasmEngine, bundledFiles, type WasmEngineFiles, type WasmEngineOptions } from './wasmEngine';
export { renderWithHelmBinary, helmTemplateArgs, type HelmBinaryOptions } from './helmBinary';

/** How to render: the built-in engine, or a `helm` the user configured. */
export interface RenderOptions {
  /** A `helm` executable to run instead of the built-in engine (a user setting). */
  helmPath?: string;
  /** Workspace Trust, decided by the caller: with `helmPath` set and this false, nothing is spawned and the result is a `refused` error. */
  allowExternalProgram?: boolean;
  /** Time limit of one render (default 10 s). */
  timeoutMs?: number;
}

let shared: WasmEngine | undefined;
let sharedOptions: WasmEngineOptions = {};

/** How the process's built-in engine is made, said before its first use (the server: `optimizedCodeOnly`). */
export function configureSharedWasmEngine(options: WasmEngineOptions): void {
  sharedOptions = options;
}

/** The process's built-in engine, created (not loaded) on first use. */
export function sharedWasmEngine(): WasmEngine {
  shared ??= new WasmEngine(sharedOptions);
  return shared;
}

/**
 * Renders a chart as `helm template` would: with the built-in engine (Helm's Go code in
 * WebAssembly, loaded on the first call, in a worker thread), or with the configured
 * `helm` binary. Never throws: every failure is a `RenderResult` with an `error`.
 */
export async function renderChart(request: RenderRequest, options: RenderOptions = {}): Promise<RenderResult> {
  if (options.helmPath !== undefined && options.helmPath !== '') {
    return renderWithHelmBinary(request, {
      helmPath: options.helmPath,
      allowExternalProgram: options.allowExternalProgram ?? false,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
  return sharedWasmEngine().render(request, options.timeoutMs);
}
