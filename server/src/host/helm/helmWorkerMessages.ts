import type { RenderRequest } from './renderTypes';

/**
 * Server (wasmEngine.ts) -> helm worker: render one request (the payload of a call of the shared
 * Go-WebAssembly host, ../goWasm). Files travel as bytes (cloned). `chart` (the chart's folder)
 * lets the worker send the engine only what changed since that chart's last render (see
 * go/helm/cmd/wasm/keptFiles.go).
 */
export type ToHelmWorker = { chart: string | undefined; request: Omit<RenderRequest, 'chartDir'> };
