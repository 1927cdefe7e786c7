#!/usr/bin/env node
// Issue 20's figures for a kustomize overlay in the editor, in one run: a base of 10 apps
// (StatefulSet, headless Service, ConfigMap, PodDisruptionBudget: 40 resources) and an overlay
// (namespace, commonLabels, images, two strategic-merge patch files, an inline JSON 6902 patch),
// opened in our server over LSP, beside the real `kustomize build` (v5.8.2, built from the module
// proxy with the api version our engine wraps) of the same overlay.
//   an edit in a patch → diagnostics p95 ≤ 150 ms; first diagnostics ≤ 1.2 × kustomize build.
// Markdown to stdout; exit 1 when a target is missed. `--write-layout DIR`: only write the layout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './bench-lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const edits = 30;
const apps = 10;
// `--write-layout DIR` writes the layout there and stops (go/kustomize's BenchmarkBuildBenchLayout profiles its build natively).
const layoutOnly = process.argv[2] === '--write-layout' ? path.resolve(process.argv[3] ?? '') : undefined;
const folder = layoutOnly ?? mkdtempSync(path.join(tmpdir(), 'sts-bench-kustomize-'));
const write = (rel, text) => {
  mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
  writeFileSync(path.join(folder, rel), text);
};
const names = Array.from({ length: apps }, (_, i) => `app${i}`);
for (const name of names) {
  write(`base/${name}.yaml`, `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  replicas: 5
  updateStrategy:
    rollingUpdate:
      partition: 3
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: registry.example/${name}:1.0
        ports:
        - {name: http, containerPort: 8080}
        envFrom:
        - configMapRef: {name: ${name}-config}
        volumeMounts:
        - {name: data, mountPath: /data}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None
  selector: {app: ${name}}
  ports:
  - {name: http, port: 8080}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  MODE: base
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: ${name}}
`);
}
write('base/kustomization.yaml', `resources:\n${names.map((n) => `- ${n}.yaml`).join('\n')}\n`);
// The patch sets the partition above its replicas: the build's finding lands on the patch's line.
const patch = (replicas) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app0\nspec:\n  replicas: ${replicas}\n  updateStrategy:\n    rollingUpdate:\n      partition: 9\n`;
write('overlays/prod/replicas.yaml', patch(2));
write('overlays/prod/resources.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app1\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        resources:\n          limits: {memory: 1Gi}\n');
write('overlays/prod/kustomization.yaml', `resources:
- ../../base
namespace: prod
commonLabels:
  env: prod
images:
- name: registry.example/app2
  newTag: "2.0"
patches:
- path: replicas.yaml
- path: resources.yaml
- target: {kind: StatefulSet, name: app3}
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 7
`);
if (layoutOnly) process.exit(0);
const overlay = path.join(folder, 'overlays/prod');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// kustomize build, built from the module proxy (cached by scripts/build-kustomize.sh).
execFileSync('bash', [path.join(root, 'scripts/build-kustomize.sh'), 'kustomize-cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
const kustomize = path.join(root, '.cache/kustomize/bin/kustomize');
const buildMs = [];
let resources = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = spawnSync(kustomize, ['build', overlay], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`kustomize build failed: ${r.stderr}`);
  buildMs.push(performance.now() - t);
  resources = r.stdout.split(/^kind: /m).length - 1;
}

const server = startServer(path.join(root, 'dist/cli.js'), folder);
// The server logs each build's engine time: beside each edit's latency, it says whether the engine or the rest was slow.
const engineMs = [];
server.on((m) => {
  const built = m.method === 'window/logMessage' ? /built the overlay .* in (\d+) ms/.exec(m.params.message) : null;
  if (built) engineMs.push(Number(built[1]));
});
await server.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null });
server.notify('initialized', {});
const patchUri = pathToFileURL(path.join(overlay, 'replicas.yaml')).href;
// The overlay's finding on the patch's line: partition 9 above the replicas the patch sets.
const partitionFinding = (m, replicas, version) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === patchUri
  && (version === undefined || m.params.version === version)
  && m.params.diagnostics.some((d) => d.code === 'partition-exceeds-replicas' && d.message.includes(`than replicas ${replicas}:`));
// The workspace is ready when the scan's build of the overlay has published the patch's finding
// (as a closed file): what a user meets who opens the patch after the window opened.
let t = performance.now();
await server.next((m) => partitionFinding(m, 2));
const readyMs = performance.now() - t;
t = performance.now();
server.notify('textDocument/didOpen', { textDocument: { uri: patchUri, languageId: 'yaml', version: 1, text: patch(2) } });
const [, openedAt] = await server.next((m) => partitionFinding(m, 2, 1));
const openMs = openedAt - t;

const editMs = [];
for (let i = 0; i < edits; i++) {
  const replicas = [0, 1, 3][i % 3]; // each edit changes the finding's words (2 is the text opened)
  t = performance.now();
  server.notify('textDocument/didChange', { textDocument: { uri: patchUri, version: i + 2 }, contentChanges: [{ text: patch(replicas) }] });
  const [, at] = await server.next((m) => partitionFinding(m, replicas, i + 2));
  editMs.push(at - t);
}
await server.stop();
rmSync(folder, { recursive: true, force: true });

const buildMedian = median(buildMs);
const rows = [
  ['first diagnostics after open (a patch)', `${openMs.toFixed(0)} ms`, `≤ 1.2 × kustomize build (${(1.2 * buildMedian).toFixed(0)} ms)`, openMs <= 1.2 * buildMedian],
  ['(not a target) workspace ready: the scan built the overlay', `${readyMs.toFixed(0)} ms after initialized`, '', undefined],
  ['edit in a patch → diagnostics p50 / p95', `${median(editMs).toFixed(0)} / ${p95(editMs).toFixed(0)} ms`, 'p95 ≤ 150 ms', p95(editMs) <= 150],
];
console.log(`An overlay of ${resources} resources, its patch edited ${edits} times; \`kustomize build\` (v5.8.2, a process) median of 5: ${buildMedian.toFixed(0)} ms\n`);
console.log(['| figure | measured | target | met |', '|---|---|---|---|', ...rows.map(([a, b, c, d]) => `| ${a} | ${b} | ${c} | ${d === undefined ? '' : d ? 'yes' : 'no'} |`)].join('\n'));
console.log(`\nEach edit, in order (ms): ${editMs.map((ms) => ms.toFixed(0)).join(' ')}`);
console.log(`Each build's engine time, the scan's first (ms): ${engineMs.join(' ')}`);
process.exitCode = rows.every((r) => r[3] !== false) ? 0 : 1;
