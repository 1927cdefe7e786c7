// Issue 21: statefulset.kubernetesVersion and statefulset.featureGates through the language
// server: the same file judged per release, with the release in the message; the old
// statefulset.maxUnavailableGate still read, and the server says it moved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspSession } from './lspClient';

const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  selector: {matchLabels: {app: web}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}
  template:
    metadata: {labels: {app: web}}
    spec:
      resources: {limits: {cpu: "1"}}
      containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {clusterIP: None, selector: {app: web}}
`;

/** A diagnostic's message as text (the protocol also allows markup). */
const textOf = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

/** The diagnostics once they name `release` (the settings are pulled after the first check may have run). */
async function diagnosticsWith(settings: Record<string, unknown>, release: string) {
  const session = new LspSession(settings);
  try {
    await session.initialize();
    await session.open('file:///tmp/versions/web.yaml', text);
    const diagnostics = await session.diagnostics('file:///tmp/versions/web.yaml', (d) => d.some((x) => textOf(x.message).includes(`Kubernetes ${release}`)));
    return { diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line, message: textOf(d.message) })), arrivals: [...session.arrivals] };
  } finally {
    await session.close();
  }
}

test('the default (1.37): maxUnavailable 0 is an error, pod-level resources are fine', async () => {
  const { diagnostics } = await diagnosticsWith({}, '1.37');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.line]), [['max-unavailable-invalid', 1, 6]]);
  assert.match(diagnostics[0]?.message ?? '', /Kubernetes 1\.37, MaxUnavailableStatefulSet gate on \(the 1\.37 default\)/);
});

test('statefulset.kubernetesVersion 1.31: maxUnavailable 0 a warning (dropped), pod-level resources unknown (added in 1.32)', async () => {
  const { diagnostics } = await diagnosticsWith({ kubernetesVersion: '1.31' }, '1.31');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.line]).sort(), [['field-not-in-version', 1, 10], ['max-unavailable-invalid', 2, 6]]);
  assert.match(diagnostics.find((d) => d.code === 'field-not-in-version')?.message ?? '', /was added in Kubernetes 1\.32: the API server of Kubernetes 1\.31 does not know it/);
  assert.match(diagnostics.find((d) => d.code === 'max-unavailable-invalid')?.message ?? '', /With Kubernetes 1\.31, MaxUnavailableStatefulSet gate off \(the 1\.31 default\) the API server drops the field/);
});

test('the old statefulset.maxUnavailableGate is still read for 1.36, and the server says it moved', async () => {
  const { diagnostics, arrivals } = await diagnosticsWith({ kubernetesVersion: '1.36', maxUnavailableGate: true }, '1.36');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['max-unavailable-invalid', 1]]);
  assert.match(diagnostics[0]?.message ?? '', /Kubernetes 1\.36, MaxUnavailableStatefulSet gate on \(set in statefulset\.featureGates\)/);
  assert.ok(arrivals.some((a) => /^log \[statefulset\] statefulset\.maxUnavailableGate has moved/.test(a)), arrivals.join('\n'));
});
