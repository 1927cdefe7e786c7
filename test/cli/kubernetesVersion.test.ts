// Issue 21: sts check / sts preview for a chosen Kubernetes release and gates.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sts } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'sts-versions-'));
const file = join(dir, 'web.yaml');
writeFileSync(file, `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 3
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
`);

test('sts check: an error for 1.37 (the default), a warning and an unknown field for 1.31; the release and gates are said', () => {
  const newest = sts(['check', file]);
  assert.equal(newest.status, 1);
  assert.match(newest.stdout, /web\.yaml:8:\d+: error \[max-unavailable-invalid\] maxUnavailable 0 cannot be 0: the API server rejects it \(Kubernetes 1\.37, MaxUnavailableStatefulSet gate on \(the 1\.37 default\)\)/);
  assert.match(newest.stdout, /\nKubernetes 1\.37 · gates: MaxUnavailableStatefulSet on, StatefulSetRecreateStrategy off, PodLevelResources on, ContainerRestartRules on\n1 error, 0 warnings/);
  const old = sts(['check', '--kubernetes-version', '1.31', file]);
  assert.equal(old.status, 1);
  assert.match(old.stdout, /web\.yaml:12:\d+: error \[field-not-in-version\] spec\.template\.spec\.resources was added in Kubernetes 1\.32/);
  assert.match(old.stdout, /web\.yaml:8:\d+: warning \[max-unavailable-invalid\] maxUnavailable 0 cannot be 0\. With Kubernetes 1\.31, MaxUnavailableStatefulSet gate off \(the 1\.31 default\) the API server drops the field/);
  assert.match(old.stdout, /\nKubernetes 1\.31 · gates: MaxUnavailableStatefulSet off\n1 error, 1 warning/);
});

test('--feature-gates overrides a release default; --max-unavailable-gate is kept as its alias', () => {
  const off = sts(['check', '--feature-gates', 'MaxUnavailableStatefulSet=false', file]);
  assert.equal(off.status, 0);
  assert.match(off.stdout, /gate off \(set in statefulset\.featureGates\)/);
  const alias = sts(['check', '--kubernetes-version', '1.36', '--max-unavailable-gate', file]);
  assert.equal(alias.status, 1);
  assert.match(alias.stdout, /Kubernetes 1\.36 · gates: MaxUnavailableStatefulSet on, PodLevelResources on/);
});

test('sts preview ends with the release and gates it simulated; a release we do not know is a usage error', () => {
  const preview = sts(['preview', '--kubernetes-version', '1.34', file]);
  assert.equal(preview.status, 0);
  assert.match(preview.stdout, /\nKubernetes 1\.34 · gates: MaxUnavailableStatefulSet off, PodLevelResources on, ContainerRestartRules off\n$/);
  const wrong = sts(['check', '--kubernetes-version', '1.29', file]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /1\.29/);
  const badGates = sts(['check', '--feature-gates', 'MaxUnavailableStatefulSet', file]);
  assert.equal(badGates.status, 2);
  assert.match(badGates.stderr, /"MaxUnavailableStatefulSet" is not Gate=true or Gate=false/);
});
