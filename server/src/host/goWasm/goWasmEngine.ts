import { Worker } from 'node:worker_threads';
import type { EngineFailure, FromGoWasmWorker, GoWasmWorkerData, ToGoWasmWorker } from './goWasmMessages';
import { t } from '../../messages';

/** Where an engine's worker bundle, WebAssembly module and Go's glue are (dist/, beside the server's bundle). */
export interface GoWasmFiles {
  /** The worker's entry (dist/helmWorker.js; in tests, a bundle of the worker's source). */
  workerFile: string;
  wasmFile: string;
  /** Go's lib/wasm/wasm_exec.js of the Go that built the module. */
  wasmExecFile: string;
}

export interface GoWasmEngineOptions {
  files: GoWasmFiles;
  /** The engine's name in messages ("the Helm engine was stopped"). */
  name: string;
  /** A call that takes longer is stopped (each call may ask for another limit). */
  timeoutMs: number;
  /** The module's memory after a call past this restarts the engine; with `pollMemory`, a call that grows the process's past it is stopped (default 1 GiB). */
  memoryLimitBytes?: number | undefined;
  /** An idle engine is stopped after this long, giving its memory back (default 10 min). */
  idleMs?: number | undefined;
  /** How long the worker may warm up while idle (see goWasmWorker.ts). */
  warmUpBudgetMs: number;
  /** Compile with V8's optimising compiler only (`--no-liftoff`, the process's flag: every module compiled after it). */
  optimizedCodeOnly?: boolean | undefined;
  /** Look at the process's memory during a call (the worker is busy and cannot say), every 200 ms. */
  pollMemory?: boolean | undefined;
}

/** Why a call gave no answer of the engine's. */
export type EngineStop =
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'memory'; limitBytes: number }
  | { kind: 'engine'; message: string };

/** The engine's answer to one call. */
export interface EngineAnswer {
  responseJson: string;
  memoryBytes: number;
  /** What Go printed during the call. */
  log: string;
}

interface Pending {
  id: number;
  payload: unknown;
  timeoutMs: number;
  answered(answer: EngineAnswer, elapsedMs: number): void;
  stopped(stop: EngineStop, elapsedMs: number): void;
}

/** The call under way, and its limits (set once the module is ready). */
interface Running {
  pending: Pending;
  started: number;
  timer: NodeJS.Timeout | undefined;
  poll: NodeJS.Timeout | undefined;
}

const memoryPollMs = 200;

/**
 * An engine written in Go, compiled to WebAssembly, in a worker thread (goWasmWorker.ts): started
 * on the first call or on `warmUp()` (loading costs ~1 s and tens of MB), calls answered in order,
 * one at a time, each within its time limit. A call past its limit, a crash or a module grown past
 * the memory limit stops the worker (Go has no cancellation, and never gives memory back); the
 * next call starts a fresh one. Idle, the worker is stopped after a while and keeps no process alive.
 */
export class GoWasmEngine {
  private worker: Worker | undefined;
  private ready: Promise<number> | undefined;
  private warmed: Promise<number> | undefined;
  /** Settles `ready` and `warmed` of a worker that is stopped before it said them. */
  private abandon: (() => void) | undefined;
  private readonly queue: Pending[] = [];
  private current: Running | undefined;
  private lastId = 0;
  private idle: NodeJS.Timeout | undefined;
  /** The last load's time (read, compile, start the module), for figures. */
  loadMs: number | undefined;
  /** The last warm-up's time, for figures. */
  warmUpMs: number | undefined;
  /** The module's memory after the last call. */
  memoryBytes: number | undefined;

  private readonly memoryLimitBytes: number;
  private readonly idleMs: number;

  constructor(readonly options: GoWasmEngineOptions) {
    this.memoryLimitBytes = options.memoryLimitBytes ?? 1024 ** 3;
    this.idleMs = options.idleMs ?? 600_000;
  }

  /** Where the worker, the module and Go's glue are. */
  get files(): GoWasmFiles {
    return this.options.files;
  }

