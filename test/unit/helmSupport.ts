// Shared by the Helm engine's tests: builds what they need (cached), and runs the real
// `helm template` of the same module version for comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { WasmEngine, type WasmEngineOptions } from '../../server/src/host/helm/wasmEngine';

export const root = join(import.meta.dirname, '..', '..');
export const chartsDir = join(root, 'test', 'fixtures', 'charts');
export const helmCli = join(root, '.cache', 'helm', 'bin', 'helm');
// One worker bundle per test process (test files may run in parallel), removed at exit.
const testWorker = join(root, '.cache', 'helm', 'test-dist', `helmWorker.${process.pid}.js`);

/** Why the Helm tests cannot run here (no Go), or undefined. */
export const noGo: string | undefined = spawnSync('go', ['version']).status === 0 ? undefined : 'go is not on the PATH (the Helm engine is built from go/helm)';

let built = false;
/** Builds dist/helm.wasm, the real helm CLI and a worker bundle for the tests (each cached). */
export function buildHelmTools(): void {
  if (built) return;
  const run = (...args: string[]): void => { execFileSync('bash', [join(root, 'scripts', 'build-helm.sh'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] }); };
  run('wasm');
  run('helm-cli');
  esbuild.buildSync({
    entryPoints: [join(root, 'server', 'src', 'host', 'helm', 'helmWorkerThread.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
    outfile: testWorker,
  });
  process.on('exit', () => rmSync(testWorker, { force: true }));
  built = true;
}

/** An engine that runs the module just built (dist/) from a worker bundled for the tests. */
export function testEngine(options: Omit<WasmEngineOptions, 'files'> = {}): WasmEngine {
  buildHelmTools();
  return new WasmEngine({
    ...options,
    files: { workerFile: testWorker, wasmFile: join(root, 'dist', 'helm.wasm'), wasmExecFile: join(root, 'dist', 'helm_wasm_exec.js') },
  });
}

export interface HelmRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The real `helm template` (built by buildHelmTools), with no user config or cache of its own. */
export function helmTemplate(args: readonly string[]): HelmRun {
  buildHelmTools();
  const home = join(root, '.cache', 'helm', 'home');
  const run = spawnSync(helmCli, ['template', ...args], {
    encoding: 'utf8', maxBuffer: 256 << 20,
    env: { PATH: process.env['PATH'] ?? '', ...(process.env['TZ'] ? { TZ: process.env['TZ'] } : {}), HOME: home, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Helm's error as the engine reports it: stderr without `Error: ` and the CLI's --debug hint. */
export function helmErrorMessage(stderr: string): string {
  return stderr.replace(/^Error: /, '').replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '').trimEnd();
}

export function exists(path: string): boolean {
  return existsSync(path);
}
