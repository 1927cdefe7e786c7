#!/usr/bin/env node
// Figures of the Helm engine (issue 19): the WebAssembly module's size and load time, and
// the render of the largest vendored chart beside the real `helm template` of the same
// Helm version (built from go/helm's module), in one run on this machine.
//
//   node scripts/bench-helm.mjs [--runs 10] [--chart NAME] [--json]
//
// Markdown goes to stdout (JSON with --json), progress to stderr. Builds what it needs
// (scripts/build-helm.sh: cached) and bundles the host code into .cache/helm/bench/.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, chart: { type: 'string' }, json: { type: 'boolean', default: false }, part: { type: 'string' } },
});
const runs = Number(opt.runs);
const log = (...a) => console.error(`[bench-helm ${new Date().toISOString().slice(11, 19)}]`, ...a);
const chartsDir = path.join(root, 'test', 'fixtures', 'charts');
const benchDir = path.join(root, '.cache', 'helm', 'bench');

if (!opt.part) log('building the engine and the helm CLI (cached)');
if (!opt.part) for (const target of ['wasm', 'helm-cli']) execFileSync('bash', [path.join(root, 'scripts', 'build-helm.sh'), target], { stdio: ['ignore', 'ignore', 'inherit'] });
await esbuild.build({ entryPoints: [path.join(root, 'server/src/host/helm/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: path.join(benchDir, 'helmHost.cjs'), logLevel: 'warning' });
await esbuild.build({ entryPoints: [path.join(root, 'server/src/host/helm/helmWorkerThread.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: path.join(benchDir, 'helmWorker.js'), logLevel: 'warning' });
const host = createRequire(import.meta.url)(path.join(benchDir, 'helmHost.cjs'));
const files = { workerFile: path.join(benchDir, 'helmWorker.js'), wasmFile: path.join(root, 'dist', 'helm.wasm'), wasmExecFile: path.join(root, 'dist', 'helm_wasm_exec.js') };
const helmCli = path.join(root, '.cache', 'helm', 'bin', 'helm');

// The benchmark chart: 20+ templates and a library dependency (postgresql with
// bitnami/common); --chart picks another vendored chart.
function templatesOf(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && /(^|[\\/])templates([\\/]|$)/.test(path.relative(dir, e.parentPath ?? e.path))) n++;
  return n;
}
const charts = readdirSync(chartsDir).filter((c) => !c.startsWith('_') && statSync(path.join(chartsDir, c)).isDirectory());
const chart = opt.chart ?? 'postgresql';
if (!charts.includes(chart)) throw new Error(`no chart ${chart} in ${chartsDir}: ${charts.join(', ')}`);
const chartDir = path.join(chartsDir, chart);
// Bitnami's charts make a random password when none is set; a fixed one makes renders comparable.
const set = chart === 'postgresql' ? ['auth.postgresPassword=bench'] : chart === 'redis' ? ['auth.password=bench'] : [];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;

// Each engine measurement runs in a process of its own: V8 keeps a compiled module for the
// process, so a second load in the same process would look faster than a user's first.
if (opt.part === 'cold') {
  // Cold: a render asked of an engine not yet loaded (the request stops the warm-up).
  log('engine: cold first render');
  const cold = new host.WasmEngine({ files, timeoutMs: 60_000 });
  let t = performance.now();
  const coldResult = await cold.render({ files: await host.readChartFolder(chartDir), set });
  const coldMs = performance.now() - t;
  await cold.dispose();
  if (coldResult.error) throw new Error(coldResult.error.message);
  console.log(JSON.stringify({ coldMs }));
  process.exit(0);
}
if (opt.part === 'warm') {
  // Loaded in advance (warmUp(), as when a chart is seen in the workspace), then renders as edits do.
  const rssBefore = process.memoryUsage.rss();
  const engine = new host.WasmEngine({ files, timeoutMs: 60_000 });
  log('engine: load, then renders');
  let t = performance.now();
  await engine.warmUp();
  const loadWallMs = performance.now() - t;
  t = performance.now();
  const first = await engine.render({ files: await host.readChartFolder(chartDir), set });
  const firstMs = performance.now() - t;
  if (first.error) throw new Error(first.error.message);
  const warm = [];
  const reads = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const request = { files: await host.readChartFolder(chartDir), set };
    reads.push(performance.now() - t);
    const r = await engine.render(request);
    warm.push(performance.now() - t);
    if (r.manifest !== first.manifest) throw new Error('two renders differ');
  }
  const rssAfter = process.memoryUsage.rss();
  const wasmMemory = engine.memoryBytes ?? 0;
  const workerLoadMs = engine.loadMs ?? 0;
  const warmUpMs = engine.warmUpMs ?? 0;
  await engine.dispose();
  console.log(JSON.stringify({ loadWallMs, firstMs, warm, reads, rssAdded: rssAfter - rssBefore, wasmMemory, workerLoadMs, warmUpMs, manifest: first.manifest, documents: first.documents.length }));
  process.exit(0);
}
const part = (name) => {
  log(`engine: ${name} (a process of its own)`);
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--part', name, '--runs', String(runs), '--chart', chart], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`the ${name} part failed`);
  return JSON.parse(r.stdout);
};
const { coldMs } = part('cold');
const { loadWallMs, firstMs, warm, reads, rssAdded, wasmMemory, workerLoadMs, warmUpMs, manifest, documents } = part('warm');

// helm template, as a user runs it (a process per render, reading the chart from disk).
log(`helm template ${chart} x${runs}`);
const helmArgs = ['template', chartDir, ...set.flatMap((s) => ['--set', s])];
const helmTimes = [];
let helmOut = '';
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = spawnSync(helmCli, helmArgs, { encoding: 'utf8', maxBuffer: 256 << 20 });
  helmTimes.push(performance.now() - t);
  if (r.status !== 0) throw new Error(r.stderr);
  helmOut = r.stdout;
}

const figures = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  chart, templates: templatesOf(chartDir), documents,
  wasmBytes: statSync(files.wasmFile).size,
  loadMs: { module: workerLoadMs, warmUp: warmUpMs, wall: loadWallMs },
  engine: { coldFirstRenderMs: coldMs, firstRenderAfterLoadMs: firstMs, warmMedianMs: median(warm), warmP95Ms: p95(warm), readFolderMedianMs: median(reads) },
  helmTemplate: { medianMs: median(helmTimes), p95Ms: p95(helmTimes) },
  identical: manifest === helmOut,
  memory: { rssAddedBytes: rssAdded, wasmMemoryBytes: wasmMemory },
  runs,
};

if (opt.json) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log(`### Helm engine: ${chart} (${figures.templates} templates, ${figures.documents} documents), ${runs} runs\n`);
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| dist/helm.wasm | ${mb(figures.wasmBytes)} (limit 40 MB) |`);
  console.log(`| module load (read + compile + start Go, in the worker) | ${ms(workerLoadMs)} (limit 2 s) |`);
  console.log(`| then warm-up renders (warmUpChart.ts, before the first request) | ${ms(warmUpMs)} |`);
  console.log(`| warmUp(), wall (worker start to ready) | ${ms(loadWallMs)} |`);
  console.log(`| first render, cold (load + read + render: a request stops the warm-up) | ${ms(coldMs)} |`);
  console.log(`| first render after warmUp() (read + render) | ${ms(firstMs)} |`);
  console.log(`| re-render, warm (read folder + render): median / p95 | ${ms(figures.engine.warmMedianMs)} / ${ms(figures.engine.warmP95Ms)} |`);
  console.log(`| of which reading the folder (median) | ${ms(figures.engine.readFolderMedianMs)} |`);
  console.log(`| \`helm template\` (built CLI, a process): median / p95 | ${ms(figures.helmTemplate.medianMs)} / ${ms(figures.helmTemplate.p95Ms)} |`);
  console.log(`| warm re-render / helm template | ${(figures.engine.warmMedianMs / figures.helmTemplate.medianMs).toFixed(2)}x |`);
  console.log(`| first render after warmUp() / helm template | ${(firstMs / figures.helmTemplate.medianMs).toFixed(2)}x |`);
  console.log(`| memory added (process RSS) / WebAssembly memory | ${mb(figures.memory.rssAddedBytes)} / ${mb(wasmMemory)} |`);
  console.log(`| manifest identical to helm template | ${figures.identical ? 'yes' : 'NO'} |`);
  console.log(`\n${figures.machine}`);
}
