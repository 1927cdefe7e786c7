import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../server/src/simulator';

const headless = { metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'nginx' } } };

function web(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', ...metadata },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } } },
      volumeClaimTemplates: [{ metadata: { name: 'www' } }, { metadata: { name: 'logs' } }],
      ...spec,
    },
  };
}

test('pod identity: names, hostnames, subdomain, FQDN, PVCs and labels', () => {
  const sim = simulate({ statefulSet: web({}, { namespace: 'shop' }), service: headless, clusterDomain: 'corp.local' });
  assert.deepEqual(sim.statefulSet, { name: 'web', namespace: 'shop' });
  assert.equal(sim.serviceName, 'nginx');
  assert.equal(sim.serviceDomain, 'nginx.shop.svc.corp.local');
  assert.deepEqual(sim.pods, [
    {
      ordinal: 0,
      name: 'web-0',
      hostname: 'web-0',
      subdomain: 'nginx',
      fqdn: 'web-0.nginx.shop.svc.corp.local',
      pvcs: ['www-web-0', 'logs-web-0'],
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' },
      revision: 'updated',
    },
    {
      ordinal: 1,
      name: 'web-1',
      hostname: 'web-1',
      subdomain: 'nginx',
      fqdn: 'web-1.nginx.shop.svc.corp.local',
      pvcs: ['www-web-1', 'logs-web-1'],
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' },
      revision: 'updated',
    },
  ]);
  assert.deepEqual(sim.dns, { resolves: true });
  assert.deepEqual(sim.warnings, []);
});

test('defaults: namespace, cluster domain and settings', () => {
  const sim = simulate({ statefulSet: web() });
  assert.equal(sim.statefulSet.namespace, 'default');
  assert.equal(sim.serviceDomain, 'nginx.default.svc.cluster.local');
  assert.deepEqual(
    [sim.replicas, sim.ordinalStart, sim.podManagementPolicy, sim.updateStrategy, sim.partition, sim.maxUnavailable, sim.minReadySeconds],
    [2, 0, 'OrderedReady', 'RollingUpdate', 0, 1, 0],
  );
  assert.equal(simulate({ statefulSet: web(), defaultNamespace: 'team-a' }).statefulSet.namespace, 'team-a');
});

test('ordinals.start shifts ordinals, names, PVCs and the pod-index label', () => {
  const sim = simulate({ statefulSet: web({ replicas: 3, ordinals: { start: 5 } }), service: headless });
  assert.equal(sim.ordinalStart, 5);
  assert.deepEqual(sim.pods.map((pod) => [pod.ordinal, pod.name, pod.pvcs[0], pod.labels['apps.kubernetes.io/pod-index']]), [
    [5, 'web-5', 'www-web-5', '5'],
    [6, 'web-6', 'www-web-6', '6'],
    [7, 'web-7', 'www-web-7', '7'],
  ]);
});

test('revision after a template change follows the partition, counted from ordinals.start', () => {
  const sim = simulate({ statefulSet: web({ replicas: 4, ordinals: { start: 3 }, updateStrategy: { rollingUpdate: { partition: 2 } } }) });
  assert.deepEqual(sim.pods.map((pod) => `${pod.name}:${pod.revision}`), ['web-3:current', 'web-4:current', 'web-5:updated', 'web-6:updated']);
});

test('DNS without serviceName: no FQDN and no service domain', () => {
  const sim = simulate({ statefulSet: web({ serviceName: '' }) });
  assert.equal(sim.serviceName, undefined);
  assert.equal(sim.serviceDomain, null);
  assert.deepEqual(sim.pods.map((pod) => [pod.subdomain, pod.fqdn]), [['', null], ['', null]]);
  assert.deepEqual(sim.dns, { resolves: false, reason: 'spec.serviceName is empty: pods get a hostname but no DNS name' });
});

