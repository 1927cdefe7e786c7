import { join } from 'node:path';
import { GoWasmEngine, type GoWasmFiles } from '../goWasm/goWasmEngine';
import type { ToHelmWorker } from './helmWorkerMessages';
import { documentsOf } from './manifestDocuments';
import type { RenderError, RenderRequest, RenderResult } from './renderTypes';
import { t } from '../../messages';

/** Where the bundles and the module sit: dist/helmWorker.js, dist/helm.wasm, dist/helm_wasm_exec.js (Go's wasm_exec.js), next to the server's and the CLI's bundles. */
export type WasmEngineFiles = GoWasmFiles;

export interface WasmEngineOptions {
  files?: WasmEngineFiles;
  /** A render that takes longer is stopped (default 10 s). */
  timeoutMs?: number;
  /** The engine is stopped when its memory passes this (default 1 GiB). */
  memoryLimitBytes?: number;
  /** An idle engine is stopped after this long, giving its memory back (default 10 min). */
  idleMs?: number;
  /**
   * After loading, the worker renders a small chart for up to this long while no request
   * came (default 1.5 s): WebAssembly runs slowly until V8 has optimised the paths of a
   * render (measured: a first bitnami/postgresql render of 1.7 s without, 0.5 s after 2 s of it).
   */
  warmUpBudgetMs?: number;
  /**
   * Compile Helm's code with V8's optimising compiler only (`--no-liftoff`), for a long-lived
   * engine: the baseline code V8 otherwise keeps beside the optimised one costs ~70 MB, while a
   * warm render is as fast either way; the first render of each code path is slower (measured:
   * 2.5 s instead of 1 s for a cold bitnami/postgresql), so a one-shot CLI run leaves it off.
   * The flag is the process's: it applies to every module compiled after it is set.
   */
  optimizedCodeOnly?: boolean;
}

export const bundledFiles: WasmEngineFiles = {
  workerFile: join(__dirname, 'helmWorker.js'),
  wasmFile: join(__dirname, 'helm.wasm'),
  wasmExecFile: join(__dirname, 'helm_wasm_exec.js'),
};

/**
 * Helm's engine in a worker thread (the shared Go-WebAssembly host, ../goWasm: loaded on the first
 * render or on `warmUp()`, restarted after a render it had to stop, renders answered in order, one
 * at a time; `loadMs`, `warmUpMs` and `memoryBytes` for figures).
 */
export class WasmEngine extends GoWasmEngine {
  constructor(options: WasmEngineOptions = {}) {
    super({ name: 'Helm', files: bundledFiles, timeoutMs: 10_000, warmUpBudgetMs: 1_500, pollMemory: true, ...options });
  }

  /**
   * Renders `request` after the renders asked before it. `timeoutMs` overrides the engine's
   * time limit for this one; either way the limit grows by 2 s per MB of input beyond the
   * first (WebAssembly parses YAML ~10x slower than native Go: a 5 MB values file takes
   * 4-12 s, where `helm template` takes 0.4 s), so that size alone is not taken for a loop.
   */
  render(request: RenderRequest, timeoutMs = this.options.timeoutMs): Promise<RenderResult> {
    const extraMs = Math.max(0, inputBytes(request) / 1e6 - 1) * 2_000;
    const { chartDir, ...rest } = request;
    const payload: ToHelmWorker = { chart: chartDir, request: rest };
    return this.call<EngineResponse, RenderResult>(payload, timeoutMs + extraMs, (response, elapsedMs, { log }) => (response.error
      ? failure({ kind: 'helm', message: response.error.message.trimEnd() }, elapsedMs)
      : { manifest: response.manifest, documents: documentsOf(response.manifest), engine: 'wasm', elapsedMs, ...(log ? { log } : {}) }
    ), (stop, elapsedMs) => failure(stop.kind === 'timeout'
      ? { kind: 'timeout', message: t('helm.wasmTimeout', { limit: formatSeconds(stop.limitMs) }) }
      : stop.kind === 'memory'
        ? { kind: 'memory', message: t('helm.wasmMemory', { limit: formatBytes(stop.limitBytes) }) }
        : { kind: 'engine', message: stop.message }, elapsedMs));
  }
}

/** go/helm's Response. Documents are cut here again from the manifest (with offsets). */
interface EngineResponse {
  manifest: string;
  error?: { message: string };
}

function inputBytes(request: RenderRequest): number {
  let bytes = 0;
  for (const content of request.files.values()) bytes += content.byteLength;
  for (const file of request.valuesFiles ?? []) bytes += typeof file.content === 'string' ? file.content.length : file.content.byteLength;
  return bytes;
}

function failure(error: RenderError, elapsedMs: number): RenderResult {
  return { manifest: '', documents: [], error, engine: 'wasm', elapsedMs };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Number((bytes / 1024 ** 3).toFixed(1))} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
