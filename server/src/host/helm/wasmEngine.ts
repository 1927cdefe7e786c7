import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromHelmWorker, HelmWorkerData, ToHelmWorker } from './helmWorkerMessages';
import { documentsOf } from './manifestDocuments';
import type { RenderError, RenderRequest, RenderResult } from './renderTypes';

/** Where the bundles and the module sit: dist/, next to the server's and the CLI's bundles. */
export interface WasmEngineFiles {
  /** dist/helmWorker.js (or, in tests, helmWorkerThread.ts run through tsx). */
  workerFile: string;
  /** dist/helm.wasm */
  wasmFile: string;
  /** dist/helm_wasm_exec.js: Go's lib/wasm/wasm_exec.js of the Go that built the module. */
  wasmExecFile: string;
}

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

interface Pending {
  id: number;
  request: RenderRequest;
  timeoutMs: number;
  resolve(result: RenderResult): void;
}

/** The render under way, and its limits (set once the module is ready). */
interface Running {
  pending: Pending;
  started: number;
  timer: NodeJS.Timeout | undefined;
  poll: NodeJS.Timeout | undefined;
}

/** How often the process's memory is looked at during a render (the worker is busy and cannot say). */
const memoryPollMs = 200;

/**
 * Helm's engine in a worker thread, started on the first render (never before: loading the
 * module costs ~1 s and tens of MB) and restarted after a render it had to stop. Renders
 * are answered in order, one at a time.
 */
export class WasmEngine {
  private worker: Worker | undefined;
  private ready: Promise<number> | undefined;
  private warmed: Promise<number> | undefined;
  /** Settles `ready` and `warmed` of a worker that is stopped before it said them. */
  private abandon: (() => void) | undefined;
  private readonly queue: Pending[] = [];
  private current: Running | undefined;
  private lastId = 0;
  private idle: NodeJS.Timeout | undefined;
  /** Where the worker, the module and Go's glue are. */
  readonly files: WasmEngineFiles;
  private readonly timeoutMs: number;
  private readonly memoryLimitBytes: number;
  private readonly idleMs: number;
  private readonly warmUpBudgetMs: number;
  private readonly optimizedCodeOnly: boolean;
  /** The last load's time (read, compile, start the module), for figures. */
  loadMs: number | undefined;
  /** The last warm-up's time (renders of warmUpChart.ts after the load, until the first request). */
  warmUpMs: number | undefined;
  /** The module's memory after the last render. */
  memoryBytes: number | undefined;

  constructor(options: WasmEngineOptions = {}) {
    this.files = options.files ?? bundledFiles;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.memoryLimitBytes = options.memoryLimitBytes ?? 1024 ** 3;
    this.idleMs = options.idleMs ?? 600_000;
    this.warmUpBudgetMs = options.warmUpBudgetMs ?? 1_500;
    this.optimizedCodeOnly = options.optimizedCodeOnly ?? false;
  }

  /**
   * Renders `request` after the renders asked before it. `timeoutMs` overrides the engine's
   * time limit for this one; either way the limit grows by 2 s per MB of input beyond the
   * first (WebAssembly parses YAML ~10x slower than native Go: a 5 MB values file takes
   * 4-12 s, where `helm template` takes 0.4 s), so that size alone is not taken for a loop.
   */
  render(request: RenderRequest, timeoutMs = this.timeoutMs): Promise<RenderResult> {
    clearTimeout(this.idle);
    const extraMs = Math.max(0, inputBytes(request) / 1e6 - 1) * 2_000;
    return new Promise((resolve) => {
      this.queue.push({ id: ++this.lastId, request, timeoutMs: timeoutMs + extraMs, resolve });
      this.next();
    });
  }

  /**
   * Loads the module now (e.g. when a chart is seen in the workspace) and lets it warm up
   * while idle, so that the first render neither waits for the load nor runs cold. Resolves
   * to the load + warm-up time; rejects if the module cannot load or the engine is stopped first.
   */
  async warmUp(): Promise<number> {
    const { worker } = this.start();
    worker.ref(); // a process awaiting this must not end for lack of anything else to do
    try {
      const [loadMs, warmUpMs] = await Promise.all([this.ready ?? 0, this.warmed ?? 0]);
      return loadMs + warmUpMs;
    } finally {
      if (!this.current && this.queue.length === 0) this.stopWhenIdle();
    }
  }

