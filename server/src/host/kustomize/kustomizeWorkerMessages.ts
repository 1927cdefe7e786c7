/** What the worker needs to start: where the WebAssembly module and Go's glue are. */
export interface KustomizeWorkerData {
  wasmFile: string;
  wasmExecFile: string;
  /** How long to build the warm-up overlay after loading (0: not at all). */
  warmUpBudgetMs: number;
}

/** Server (kustomizeEngine.ts) -> worker: build one request (go/kustomize's Request JSON). */
export type ToKustomizeWorker = { id: number; requestJson: string };

/** Worker -> server: `ready` once loaded, `warmed` when it stopped warming up (a request stops it), then one answer per request, or why the engine failed. */
export type FromKustomizeWorker =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'warmed'; warmUpMs: number }
  | { kind: 'built'; id: number; responseJson: string; memoryBytes: number }
  | { kind: 'failed'; id: number | undefined; message: string };
