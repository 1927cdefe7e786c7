/**
 * Issue 21: the rules that depend on a feature gate, held to Kubernetes v1.37.2 (go/kube) with
 * the gate switched on and off for each request. Our settings name the same release and gates
 * (statefulset.kubernetesVersion 1.37, statefulset.featureGates), and both must agree on
 * error / no error for each manifest. Other releases have no oracle: building one per release
 * is too heavy for this machine, so their facts are held to their source instead
 * (test/unit/kubernetesVersions.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { compare } from '../k8sOracle/compare';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { defaultSettings } from '../../server/src/service/settings';
import type { StatefulSetGate } from '../../server/src/service/versions/kubernetesVersions';

let oracle: Oracle;
before(() => { oracle = new Oracle(buildOracle()); });
after(async () => { await oracle.close(); });

const manifest = (updateStrategy: string, podSpec = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web, namespace: default}
spec:
  serviceName: web
  replicas: 3
  selector: {matchLabels: {app: web}}
  updateStrategy: ${updateStrategy}
  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec}      containers: [{name: c, image: nginx}]
`;

const cases: { name: string; gate: StatefulSetGate; text: string }[] = [
  ...['0', '"0%"', '"150%"', '-1', '"50"', '2', '"50%"', '"100%"'].map((value) => ({
    name: `maxUnavailable ${value}`, gate: 'MaxUnavailableStatefulSet' as const,
    text: manifest(`{type: RollingUpdate, rollingUpdate: {maxUnavailable: ${value}}}`),
  })),
  { name: 'maxUnavailable under a partition', gate: 'MaxUnavailableStatefulSet', text: manifest('{type: RollingUpdate, rollingUpdate: {partition: 1, maxUnavailable: 0}}') },
  { name: 'Recreate', gate: 'StatefulSetRecreateStrategy', text: manifest('{type: Recreate}') },
  { name: 'Recreate with rollingUpdate', gate: 'StatefulSetRecreateStrategy', text: manifest('{type: Recreate, rollingUpdate: {partition: 0}}') },
  { name: 'OnDelete', gate: 'StatefulSetRecreateStrategy', text: manifest('{type: OnDelete}') },
  { name: 'restart rules', gate: 'ContainerRestartRules', text: manifest('{type: RollingUpdate}').replace('containers: [{name: c, image: nginx}]', 'containers: [{name: c, image: nginx, restartPolicy: Never, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}]') },
  { name: 'restart rules without restartPolicy', gate: 'ContainerRestartRules', text: manifest('{type: RollingUpdate}').replace('containers: [{name: c, image: nginx}]', 'containers: [{name: c, image: nginx, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}]') },
  { name: 'pod-level resources', gate: 'PodLevelResources', text: manifest('{type: RollingUpdate}', '      resources: {limits: {cpu: "2", memory: 1Gi}}\n') },
];

test('with each gate on and off in 1.37, our rules and the API server agree on error / no error', async () => {
  const rows: string[] = [];
  const disagreements: string[] = [];
  for (const c of cases) {
    for (const on of [true, false]) {
      const featureGates = { [c.gate]: on };
      // 1.37 refuses a gate off while the gates that depend on it stay on (as kube-apiserver's flag would).
      const dependents: Record<string, boolean> = c.gate === 'PodLevelResources' && !on
        ? { PodLevelResourcesFixDefaulting: false, PodLevelResourcesFixKubeletQOSClass: false, InPlacePodLevelResourcesVerticalScaling: false }
        : c.gate === 'ContainerRestartRules' && !on ? { RestartAllContainersOnContainerExits: false } : {};
      const answer = await oracle.ask({ op: 'validate', object: c.text, featureGates: { ...featureGates, ...dependents } });
      assert.equal(answer.failure, undefined, `${c.name}: ${answer.failure}`);
      const result = compare(c.text, answer, { ...defaultSettings, kubernetesVersion: '1.37', featureGates });
      const line = `${c.name}, ${c.gate} ${on ? 'on' : 'off'}: ours ${result.oursError ? 'error' : 'ok'}, Kubernetes ${result.theirsError ? `error (${answer.errors.map((e) => `${e.field}: ${e.detail}`).join('; ')})` : 'ok'}`;
      rows.push(line);
      if (!result.verdictAgrees || !result.pathAgrees) disagreements.push(`${line}\n  ours: ${result.ours.map((f) => `${f.rule} ${f.severity} ${f.path}: ${f.message}`).join('\n        ')}`);
    }
  }
  console.log(rows.join('\n'));
  assert.deepEqual(disagreements, []);
  // The gate makes a difference both ways, or the test would prove nothing.
  assert.ok(rows.some((r) => r.startsWith('maxUnavailable 0, MaxUnavailableStatefulSet on: ours error, Kubernetes error')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('maxUnavailable 0, MaxUnavailableStatefulSet off: ours ok, Kubernetes ok')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Recreate, StatefulSetRecreateStrategy on: ours ok, Kubernetes ok')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Recreate, StatefulSetRecreateStrategy off: ours error, Kubernetes error')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('restart rules without restartPolicy, ContainerRestartRules on: ours error, Kubernetes error')), rows.join('\n'));
  assert.ok(rows.some((r) => r.startsWith('restart rules without restartPolicy, ContainerRestartRules off: ours ok, Kubernetes ok')), rows.join('\n'));
});
