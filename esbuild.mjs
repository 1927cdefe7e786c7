// One build for every bundle: the extension client, the language server, the CLI
// and the preview page. Type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
// Writes server/generated/schemaValidators.js (ajv's standalone code for schemas/*.json),
// which the server and CLI bundle; it is not regenerated while watching.
import './schemas/standalone.mjs';

const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: true, logLevel: 'warning', minify: !watch };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The worker thread that shares the parse of a large file (server/src/lsp/largeFile/partWorker.ts).
  { ...node, entryPoints: ['server/src/lsp/largeFile/partWorkerThread.ts'], outfile: 'dist/partWorker.js' },
  // The Helm engine's worker thread (server/src/host/helm/wasmEngine.ts); scripts/build-helm.sh puts helm.wasm beside it.
  { ...node, entryPoints: ['server/src/host/helm/helmWorkerThread.ts'], outfile: 'dist/helmWorker.js' },
  // kustomize's engine's worker thread (server/src/host/kustomize/kustomizeEngine.ts); scripts/build-kustomize.sh puts kustomize.wasm beside it.
  { ...node, entryPoints: ['server/src/host/kustomize/kustomizeWorkerThread.ts'], outfile: 'dist/kustomizeWorker.js' },
  { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The preview page, for the browser; its CSS import becomes dist/preview.css.
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/preview/page/main.ts'], outfile: 'dist/preview.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
