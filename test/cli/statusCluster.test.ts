// `sts status` against a real cluster (test/cli/testCluster.ts): the real API server and
// the real StatefulSet controller, pods driven by the test kubelet. The tool reads through
// reader.kubeconfig, whose RBAC allows get, list and watch only; the test's own writes go
// through the admin. Fails when the cluster is not built; STS_SKIP_CLUSTER=1 skips.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { sts } from './cliRun';
import { clusterSkip, startTestCluster, waitFor, type TestCluster } from './testCluster';

interface Report { statefulSet: string; blocked: boolean; blockingPod: string | null; reason: string; explanation: string; recovery: string[] }

function statefulSet(name: string, namespace: string, extra: { annotations?: Record<string, string>; finalizers?: string[]; claimAnnotations?: Record<string, string>; replicas?: number; cpuLimit?: string } = {}): unknown {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace },
    spec: {
      replicas: extra.replicas ?? 3, serviceName: name, selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, ...(extra.annotations ? { annotations: extra.annotations } : {}), ...(extra.finalizers ? { finalizers: extra.finalizers } : {}) },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...(extra.cpuLimit ? { resources: { limits: { cpu: extra.cpuLimit } } } : {}) }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data', ...(extra.claimAnnotations ? { annotations: extra.claimAnnotations } : {}) }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

