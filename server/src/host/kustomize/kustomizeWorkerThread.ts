import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromKustomizeWorker, KustomizeWorkerData, ToKustomizeWorker } from './kustomizeWorkerMessages';

// The entry of dist/kustomizeWorker.js: a worker thread that holds kustomize's engine compiled to
// WebAssembly (go/kustomize/cmd/wasm) and builds one request at a time. A build blocks this
// thread; the server stops it from outside when it takes too long (as the Helm worker).

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
interface EngineGlobals {
  Go?: new () => GoRuntime;
  fs?: { writeSync(fd: number, buf: Uint8Array): number };
  __kustomizeEngineBuild?: (requestJson: string) => string;
  __kustomizeEngineReady?: () => void;
}
const globals = globalThis as unknown as EngineGlobals;
const data = workerData as KustomizeWorkerData;
const port = parentPort;
/** What Go printed: kept here, never on the server's stdout (the LSP stream). */
let printed = '';

async function load(): Promise<WebAssembly.Memory> {
  const started = performance.now();
  runInThisContext(readFileSync(data.wasmExecFile, 'utf8'), { filename: data.wasmExecFile });
  const Go = globals.Go;
  if (!Go || !globals.fs) throw new Error(`${data.wasmExecFile} did not define Go`);
  const decoder = new TextDecoder();
  globals.fs.writeSync = (_fd, buf) => {
    printed = (printed + decoder.decode(buf)).slice(-65536);
    return buf.length;
  };
  const go = new Go();
  const module = await WebAssembly.compile(readFileSync(data.wasmFile));
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const ready = new Promise<void>((resolve) => { globals.__kustomizeEngineReady = resolve; });
  go.run(instance).then(
    () => port?.postMessage({ kind: 'failed', id: undefined, message: `the kustomize engine exited: ${printed.trim()}` } satisfies FromKustomizeWorker),
    (error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, message: String(error) } satisfies FromKustomizeWorker),
  );
  await ready;
  port?.postMessage({ kind: 'ready', loadMs: performance.now() - started } satisfies FromKustomizeWorker);
  const memory = instance.exports['mem'];
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('the kustomize engine exports no memory');
  return memory;
}

/** A base and an overlay with a strategic-merge and a JSON 6902 patch: the paths a real build takes. */
function warmUpRequest(): string {
  const b64 = (text: string): string => Buffer.from(text).toString('base64');
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  serviceName: w\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n      - name: w\n        image: w:1\n';
  const files = {
    '/w/base/kustomization.yaml': b64('resources: [sts.yaml, svc.yaml]\nlabels:\n- pairs: {team: w}\n'),
    '/w/base/sts.yaml': b64(sts),
    '/w/base/svc.yaml': b64('apiVersion: v1\nkind: Service\nmetadata:\n  name: w\nspec:\n  clusterIP: None\n  selector: {app: w}\n'),
    '/w/o/kustomization.yaml': b64('resources: [../base]\nnamespace: o\nnamePrefix: o-\nimages:\n- name: w\n  newTag: "2"\npatches:\n- path: p.yaml\n- target: {kind: StatefulSet}\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n'),
    '/w/o/p.yaml': b64('apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n      - name: w\n        resources: {limits: {cpu: 1}}\n'),
  };
  return JSON.stringify({ files, dir: '/w/o' });
}

let requested = false;

/** Builds a small overlay again and again after loading, until a request comes or the budget is spent (WebAssembly runs slowly until V8 has optimised it). */
async function warmUpWhileIdle(): Promise<void> {
  const started = performance.now();
  const build = globals.__kustomizeEngineBuild;
  const request = warmUpRequest();
  for (let i = 0; build && i < 40 && performance.now() - started < data.warmUpBudgetMs; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (requested) break;
    const response = JSON.parse(build(request)) as { error?: { message: string } };
    if (response.error) throw new Error(`the warm-up overlay did not build: ${response.error.message}`);
  }
  port?.postMessage({ kind: 'warmed', warmUpMs: performance.now() - started } satisfies FromKustomizeWorker);
}

const loaded = load();
loaded.then(warmUpWhileIdle).catch((error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, message: `cannot load the kustomize engine: ${String(error)}` } satisfies FromKustomizeWorker));

port?.on('message', (message: ToKustomizeWorker) => {
  requested = true;
  void loaded.then((memory) => {
    const build = globals.__kustomizeEngineBuild;
    let answer: FromKustomizeWorker;
    try {
      if (!build) throw new Error('the kustomize engine is not running');
      printed = '';
      answer = { kind: 'built', id: message.id, responseJson: build(message.requestJson), memoryBytes: memory.buffer.byteLength };
    } catch (error) {
      answer = { kind: 'failed', id: message.id, message: `${String(error)} ${printed.trim()}`.trim() };
    }
    port.postMessage(answer);
  }, () => undefined);
});
