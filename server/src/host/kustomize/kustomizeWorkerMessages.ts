/** What the worker needs to start: where the WebAssembly module and Go's glue are. */
export interface KustomizeWorkerData {
  wasmFile: string;
  wasmExecFile: string;
  /** How long to build the warm-up overlay after loading (0: not at all). */
  warmUpBudgetMs: number;
}

/**
 * Server (kustomizeEngine.ts) -> worker: build the overlay in `dir` from `files` (absolute slash
 * paths -> text). The worker sends the engine only what changed since its last request (see
 * go/kustomize/cmd/wasm/keptFiles.go).
 */
export type ToKustomizeWorker = { id: number; dir: string; files: Map<string, string> };

/** Worker -> server: `ready` once loaded, `warmed` when it stopped warming up (a request stops it), then one answer per request, or why the engine failed. */
export type FromKustomizeWorker =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'warmed'; warmUpMs: number }
  | { kind: 'built'; id: number; responseJson: string; memoryBytes: number }
  | { kind: 'failed'; id: number | undefined; message: string };
