/**
 * Server (kustomizeEngine.ts) -> worker: build the overlay in `dir` from `files` (absolute slash
 * paths -> text), the payload of a call of the shared Go-WebAssembly host (../goWasm). The worker
 * sends the engine only what changed since its last request (see go/kustomize/cmd/wasm/keptFiles.go).
 */
export type ToKustomizeWorker = { dir: string; files: Map<string, string> };
