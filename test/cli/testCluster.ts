// Starts the real test cluster (go/cluster, built by scripts/build-cluster.sh): etcd,
// kube-apiserver, kube-controller-manager with only the StatefulSet controller, and the
// test kubelet, on 127.0.0.1 with fresh certificates. Tests that need it call
// startTestCluster() and stop() it after. A missing build fails the test; only
// STS_SKIP_CLUSTER=1 skips, and says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClusterAccess } from '../../server/src/host/cluster/kubeconfig';

const repoRoot = join(import.meta.dirname, '..', '..');
const binDir = process.env.STS_CLUSTER_DIR ?? join(repoRoot, '.cache', 'cluster');

/** Why cluster tests are skipped: only when asked to with STS_SKIP_CLUSTER=1. */
export function clusterSkip(): string | false {
  return process.env.STS_SKIP_CLUSTER === '1' ? 'STS_SKIP_CLUSTER=1: the tests against a real cluster are skipped' : false;
}

export interface TestCluster {
  server: string;
  adminKubeconfig: string;
  readerKubeconfig: string;
  readerUser: string;
  kubeletControl: string;
  dir: string;
  /** The admin (system:masters) writes the test's objects: the tool under test never writes. */
  admin(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Sets pod behaviours of the test kubelet: {"web-2": "crash-loop"}. */
  setBehaviours(byPod: Record<string, string>): void;
  stop(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const launcher = join(binDir, 'sts-cluster');
  for (const binary of ['sts-cluster', 'kube-apiserver', 'kube-controller-manager']) {
    if (!existsSync(join(binDir, binary))) {
      throw new Error(`the test cluster is not built (${join(binDir, binary)} is missing): run bash scripts/build-cluster.sh, or set STS_SKIP_CLUSTER=1 to skip these tests`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'sts-cluster-'));
  const child = spawn(launcher, ['up', '--dir', dir, '--watch-stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error('the test cluster was not ready within 180 s')), 180_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      const log = join(dir, 'apiserver.log');
      reject(new Error(`${error.message}\n${stderr}${existsSync(log) ? `\napiserver.log: ${readFileSync(log, 'utf8').slice(-2000)}` : ''}`));
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Record<string, string>);
      }
    });
    child.on('exit', (code) => fail(new Error(`sts-cluster exited (${code}) before it was ready`)));
  });
  const access = loadClusterAccess([ready.adminKubeconfig!]);
  return {
    server: ready.server!, adminKubeconfig: ready.adminKubeconfig!, readerKubeconfig: ready.readerKubeconfig!,
    readerUser: ready.readerUser!, kubeletControl: ready.kubeletControl!, dir,
    admin: (method, path, body) => adminRequest(access.server, access.ca!, access.cert!, access.key!, method, path, body),
    setBehaviours: (byPod) => writeFileSync(ready.kubeletControl!, JSON.stringify(byPod)),
    stop: () => stopCluster(child, dir),
  };
}

async function stopCluster(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

function adminRequest(server: string, ca: string, cert: string, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    const req = https.request(new URL(server + path), { method, ca, cert, key, headers: { 'Content-Type': contentType, Accept: 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => {
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* keep the text */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls until check returns a value (not undefined), or fails after timeoutMs with the last state. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000, describeLast?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${describeLast ? `; last: ${describeLast()}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