  /**
   * Calls the engine after the calls asked before it: `payload` goes to the worker's `answer`, the
   * engine's response JSON comes back parsed. Never rejects: an answer that is not JSON, or a call
   * stopped (time, memory, crash), is `stopped`.
   */
  protected call<Response, Result>(
    payload: unknown, timeoutMs: number,
    answered: (response: Response, elapsedMs: number, answer: EngineAnswer) => Result,
    stopped: (stop: EngineStop, elapsedMs: number) => Result,
  ): Promise<Result> {
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.queue.push({
        id: ++this.lastId, payload, timeoutMs,
        answered: (answer, elapsedMs) => {
          let response: Response;
          try {
            response = JSON.parse(answer.responseJson) as Response;
          } catch (error) {
            resolve(stopped({ kind: 'engine', message: t('engine.notJson', { name: this.options.name, detail: t('common.quoted', { text: String(error) }) }) }, elapsedMs));
            return;
          }
          resolve(answered(response, elapsedMs, answer));
        },
        stopped: (stop, elapsedMs) => resolve(stopped(stop, elapsedMs)),
      });
      this.next();
    });
  }

  /**
   * Loads the module now and lets it warm up while idle, so that the first call neither waits for
   * the load nor runs cold. Resolves to the load + warm-up time; rejects if the module cannot load
   * or the engine is stopped first.
   */
  async warmUp(): Promise<number> {
    const { worker, ready } = this.start();
    worker.ref(); // a process awaiting this must not end for lack of anything else to do
    try {
      const [loadMs, warmUpMs] = await Promise.all([ready, this.warmed ?? 0]);
      return loadMs + warmUpMs;
    } finally {
      if (!this.current && this.queue.length === 0) this.stopWhenIdle();
    }
  }

  /** Whether the worker is up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the worker; calls waiting or under way are answered as stopped. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.stopWorker();
    const waiting = [...this.queue.splice(0), ...(this.current ? [this.current.pending] : [])];
    if (this.current) this.clearLimits(this.current);
    this.current = undefined;
    for (const p of waiting) p.stopped({ kind: 'engine', message: t('engine.stopped', { name: this.options.name }) }, 0);
    clearTimeout(this.idle);
    if (worker) await worker.terminate();
  }

  private start(): { worker: Worker; ready: Promise<number> } {
    if (this.worker && this.ready) return { worker: this.worker, ready: this.ready };
    const { files, name, warmUpBudgetMs, optimizedCodeOnly } = this.options;
    const workerData: GoWasmWorkerData = { wasmFile: files.wasmFile, wasmExecFile: files.wasmExecFile, warmUpBudgetMs, optimizedCodeOnly: optimizedCodeOnly ?? false };
    const worker = new Worker(files.workerFile, { workerData });
    worker.unref(); // an idle engine must not keep the server or the CLI alive (see stopWhenIdle)
    this.worker = worker;
    let warmed: (ms: number) => void = () => undefined;
    this.warmed = new Promise<number>((resolve) => { warmed = resolve; });
    const ready = new Promise<number>((resolve, reject) => {
      this.abandon = () => {
        reject(new Error(t('engine.stopped', { name })));
        warmed(0);
      };
      worker.on('message', (message: FromGoWasmWorker) => {
        if (message.kind === 'ready') {
          this.loadMs = message.loadMs;
          resolve(message.loadMs);
        } else if (message.kind === 'warmed') {
          this.warmUpMs = message.warmUpMs;
          warmed(message.warmUpMs);
        } else if (message.kind === 'answered') {
          this.answered(message);
        } else {
          const said = failureMessage(name, message.failure, message.detail);
          if (message.id === undefined) {
            reject(new Error(said));
            warmed(0);
          }
          if (message.id !== undefined && message.id !== this.current?.pending.id) return;
          this.stopWorker();
          this.finish({ kind: 'engine', message: said });
        }
      });
      const fail = (message: string): void => {
        reject(new Error(message));
        warmed(0);
        if (this.worker !== worker) return;
        this.stopWorker();
        this.finish({ kind: 'engine', message });
      };
      worker.on('error', (error) => fail(failureMessage(name, 'call', error.message)));
      worker.on('exit', (code) => fail(t('engine.exitCode', { name, code })));
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
    const { worker, ready } = this.start();
    worker.ref(); // while a call is asked for, the process waits for it
    const current: Running = { pending, started: performance.now(), timer: undefined, poll: undefined };
    this.current = current;
    worker.postMessage({ id: pending.id, payload: pending.payload } satisfies ToGoWasmWorker<unknown>);
    // The limits start when the module is ready: a slow load is not the input's fault.
    void ready.then(() => {
      if (this.current !== current) return;
      this.clearLimits(current);
      current.timer = setTimeout(() => {
        this.stopWorker();
        this.finish({ kind: 'timeout', limitMs: pending.timeoutMs });
      }, pending.timeoutMs);
      if (!this.options.pollMemory) return;
      const rssAtStart = process.memoryUsage.rss();
      current.poll = setInterval(() => {
        if (process.memoryUsage.rss() - rssAtStart <= this.memoryLimitBytes) return;
        this.stopWorker();
        this.finish({ kind: 'memory', limitBytes: this.memoryLimitBytes });
      }, memoryPollMs);
    }, () => undefined);
  }

  private answered(message: Extract<FromGoWasmWorker, { kind: 'answered' }>): void {
    const current = this.current;
    if (!current || message.id !== current.pending.id) return;
    this.memoryBytes = message.memoryBytes;
    // A module that grew past the limit keeps its memory (Go never gives it back): start afresh next time.
    if (message.memoryBytes > this.memoryLimitBytes) this.stopWorker();
    this.settle(current, () => current.pending.answered(message, performance.now() - current.started));
  }

  private finish(stop: EngineStop): void {
    const current = this.current;
    if (current) this.settle(current, () => current.pending.stopped(stop, performance.now() - current.started));
  }

  private settle(current: Running, resolve: () => void): void {
    this.clearLimits(current);
    this.current = undefined;
    resolve();
    this.next();
  }

  private clearLimits(current: Running): void {
    clearTimeout(current.timer);
    clearInterval(current.poll);
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

/** A worker's failure in the user's language, the error's own text quoted. */
function failureMessage(name: string, failure: EngineFailure, detail: string): string {
  const quoted = t('common.quoted', { text: detail });
  switch (failure) {
    case 'load': return t('engine.load', { name, detail: quoted });
    case 'exit': return detail ? t('engine.exit', { name, detail: quoted }) : t('engine.exited', { name });
    case 'call': return t('engine.call', { name, detail: quoted });
    case 'notRunning': return t('engine.notRunning', { name });
  }
}
