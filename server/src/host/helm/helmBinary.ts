import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { documentsOf } from './manifestDocuments';
import type { RenderError, RenderRequest, RenderResult } from './renderTypes';
import { t } from '../../messages';

export interface HelmBinaryOptions {
  /** The `helm` executable to run. */
  helmPath: string;
  /** Workspace Trust, decided by the caller: false never spawns anything. */
  allowExternalProgram: boolean;
  /** The process is killed after this long (default 10 s). */
  timeoutMs?: number;
}

/** `helm template`'s arguments for a request whose chart is at `chartDir` and values files at `valuesPaths`. */
export function helmTemplateArgs(request: RenderRequest, chartDir: string, valuesPaths: readonly string[]): string[] {
  const args = ['template', request.releaseName ?? 'release-name', chartDir, '--namespace', request.namespace ?? 'default'];
  for (const path of valuesPaths) args.push('--values', path);
  for (const s of request.set ?? []) args.push('--set', s);
  for (const s of request.setString ?? []) args.push('--set-string', s);
  if (request.kubeVersion) args.push('--kube-version', request.kubeVersion);
  for (const v of request.apiVersions ?? []) args.push('--api-versions', v);
  return args;
}

/**
 * Renders with an installed `helm` (`helm template`), for users who point a setting at
 * theirs. The chart is read from `chartDir` when given, else written to a temporary folder
 * from `files`; values files are always written out (they may be unsaved editor text),
 * and their temporary paths are put back to the names in Helm's messages.
 */
export async function renderWithHelmBinary(request: RenderRequest, options: HelmBinaryOptions): Promise<RenderResult> {
  const started = performance.now();
  const fail = (error: RenderError): RenderResult => ({ manifest: '', documents: [], error, engine: 'binary', elapsedMs: performance.now() - started });
  if (!options.allowExternalProgram) {
    return fail({ kind: 'refused', message: t('helm.untrusted', { helm: options.helmPath }) });
  }
  const temp = await mkdtemp(join(tmpdir(), 'sts-helm-'));
  try {
    let chartDir = request.chartDir;
    if (chartDir === undefined) {
      chartDir = join(temp, 'chart');
      for (const [name, content] of request.files) {
        const path = join(chartDir, ...name.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
      }
    }
    const valuesPaths: string[] = [];
    for (const [i, file] of (request.valuesFiles ?? []).entries()) {
      const path = join(temp, `values-${i}.yaml`);
      await writeFile(path, file.content);
      valuesPaths.push(path);
    }
    const run = await runProcess(options.helmPath, helmTemplateArgs(request, chartDir, valuesPaths), options.timeoutMs ?? 10_000);
    if ('spawnError' in run) return fail({ kind: 'engine', message: t('helm.cannotRun', { helm: options.helmPath, error: run.spawnError }) });
    if (run.timedOut) return fail({ kind: 'timeout', message: t('helm.timeout', { seconds: (options.timeoutMs ?? 10_000) / 1000 }) });
    if (run.code !== 0) {
      // Helm may print warnings first; its error is the last thing it prints.
      let message = (/(?:^|\n)Error: ([\s\S]*)$/.exec(run.stderr)?.[1] ?? run.stderr).replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '').trimEnd();
      (request.valuesFiles ?? []).forEach((file, i) => { message = message.split(valuesPaths[i] ?? '\0').join(file.name); });
      return fail({ kind: 'helm', message });
    }
    return { manifest: run.stdout, documents: documentsOf(run.stdout), engine: 'binary', elapsedMs: performance.now() - started, ...(run.stderr ? { log: run.stderr } : {}) };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

type ProcessRun = { spawnError: string } | { code: number | null; stdout: string; stderr: string; timedOut: boolean };

function runProcess(command: string, args: string[], timeoutMs: number): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HELM_DEBUG: 'false' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => { clearTimeout(timer); resolve({ spawnError: error.message }); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}