test('DNS with the Service missing, in another namespace, not headless, or not selecting the pods', () => {
  const check = (service: unknown): unknown => simulate({ statefulSet: web(), service }).dns;
  const missing = {
    resolves: false,
    reason: 'Service "nginx" not found in namespace "default": pods are still created, but their names do not resolve',
  };
  assert.deepEqual(check(undefined), missing);
  assert.deepEqual(check({ ...headless, metadata: { name: 'nginx', namespace: 'other' } }), missing);
  assert.deepEqual(check({ spec: { clusterIP: '10.0.0.7', selector: { app: 'nginx' } } }), {
    resolves: false,
    reason: 'Service "nginx" is not headless (clusterIP is "10.0.0.7", not "None"): per-pod DNS records are only guaranteed for headless Services',
  });
  assert.deepEqual(check({ spec: { selector: { app: 'nginx' } } }), {
    resolves: false,
    reason: 'Service "nginx" is not headless (clusterIP is not set, not "None"): per-pod DNS records are only guaranteed for headless Services',
  });
  assert.deepEqual(check({ spec: { clusterIP: 'None', selector: { app: 'web', tier: 'db' } } }), {
    resolves: false,
    reason: 'Service "nginx" selector does not select the pod template labels (no app=web, tier=db), so it has no endpoints for these pods',
  });
  assert.deepEqual(check({ spec: { clusterIP: 'None' } }), {
    resolves: false,
    reason: 'Service "nginx" has no selector, so it has no endpoints for these pods',
  });
});

test('PVC retention defaults to Retain/Retain', () => {
  const sim = simulate({ statefulSet: web() });
  assert.deepEqual(sim.pvcRetention, {
    whenDeleted: 'Retain',
    whenScaled: 'Retain',
    onDelete: { deleted: [], kept: ['www-web-0', 'logs-web-0', 'www-web-1', 'logs-web-1'] },
    onScaleDown: { deleted: [], kept: ['www-web-0', 'logs-web-0', 'www-web-1', 'logs-web-1'] },
  });
});

test('PVC retention Delete on delete, Retain on scale-down', () => {
  const policy = { whenDeleted: 'Delete', whenScaled: 'Retain' };
  const sim = simulate({ statefulSet: web({ replicas: 1, persistentVolumeClaimRetentionPolicy: policy }) });
  assert.deepEqual(sim.pvcRetention, {
    whenDeleted: 'Delete',
    whenScaled: 'Retain',
    onDelete: { deleted: ['www-web-0', 'logs-web-0'], kept: [] },
    onScaleDown: { deleted: [], kept: ['www-web-0', 'logs-web-0'] },
  });
});

test('PVC retention Retain on delete, Delete on scale-down', () => {
  const policy = { whenDeleted: 'Retain', whenScaled: 'Delete' };
  const sim = simulate({ statefulSet: web({ replicas: 1, persistentVolumeClaimRetentionPolicy: policy }) });
  assert.deepEqual(sim.pvcRetention.onDelete, { deleted: [], kept: ['www-web-0', 'logs-web-0'] });
  assert.deepEqual(sim.pvcRetention.onScaleDown, { deleted: ['www-web-0', 'logs-web-0'], kept: [] });
});

test('an unknown retention value is treated as Retain, with a warning', () => {
  const sim = simulate({ statefulSet: web({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Purge' } }) });
  assert.equal(sim.pvcRetention.whenDeleted, 'Retain');
  assert.deepEqual(sim.warnings, [
    'spec.persistentVolumeClaimRetentionPolicy.whenDeleted must be one of Retain, Delete (got "Purge"); using Retain',
  ]);
});

test('pods the controller can never create are named in a warning that says how far creation gets', () => {
  const long = { name: 'a'.repeat(62) };
  const ordered = simulate({ statefulSet: web({ replicas: 3 }, long), service: headless });
  assert.deepEqual(ordered.warnings, [
    `no pod can ever be created: the controller's creation of ${'a'.repeat(62)}-0 is refused (FailedCreate) and OrderedReady retries it and goes no further; the rollout steps for such pods will not happen`,
  ]);
  // A name of 53 characters or more refuses every pod alike (the hash label, or the name itself).
  const parallel = simulate({ statefulSet: web({ replicas: 12, podManagementPolicy: 'Parallel' }, { name: 'c'.repeat(58) }), service: headless });
  assert.deepEqual(parallel.warnings, [
    `no pod can ever be created: the controller's creation of ${'c'.repeat(58)}-0 is refused (FailedCreate) and Parallel attempts 1 of 12 pods and launches no batch after a refusal; the rollout steps for such pods will not happen`,
  ]);
  assert.deepEqual(simulate({ statefulSet: web({ replicas: 12 }, { name: 'd'.repeat(52) }), service: headless }).warnings, []);
});