  /** Whether the worker is up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the worker; renders waiting are answered with an error. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.stopWorker();
    for (const p of this.queue.splice(0)) p.resolve(failure({ kind: 'engine', message: 'the Helm engine was stopped' }, 0));
    clearTimeout(this.idle);
    if (worker) await worker.terminate();
  }

  private start(): { worker: Worker; ready: Promise<number> | undefined } {
    if (this.worker) return { worker: this.worker, ready: this.ready };
    const workerData: HelmWorkerData = { wasmFile: this.files.wasmFile, wasmExecFile: this.files.wasmExecFile, warmUpBudgetMs: this.warmUpBudgetMs,
      optimizedCodeOnly: this.optimizedCodeOnly,
    };
    const worker = new Worker(this.files.workerFile, { workerData });
    worker.unref(); // an idle engine must not keep the server or the CLI alive (see stopWhenIdle)
    this.worker = worker;
    let warmed: (ms: number) => void = () => undefined;
    this.warmed = new Promise<number>((resolve) => { warmed = resolve; });
    this.ready = new Promise<number>((resolve, reject) => {
      this.abandon = () => {
        reject(new Error('the Helm engine was stopped'));
        warmed(0);
      };
      worker.on('message', (message: FromHelmWorker) => {
        if (message.kind === 'ready') {
          this.loadMs = message.loadMs;
          resolve(message.loadMs);
        } else if (message.kind === 'warmed') {
          this.warmUpMs = message.warmUpMs;
          warmed(message.warmUpMs);
        } else this.answered(message);
      });
      const fail = (message: string): void => {
        reject(new Error(message));
        warmed(0);
        if (this.worker !== worker) return;
        this.stopWorker();
        this.finish({ kind: 'engine', message });
      };
      worker.on('error', (error) => fail(`the Helm engine failed: ${error.message}`));
      worker.on('exit', (code) => fail(`the Helm engine stopped (exit code ${code})`));
    });
    this.ready.catch(() => undefined);
    return { worker, ready: this.ready };
  }

  private next(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) {
      this.stopWhenIdle();
      return;
    }
    const { worker, ready } = this.start();
    worker.ref(); // while a render is asked for, the process waits for it
    const started = performance.now();
    const current: Running = { pending, started, timer: undefined, poll: undefined };
    this.current = current;
    const { chartDir, ...request } = pending.request;
    worker.postMessage({ id: pending.id, chart: chartDir, request } satisfies ToHelmWorker);
    // The limits start when the module is ready: a slow load is not the chart's fault.
    void ready?.then(() => {
      if (this.current !== current) return;
      clearTimeout(current.timer);
      clearInterval(current.poll);
      current.timer = setTimeout(() => {
        this.stopWorker();
        this.finish({ kind: 'timeout', message: `the chart's templates did not finish rendering within ${formatSeconds(pending.timeoutMs)} (a loop?)` });
      }, pending.timeoutMs);
      const rssAtStart = process.memoryUsage.rss();
      current.poll = setInterval(() => {
        if (process.memoryUsage.rss() - rssAtStart <= this.memoryLimitBytes) return;
        this.stopWorker();
        this.finish({ kind: 'memory', message: `the chart's templates used more than ${formatBytes(this.memoryLimitBytes)} of memory while rendering` });
      }, memoryPollMs);
    }, () => undefined);
  }

  private answered(message: Extract<FromHelmWorker, { kind: 'rendered' | 'failed' }>): void {
    if (message.kind === 'failed') {
      if (message.id !== undefined && message.id !== this.current?.pending.id) return;
      this.stopWorker();
      this.finish({ kind: 'engine', message: message.message });
      return;
    }
    if (message.id !== this.current?.pending.id) return;
    this.memoryBytes = message.memoryBytes;
    const current = this.current;
    let result: RenderResult;
    try {
      const response = JSON.parse(message.responseJson) as EngineResponse;
      const elapsedMs = performance.now() - current.started;
      result = response.error
        ? failure({ kind: 'helm', message: response.error.message.trimEnd() }, elapsedMs)
        : { manifest: response.manifest, documents: documentsOf(response.manifest), engine: 'wasm', elapsedMs, ...(message.log ? { log: message.log } : {}) };
    } catch (error) {
      result = failure({ kind: 'engine', message: `the Helm engine's answer is not JSON: ${String(error)}` }, performance.now() - current.started);
    }
    // A module that grew past the limit keeps its memory (Go never gives it back): start afresh next time.
    if (message.memoryBytes > this.memoryLimitBytes) this.stopWorker();
    this.settle(result);
  }

  private finish(error: RenderError): void {
    const current = this.current;
    if (!current) return;
    this.settle(failure(error, performance.now() - current.started));
  }

  private settle(result: RenderResult): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    clearInterval(current.poll);
    this.current = undefined;
    current.pending.resolve(result);
    this.next();
  }

  private stopWhenIdle(): void {
    this.worker?.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stopWorker(), this.idleMs).unref();
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.abandon?.();
    this.abandon = undefined;
    this.worker = undefined;
    this.ready = undefined;
    this.warmed = undefined;
    if (!worker) return;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
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
