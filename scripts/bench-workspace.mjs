#!/usr/bin/env node
// Does indexing a large workspace delay the first diagnostics of the file the user opened?
//
//   npm run build && node scripts/bench-workspace.mjs [--files 10000] [--runs 3]
//   options: --vscode-client (settings as vscode-languageclient handles them: pulled with
//            workspace/configuration, and a didChangeConfiguration sent as soon as the server registers
//            for it, which restarts the scan; default: a client that pushes settings, so the server
//            starts its scan before it sees the open)  --edit-gap-ms 20  --edits-after 30
//            --cli PATH (another build of the CLI)  --keep (leave the generated workspaces)
//
// Per run and per workspace (an empty one as the baseline, then one of N small YAML files in
// nested folders, generated in os.tmpdir() and removed afterwards): spawn `node dist/cli.js
// lsp --stdio`, initialize with the temp folder as the workspace, send `initialized` and at
// once `didOpen` of the user's file, as VS Code does when it restores an editor. Times:
//   first diagnostics  didOpen -> first publishDiagnostics of that file (must hold grace-period-zero)
//   index              didOpen -> the server's `indexed N YAML files` log message
//   edits              didChange -> publishDiagnostics of that version, while the scan runs and after
// and checks that the index is used: the file's StatefulSet `ledger` names a Service that only
// one of the N files defines, so its service-missing finding must be gone after the index.
// Markdown goes to stdout, progress to stderr. Exit 1 when a check fails.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './bench-lsp-client.mjs';
import { generateWorkspace, openedText, replicasLine } from './bench-workspace-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'edit-gap-ms': { type: 'string', default: '20' },
    'edits-after': { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
    'vscode-client': { type: 'boolean', default: false },
    cli: { type: 'string' },
  },
});
const fileCount = Number(opt.files);
const runs = Number(opt.runs);
const editGapMs = Number(opt['edit-gap-ms']);
const editsAfter = Number(opt['edits-after']);
/**
 * "Not delayed": the median first-diagnostics time with the big workspace is within this of the
 * empty workspace's median. 50 ms is under what a user notices between opening a file and seeing
 * its squiggles (~100 ms reads as instant) and above the run-to-run noise of a shared 2-core machine.
 */
const allowedDelayMs = 50;
const cli = path.resolve(opt.cli ?? path.join(root, 'dist/cli.js'));
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
const log = (...a) => console.error(`[bench-workspace ${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---- one run ---------------------------------------------------------------------------------

const codes = (params) => params.diagnostics.map((d) => d.code);
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values) => percentile(values, 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One server session on the workspace in `dir` (left as it was found: the server writes nothing). */
async function measure({ dir, opened, count }) {
  const server = startServer(cli, dir);
  try {
    return await measureWith(server, dir, opened, count);
  } finally {
    await server.stop();
  }
}

async function measureWith(server, dir, opened, count) {
  const uri = pathToFileURL(opened).href;
  const folderUri = pathToFileURL(dir).href;
  await server.request('initialize', {
    processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'bench' }],
    capabilities: {
      workspace: {
        configuration: opt['vscode-client'], didChangeConfiguration: { dynamicRegistration: opt['vscode-client'] },
        workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false },
      },
      textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
    },
  });
  const published = [];
  let indexedAt;
  let indexedMessage = '';
  /** How many diagnostics of the file had arrived when the index log came: order, not clocks. */
  let publishedBeforeIndex = 0;
  server.on((message, at) => {
    if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) published.push(message.params);
    if (message.method === 'window/logMessage' && /indexed \d+ YAML files/.test(message.params.message)) {
      indexedAt = at;
      indexedMessage = message.params.message;
      publishedBeforeIndex = published.length;
    }
  });
  const firstDiagnostics = server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  const indexed = server.next((m) => m.method === 'window/logMessage' && /indexed \d+ YAML files/.test(m.params.message));
  server.notify('initialized', {});
  const openedAt = performance.now();
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: openedText } });
  const [first, firstAt] = await firstDiagnostics;
  const firstCodes = codes(first.params);

  // Typing while the scan runs: one keystroke every editGapMs, each timed to its diagnostics.
  let version = 1;
  const edit = async () => {
    version++;
    const digit = String(2 + (version % 7));
    const reply = server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version);
    const sentAt = performance.now();
    server.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: replicasLine, character: 12 }, end: { line: replicasLine, character: 13 } }, text: digit }],
    });
    const [, at] = await reply;
    return at - sentAt;
  };
  const during = [];
  while (indexedAt === undefined) {
    during.push(await edit());
    await sleep(editGapMs);
  }
  await indexed;
  // After the index, the server re-checks open files: wait for a check of the latest version that came after it.
  const settled = published.slice(publishedBeforeIndex).find((p) => p.version === version)
    ?? (await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version))[0].params;
  const afterIndexCodes = codes(settled);
  const after = [];
  for (let i = 0; i < editsAfter; i++) {
    after.push(await edit());
    await sleep(editGapMs);
  }
  const finalCodes = codes(published.at(-1));
  return {
    count,
    firstMs: firstAt - openedAt,
    firstBeforeIndex: publishedBeforeIndex > 0,
    firstCodes,
    indexMs: indexedAt - openedAt,
    indexedMessage,
    afterIndexCodes,
    finalCodes,
    during,
    after,
  };
}

// ---- runs, checks, table ----------------------------------------------------------------------

// Both workspaces are written once and reused by every run; the runs alternate between them.
const scratch = mkdtempSync(path.join(tmpdir(), 'sts-bench-ws-'));
const workspaces = {};
let sizes = [];
try {
  for (const [key, count] of [['empty', 0], ['big', fileCount]]) {
    const dir = path.join(scratch, key);
    mkdirSync(dir);
    const startedAt = performance.now();
    const generated = generateWorkspace(dir, count);
    workspaces[key] = { dir, opened: generated.opened, count };
    if (count > 0) {
      sizes = generated.sizes;
      const kb = (n) => (n / 1024).toFixed(1);
      log(`generated ${count} files in ${dir} in ${Math.round(performance.now() - startedAt)} ms: `
        + `${kb(sizes.reduce((a, b) => a + b, 0) / 1024)} MB, ${kb(percentile(sizes, 10))}/${kb(median(sizes))}/${kb(percentile(sizes, 90))} KB (p10/p50/p90)`);
    }
  }
} catch (error) {
  rmSync(scratch, { recursive: true, force: true });
  throw error;
}
const results = { empty: [], big: [] };
try {
  for (let run = 1; run <= runs; run++) {
    for (const key of ['empty', 'big']) {
      log(`run ${run}/${runs}: ${key === 'empty' ? 'empty workspace' : `${fileCount} files`}`);
      const r = await measure(workspaces[key]);
      results[key].push(r);
      log(`  first diagnostics ${r.firstMs.toFixed(1)} ms [${r.firstCodes.join(', ')}]; ${r.indexedMessage} at ${r.indexMs.toFixed(0)} ms; `
        + `${r.during.length} edits during the scan; after the index [${r.afterIndexCodes.join(', ')}]`);
    }
  }
} finally {
  if (opt.keep) log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

const failures = [];
for (const r of [...results.empty, ...results.big]) {
  const where = r.count === 0 ? 'empty workspace' : `${r.count} files`;
  if (!r.firstCodes.includes('grace-period-zero')) failures.push(`${where}: first diagnostics lack grace-period-zero: ${r.firstCodes}`);
  if (!r.finalCodes.includes('grace-period-zero')) failures.push(`${where}: last diagnostics lack grace-period-zero: ${r.finalCodes}`);
  const missingAfter = r.afterIndexCodes.includes('service-missing');
  // Only in the workspace is there a Service ledger-hl: the empty workspace must keep the finding, the big one must lose it.
  if (r.count === 0 && !missingAfter) failures.push(`${where}: service-missing gone without a Service ledger-hl anywhere`);
  if (r.count > 0 && missingAfter) failures.push(`${where}: service-missing still there after the index: the workspace's Service ledger-hl is not used`);
  if (r.count > 0 && !r.firstBeforeIndex) failures.push(`${where}: first diagnostics came after the index was built (${r.firstMs.toFixed(0)} ms vs ${r.indexMs.toFixed(0)} ms)`);
}

