import { serveGoWasm } from '../goWasm/goWasmWorker';
import { KeptFileMirror, notKeptMessage } from './keptFileMirror';
import type { ToKustomizeWorker } from './kustomizeWorkerMessages';

// The entry of dist/kustomizeWorker.js: a worker thread that holds kustomize's engine compiled to
// WebAssembly (go/kustomize/cmd/wasm) and builds one request at a time (the shared Go-WebAssembly
// worker, ../goWasm/goWasmWorker.ts, loads the module and answers). A build blocks this thread;
// the server stops it from outside when it takes too long.

/** A base and an overlay with a strategic-merge and a JSON 6902 patch: the paths a real build takes (sent straight to the engine, before any request: the mirror never names these paths). */
function warmUpRequest(edit = 0): string {
  const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  serviceName: w\n  replicas: 1\n  selector:\n    matchLabels: {app: w}\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n      - name: w\n        image: w:1\n';
  const files = {
    '/w/base/kustomization.yaml': 'resources: [sts.yaml, svc.yaml]\nlabels:\n- pairs: {team: w}\n',
    '/w/base/sts.yaml': sts,
    '/w/base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: w\nspec:\n  clusterIP: None\n  selector: {app: w}\n',
    '/w/o/kustomization.yaml': 'resources: [../base]\nnamespace: o\nnamePrefix: o-\nimages:\n- name: w\n  newTag: "2"\npatches:\n- path: p.yaml\n- target: {kind: StatefulSet}\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n',
    '/w/o/p.yaml': `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n      - name: w\n        resources: {limits: {cpu: ${1 + edit}}}\n`,
  };
  return JSON.stringify({ files, paths: Object.keys(files), dir: '/w/o' });
}

const kept = new KeptFileMirror();
/** The last request, built again while idle to warm up (see below). */
let lastRequest: ToKustomizeWorker | undefined;

serveGoWasm<ToKustomizeWorker>({
  name: 'kustomize',
  entry: '__kustomizeEngineBuild',
  readyCallback: '__kustomizeEngineReady',
  answer(build, request) {
    lastRequest = request;
    const responseJson = build(kept.request(request.dir, request.files));
    return responseJson.includes(notKeptMessage) ? build(kept.request(request.dir, request.files, true)) : responseJson;
  },
  // An engine's first builds are its first edits: while idle, the worker builds the last overlay it
  // was asked for (a small one before any request) again, also after a pause in the requests, until
  // the budget is spent; the first, cold build is not counted (it compiles). Without it the first
  // ten edits of scripts/bench-kustomize.mjs's overlay took 2-4x the later ones.
  warmUp: {
    next: () => (lastRequest ? kept.request(lastRequest.dir, lastRequest.files) : warmUpRequest()),
    // Before the first request: a build, then one after an edit of its patch, so that the paths an
    // edit's build takes (files kept, parses copied, printed resources reused) are compiled before
    // the user's first edit rather than during it (the first edits took 2-5x the later ones).
    first: [warmUpRequest(), warmUpRequest(1)],
    afterRequests: true,
    countFirst: false,
    failed(responseJson) {
      const response = JSON.parse(responseJson) as { error?: { message: string } };
      return response.error && !lastRequest ? `the warm-up overlay did not build: ${response.error.message}` : undefined;
    },
  },
});
