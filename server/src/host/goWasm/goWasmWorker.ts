import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromGoWasmWorker, GoWasmWorkerData, ToGoWasmWorker } from './goWasmMessages';

// The worker-thread side of an engine written in Go and compiled to WebAssembly (Helm's, kustomize's):
// loads Go's glue and the module, keeps what Go prints off the server's stdout (the LSP stream),
// answers one call at a time, and warms V8 up while idle. A call blocks this thread; the host
// (goWasmEngine.ts) stops the thread from outside when it takes too long.

/** What Go's wasm_exec.js defines on globalThis. */
interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
interface GoGlobals {
  Go?: new () => GoRuntime;
  fs?: { writeSync(fd: number, buf: Uint8Array): number };
}

/** How long no request must come before the worker warms up again after requests (a pause in typing). */
const afterRequestPauseMs = 300;

/** The engine a worker entry serves. */
export interface GoWasmWorkerSetup<Payload> {
  /** Its name in messages ("the Helm engine …"). */
  name: string;
  /** The global function the module sets: request JSON -> response JSON. */
  entry: string;
  /** The global function the module calls once `entry` is set. */
  readyCallback: string;
  /** One call: the engine's response JSON for the host's payload (`call` runs the module). */
  answer(call: (requestJson: string) => string, payload: Payload): string;
  /**
   * While idle, the worker calls the engine with `next()` again and again (a request of its own,
   * or the last one it was asked, as the engine chooses), yielding between calls and stopping as
   * soon as a request comes, until the budget is spent: WebAssembly runs slowly until V8 has
   * optimised the paths of a call. `afterRequests`: warm up again once no request came for
   * `afterRequestPauseMs` while budget is left (not only after the load; never between the
   * requests of a burst, which would wait for it); `countFirst`: the first, cold call counts
   * against the budget.
   */
  warmUp: {
    next(): string; afterRequests: boolean; countFirst: boolean; failed(responseJson: string): string | undefined;
    /** Calls made once after the load, before any request is answered (a request waits for them). */
    first?: readonly string[];
  };
}

/** Runs the worker of an engine: call once from the worker entry. */
export function serveGoWasm<Payload>(setup: GoWasmWorkerSetup<Payload>): void {
  const globals = globalThis as unknown as GoGlobals & Record<string, unknown>;
  const data = workerData as GoWasmWorkerData;
  const port = parentPort;
  /** What Go printed: the last 64 KB. */
  let printed = '';
  let received = 0;
  let warmUpLeftMs = data.warmUpBudgetMs;
  let warmUpCalls = 0;
  let warmedSaid = false;
  const engine = (): ((json: string) => string) | undefined => globals[setup.entry] as ((json: string) => string) | undefined;

  async function load(): Promise<WebAssembly.Memory> {
    const started = performance.now();
    runInThisContext(readFileSync(data.wasmExecFile, 'utf8'), { filename: data.wasmExecFile });
    const Go = globals.Go;
    if (!Go || !globals.fs) throw new Error(`${data.wasmExecFile} did not define Go`);
    // wasm_exec.js's stand-in file system prints through console.log; keep it here instead.
    const decoder = new TextDecoder();
    globals.fs.writeSync = (_fd, buf) => {
      printed = (printed + decoder.decode(buf)).slice(-65536);
      return buf.length;
    };
    const go = new Go();
    if (data.optimizedCodeOnly) setFlagsFromString('--no-liftoff');
    const module = await WebAssembly.compile(readFileSync(data.wasmFile));
    const instance = await WebAssembly.instantiate(module, go.importObject);
    const ready = new Promise<void>((resolve) => { globals[setup.readyCallback] = resolve; });
    go.run(instance).then(
      () => port?.postMessage({ kind: 'failed', id: undefined, failure: 'exit', detail: printed.trim() } satisfies FromGoWasmWorker),
      (error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, failure: 'exit', detail: String(error) } satisfies FromGoWasmWorker),
    );
    await ready;
    const call = engine();
    for (const request of setup.warmUp.first ?? []) {
      const problem = call && setup.warmUp.failed(call(request));
      if (problem) throw new Error(problem);
    }
    port?.postMessage({ kind: 'ready', loadMs: performance.now() - started } satisfies FromGoWasmWorker);
    const memory = instance.exports['mem'];
    if (!(memory instanceof WebAssembly.Memory)) throw new Error(`the ${setup.name} engine exports no memory`);
    return memory;
  }

  async function warmUpWhileIdle(): Promise<void> {
    const call = engine();
    const seen = received;
    const started = performance.now();
    while (call && warmUpLeftMs > 0 && warmUpCalls < 40) {
      await new Promise((resolve) => setImmediate(resolve));
      if (received !== seen) break;
      const t = performance.now();
      const problem = setup.warmUp.failed(call(setup.warmUp.next()));
      if (warmUpCalls++ > 0 || setup.warmUp.countFirst) warmUpLeftMs -= performance.now() - t;
      if (problem) throw new Error(problem);
    }
    if (!warmedSaid) {
      warmedSaid = true;
      port?.postMessage({ kind: 'warmed', warmUpMs: performance.now() - started } satisfies FromGoWasmWorker);
    }
  }

  const loaded = load();
  loaded.then(warmUpWhileIdle).catch((error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, failure: 'load', detail: String(error) } satisfies FromGoWasmWorker));

  port?.on('message', (message: ToGoWasmWorker<Payload>) => {
    received++;
    void loaded.then((memory) => {
      const call = engine();
      let answer: FromGoWasmWorker;
      try {
        if (!call) {
          port.postMessage({ kind: 'failed', id: message.id, failure: 'notRunning', detail: '' } satisfies FromGoWasmWorker);
          return;
        }
        printed = '';
        const responseJson = setup.answer(call, message.payload);
        answer = { kind: 'answered', id: message.id, responseJson, memoryBytes: memory.buffer.byteLength, log: printed };
      } catch (error) {
        answer = { kind: 'failed', id: message.id, failure: 'call', detail: `${String(error)} ${printed.trim()}`.trim() };
      }
      port.postMessage(answer);
      if (!setup.warmUp.afterRequests || warmUpLeftMs <= 0) return;
      const seen = received;
      setTimeout(() => {
        if (received === seen) void warmUpWhileIdle().catch(() => undefined);
      }, afterRequestPauseMs);
    }, () => undefined);
  });
}
