/**
 * Starts and stops a real VS Code (1.100.3, as shipped in code-server) with the packaged
 * extension installed, for the end-to-end suite. How and why: /work/shared/real-vscode.md.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './waitFor';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const toolsDir = process.env.VSCODE_TOOLS_DIR ?? path.join(repoRoot, '.vscode-test/tools');
const codeServerEntry = path.join(toolsDir, 'node_modules/code-server/out/node/entry.js');
const defaultVsix = path.join(repoRoot, 'dist/statefulset-studio.vsix');
const run = promisify(execFile);
const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Fails early, with the fix, when `scripts/install-vscode.sh` has not been run. */
export function assertToolsInstalled(chromium: string): void {
  const missing = [path.join(toolsDir, '.installed'), chromium].filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(', ')}: run scripts/install-vscode.sh (as root) first.`);
  }
}

/**
 * The VSIX under test: `$E2E_VSIX` if set; else dist/statefulset-studio.vsix, packaged
 * again (scripts/package.sh) unless it is newer than the bundles and every build input.
 */
export async function ensureVsix(): Promise<string> {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const inputs = ['client', 'server', 'schemas', 'package.json', '.vscodeignore', 'esbuild.mjs']
    .map((p) => path.join(repoRoot, p));
  const bundles = fs.existsSync(path.join(repoRoot, 'dist'))
    ? fs.readdirSync(path.join(repoRoot, 'dist')).filter((f) => f.endsWith('.js')).map((f) => path.join(repoRoot, 'dist', f))
    : [];
  const fresh = fs.existsSync(defaultVsix) && bundles.length > 0
    && fs.statSync(defaultVsix).mtimeMs > Math.max(...[...inputs, ...bundles].map(newestMtime));
  if (!fresh) {
    await run('bash', [path.join(repoRoot, 'scripts/package.sh')], { cwd: repoRoot, maxBuffer: 16 << 20 })
      .catch((error: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`scripts/package.sh failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
      });
  }
  return defaultVsix;
}

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((newest, name) =>
    name === 'node_modules' ? newest : Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

/**
 * Installs the VSIX the way a user would, into a fresh extensions folder, and returns
 * the folder it landed in (`<publisher>.<name>-<version>`, with its package.json).
 */
export async function installExtension(vsix: string, extensionsDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  // Folders already there (a session's stub language pack) are registered by this first run too.
  const extensionFolders = () => fs.existsSync(extensionsDir)
    ? fs.readdirSync(extensionsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(extensionsDir, e.name, 'package.json'))).map((e) => e.name)
    : [];
  const before = new Set(extensionFolders());
  const { stdout } = await run(process.execPath,
    [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env, timeout: 60_000 });
  if (!/was successfully installed/.test(stdout)) throw new Error(`Installing ${vsix} failed:\n${stdout}`);
  const installed = extensionFolders().filter((name) => !before.has(name)).map((name) => ({ name }));
  if (installed.length !== 1) throw new Error(`Expected one new extension in ${extensionsDir}, found ${installed.length}`);
  return path.join(extensionsDir, installed[0]!.name);
}

/** A running code-server; `stop()` ends it and everything it started. */
export interface CodeServer {
  readonly port: number;
  /** The workbench with `folder` open. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  folder: string;
  extensionsDir: string;
  userDataDir: string;
  /** stdout and stderr of the server go here. */
  logFile: string;
  env: NodeJS.ProcessEnv;
}

/** Starts code-server on a free port and resolves once it answers HTTP. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  // Another process may take the free port between asking and binding: try again then.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawnCodeServer(port, options);
    try {
      await waitFor(async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}):\n${logTail(options.logFile)}`);
        }
        const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).catch(() => undefined);
        return response !== undefined && response.status < 500;
      }, 30_000, `code-server to answer on port ${port}`);
      const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.folder)}`;
      return { port, url, stop: () => stopProcessGroup(child) };
    } catch (error) {
      await stopProcessGroup(child);
      if (attempt >= 3 || !/EADDRINUSE/.test(logTail(options.logFile))) throw error;
    }
  }
}

/** Undoes the exit and signal handlers of a server once all of its group is gone. */
const forgetOnStop = new WeakMap<ChildProcess, () => void>();

function spawnCodeServer(port: number, o: CodeServerOptions): ChildProcess {
  const log = fs.openSync(o.logFile, 'a');
  const child = spawn(process.execPath, [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', o.extensionsDir,
    '--user-data-dir', o.userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    o.folder,
  ], {
    env: o.env,
    stdio: ['ignore', log, log],
    // A process group of its own, so that stopping it also ends the extension host,
    // the language server, the file watcher and the pty host it started.
    detached: true,
  });
  fs.closeSync(log);
  // If this process ends without `stop()` (a crash, Ctrl+C), do not leave it running:
  // a signal would end it without 'exit' handlers, so turn signals into an exit.
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  const exitOnSignal = () => process.exit(130);
  process.once('exit', killOnExit);
  for (const signal of EXIT_SIGNALS) process.once(signal, exitOnSignal);
  forgetOnStop.set(child, () => {
    process.removeListener('exit', killOnExit);
    for (const signal of EXIT_SIGNALS) process.removeListener(signal, exitOnSignal);
  });
  return child;
}

/** SIGTERM to the group, then SIGKILL if anything in it is still there after 10 s. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (signalGroup(child, 'SIGTERM')) {
    try {
      await waitFor(() => !signalGroup(child, 0), 10_000, `code-server (pid ${child.pid}) to stop`);
    } catch {
      signalGroup(child, 'SIGKILL');
      await waitFor(() => !signalGroup(child, 0), 5_000, `code-server (pid ${child.pid}) to die`);
    }
  }
  forgetOnStop.get(child)?.();
}

/** Sends `signal` to the child's process group; false once the group is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function logTail(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  return text.split('\n').slice(-20).join('\n');
}
