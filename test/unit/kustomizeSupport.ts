// Shared by the kustomize engine's tests: builds what they need (cached) and runs the real
// `kustomize build` of the same module version (sigs.k8s.io/kustomize/kustomize/v5 v5.8.2, api v0.21.2).
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { KustomizeEngine, type KustomizeEngineOptions } from '../../server/src/host/kustomize/kustomizeEngine';

export const root = join(import.meta.dirname, '..', '..');
export const realLayouts = join(root, 'test', 'fixtures', 'kustomize-real');
export const ownLayouts = join(root, 'test', 'fixtures', 'kustomize-own');
export const kustomizeCli = join(root, '.cache', 'kustomize', 'bin', 'kustomize');
const testWorker = join(root, '.cache', 'kustomize', 'test-dist', `kustomizeWorker.${process.pid}.js`);

/** Why these tests cannot run here (no Go), or undefined. */
export const noGo: string | undefined = spawnSync('go', ['version']).status === 0 ? undefined : 'go is not on the PATH (the kustomize engine is built from go/kustomize)';

let built = false;
/** Builds dist/kustomize.wasm, the real kustomize CLI and a worker bundle for the tests (each cached). */
export function buildKustomizeTools(): void {
  if (built) return;
  const run = (...args: string[]): void => { execFileSync('bash', [join(root, 'scripts', 'build-kustomize.sh'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] }); };
  run('wasm');
  run('kustomize-cli');
  esbuild.buildSync({
    entryPoints: [join(root, 'server', 'src', 'host', 'kustomize', 'kustomizeWorkerThread.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', outfile: testWorker,
  });
  process.on('exit', () => rmSync(testWorker, { force: true }));
  built = true;
}

/** An engine that runs the module just built (dist/) from a worker bundled for the tests. */
export function testKustomizeEngine(options: Omit<KustomizeEngineOptions, 'files'> = {}): KustomizeEngine {
  buildKustomizeTools();
  return new KustomizeEngine({ ...options, files: { workerFile: testWorker, wasmFile: join(root, 'dist', 'kustomize.wasm'), wasmExecFile: join(root, 'dist', 'kustomize_wasm_exec.js') } });
}

/** The real `kustomize build DIR`: its stdout, or its error (stderr without `Error: `). */
export function kustomizeBuild(dir: string): { status: number | null; stdout: string; stderr: string } {
  buildKustomizeTools();
  const run = spawnSync(kustomizeCli, ['build', dir], { encoding: 'utf8', maxBuffer: 256 << 20, env: { PATH: '', HOME: join(root, '.cache', 'kustomize', 'home') } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
