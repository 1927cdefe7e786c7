import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineFrom } from '../../server/src/service/baseline/baselineLookup';
import { immutableChanges } from '../../server/src/service/baseline/specChanges';
import { fixesFor } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { checkFile } from '../../server/src/service/languageService';
import { parseFile } from '../../server/src/service/parse/documentStore';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

const deployed = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

const valueOf = (text: string): unknown => parseFile(text)[0]?.objects[0]?.value;
const changesAfter = (from: string, to: string): string[] =>
  immutableChanges(valueOf(deployed), valueOf(deployed.replace(from, to))).map((c) => `${c.path.join('.')}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`);

test('each immutable field: selector, serviceName, podManagementPolicy, claim templates', () => {
  assert.deepEqual(changesAfter('      app: web\n  template', '      app: webapp\n  template'), ['spec.selector.matchLabels.app: "web" -> "webapp"']);
  assert.deepEqual(changesAfter('serviceName: web', 'serviceName: web-headless'), ['spec.serviceName: "web" -> "web-headless"']);
  assert.deepEqual(changesAfter('replicas: 3', 'replicas: 3\n  podManagementPolicy: Parallel'), ['spec.podManagementPolicy: "OrderedReady" -> "Parallel"']);
  assert.deepEqual(changesAfter('storage: 1Gi', 'storage: 5Gi'), ['spec.volumeClaimTemplates.0.spec.resources.requests.storage: "1Gi" -> "5Gi"']);
  assert.deepEqual(changesAfter('      accessModes:', '      storageClassName: fast\n      accessModes:'), ['spec.volumeClaimTemplates.0.spec.storageClassName: undefined -> "fast"']);
  assert.deepEqual(changesAfter('  volumeClaimTemplates:\n', '  volumeClaimTemplates:\n  - metadata: {name: logs}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n').length, 1);
  const removed = immutableChanges(valueOf(deployed), valueOf(deployed.slice(0, deployed.indexOf('  volumeClaimTemplates'))));
  assert.deepEqual(removed.map((c) => c.path.join('.')), ['spec.volumeClaimTemplates']);
});

test('mutable fields change freely: replicas, template, updateStrategy, partition, minReadySeconds, ordinals, retention, history', () => {
  for (const [from, to] of [
    ['replicas: 3', 'replicas: 5'],
    ['image: nginx:1.25', 'image: nginx:1.27'],
    ['replicas: 3', 'replicas: 3\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}'],
    ['replicas: 3', 'replicas: 3\n  updateStrategy: {type: OnDelete}'],
    ['replicas: 3', 'replicas: 3\n  minReadySeconds: 10'],
    ['replicas: 3', 'replicas: 3\n  ordinals: {start: 1}'],
    ['replicas: 3', 'replicas: 3\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}'],
    ['replicas: 3', 'replicas: 3\n  revisionHistoryLimit: 2'],
  ]) assert.deepEqual(changesAfter(from ?? '', to ?? ''), [], `${from} -> ${to}`);
});

test('defaults and a kubectl export compare equal to the source', () => {
  assert.deepEqual(changesAfter('replicas: 3', 'replicas: 3\n  podManagementPolicy: OrderedReady'), []);
  const exported = deployed
    .replace('  - metadata:\n      name: data', '  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata:\n      creationTimestamp: null\n      name: data')
    .replace('      accessModes: [ReadWriteOnce]', '      accessModes: [ReadWriteOnce]\n      volumeMode: Filesystem')
    .concat('    status:\n      phase: Pending\n');
  assert.deepEqual(immutableChanges(valueOf(exported), valueOf(deployed)), []);
});

test('the rule warns with the API server answer and the PVC procedure, and its fix reverts the size', () => {
  const edited = deployed.replace('storage: 1Gi', 'storage: 5Gi   # grow it');
  const baseline = baselineFrom(parseFile(deployed), 'default');
  const uri = 'file:///web.yaml';
  const file = checkFile(uri, edited, defaultSettings, new WorkspaceIndex(), baseline);
  const finding = file.findings.find((f) => f.rule === 'immutable-field-changed');
  assert.ok(finding);
  assert.equal(finding.severity, 'warning');
  assert.equal(edited.slice(finding.start, finding.end), '5Gi');
  // CHANGED EXPECTATION (issue 21): 1.37, the default, names immutable fields; 1.36 and before list the updatable ones.
  assert.match(finding.message, /the API server of Kubernetes 1\.37 answers "spec\.volumeClaimTemplates: Invalid value: \.\.\.: field is immutable"/);
  const for136 = checkFile(uri, edited, { ...defaultSettings, kubernetesVersion: '1.36' }, new WorkspaceIndex(), baseline).findings.find((f) => f.rule === 'immutable-field-changed');
  assert.match(for136?.message ?? '', /Kubernetes 1\.36 answers "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"/);
  assert.match(finding.message, /patch each PVC \(data-web-0, data-web-1, data-web-2\).*kubectl delete statefulset web --cascade=orphan/);
  const [revert] = fixesFor(uri, edited, file, finding, defaultSettings, () => file.documents);
  assert.equal(revert?.title, 'Revert to the deployed value ("1Gi")');
  assert.equal(applyEdits(edited, revert?.edits[uri] ?? []), deployed.replace('storage: 1Gi', 'storage: 1Gi   # grow it'));
});

test('no baseline, or a new object: no finding', () => {
  const edited = deployed.replace('serviceName: web', 'serviceName: other');
  const check = (baselineText?: string) => checkFile('file:///w.yaml', edited, defaultSettings, new WorkspaceIndex(),
    baselineText === undefined ? undefined : baselineFrom(parseFile(baselineText), 'default')).findings.filter((f) => f.rule === 'immutable-field-changed');
  assert.deepEqual(check(), []);
  assert.deepEqual(check(deployed.replace('name: web\nspec', 'name: other-set\nspec')), []);
  assert.equal(check(deployed).length, 1);
});

test('revisionHistoryLimit may change from 1.33 on: an immutable change for 1.32, none for 1.33 and 1.37 (issue 21)', () => {
  const edited = deployed.replace('spec:\n', 'spec:\n  revisionHistoryLimit: 3\n');
  assert.notEqual(edited, deployed);
  const baseline = baselineFrom(parseFile(deployed), 'default');
  const findings = (kubernetesVersion: '1.32' | '1.33' | '1.37') => checkFile('file:///web.yaml', edited, { ...defaultSettings, kubernetesVersion }, new WorkspaceIndex(), baseline)
    .findings.filter((f) => f.rule === 'immutable-field-changed');
  const old = findings('1.32');
  assert.equal(old.length, 1);
  assert.match(old[0]?.message ?? '', /^spec\.revisionHistoryLimit cannot change.*Kubernetes 1\.32 answers "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"/);
  assert.deepEqual(findings('1.33'), []);
  assert.deepEqual(findings('1.37'), []);
});
