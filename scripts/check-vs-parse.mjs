#!/usr/bin/env node
// `sts check` against the floor of merely parsing the same files with `yaml`, both as whole
// Node processes (start-up included), as a CI job pays for them. Prints a Markdown table:
// CPU time (user+sys: what the work costs, and steadier than wall time on a shared machine)
// and wall time, medians of N runs, and the CPU ratio, which should be at most 2.
//
//   npm run build && node scripts/check-vs-parse.mjs [PATH[,PATH...]...] [--runs 5] [--cli dist/cli.js]
//
// Each argument is one row; commas join several paths into one. Without any: the corpus and,
// when generated (bench/README.md), bench/fixtures/k8s-1000.yaml. Exit 1 when a ratio is over 2.
//
// How CPU is measured, without /usr/bin/time: Node cannot read the usage of its children, so
// each child reads its own. Both commands run as `node -e WRAPPER`, which writes
// process.cpuUsage() (the whole process since it started: start-up, every thread) to fd 3 on
// exit; the check wrapper then require()s the CLI bundle, as `node dist/cli.js` would run it.
// `sts check` exits 1 when it finds errors: that is not a failure here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5' }, cli: { type: 'string', default: path.join(root, 'dist/cli.js') } },
});
const runs = Number(options.runs);
const cli = path.resolve(options.cli);
if (!existsSync(cli)) throw new Error(`${cli} does not exist: run \`npm run build\` first`);

const defaults = [path.join(root, 'test/fixtures/corpus/plain'), path.join(root, 'bench/fixtures/k8s-1000.yaml')];
const pathSets = positionals.length > 0 ? positionals.map((set) => set.split(',')) : defaults.filter(existsSync).map((p) => [p]);

const reportCpu = `process.on('exit', () => { const { user, system } = process.cpuUsage(); require('node:fs').writeSync(3, String((user + system) / 1000)); });`;
const checkScript = `${reportCpu} process.argv.splice(1, 0, ${JSON.stringify(cli)}); require(${JSON.stringify(cli)});`;
// The same files `sts check` reads (server/src/cli/collectFiles.ts), every document parsed.
const parseScript = `${reportCpu}
  const { readdirSync, readFileSync, statSync } = require('node:fs');
  const { join } = require('node:path');
  const YAML = require(${JSON.stringify(path.join(root, 'node_modules/yaml'))});
  const files = (p, explicit) => statSync(p).isDirectory()
    ? readdirSync(p).sort().filter((e) => e !== 'node_modules' && e !== '.git').flatMap((e) => files(join(p, e), false))
    : explicit || /\\.ya?ml$/i.test(p) ? [p] : [];
  for (const p of process.argv.slice(1).flatMap((p) => files(p, true))) YAML.parseAllDocuments(readFileSync(p, 'utf8'));`;

/** One run of `node -e script args…`: CPU as the child reports it, wall time as we see it. */
function run(script, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const wall = performance.now() - started;
  const cpu = Number(result.output[3]?.toString());
  if (result.status !== 0 && result.status !== 1 || !Number.isFinite(cpu)) {
    throw new Error(`node -e … ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.toString().slice(0, 2000)}`);
  }
  return { cpu, wall };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => String(Math.round(x));

console.log(`| paths | sts check CPU / wall ms | yaml parse CPU / wall ms | CPU ratio | ≤ 2× |`);
console.log(`|---|---|---|---|---|`);
let over = false;
for (const paths of pathSets) {
  run(checkScript, ['check', ...paths]); // once untimed, so both read the files from the page cache
  const check = [];
  const parse = [];
  for (let i = 0; i < runs; i++) { // interleaved, so a busy spell on the machine hits both
    check.push(run(checkScript, ['check', ...paths]));
    parse.push(run(parseScript, paths));
  }
  const cpu = { check: median(check.map((r) => r.cpu)), parse: median(parse.map((r) => r.cpu)) };
  const wall = { check: median(check.map((r) => r.wall)), parse: median(parse.map((r) => r.wall)) };
  const ratio = cpu.check / cpu.parse;
  over ||= ratio > 2;
  const label = paths.map((p) => path.relative(process.cwd(), p) || '.').join(' ');
  console.log(`| ${label} | ${ms(cpu.check)} / ${ms(wall.check)} | ${ms(cpu.parse)} / ${ms(wall.parse)} | ${ratio.toFixed(2)} | ${ratio <= 2 ? 'yes' : 'no'} |`);
}
process.exitCode = over ? 1 : 0;
