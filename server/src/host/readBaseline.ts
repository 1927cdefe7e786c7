import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';

/**
 * Where the deployed version of a file comes from: a git ref (the file as committed there,
 * by default HEAD: what GitOps deployed) or a YAML file exported with `kubectl get -o yaml`.
 */
export type BaselineSource = { kind: 'git'; ref: string } | { kind: 'file'; path: string } | { kind: 'none' };

/** Reads the `statefulset.baseline` setting or `--baseline` flag: "off", a .yaml/.yml file, or a git ref. */
export function baselineSource(setting: string, folder: string): BaselineSource {
  const value = setting.trim();
  if (value === '' || value === 'off') return { kind: 'none' };
  if (/\.ya?ml$/i.test(value)) return { kind: 'file', path: isAbsolute(value) ? value : resolve(folder, value) };
  return { kind: 'git', ref: value };
}

function gitArgs(file: string, ref: string): string[] {
  // `<ref>:./name` is relative to -C's folder; `--` would make git read a path, not a blob.
  return ['-C', dirname(file), 'show', `${ref}:./${basename(file)}`];
}

const limits = { encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, timeout: 10_000, windowsHide: true };

function readExport(path: string): string | undefined {
  try {
    return existsSync(path) && statSync(path).size < 64 * 1024 * 1024 ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The baseline text of a file, or undefined when there is none (no repository, a new file, no git). */
export function readBaselineSync(file: string, source: BaselineSource): string | undefined {
  if (source.kind === 'none') return undefined;
  if (source.kind === 'file') return readExport(source.path);
  try {
    return execFileSync('git', gitArgs(file, source.ref), { ...limits, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The same, without blocking the language server. */
export function readBaseline(file: string, source: BaselineSource): Promise<string | undefined> {
  if (source.kind !== 'git') return Promise.resolve(readBaselineSync(file, source));
  return new Promise((done) => {
    execFile('git', gitArgs(file, source.ref), limits, (error, stdout) => done(error ? undefined : stdout));
  });
}
