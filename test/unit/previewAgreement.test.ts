import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixesFor } from '../../server/src/service/codeActions';
import { previewLenses } from '../../server/src/service/codeLenses';
import { applyEdits } from '../../server/src/service/fixes/applyEdits';
import { checkFile } from '../../server/src/service/languageService';
import { previewOf } from '../../server/src/service/previewOf';
import { defaultSettings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

// Issue 24: the rules, their fixes, the CodeLens and the preview say the same thing.
const uri = 'file:///agree.yaml';
const check = (text: string) => checkFile(uri, text, defaultSettings, new WorkspaceIndex());
const preview = (text: string) => previewOf(uri, check(text), defaultSettings, new WorkspaceIndex(), {});

const statefulSet = ({ name = 'web', replicas = '3', partition = '', mount = 'data' } = {}): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${partition ? `  updateStrategy:\n    rollingUpdate:\n      partition: ${partition}\n` : ''}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: c
          image: nginx
          volumeMounts:
            - name: ${mount}
              mountPath: /data
      volumes:
        - name: logs
          emptyDir: {}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
`;

test('partition: the rule fires exactly when the preview warns, and neither after the preferred fix', () => {
  for (const partition of [0, 1, 2, 3, 4, 7]) {
    const text = statefulSet({ partition: String(partition) });
    const file = check(text);
    const finding = file.findings.find((f) => f.rule === 'partition-exceeds-replicas');
    const warned = preview(text)?.simulation.warnings.some((w) => w.startsWith(`partition ${partition} `)) ?? false;
    assert.equal(!!finding, partition > 3, `the rule at partition ${partition}`);
    assert.equal(warned, partition > 3, `the preview's warning at partition ${partition}`);
    if (!finding) continue;
    assert.equal(preview(text)?.simulation.warnings.find((w) => w.startsWith('partition')), finding.message, 'the same words');
    const [fix] = fixesFor(uri, text, file, finding, defaultSettings, () => file.documents);
    assert.equal(fix?.title, 'Set partition to 3 (= replicas: hold every pod on the old revision)');
    assert.equal(fix?.preferred, true);
    const fixed = applyEdits(text, fix?.edits[uri] ?? []);
    assert.deepEqual(check(fixed).findings.map((f) => f.rule), []);
    assert.deepEqual(preview(fixed)?.simulation.warnings, []);
  }
});

test('a mistyped mount: "Rename to <closest>" first, preferred only when the closest is close and alone', () => {
  const titles = (mount: string) => {
    const text = statefulSet({ mount });
    const file = check(text);
    const finding = file.findings.find((f) => f.rule === 'volume-mount-unknown');
    assert.ok(finding, `volume-mount-unknown for ${mount}`);
    return fixesFor(uri, text, file, finding, defaultSettings, () => file.documents).map((f) => [f.title, f.preferred]);
  };
  assert.deepEqual(titles('pgdata').slice(0, 2), [['Rename to "data"', true], ['Add a volumeClaimTemplate "pgdata" (ReadWriteOnce, 1Gi)', false]]);
  assert.deepEqual(titles('log')[0], ['Rename to "logs"', true]);
  assert.deepEqual(titles('cache')[0], ['Rename to "data"', false], 'far from every known name: offered, not preferred');
  const text = statefulSet({ mount: 'pgdata' });
  const file = check(text);
  const finding = file.findings.find((f) => f.rule === 'volume-mount-unknown')!;
  const rename = fixesFor(uri, text, file, finding, defaultSettings, () => file.documents)[0]!;
  assert.match(applyEdits(text, rename.edits[uri] ?? []), /- name: data\n {14}mountPath: \/data/);
});

test('the CodeLens and the preview agree: refused, pods never created, or a pod count', () => {
  const refused = statefulSet({ replicas: '-2' });
  assert.equal(preview(refused)?.blocked?.kind, 'refused');
  assert.deepEqual(previewLenses(check(refused)).map((l) => l.title), ['Preview · refused by the API server (1 error)']);

  // 61 characters: a valid name, but its pod …-10 is 64 characters, over a pod name's 63.
  const long = statefulSet({ name: 'a'.repeat(61), replicas: '11' });
  const blocked = preview(long)?.blocked;
  assert.deepEqual(blocked?.problems.map((p) => p.rule), ['pod-name-too-long']);
  assert.equal(blocked?.kind, 'podsNeverCreated');
  assert.deepEqual(previewLenses(check(long)).map((l) => l.title), ['Preview · pods can never be created (1 error)']);

  const ignored = refused.replace('replicas: -2', 'replicas: -2 # sts-ignore negative-value');
  assert.equal(preview(ignored)?.blocked, null, 'an ignored error does not stop the preview');
  assert.deepEqual(previewLenses(check(statefulSet())).map((l) => l.title), ['Preview · 3 pods']);
});

test('the preview names the manifest\'s own values beside a what-if', () => {
  const text = statefulSet({ partition: '1' });
  const result = previewOf(uri, check(text), defaultSettings, new WorkspaceIndex(), { whatIf: { replicas: 5, partition: 0 } });
  assert.equal(result?.simulation.replicas, 5);
  assert.deepEqual(result?.declared, { replicas: 3, partition: 1, podManagementPolicy: 'OrderedReady', maxUnavailable: 1 });
});
