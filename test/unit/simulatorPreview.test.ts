import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewJson, previewText } from '../../server/src/cli/preview';
import { simulate } from '../../server/src/simulator';

const sim = simulate({
  statefulSet: {
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      updateStrategy: { rollingUpdate: { partition: 1 } },
      volumeClaimTemplates: [{ metadata: { name: 'www' } }],
      template: { metadata: { labels: { app: 'nginx' } } },
      persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' },
    },
  },
  service: { metadata: { name: 'nginx', namespace: 'shop' }, spec: { clusterIP: 'None', selector: { app: 'nginx' } } },
  whatIf: { failingOrdinal: 1 },
});

test('preview JSON: identities and each plan as steps of pod names', () => {
  assert.deepEqual(previewJson(sim), {
    statefulSet: { name: 'web', namespace: 'shop' },
    serviceDomain: 'nginx.shop.svc.cluster.local',
    pods: [
      { ordinal: 0, name: 'web-0', hostname: 'web-0', fqdn: 'web-0.nginx.shop.svc.cluster.local', pvcs: ['www-web-0'] },
      { ordinal: 1, name: 'web-1', hostname: 'web-1', fqdn: 'web-1.nginx.shop.svc.cluster.local', pvcs: ['www-web-1'] },
      { ordinal: 2, name: 'web-2', hostname: 'web-2', fqdn: 'web-2.nginx.shop.svc.cluster.local', pvcs: ['www-web-2'] },
    ],
    plans: {
      create: [['web-0'], ['web-1'], ['web-2']],
      scaleDown: [['web-2'], ['web-1'], ['web-0']],
      update: [['web-2'], ['web-1']],
    },
    pvcs: { afterCreate: ['www-web-0', 'www-web-1', 'www-web-2'], afterSetDeletion: ['www-web-0', 'www-web-1', 'www-web-2'] },
    failure: {
      pod: 'web-1',
      create: { halts: true, neverReached: ['web-2'], staysDown: [], reason: 'web-1 never becomes Ready; OrderedReady waits for it, so web-2 is never created' },
      update: { halts: true, neverReached: [], staysDown: [], reason: 'web-1 never becomes Ready; it is the last pod of the plan' },
    },
  });
});

test('preview JSON without serviceName has null domain and FQDNs', () => {
  const json = previewJson(simulate({ statefulSet: { metadata: { name: 'db' }, spec: { replicas: 1, podManagementPolicy: 'Parallel' } } }));
  assert.deepEqual(json, {
    statefulSet: { name: 'db', namespace: 'default' },
    serviceDomain: null,
    pods: [{ ordinal: 0, name: 'db-0', hostname: 'db-0', fqdn: null, pvcs: [] }],
    plans: { create: [['db-0']], scaleDown: [['db-0']], update: [['db-0']] },
    pvcs: { afterCreate: [], afterSetDeletion: [] },
  });
});

test('preview text: settings, DNS, pod table, plans, PVCs and the failure what-if', () => {
  assert.equal(
    previewText(sim),
    [
      'StatefulSet shop/web: 3 replicas, OrderedReady, RollingUpdate, partition 1, maxUnavailable 1',
      'Service domain: nginx.shop.svc.cluster.local',
      'Pod DNS: resolves',
      '',
      'ORDINAL  POD    FQDN                                PVCS       REVISION AFTER UPDATE',
      '0        web-0  web-0.nginx.shop.svc.cluster.local  www-web-0  old',
      '1        web-1  web-1.nginx.shop.svc.cluster.local  www-web-1  new',
      '2        web-2  web-2.nginx.shop.svc.cluster.local  www-web-2  new',
      '',
      'Create:',
      '  1. create web-0, wait for web-0 Running and Ready',
      '  2. create web-1, wait for web-1 Running and Ready',
      '  3. create web-2, wait for web-2 Running and Ready',
      'Scale down to 0:',
      '  1. delete web-2, wait for web-2 fully terminated',
      '  2. delete web-1, wait for web-1 fully terminated',
      '  3. delete web-0, wait for web-0 fully terminated',
      'Rolling update:',
      '  1. recreate web-2, wait for web-2 Running and Ready at the new revision',
      '  2. recreate web-1, wait for web-1 Running and Ready at the new revision',
      '',
      'PVCs when the StatefulSet is deleted (whenDeleted: Retain):',
      '  kept: www-web-0, www-web-1, www-web-2',
      'PVCs when scaled down (whenScaled: Delete):',
      '  deleted: www-web-0, www-web-1, www-web-2',
      '',
      'If web-1 never becomes Ready:',
      '  create: web-1 never becomes Ready; OrderedReady waits for it, so web-2 is never created',
      '  update: web-1 never becomes Ready; it is the last pod of the plan',
      '',
    ].join('\n'),
  );
});

test('preview text lists warnings and empty plans', () => {
  const text = previewText(simulate({ statefulSet: { metadata: { name: 'db' }, spec: { replicas: 2, podManagementPolicy: 'Parallel', updateStrategy: { type: 'OnDelete' } } } }));
  assert.equal(
    text.split('\n').slice(8).join('\n'),
    [
      'Create:',
      '  1. create db-0, db-1 (no waiting)',
      'Scale down to 0:',
      '  1. delete db-1, db-0 (no waiting)',
      'Rolling update: nothing to do',
      '',
      'PVCs when the StatefulSet is deleted (whenDeleted: Retain): no PVCs',
      'PVCs when scaled down (whenScaled: Retain): no PVCs',
      '',
      'Warnings:',
      '  - updateStrategy is OnDelete: pods update only when deleted by hand; the controller never replaces them for a template change',
      '',
    ].join('\n'),
  );
});
