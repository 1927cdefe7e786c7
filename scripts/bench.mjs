#!/usr/bin/env node
// `npm run bench`: our language server against yaml-language-server through the same harness
// (../shared/lsp-bench, copied to bench/, which is git-ignored), printed as ONE Markdown table.
//
//   node scripts/bench.mjs                 ours at 10/100/1000 units; the peer's newest saved run, if any
//   node scripts/bench.mjs --with-peer     also run the peer now (yamlls-k8s profile, ~17 min on 2 cores)
//   options: --sizes 10,100,1000  --runs 3  --edits 50  --no-build  --harness DIR (default ../shared/lsp-bench)
//            --table-only (skip the two extra tables: `sts check` against parsing, a 10,000-file workspace)
//
// Markdown goes to stdout, progress to stderr; each run's JSON stays in bench/results/.
import { spawnSync } from 'node:child_process';
import { cpSync, chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    'with-peer': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10,100,1000' },
    runs: { type: 'string', default: '3' },
    edits: { type: 'string', default: '50' },
    'table-only': { type: 'boolean', default: false },
    harness: { type: 'string', default: path.resolve(root, '../shared/lsp-bench') },
  },
});
const benchDir = path.join(root, 'bench');
const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

function run(command, args, cwd, what) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})\n${r.stdout ?? ''}`);
  return r.stdout;
}

// 1. The harness, set up once (the shared folder may be read-only: work on a copy).
if (!existsSync(path.join(benchDir, 'run-matrix.mjs'))) {
  if (!existsSync(opt.harness)) throw new Error(`no harness in bench/ and none at ${opt.harness}`);
  log(`copying ${opt.harness} to bench/`);
  cpSync(opt.harness, benchDir, { recursive: true });
  const writable = (p) => {
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) writable(path.join(p, f));
  };
  writable(benchDir);
}
if (!existsSync(path.join(benchDir, 'node_modules/yaml-language-server'))) {
  log('npm ci in bench/');
  run('npm', ['ci', '--no-audit', '--no-fund'], benchDir, 'npm ci');
}
if (!existsSync(path.join(benchDir, 'schemas/statefulset-service.v1.17.0.strict.json'))) run('npm', ['run', 'prepare-schemas'], benchDir, 'prepare-schemas');
if (!existsSync(path.join(benchDir, 'fixtures/k8s-1000.yaml')) || !existsSync(path.join(benchDir, 'fixtures/k8s-10-invalid.yaml'))) {
  run('npm', ['run', 'fixtures'], benchDir, 'fixtures');
}

// 2. Our server, freshly built.
if (!opt['no-build']) {
  log('building');
  run(process.execPath, ['esbuild.mjs'], root, 'build');
}
const cli = path.join(root, 'dist/cli.js');

// 3. The matrix: ours now; the peer now (--with-peer) or its newest saved run.
const matrix = (args, what) => {
  const out = run(process.execPath, ['run-matrix.mjs', ...args, '--sizes', opt.sizes, '--runs', opt.runs, '--edits', opt.edits], benchDir, what);
  const file = /\((results\/[^)]+\.json)\)/.exec(out)?.[1];
  if (!file) throw new Error(`${what}: no results file named in\n${out}`);
  return { ...JSON.parse(readFileSync(path.join(benchDir, file), 'utf8')), file };
};
const newest = (label) => {
  const dir = path.join(benchDir, 'results');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${label}-`) && f.endsWith('.json')).sort() : [];
  const last = files.at(-1);
  return last ? { ...JSON.parse(readFileSync(path.join(dir, last), 'utf8')), file: `results/${last}` } : undefined;
};

log('running ours (sts lsp --stdio)');
const ours = matrix(['--label', 'ours', '--server', `node ${cli} lsp --stdio`], 'ours');
let peer;
if (opt['with-peer']) {
  log('running the peer (yaml-language-server, yamlls-k8s profile): ~17 minutes');
  peer = matrix(['--profile', 'yamlls-k8s'], 'peer');
} else {
  peer = newest('yamlls-k8s');
  if (peer) log(`peer: newest saved run ${peer.file} (re-run with --with-peer)`);
}

