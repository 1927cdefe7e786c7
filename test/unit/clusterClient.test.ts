// The read-only cluster client (server/src/host/cluster): it can send nothing but GET
// (a code test over its sources, and every request a local server receives); credentials
// as kubectl takes them (token, exec plugin); secrets never in an error. TLS and RBAC
// against the real API server are in test/cli/statusCluster.test.ts.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { ClusterError, loadClusterAccess, ReadOnlyClient, type WatchEvent } from '../../server/src/host/cluster/index';

const clusterDir = join(import.meta.dirname, '..', '..', 'server', 'src', 'host', 'cluster');

test('code: the one request the client sends is a GET; no other method is named anywhere in host/cluster', () => {
  const sources = readdirSync(clusterDir).filter((f) => f.endsWith('.ts')).map((f) => ({ f, text: readFileSync(join(clusterDir, f), 'utf8') }));
  assert.ok(sources.length >= 5);
  const requests = sources.flatMap(({ f, text }) => [...text.matchAll(/\.request\(([^\n]*)/g)].map((m) => ({ f, line: m[1]! })));
  assert.equal(requests.length, 1, JSON.stringify(requests));
  assert.match(requests[0]!.line, /method: 'GET'/);
  for (const { f, text } of sources) {
    assert.doesNotMatch(text, /\b(POST|PUT|PATCH|DELETE)\b/, `${f} names a write method`);
    assert.deepEqual([...text.matchAll(/method:\s*([^,}\n]+)/g)].map((m) => m[1]!.trim()).filter((m) => m !== "'GET'"), [], `${f}: a method other than GET`);
    assert.doesNotMatch(text, /\bfetch\(|\.get\(\s*(url|new URL)|net\.connect|tls\.connect/, `${f} opens a connection another way`);
  }
  const verbs = /export type ReadVerb = ([^;]+);/.exec(sources.find((s) => s.f === 'readOnlyClient.ts')!.text)?.[1];
  assert.equal(verbs, "'get' | 'list' | 'watch'");
});

interface Seen { method: string; url: string; authorization: string }

/** A plain-HTTP stand-in for the API server: records each request, answers with respond. */
async function server(respond: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ url: string; seen: Seen[]; close(): void }> {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization ?? '' });
    respond(req, res);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => { s.closeAllConnections(); s.close(); } };
}

function kubeconfig(dir: string, server: string, user: Record<string, unknown>): string {
  const path = join(dir, 'config');
  writeFileSync(path, stringify({
    apiVersion: 'v1', kind: 'Config', 'current-context': 'here',
    clusters: [{ name: 'c', cluster: { server } }], users: [{ name: 'u', user }],
    contexts: [{ name: 'here', context: { cluster: 'c', user: 'u', namespace: 'shop' } }],
  }));
  return path;
}

test('get, list and watch all arrive as GET, with the token; watch events are handed over one by one', async () => {
  const api = await server((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.includes('watch=true')) {
      res.write(`${JSON.stringify({ type: 'ADDED', object: { metadata: { name: 'web-0' } } })}\n`);
      res.end(`${JSON.stringify({ type: 'MODIFIED', object: { metadata: { name: 'web-0' } } })}\n`);
      return;
    }
    res.end(JSON.stringify({ kind: 'PodList', items: [] }));
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sts-client-'));
    const access = loadClusterAccess([kubeconfig(dir, api.url, { token: 'plain-token-1234' })]);
    assert.equal(access.namespace, 'shop');
    const client = new ReadOnlyClient(access);
    await client.get('/api/v1/namespaces/shop/pods/web-0');
    await client.list('/api/v1/namespaces/shop/pods');
    const events: WatchEvent[] = [];
    await new Promise<void>((resolve, reject) => client.watch('/api/v1/namespaces/shop/pods', '5', (e) => events.push(e), (error) => (error ? reject(error) : resolve())));
    assert.deepEqual(events.map((e) => e.type), ['ADDED', 'MODIFIED']);
    assert.deepEqual(api.seen.map((s) => s.method), ['GET', 'GET', 'GET']);
    assert.ok(api.seen.every((s) => s.authorization === 'Bearer plain-token-1234'));
    assert.match(api.seen[2]!.url, /watch=true.*resourceVersion=5/);
  } finally {
    api.close();
  }
});

test('an exec plugin gives the token (run again after a 401); a server echoing it into an error does not leak it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-exec-'));
  const plugin = join(dir, 'plugin.mjs');
  writeFileSync(plugin, `#!/usr/bin/env node
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
const runs = Number(process.env.RUNS_FILE ? (await import('node:fs')).readFileSync(process.env.RUNS_FILE, 'utf8') || 0 : 0) + 1;
(await import('node:fs')).writeFileSync(process.env.RUNS_FILE, String(runs));
console.log(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: 'exec-secret-token-' + runs + '-' + process.env.EXTRA } }));
`);
  chmodSync(plugin, 0o755);
  const runs = join(dir, 'runs');
  writeFileSync(runs, '');
  const api = await server((req, res) => {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ kind: 'Status', message: `token ${req.headers.authorization} is not valid` }));
  });
  try {
    const access = loadClusterAccess([kubeconfig(dir, api.url, {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './plugin.mjs', env: [{ name: 'RUNS_FILE', value: runs }, { name: 'EXTRA', value: 'xyz' }] },
    })]);
    const error = await new ReadOnlyClient(access).list('/api/v1/namespaces/shop/pods').then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ClusterError);
    assert.equal(error.kind, 'unauthorized');
    assert.deepEqual(api.seen.map((s) => s.authorization), ['Bearer exec-secret-token-1-xyz', 'Bearer exec-secret-token-2-xyz']);
    assert.doesNotMatch(error.message, /exec-secret-token/);

    const forbidden = await server((req, res) => {
      res.statusCode = 403;
      res.end(JSON.stringify({ kind: 'Status', message: `user with ${req.headers.authorization} cannot list pods` }));
    });
    try {
      const tokenAccess = loadClusterAccess([kubeconfig(dir, forbidden.url, { token: 'static-secret-token-42' })]);
      const denied = await new ReadOnlyClient(tokenAccess).list('/api/v1/namespaces/shop/pods').then(() => undefined, (e: unknown) => e);
      assert.ok(denied instanceof ClusterError);
      assert.equal(denied.kind, 'forbidden');
      assert.match(denied.message, /RBAC does not allow list/);
      assert.doesNotMatch(denied.message, /static-secret-token-42/);
    } finally {
      forbidden.close();
    }
  } finally {
    api.close();
  }
});