describe('sts status against a real cluster', { skip: clusterSkip() }, () => {
  let cluster: TestCluster;
  const status = (...args: string[]): { status: number | null; reports: Report[]; stderr: string } => {
    const run = sts(['status', '--kubeconfig', cluster.readerKubeconfig, '--json', ...args]);
    return { status: run.status, reports: run.stdout.trim() === '' ? [] : JSON.parse(run.stdout) as Report[], stderr: run.stderr };
  };
  const create = async (path: string, body: unknown): Promise<void> => {
    const answer = await cluster.admin('POST', path, body);
    assert.ok(answer.status < 300, `POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  const namespace = (name: string): Promise<void> => create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const reportOnce = (name: string, ns: string, wanted: (r: Report) => boolean) => {
    let last = '';
    return waitFor(`${ns}/${name} to be reported as wanted`, async () => {
      const run = status(name, '-n', ns);
      const report = run.reports[0];
      last = report !== undefined ? `${report.reason}: ${report.explanation}` : run.stderr;
      return report !== undefined && wanted(report) ? { run, report } : undefined;
    }, 90_000, () => last);
  };

  before(async () => { cluster = await startTestCluster(); }, { timeout: 200_000 });
  after(async () => { await cluster?.stop(); });

  test('a rollout halted by a crash-looping pod, then the rollback trap, then its recovery', { timeout: 240_000 }, async () => {
    await namespace('trap');
    await create('/apis/apps/v1/namespaces/trap/statefulsets', statefulSet('web', 'trap'));
    await reportOnce('web', 'trap', (r) => r.reason === 'none' && /All 3 of 3 pods are Running and Ready/.test(r.explanation));
    // A bad template: the test kubelet makes its pods crash-loop. OrderedReady updates web-2 first and halts there.
    const bad = { spec: { template: { metadata: { annotations: { 'sts-kubelet/behaviour': 'crash-loop' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } } } };
    assert.equal((await cluster.admin('PATCH', '/apis/apps/v1/namespaces/trap/statefulsets/web', bad)).status, 200);
    const halted = await reportOnce('web', 'trap', (r) => r.reason === 'crash-loop');
    assert.equal(halted.run.status, 1);
    assert.equal(halted.report.blocked, true);
    assert.equal(halted.report.blockingPod, 'web-2');
    assert.deepEqual(halted.report.recovery, ['kubectl rollout undo statefulset/web -n trap', 'kubectl delete pod web-2 -n trap']);

    // The revert alone (what `kubectl rollout undo` does): the controller never replaces web-2 (#67250).
    const revert = { spec: { template: { metadata: { annotations: null }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } };
    assert.equal((await cluster.admin('PATCH', '/apis/apps/v1/namespaces/trap/statefulsets/web', revert)).status, 200);
    const trapped = await reportOnce('web', 'trap', (r) => r.recovery.length === 1);
    assert.equal(trapped.report.reason, 'crash-loop');
    assert.equal(trapped.report.blockingPod, 'web-2');
    assert.deepEqual(trapped.report.recovery, ['kubectl delete pod web-2 -n trap']);
    assert.match(trapped.report.explanation, /not the update revision.*67250/);
    // It stays stuck: the real controller does not recreate web-2 on its own.
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(status('web', '-n', 'trap').reports[0]?.blockingPod, 'web-2');

    // The dump a user attaches to a ticket says the same offline.
    const dump = join(cluster.dir, 'dump.yaml');
    writeFileSync(dump, await kubectlGetDump(cluster, 'trap'));
    const offline = sts(['status', '--from', dump, '--json']);
    assert.equal(offline.status, 1, offline.stderr);
    const offlineReport = (JSON.parse(offline.stdout) as Report[])[0]!;
    assert.deepEqual({ ...offlineReport, rollout: undefined, pods: undefined, claims: undefined, next: undefined },
      { ...trapped.report, rollout: undefined, pods: undefined, claims: undefined, next: undefined });

    // The printed recovery, run by the test's admin: the controller recreates web-2 from the reverted template.
    assert.equal((await cluster.admin('DELETE', '/api/v1/namespaces/trap/pods/web-2')).status, 200);
    const recovered = await reportOnce('web', 'trap', (r) => r.reason === 'none' && /All 3 of 3/.test(r.explanation));
    assert.equal(recovered.run.status, 0);
  });

  test('image pull, unbound claim, FailedCreate and a pod held by a finalizer, each named', { timeout: 240_000 }, async () => {
    await namespace('faults');
    cluster.setBehaviours({ 'faults/pull-0': 'image-pull' });
    await create('/apis/apps/v1/namespaces/faults/statefulsets', statefulSet('pull', 'faults', { replicas: 2 }));
    await create('/apis/apps/v1/namespaces/faults/statefulsets', statefulSet('vol', 'faults', { replicas: 2, claimAnnotations: { 'sts-kubelet/unbound': 'true' } }));
    await create('/apis/apps/v1/namespaces/faults/statefulsets', statefulSet('fin', 'faults', { replicas: 2, finalizers: ['example.com/hold'] }));
    const pull = await reportOnce('pull', 'faults', (r) => r.reason === 'image-pull');
    assert.equal(pull.report.blockingPod, 'pull-0');
    assert.match(pull.report.explanation, /ImagePullBackOff/);
    const volume = await reportOnce('vol', 'faults', (r) => r.reason === 'unschedulable');
    assert.equal(volume.report.blockingPod, 'vol-0');
    assert.match(volume.report.explanation, /claim data-vol-0 is Pending/);
    assert.deepEqual(volume.report.recovery, ['kubectl describe pvc data-vol-0 -n faults', 'kubectl get storageclass']);
    await reportOnce('fin', 'faults', (r) => r.reason === 'none' && /All 2 of 2/.test(r.explanation));
    assert.equal((await cluster.admin('PATCH', '/apis/apps/v1/namespaces/faults/statefulsets/fin', { spec: { replicas: 1 } })).status, 200);
    const held = await reportOnce('fin', 'faults', (r) => r.reason === 'terminating');
    assert.equal(held.report.blockingPod, 'fin-1');
    assert.match(held.report.explanation, /finalizer example\.com\/hold/);
    // Let the pod go, so the namespace can be cleaned up.
    await cluster.admin('PATCH', '/api/v1/namespaces/faults/pods/fin-1', { metadata: { finalizers: null } });

    // A LimitRange the StatefulSet passes but its pods do not: the controller's creation is refused.
    await namespace('limits');
    await create('/api/v1/namespaces/limits/limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'small' }, spec: { limits: [{ type: 'Container', max: { cpu: '100m' } }] } });
    await create('/apis/apps/v1/namespaces/limits/statefulsets', statefulSet('capped', 'limits', { replicas: 1, cpuLimit: '1' }));
    const refused = await reportOnce('capped', 'limits', (r) => r.reason === 'failed-create');
    assert.equal(refused.report.blockingPod, 'capped-0');
    assert.match(refused.report.explanation, /FailedCreate.*maximum cpu usage per Container is 100m/);
  });

  test('the reader can only read; TLS is verified; a token never shows in an error', { timeout: 60_000 }, async () => {
    // RBAC of the user sts reads as: a write is refused (so every status above needed none).
    const reader = readFileSync(cluster.readerKubeconfig, 'utf8');
    const { loadClusterAccess } = await import('../../server/src/host/cluster/kubeconfig');
    const access = loadClusterAccess([cluster.readerKubeconfig]);
    const https = await import('node:https');
    const writeStatus = await new Promise<number>((resolve, reject) => {
      const req = https.request(new URL(`${access.server}/api/v1/namespaces/default/configmaps`), { method: 'POST', ca: access.ca, cert: access.cert, key: access.key, headers: { 'Content-Type': 'application/json' } },
        (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.end(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }));
    });
    assert.equal(writeStatus, 403);

    // Without the cluster's CA the server is not trusted, and there is no insecure retry.
    const noCa = join(cluster.dir, 'no-ca.kubeconfig');
    writeFileSync(noCa, reader.replace(/certificate-authority-data: .*/, ''));
    const untrusted = sts(['status', '--kubeconfig', noCa, '-n', 'trap']);
    assert.equal(untrusted.status, 2);
    assert.match(untrusted.stderr, /not trusted/);

    // A token the server refuses: the error says so, without the token.
    const token = 'sts-test-secret-token-0123456789abcdef';
    const withToken = join(cluster.dir, 'token.kubeconfig');
    writeFileSync(withToken, stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 't',
      clusters: [{ name: 'c', cluster: { server: access.server, 'certificate-authority-data': Buffer.from(access.ca!).toString('base64') } }],
      users: [{ name: 'u', user: { token } }], contexts: [{ name: 't', context: { cluster: 'c', user: 'u' } }],
    }));
    const refused = sts(['status', '--kubeconfig', withToken]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /401 Unauthorized/);
    assert.ok(!refused.stderr.includes(token) && !refused.stdout.includes(token));
  });
});

/** What `kubectl get statefulset,pod,pvc,controllerrevision,event -n NS -o yaml` prints: a v1 List, kinds set on the items. */
async function kubectlGetDump(cluster: TestCluster, ns: string): Promise<string> {
  const kinds: [string, string, string][] = [
    [`/apis/apps/v1/namespaces/${ns}/statefulsets`, 'apps/v1', 'StatefulSet'], [`/api/v1/namespaces/${ns}/pods`, 'v1', 'Pod'],
    [`/api/v1/namespaces/${ns}/persistentvolumeclaims`, 'v1', 'PersistentVolumeClaim'],
    [`/apis/apps/v1/namespaces/${ns}/controllerrevisions`, 'apps/v1', 'ControllerRevision'], [`/api/v1/namespaces/${ns}/events`, 'v1', 'Event'],
  ];
  const items: unknown[] = [];
  for (const [path, apiVersion, kind] of kinds) {
    const list = (await cluster.admin('GET', path)).body as { items: Record<string, unknown>[] };
    items.push(...list.items.map((item) => ({ apiVersion, kind, ...item })));
  }
  return stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