// 4. Schema compile at start-up, for the open target (open <= 1.5 x parse floor + schema compile):
// the validators are compiled at build time, so this is only their first use.
const compileMs = Number(run(process.execPath, ['--import', 'tsx', '-e', `
  const { schemaProblems } = require('./server/src/service/schema/schemaValidator');
  const t = performance.now();
  schemaProblems('apps/v1', 'StatefulSet', {}); schemaProblems('v1', 'Service', {});
  console.log((performance.now() - t).toFixed(1));`], root, 'schema compile').trim());

// 5. One table: for each size, ours and the peer side by side, and the targets.
const bySize = (result) => new Map((result?.rows ?? []).map((r) => [r.units, r]));
const oursRows = bySize(ours);
const peerRows = bySize(peer);
const cell = (x) => (x === null || x === undefined ? '-' : String(x));
const lines = [
  `| units (docs) | server | open ms | reopen ms | edit p50 ms | edit p95 ms | diagnostics | peak RSS MB | parse floor cold / warm ms | targets (ours) |`,
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const units of opt.sizes.split(',').map(Number)) {
  const o = oursRows.get(units);
  const p = peerRows.get(units);
  const floor = o?.parse_cold_ms;
  const checks = [];
  if (o) {
    checks.push(`p95 ≤ 20: ${o.edit_p95_ms <= 20 ? 'yes' : 'no'}`);
    if (floor) checks.push(`open ≤ 1.5×floor+compile (${Math.round(1.5 * floor + compileMs)}): ${o.open_ms <= 1.5 * floor + compileMs ? 'yes' : 'no'}`);
    if (p) checks.push(`RSS ≤ ½ peer: ${o.peak_rss_mb <= p.peak_rss_mb / 2 ? 'yes' : 'no'}`);
  }
  for (const [name, r, extra] of [['**ours**', o, checks.join('; ')], ['yaml-language-server', p, '']]) {
    if (!r) continue;
    lines.push(`| ${units} (${units * 2}) | ${name} | ${cell(r.open_ms)} | ${cell(r.reopen_ms)} | ${cell(r.edit_p50_ms)} | ${cell(r.edit_p95_ms)} | ` +
      `${cell(r.diagnostics_count)} | ${cell(r.peak_rss_mb)} | ${cell(r.parse_cold_ms)} / ${cell(r.parse_p50_ms)} | ${extra} |`);
  }
}
console.log(`\nStatefulSet Studio vs yaml-language-server 2.0.0 (yamlls-k8s), lsp-bench, median of ${opt.runs} runs × ${opt.edits} edits`);
console.log(`${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB; ` +
  `schema compile at start-up ${compileMs} ms (compiled at build time); ours: bench/${ours.file}${peer ? `; peer: bench/${peer.file}` : '; peer: not run (--with-peer)'}\n`);
console.log(lines.join('\n'));

// 6. The server's own cost of an edit at each size, without JSON-RPC and the harness: flat or not.
const inProcess = opt.sizes.split(',').map((units) => {
  const out = run(process.execPath, ['--import', 'tsx', 'scripts/edit-in-process.ts', path.join(benchDir, `fixtures/k8s-${units}.yaml`)], root, 'edit in process');
  const [, docs, p50, p95, max] = /(\d+) documents, \d+ edits: p50 ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/.exec(out) ?? [];
  return `| ${units} (${docs}) | ${p50} | ${p95} | ${max} |`;
});
console.log('\nAn edit in the server\'s own process (`node --import tsx scripts/edit-in-process.ts FILE`: apply, check, positions, index; 300 edits at the harness\'s edit point)\n');
console.log(['| units (docs) | p50 ms | p95 ms | max ms |', '|---|---|---|---|', ...inProcess].join('\n'));

// 7. The issue's other figures, each from its own script (they print Markdown; exit 1 when a target is missed).
if (!opt['table-only']) {
  for (const [script, what] of [['scripts/check-vs-parse.mjs', '`sts check` against parsing'], ['scripts/bench-workspace.mjs', 'a 10,000-file workspace'], ['scripts/bench-chart.mjs', 'a Helm chart in the editor (issue 19)'], ['scripts/bench-kustomize.mjs', 'a kustomize overlay in the editor (issue 20)'], ['scripts/bench-status.mjs', '`sts status` on 100 pods in the real test cluster (issue 26)']]) {
    log(`${what} (${script})`);
    const r = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
    console.log(`\n${what} (\`node ${script}\`${r.status === 0 ? '' : `, exit ${r.status}: a target missed`})\n\n${(r.stdout ?? '').trim()}`);
  }
}