test('a failing exec plugin: its stderr line is shown without the token it printed; a missing one is named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-exec-fail-'));
  const plugin = join(dir, 'fail.sh');
  writeFileSync(plugin, '#!/bin/sh\necho "refreshing failed: Authorization: Bearer leaked-secret-999" >&2\nexit 3\n');
  chmodSync(plugin, 0o755);
  const unreachable = 'http://127.0.0.1:9';
  const failing = loadClusterAccess([kubeconfig(dir, unreachable, { exec: { command: plugin, apiVersion: 'client.authentication.k8s.io/v1' } })]);
  const error = await new ReadOnlyClient(failing).list('/api/v1/pods').then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ClusterError && error.kind === 'credentials');
  assert.match(error.message, /refreshing failed/);
  assert.doesNotMatch(error.message, /leaked-secret-999/);
  const missing = loadClusterAccess([kubeconfig(dir, unreachable, { exec: { command: 'no-such-plugin-sts', apiVersion: 'client.authentication.k8s.io/v1' } })]);
  const notFound = await new ReadOnlyClient(missing).list('/api/v1/pods').then(() => undefined, (e: unknown) => e);
  assert.ok(notFound instanceof ClusterError);
  assert.match(notFound.message, /no-such-plugin-sts was not found/);
});

test('kubeconfig files merge as kubectl merges them; a context is chosen; unknown names are listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-kubeconfig-'));
  writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const first = join(dir, 'a');
  const second = join(dir, 'b');
  writeFileSync(first, stringify({ 'current-context': 'one', clusters: [{ name: 'c', cluster: { server: 'https://first:6443/', 'certificate-authority': 'ca.pem' } }], contexts: [{ name: 'one', context: { cluster: 'c', user: 'u' } }], users: [{ name: 'u', user: { tokenFile: 'token' } }] }));
  writeFileSync(second, stringify({ 'current-context': 'two', clusters: [{ name: 'c', cluster: { server: 'https://second:6443' } }, { name: 'd', cluster: { server: 'https://d:6443', 'insecure-skip-tls-verify': true } }], contexts: [{ name: 'two', context: { cluster: 'd', namespace: 'ops' } }] }));
  const one = loadClusterAccess([first, second]);
  assert.deepEqual([one.context, one.server, one.ca?.includes('MIIB'), one.tokenFile, one.insecureSkipTlsVerify], ['one', 'https://first:6443', true, join(dir, 'token'), false]);
  const two = loadClusterAccess([first, second], 'two');
  assert.deepEqual([two.server, two.namespace, two.insecureSkipTlsVerify], ['https://d:6443', 'ops', true]);
  assert.throws(() => loadClusterAccess([first, second], 'three'), /no context "three" in the kubeconfig \(it has one, two\)/);
  assert.throws(() => loadClusterAccess([join(dir, 'none')]), /no kubeconfig found/);
});

test('a dropped watch is resumed, a failing list retried with backoff; the error is kept for the column meanwhile', async () => {
  const { CollectionWatch } = await import('../../server/src/host/cluster/collectionWatch');
  let lists = 0;
  const api = await server((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.includes('watch=true')) {
      // Each watch sends one change, then the connection is cut.
      res.write(`${JSON.stringify({ type: 'MODIFIED', object: { metadata: { uid: 'a', name: 'web', resourceVersion: String(10 + lists) } } })}\n`);
      res.destroy();
      return;
    }
    lists++;
    if (lists === 2) { res.statusCode = 503; res.end('{"kind":"Status","message":"etcd is down"}'); return; }
    res.end(JSON.stringify({ metadata: { resourceVersion: '5' }, items: [{ metadata: { uid: 'a', name: 'web', resourceVersion: '5' } }] }));
  });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sts-watch-'));
    const client = new ReadOnlyClient(loadClusterAccess([kubeconfig(dir, api.url, { token: 'watch-token-1234' })]));
    const watch = new CollectionWatch(client, '/apis/apps/v1/namespaces/shop/statefulsets', () => undefined);
    await watch.ready();
    assert.equal(watch.items.size, 1);
    // cut watch → list again (503: error kept, backoff) → list again (ok) → watching
    const deadline = Date.now() + 10_000;
    let sawError = false;
    while (lists < 3 && Date.now() < deadline) {
      sawError ||= watch.error !== undefined;
      await new Promise((r) => setTimeout(r, 20));
    }
    watch.stop();
    assert.ok(sawError, 'the failed list was reported while it lasted');
    assert.ok(lists >= 3, `listed ${lists} times`);
    assert.ok(api.seen.every((s) => s.method === 'GET'));
  } finally {
    api.close();
  }
});
