import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildError, BuildRequest, BuildResult, BuiltResource } from './buildTypes';
import type { FromKustomizeWorker, KustomizeWorkerData, ToKustomizeWorker } from './kustomizeWorkerMessages';

/** Where the worker bundle, the module and Go's glue are (dist/, beside the server's bundle). */
export interface KustomizeEngineFiles {
  workerFile: string;
  wasmFile: string;
  wasmExecFile: string;
}

export interface KustomizeEngineOptions {
  files?: KustomizeEngineFiles;
  /** A build that takes longer is stopped (default 30 s: argo-cd's HA overlay, 61 resources and ~70 patches, takes 2-5 s on a loaded machine). */
  timeoutMs?: number;
  /** The engine is restarted when its module's memory passes this after a build (default 1 GiB). */
  memoryLimitBytes?: number;
  /** An idle engine is stopped after this long (default 10 min). */
  idleMs?: number;
  /** While idle, the worker builds its last overlay (a small one before any request) again for up to this long in all, the first cold build not counted (default 2 s; see kustomizeWorkerThread.ts). */
  warmUpBudgetMs?: number;
}

export const bundledKustomizeFiles: KustomizeEngineFiles = {
  workerFile: join(__dirname, 'kustomizeWorker.js'),
  wasmFile: join(__dirname, 'kustomize.wasm'),
  wasmExecFile: join(__dirname, 'kustomize_wasm_exec.js'),
};

interface Pending {
  id: number;
  dir: string;
  files: Map<string, string>;
  resolve(result: BuildResult): void;
  started: number;
  timer?: NodeJS.Timeout;
}

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
 * kustomize's engine (go/kustomize in WebAssembly) in a worker thread: loaded on the first build
 * or on `warmUp()`, builds answered in order, one at a time. A build past the time limit stops the
 * worker (the next build starts a fresh one): kustomize has no cancellation of its own.
 */
export class KustomizeEngine {
  private worker: Worker | undefined;
  private ready: Promise<number> | undefined;
  /** Resolves when the worker stopped warming up (0 if it never says so: stopped, failed). */
  private warmed: Promise<number> | undefined;
  /** Settles `warmed` of a worker stopped before it said so. */
  private abandonWarmUp: (() => void) | undefined;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private lastId = 0;
  private idle: NodeJS.Timeout | undefined;
  readonly files: KustomizeEngineFiles;
  private readonly timeoutMs: number;
  private readonly memoryLimitBytes: number;
  private readonly idleMs: number;
  private readonly warmUpBudgetMs: number;
  /** The last load's time, for figures. */
  loadMs: number | undefined;

  constructor(options: KustomizeEngineOptions = {}) {
    this.files = options.files ?? bundledKustomizeFiles;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.memoryLimitBytes = options.memoryLimitBytes ?? 1024 ** 3;
    this.idleMs = options.idleMs ?? 600_000;
    this.warmUpBudgetMs = options.warmUpBudgetMs ?? 2_000;
  }

