/** What a Go-WebAssembly worker needs to start (goWasmWorker.ts): where the module and Go's glue are. */
export interface GoWasmWorkerData {
  wasmFile: string;
  /** Go's lib/wasm/wasm_exec.js of the Go that built the module. */
  wasmExecFile: string;
  /** How long the worker may spend warming up while idle (0: not at all; see GoWasmWorkerSetup.warmUp). */
  warmUpBudgetMs: number;
  /** Compile the module with V8's optimising compiler only (see GoWasmEngineOptions.optimizedCodeOnly). */
  optimizedCodeOnly: boolean;
}

/** Host (goWasmEngine.ts) -> worker: one call; `payload` is the engine's own request (see each engine's worker messages). */
export type ToGoWasmWorker<Payload> = { id: number; payload: Payload };

/**
 * Worker -> host: `ready` once the module is loaded (with its load time), `warmed` when it first
 * stopped warming up (a request stops it), then one answer per call: the engine's JSON response,
 * the module's memory after it and what Go printed meanwhile; or why the engine failed (`id`
 * undefined: the engine itself, not one call).
 */
export type FromGoWasmWorker =
  | { kind: 'ready'; loadMs: number }
  | { kind: 'warmed'; warmUpMs: number }
  | { kind: 'answered'; id: number; responseJson: string; memoryBytes: number; log: string }
  | { kind: 'failed'; id: number | undefined; failure: EngineFailure; detail: string };

/**
 * Why a worker's engine failed; the host words it in the user's language (the worker has no
 * catalog): `detail` is the error's own text (V8's, Go's), quoted as it is.
 */
export type EngineFailure = 'load' | 'exit' | 'call' | 'notRunning';
