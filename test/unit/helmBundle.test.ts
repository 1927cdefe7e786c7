// The engine as the extension ships it: bundles beside helm.wasm and helm_wasm_exec.js, the
// worker found next to the bundle that imports the host API (as dist/ lays them out).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { buildHelmTools, chartsDir, noGo, root } from './helmSupport';

test('a bundle renders with the worker and module beside it, loading them only when asked', { skip: noGo }, () => {
  buildHelmTools();
  const dir = mkdtempSync(join(tmpdir(), 'sts-helm-bundle-'));
  try {
    const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;
    esbuild.buildSync({ ...common, entryPoints: [join(root, 'server/src/host/helm/helmWorkerThread.ts')], outfile: join(dir, 'helmWorker.js') });
    esbuild.buildSync({ ...common, entryPoints: [join(root, 'server/src/host/helm/index.ts')], outfile: join(dir, 'host.js') });
    for (const f of ['helm.wasm', 'helm_wasm_exec.js']) copyFileSync(join(root, 'dist', f), join(dir, f));
    const script = `
      const host = require(${JSON.stringify(join(dir, 'host.js'))});
      (async () => {
        const engine = host.sharedWasmEngine();
        const loadedBefore = engine.running;
        const r = await host.renderChart({ files: await host.readChartFolder(${JSON.stringify(join(chartsDir, 'vault'))}) });
        console.log(JSON.stringify({ loadedBefore, engine: r.engine, error: r.error, kinds: r.documents.map((d) => /^kind: (\\w+)/m.exec(d.text)?.[1]) }));
        await engine.dispose();
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { loadedBefore: boolean; engine: string; error?: unknown; kinds: string[] };
    assert.equal(out.loadedBefore, false, 'the module is not loaded before the first render');
    assert.equal(out.engine, 'wasm');
    assert.equal(out.error, undefined);
    assert.ok(out.kinds.includes('StatefulSet'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
