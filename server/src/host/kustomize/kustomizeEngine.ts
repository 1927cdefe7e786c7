import { join } from 'node:path';
import { GoWasmEngine, type GoWasmFiles } from '../goWasm/goWasmEngine';
import type { BuildError, BuildRequest, BuildResult, BuiltResource } from './buildTypes';
import type { ToKustomizeWorker } from './kustomizeWorkerMessages';
import { t } from '../../messages';

/** Where the worker bundle, the module and Go's glue are (dist/, beside the server's bundle). */
export type KustomizeEngineFiles = GoWasmFiles;

export interface KustomizeEngineOptions {
  files?: KustomizeEngineFiles;
  /** A build that takes longer is stopped (default 30 s: argo-cd's HA overlay, 61 resources and ~70 patches, takes 2-5 s on a loaded machine). */
  timeoutMs?: number;
  /** The engine is restarted when its module's memory passes this after a build (default 1 GiB). */
  memoryLimitBytes?: number;
  /** An idle engine is stopped after this long (default 10 min). */
  idleMs?: number;
  /** Compile kustomize's code with V8's optimising compiler only, for a long-lived engine (see WasmEngineOptions.optimizedCodeOnly; the flag is the process's). */
  optimizedCodeOnly?: boolean;
  /** While idle, the worker builds its last overlay (a small one before any request) again for up to this long in all, the first cold build not counted (default 2 s; see kustomizeWorkerThread.ts). */
  warmUpBudgetMs?: number;
}

export const bundledKustomizeFiles: KustomizeEngineFiles = {
  workerFile: join(__dirname, 'kustomizeWorker.js'),
  wasmFile: join(__dirname, 'kustomize.wasm'),
  wasmExecFile: join(__dirname, 'kustomize_wasm_exec.js'),
};

/** go/kustomize's Response. */
interface EngineResponse {
  manifest: string;
  resources: BuiltResource[] | null;
  error?: { message: string; remote?: boolean };
}

const decoder = new TextDecoder();

/** The files as text (the engine's store keeps text: the host reads files as UTF-8). */
function textFiles(request: BuildRequest): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, content] of request.files) files.set(name, typeof content === 'string' ? content : decoder.decode(content));
  return files;
}

/**
 * kustomize's engine (go/kustomize in WebAssembly) in a worker thread (the shared Go-WebAssembly
 * host, ../goWasm): loaded on the first build or on `warmUp()`, builds answered in order, one at a
 * time. A build past the time limit stops the worker (the next build starts a fresh one):
 * kustomize has no cancellation of its own.
 */
export class KustomizeEngine extends GoWasmEngine {
  constructor(options: KustomizeEngineOptions = {}) {
    super({ name: 'kustomize', files: bundledKustomizeFiles, timeoutMs: 30_000, warmUpBudgetMs: 2_000, ...options });
  }

  /** Builds after the builds asked before it. Never throws: a failure is a result with an `error`. */
  build(request: BuildRequest): Promise<BuildResult> {
    const payload: ToKustomizeWorker = { dir: request.dir, files: textFiles(request) };
    return this.call<EngineResponse, BuildResult>(payload, this.options.timeoutMs, (response, elapsedMs) => (response.error
      ? failure({ kind: response.error.remote ? 'remote' : 'kustomize', message: response.error.message.trimEnd() }, elapsedMs)
      : { manifest: manifestOf(response), resources: response.resources ?? [], elapsedMs }
    ), (stop, elapsedMs) => failure(stop.kind === 'timeout'
      ? { kind: 'timeout', message: t('kustomize.timeout', { seconds: stop.limitMs / 1000 }) }
      : { kind: 'engine', message: stop.kind === 'engine' ? stop.message : t('kustomize.memory') }, elapsedMs));
  }
}

/** What `kustomize build` prints: the resources' texts joined (the engine leaves the manifest out, see go/kustomize/cmd/wasm). */
function manifestOf(response: EngineResponse): string {
  return response.manifest || (response.resources ?? []).map((r) => r.text).join('---\n');
}

function failure(error: BuildError, elapsedMs: number): BuildResult {
  return { manifest: '', resources: [], error, elapsedMs };
}