const firstEmpty = median(results.empty.map((r) => r.firstMs));
const firstBig = median(results.big.map((r) => r.firstMs));
const indexBig = median(results.big.map((r) => r.indexMs));
const during = results.big.flatMap((r) => r.during);
const afterBig = results.big.flatMap((r) => r.after);
const afterEmpty = results.empty.flatMap((r) => r.after);
const notDelayed = firstBig <= firstEmpty + allowedDelayMs && results.big.every((r) => r.firstBeforeIndex);
const ms = (v) => (Number.isNaN(v) ? '–' : v.toFixed(1));
const range = (values) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;
const firstCodesBig = [...new Set(results.big.map((r) => r.firstCodes.join(', ')))].join(' / ');
const serviceMissingFirst = results.big.filter((r) => r.firstCodes.includes('service-missing')).length;

console.log(`## Workspace index vs first diagnostics (${runs} runs, medians; node ${process.version}; ${opt['vscode-client'] ? 'a client like vscode-languageclient' : 'a client that pushes settings'})

| workspace | first diagnostics ms (min–max) | index built ms after didOpen (min–max) | edits during the scan p50 / p95 ms (n) | edits after the index p50 / p95 ms (n) |
|---|---|---|---|---|
| empty (opened file only) | ${ms(firstEmpty)} (${range(results.empty.map((r) => r.firstMs))}) | ${ms(median(results.empty.map((r) => r.indexMs)))} | – | ${ms(median(afterEmpty))} / ${ms(percentile(afterEmpty, 95))} (${afterEmpty.length}) |
| ${fileCount} files | ${ms(firstBig)} (${range(results.big.map((r) => r.firstMs))}) | ${ms(indexBig)} (${range(results.big.map((r) => r.indexMs))}) | ${ms(median(during))} / ${ms(percentile(during, 95))} (${during.length}) | ${ms(median(afterBig))} / ${ms(percentile(afterBig, 95))} (${afterBig.length}) |

- Server log: \`${results.big.at(-1)?.indexedMessage}\`
- First diagnostics of the opened file with ${fileCount} files: [${firstCodesBig}] (with service-missing for \`ledger\`, checked before the scan reached \`ledger-hl\`, in ${serviceMissingFirst} of ${runs} runs); after the index: [${[...new Set(results.big.map((r) => r.afterIndexCodes.join(', ')))].join(' / ')}]
- Index used (service-missing for \`ledger\`, whose Service \`ledger-hl\` is only in one workspace file, gone after the index; kept in the empty workspace): ${failures.some((f) => /service-missing/.test(f)) ? 'NO' : 'yes'}
- First diagnostics came before the index was built in every run: ${results.big.every((r) => r.firstBeforeIndex) ? 'yes' : 'NO'}
- **First diagnostics not delayed: ${notDelayed ? 'yes' : 'no'}** (threshold: median with ${fileCount} files ≤ median of the empty workspace + ${allowedDelayMs} ms, and first diagnostics before the index in every run)
${failures.length > 0 ? `\n### Failed checks\n${failures.map((f) => `- ${f}`).join('\n')}\n` : ''}`);
process.exitCode = failures.length > 0 || !notDelayed ? 1 : 0;
