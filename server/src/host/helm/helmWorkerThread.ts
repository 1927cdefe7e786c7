import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromHelmWorker, HelmWorkerData, ToHelmWorker } from './helmWorkerMessages';
import type { RenderRequest } from './renderTypes';
import { SentFiles, staleFileSetMessage, type FileDelta } from './sentFiles';
import { warmUpFiles } from './warmUpChart';

// The entry of dist/helmWorker.js: a worker thread that holds Helm's engine compiled to
// WebAssembly (go/helm/cmd/wasm) and renders one request at a time. A render blocks this
// thread; the server stops it from outside when it takes too long.

/** What Go's wasm_exec.js defines on globalThis. */
interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
type GoConstructor = new () => GoRuntime;
interface EngineGlobals {
  Go?: GoConstructor;
  fs?: { writeSync(fd: number, buf: Uint8Array): number };
  __helmEngineRender?: (requestJson: string) => string;
  __helmEngineReady?: () => void;
}
const globals = globalThis as unknown as EngineGlobals;

const data = workerData as HelmWorkerData;
const port = parentPort;

/** What Go printed (Helm's logger writes to stderr): the last 64 KB, never on the server's stdout (that is the LSP stream). */
let printed = '';

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
  const ready = new Promise<void>((resolve) => { globals.__helmEngineReady = resolve; });
  go.run(instance).then(
    () => port?.postMessage({ kind: 'failed', id: undefined, message: `the Helm engine exited: ${printed.trim()}` } satisfies FromHelmWorker),
    (error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, message: String(error) } satisfies FromHelmWorker),
  );
  await ready;
  port?.postMessage({ kind: 'ready', loadMs: performance.now() - started } satisfies FromHelmWorker);
  const memory = instance.exports['mem'];
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('the Helm engine exports no memory');
  return memory;
}

function base64(content: Uint8Array | string): string {
  return (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength)).toString('base64');
}

/** The request as go/helm's Request JSON ([]byte fields are base64); with a delta, only what changed of the chart's files. */
function requestJson(request: Omit<RenderRequest, 'chartDir'>, delta?: FileDelta): string {
  const files: Record<string, string> = {};
  for (const [name, content] of delta?.files ?? request.files) files[name] = base64(content);
  return JSON.stringify({
    ...(delta ? { chart: delta.chart, base: delta.base, generation: delta.generation, removed: delta.removed } : {}),
    files,
    valuesFiles: (request.valuesFiles ?? []).map((f) => ({ name: f.name, content: base64(f.content) })),
    set: request.set ?? [],
    setString: request.setString ?? [],
    releaseName: request.releaseName ?? '',
    namespace: request.namespace ?? '',
    kubeVersion: request.kubeVersion ?? '',
    apiVersions: request.apiVersions ?? [],
  });
}

const sent = new SentFiles();

/** Set by the first request: from then on, real renders keep the code warm. */
let requested = false;

/**
 * Renders a small chart again and again for a while after the load, so that V8 compiles and
 * optimises the paths of a render before the first request (see warmUpChart.ts). It yields
 * between renders and stops as soon as a request comes, which then waits for one warm-up
 * render at most.
 */
async function warmUpWhileIdle(): Promise<void> {
  const started = performance.now();
  const render = globals.__helmEngineRender;
  const warmUp = requestJson({ files: warmUpFiles(), set: ['replicas=5'] });
  for (let i = 0; render && i < 40 && performance.now() - started < data.warmUpBudgetMs; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (requested) break;
    const response = JSON.parse(render(warmUp)) as { error?: { message: string } };
    if (response.error) throw new Error(`the warm-up chart did not render: ${response.error.message}`);
  }
  port?.postMessage({ kind: 'warmed', warmUpMs: performance.now() - started } satisfies FromHelmWorker);
}

const loaded = load();
loaded.then(warmUpWhileIdle).catch((error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, message: `cannot load the Helm engine: ${String(error)}` } satisfies FromHelmWorker));

port?.on('message', (message: ToHelmWorker) => {
  requested = true;
  void loaded.then((memory) => {
    const render = globals.__helmEngineRender;
    let answer: FromHelmWorker;
    try {
      if (!render) throw new Error('the Helm engine is not running');
      printed = '';
      const { chart, request } = message;
      let responseJson = render(requestJson(request, chart !== undefined ? sent.delta(chart, request.files) : undefined));
      if (chart !== undefined && responseJson.includes(staleFileSetMessage)) {
        sent.forget(chart);
        responseJson = render(requestJson(request, sent.delta(chart, request.files)));
      }
      answer = { kind: 'rendered', id: message.id, responseJson, memoryBytes: memory.buffer.byteLength, log: printed };
    } catch (error) {
      answer = { kind: 'failed', id: message.id, message: `${String(error)} ${printed.trim()}`.trim() };
    }
    port.postMessage(answer);
  }, () => undefined);
});
