import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { KeptFileMirror, notKeptMessage } from './keptFileMirror';
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

/** A base and an overlay with a strategic-merge and a JSON 6902 patch: the paths a real build takes (sent straight to the engine, before any request: the mirror never names these paths). */
function warmUpRequest(): string {
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  serviceName: w\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n      - name: w\n        image: w:1\n';
  const files = {
    '/w/base/kustomization.yaml': 'resources: [sts.yaml, svc.yaml]\nlabels:\n- pairs: {team: w}\n',
    '/w/base/sts.yaml': sts,
    '/w/base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: w\nspec:\n  clusterIP: None\n  selector: {app: w}\n',
    '/w/o/kustomization.yaml': 'resources: [../base]\nnamespace: o\nnamePrefix: o-\nimages:\n- name: w\n  newTag: "2"\npatches:\n- path: p.yaml\n- target: {kind: StatefulSet}\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n',
    '/w/o/p.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n      - name: w\n        resources: {limits: {cpu: 1}}\n',
  };
  return JSON.stringify({ files, paths: Object.keys(files), dir: '/w/o' });
}

const kept = new KeptFileMirror();
/** Requests received so far: an idle warm-up build stops when this changes. */
let received = 0;
/** The last request's files, built again while idle during the warm-up. */
let lastRequest: { dir: string; files: Map<string, string> } | undefined;
let warmUpLeftMs = data.warmUpBudgetMs;
let warmUpBuilds = 0;
let warmedSaid = false;

/**
 * WebAssembly runs slowly until V8 has optimised the paths of a build, and an engine's first
 * builds are its first edits: while idle, the worker builds the last overlay it was asked for
 * (a small one before any request) again and again, yielding between builds and stopping as soon
 * as a request comes, until the budget is spent (the first, cold build is not counted: it
 * compiles). Measured on scripts/bench-kustomize.mjs's overlay: without it the first ten edits
 * took 2-4x the later ones.
 */
async function warmUpWhileIdle(): Promise<void> {
  const build = globals.__kustomizeEngineBuild;
  const seen = received;
  const started = performance.now();
  while (build && warmUpLeftMs > 0 && warmUpBuilds < 40) {
    await new Promise((resolve) => setImmediate(resolve));
    if (received !== seen) break;
    const t = performance.now();
    const response = JSON.parse(build(lastRequest ? kept.request(lastRequest.dir, lastRequest.files) : warmUpRequest())) as { error?: { message: string } };
    if (warmUpBuilds++ > 0) warmUpLeftMs -= performance.now() - t;
    if (response.error && !lastRequest) throw new Error(`the warm-up overlay did not build: ${response.error.message}`);
  }
  if (!warmedSaid) {
    warmedSaid = true;
    port?.postMessage({ kind: 'warmed', warmUpMs: performance.now() - started } satisfies FromKustomizeWorker);
  }
}

const loaded = load();
loaded.then(warmUpWhileIdle).catch((error: unknown) => port?.postMessage({ kind: 'failed', id: undefined, message: `cannot load the kustomize engine: ${String(error)}` } satisfies FromKustomizeWorker));

port?.on('message', (message: ToKustomizeWorker) => {
  received++;
  void loaded.then((memory) => {
    const build = globals.__kustomizeEngineBuild;
    let answer: FromKustomizeWorker;
    try {
      if (!build) throw new Error('the kustomize engine is not running');
      printed = '';
      let responseJson = build(kept.request(message.dir, message.files));
      if (responseJson.includes(notKeptMessage)) responseJson = build(kept.request(message.dir, message.files, true));
      answer = { kind: 'built', id: message.id, responseJson, memoryBytes: memory.buffer.byteLength };
    } catch (error) {
      answer = { kind: 'failed', id: message.id, message: `${String(error)} ${printed.trim()}`.trim() };
    }
    port.postMessage(answer);
    lastRequest = { dir: message.dir, files: message.files };
    if (warmUpLeftMs > 0) void warmUpWhileIdle().catch(() => undefined);
  }, () => undefined);
});