  /** Builds after the builds asked before it. Never throws: a failure is a result with an `error`. */
  build(request: BuildRequest): Promise<BuildResult> {
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.queue.push({ id: ++this.lastId, dir: request.dir, files: textFiles(request), resolve, started: 0 });
      this.next();
    });
  }

  /** The last warm-up's time (builds of a small overlay after the load, until the first request). */
  warmUpMs: number | undefined;

  /** Loads the module now (an overlay was seen in the workspace) and lets it warm up; resolves to load + warm-up time. */
  async warmUp(): Promise<number> {
    const { worker, ready } = this.start();
    worker.ref();
    try {
      const [loadMs, warmUpMs] = await Promise.all([ready, this.warmed ?? 0]);
      return loadMs + warmUpMs;
    } finally {
      if (!this.current && this.queue.length === 0) this.stopWhenIdle();
    }
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the worker; builds waiting are answered with an error. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.stopWorker();
    const waiting = [...this.queue.splice(0), ...(this.current ? [this.current] : [])];
    this.current = undefined;
    for (const p of waiting) {
      clearTimeout(p.timer);
      p.resolve(failure({ kind: 'engine', message: 'the kustomize engine was stopped' }, 0));
    }
    clearTimeout(this.idle);
    if (worker) await worker.terminate();
  }

  private start(): { worker: Worker; ready: Promise<number> } {
    if (this.worker && this.ready) return { worker: this.worker, ready: this.ready };
    const workerData: KustomizeWorkerData = { wasmFile: this.files.wasmFile, wasmExecFile: this.files.wasmExecFile, warmUpBudgetMs: this.warmUpBudgetMs };
    const worker = new Worker(this.files.workerFile, { workerData });
    worker.unref();
    this.worker = worker;
    let warmed: (ms: number) => void = () => undefined;
    this.warmed = new Promise<number>((resolve) => { warmed = resolve; });
    this.abandonWarmUp = () => warmed(0);
    const ready = new Promise<number>((resolve, reject) => {
      worker.on('message', (message: FromKustomizeWorker) => {
        if (message.kind === 'ready') {
          this.loadMs = message.loadMs;
          resolve(message.loadMs);
        } else if (message.kind === 'warmed') {
          this.warmUpMs = message.warmUpMs;
          warmed(message.warmUpMs);
        } else if (message.kind === 'built') {
          this.answered(message.id, message.responseJson, message.memoryBytes);
        } else {
          reject(new Error(message.message));
          warmed(0);
          if (message.id === undefined || message.id === this.current?.id) this.fail(message.message);
        }
      });
      worker.on('error', (error) => {
        reject(error);
        warmed(0);
        this.fail(`the kustomize engine failed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        reject(new Error(`exit ${code}`));
        warmed(0);
        if (this.worker === worker) this.fail(`the kustomize engine stopped (exit code ${code})`);
      });
    });
    ready.catch(() => undefined);
    this.ready = ready;
    return { worker, ready };
  }

  private next(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) {
      this.stopWhenIdle();
      return;
    }
    this.current = pending;
    const { worker, ready } = this.start();
    worker.ref();
    pending.started = performance.now();
    worker.postMessage({ id: pending.id, dir: pending.dir, files: pending.files } satisfies ToKustomizeWorker);
    // The limit starts when the module is ready: a slow load is not the overlay's fault.
    void ready.then(() => {
      if (this.current !== pending) return;
      pending.timer = setTimeout(() => {
        this.stopWorker();
        this.settle(failure({ kind: 'timeout', message: `kustomize did not finish building within ${this.timeoutMs / 1000} s` }, performance.now() - pending.started));
      }, this.timeoutMs);
    }, () => undefined);
  }

  private answered(id: number, responseJson: string, memoryBytes: number): void {
    const current = this.current;
    if (!current || current.id !== id) return;
    const elapsedMs = performance.now() - current.started;
    let result: BuildResult;
    try {
      const response = JSON.parse(responseJson) as EngineResponse;
      result = response.error
        ? failure({ kind: response.error.remote ? 'remote' : 'kustomize', message: response.error.message.trimEnd() }, elapsedMs)
        : { manifest: manifestOf(response), resources: response.resources ?? [], elapsedMs };
    } catch (error) {
      result = failure({ kind: 'engine', message: `the kustomize engine's answer is not JSON: ${String(error)}` }, elapsedMs);
    }
    // Go never gives memory back: a module that grew past the limit starts afresh next time.
    if (memoryBytes > this.memoryLimitBytes) this.stopWorker();
    this.settle(result);
  }

  private fail(message: string): void {
    this.stopWorker();
    const current = this.current;
    if (current) this.settle(failure({ kind: 'engine', message }, performance.now() - current.started));
  }

  private settle(result: BuildResult): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    current.resolve(result);
    this.next();
  }

  private stopWhenIdle(): void {
    this.worker?.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stopWorker(), this.idleMs).unref();
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.abandonWarmUp?.();
    this.abandonWarmUp = undefined;
    this.worker = undefined;
    this.ready = undefined;
    this.warmed = undefined;
    if (!worker) return;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
  }
}

/** What `kustomize build` prints: the resources' texts joined (the engine leaves the manifest out, see go/kustomize/cmd/wasm). */
function manifestOf(response: EngineResponse): string {
  return response.manifest || (response.resources ?? []).map((r) => r.text).join('---\n');
}

function failure(error: BuildError, elapsedMs: number): BuildResult {
  return { manifest: '', resources: [], error, elapsedMs };
}
