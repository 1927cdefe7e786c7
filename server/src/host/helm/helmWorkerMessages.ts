import type { RenderRequest } from './renderTypes';

/** What the worker needs to start: where the WebAssembly module and Go's glue are. */
export interface HelmWorkerData {
  wasmFile: string;
  wasmExecFile: string;
  /** How long to render the warm-up chart after loading (0: not at all). */
  warmUpBudgetMs: number;
  /** Compile the module with V8's optimising compiler only (see WasmEngineOptions.optimizedCodeOnly). */
  optimizedCodeOnly: boolean;
}

/**
 * Server (wasmEngine.ts) -> helm worker: render one request. Files travel as bytes (cloned).
 * `chart` (the chart's folder) lets the worker send the engine only what changed since that
 * chart's last render (see go/helm/cmd/wasm/keptFiles.go).
 */
export type ToHelmWorker = { id: number; chart: string | undefined; request: Omit<RenderRequest, 'chartDir'> };

/**
 * Helm worker -> server: `ready` once the module is loaded (with its load time), `warmed` when
 * it has stopped warming up (see warmUpChart.ts; a request stops it), then one
 * answer per request: the engine's JSON response and the module's memory size after it; or
 * why the engine failed.
 */
export type FromHelmWorker =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'warmed'; warmUpMs: number }
  | { kind: 'rendered'; id: number; responseJson: string; memoryBytes: number; log: string }
  | { kind: 'failed'; id: number | undefined; message: string };
