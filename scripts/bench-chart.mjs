#!/usr/bin/env node
// Issue 19's figures for a Helm chart in the editor, in one run: bitnami/postgresql (35 templates
// and the bitnami/common library) opened in our server over LSP, beside `helm template` (built
// from the same Helm module as our engine) on the same chart.
//   first diagnostics after open ≤ 1.2 × helm template; an edit → diagnostics p95 ≤ 150 ms;
//   memory the engine adds ≤ 150 MB.
// Markdown to stdout; exit 1 when a target is missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './bench-lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const edits = 30;
const folder = mkdtempSync(path.join(tmpdir(), 'sts-bench-chart-'));
const chart = path.join(folder, 'postgresql');
cpSync(path.join(root, 'test/fixtures/charts/postgresql'), chart, { recursive: true });
const templatePath = path.join(chart, 'templates/primary/statefulset.yaml');
const template = readFileSync(templatePath, 'utf8').replace('  replicas: 1\n', '  replicas: 1\n  podManagementPolicy: Sequential\n');
writeFileSync(templatePath, template);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// helm template, built from go/helm's module (cached by scripts/build-helm.sh).
execFileSync('bash', [path.join(root, 'scripts/build-helm.sh'), 'helm-cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
const helm = path.join(root, '.cache/helm/bin/helm');
const helmMs = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = spawnSync(helm, ['template', chart], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`helm template failed: ${r.stderr}`);
  helmMs.push(performance.now() - t);
}

const server = startServer(path.join(root, 'dist/cli.js'), folder);
await server.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null });
server.notify('initialized', {});

const uri = pathToFileURL(templatePath).href;
const hasFinding = (m, version, needle) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri
  && (version === undefined || m.params.version === version) && m.params.diagnostics.some((d) => d.message.includes(needle));
// The workspace is ready when the scan's render of the chart has published the template's
// finding (as a closed file): what a user meets who opens a template after the window opened.
let t = performance.now();
await server.next((m) => hasFinding(m, undefined, '"Sequential"'));
const readyMs = performance.now() - t;
t = performance.now();
server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
const [, openedAt] = await server.next((m) => hasFinding(m, 1, '"Sequential"'));
const openMs = openedAt - t;

const editMs = [];
for (let i = 0; i < edits; i++) {
  const word = `Sequential${i}`;
  t = performance.now();
  server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: template.replace('Sequential', word) }] });
  const [, at] = await server.next((m) => hasFinding(m, i + 2, `"${word}"`));
  editMs.push(at - t);
}
await server.stop();

// The memory the engine adds, in a server of its own whose workspace holds only a plain
// StatefulSet and its Service (examples/web.yaml) and no chart, so that nothing loads the engine
// before that file is checked: its RSS then, after the checks' one-time costs (the schemas of a
// pod spec, which any StatefulSet file pays), is the baseline. Then the chart's template (outside
// the workspace) is opened and edited as above.
const workspace = path.join(folder, 'workspace');
mkdirSync(workspace);
const plainPath = path.join(workspace, 'web.yaml');
writeFileSync(plainPath, readFileSync(path.join(root, 'examples/web.yaml')));
const measured = startServer(path.join(root, 'dist/cli.js'), workspace);
await measured.request('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null });
measured.notify('initialized', {});
const measuredPid = Number(execFileSync('pgrep', ['-n', '-f', 'dist/cli.js lsp --stdio'], { encoding: 'utf8' }).trim());
const plainUri = pathToFileURL(plainPath).href;
measured.notify('textDocument/didOpen', { textDocument: { uri: plainUri, languageId: 'yaml', version: 1, text: readFileSync(plainPath, 'utf8') } });
await measured.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === plainUri);
await measured.request('textDocument/hover', { textDocument: { uri: plainUri }, position: { line: 20, character: 4 } });
await new Promise((resolve) => setTimeout(resolve, 1000));
const rssBefore = rssMb(measuredPid);
measured.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
await measured.next((m) => hasFinding(m, 1, '"Sequential"'));
let peak = rssMb(measuredPid);
for (let i = 0; i < edits; i++) {
  const word = `Sequential${i}`;
  measured.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: template.replace('Sequential', word) }] });
  await measured.next((m) => hasFinding(m, i + 2, `"${word}"`));
  peak = Math.max(peak, rssMb(measuredPid));
}
await measured.stop();

// For the record, not a target: the template already open when the server starts (an editor
// restored), so that its first diagnostics wait for the engine to load and the chart to render.
const cold = startServer(path.join(root, 'dist/cli.js'), folder);
t = performance.now();
await cold.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: null });
cold.notify('initialized', {});
cold.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
const [, coldAt] = await cold.next((m) => hasFinding(m, 1, '"Sequential"'));
const coldMs = coldAt - t;
await cold.stop();
rmSync(folder, { recursive: true, force: true });

const helmMedian = median(helmMs);
const added = peak - rssBefore;
const rows = [
  ['first diagnostics after open', `${openMs.toFixed(0)} ms`, `≤ 1.2 × helm template (${(1.2 * helmMedian).toFixed(0)} ms)`, openMs <= 1.2 * helmMedian],
  ['(not a target) workspace ready: the scan rendered the chart', `${readyMs.toFixed(0)} ms after initialized`, '', undefined],
  ['(not a target) opened at start-up: engine load + render + check', `${coldMs.toFixed(0)} ms after initialize`, '', undefined],
  ['edit → diagnostics p50 / p95', `${median(editMs).toFixed(0)} / ${p95(editMs).toFixed(0)} ms`, 'p95 ≤ 150 ms', p95(editMs) <= 150],
  ['memory the engine adds (peak RSS)', `${added.toFixed(0)} MB (${rssBefore.toFixed(0)} → ${peak.toFixed(0)})`, '≤ 150 MB', added <= 150],
];
console.log(`bitnami/postgresql, a template edited ${edits} times; \`helm template\` (same Helm module) median of 5: ${helmMedian.toFixed(0)} ms\n`);
console.log(['| figure | measured | target | met |', '|---|---|---|---|', ...rows.map(([a, b, c, d]) => `| ${a} | ${b} | ${c} | ${d === undefined ? '' : d ? 'yes' : 'no'} |`)].join('\n'));
process.exitCode = rows.every((r) => r[3] !== false) ? 0 : 1;
