import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoWith } from '../helpers/gitRepo';
import { sts } from './cliRun';

const deployed = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: 'postgres:16'}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {clusterIP: None, selector: {app: db}}
`;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'sts-baseline-'));
}

test('sts diff: an immutable change exits 1 and says what to do; the impact is summarised', () => {
  const dir = folder();
  writeFileSync(join(dir, 'old.yaml'), deployed);
  writeFileSync(join(dir, 'new.yaml'), deployed.replace('storage: 1Gi', 'storage: 10Gi').replace('postgres:16', 'postgres:17'));
  const result = sts(['diff', join(dir, 'old.yaml'), join(dir, 'new.yaml')]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /^StatefulSet default\/db/);
  // CHANGED EXPECTATION (issue 18): a claim template's change is described field by field, by the template's name.
  assert.match(result.stdout, /✗ line 13: spec\.volumeClaimTemplates cannot change on an existing StatefulSet \(claim template "data": spec\.resources\.requests\.storage: "1Gi" → "10Gi"\)/);
  assert.match(result.stdout, /The pod template changes: db-2, then db-1, then db-0 restart in that order\./);
  const json = JSON.parse(sts(['diff', '--format', 'json', join(dir, 'old.yaml'), join(dir, 'new.yaml')]).stdout);
  assert.equal(json[0].impact.templateChanged, true);
  assert.deepEqual(json[0].impact.restarts.map((s: { pods: string[] }) => s.pods), [['db-2'], ['db-1'], ['db-0']]);
});

test('sts diff: only a scale exits 0', () => {
  const dir = folder();
  writeFileSync(join(dir, 'old.yaml'), deployed);
  writeFileSync(join(dir, 'new.yaml'), deployed.replace('replicas: 3', 'replicas: 2'));
  const result = sts(['diff', join(dir, 'old.yaml'), join(dir, 'new.yaml')]);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /Replicas 3 → 2: deletes db-2 \(OrderedReady\)\. PVCs data-db-2 are kept \(whenScaled: Retain\)\./);
});

test('sts check --baseline HEAD compares with the committed version; a new file has no baseline', () => {
  const dir = repoWith({ 'db.yaml': deployed });
  writeFileSync(join(dir, 'db.yaml'), deployed.replace('serviceName: db', 'serviceName: db-hs').replace('metadata: {name: db}\nspec: {clusterIP', 'metadata: {name: db-hs}\nspec: {clusterIP'));
  writeFileSync(join(dir, 'new.yaml'), deployed.replace(/name: db\}/g, 'name: fresh}'));
  const changed = sts(['check', '--baseline', 'HEAD', '--format', 'json', join(dir, 'db.yaml'), join(dir, 'new.yaml')]);
  assert.equal(changed.status, 1);
  const findings = JSON.parse(changed.stdout) as { file: string; rule: string; line: number }[];
  assert.deepEqual(findings.filter((f) => f.rule === 'immutable-field-changed').map((f) => `${f.file.split('/').pop()}:${f.line}`), ['db.yaml:5']);
  assert.equal(sts(['check', join(dir, 'db.yaml')]).status, 0, 'without --baseline nothing is compared');
  const outside = folder();
  writeFileSync(join(outside, 'db.yaml'), deployed);
  assert.equal(sts(['check', '--baseline', 'HEAD', join(outside, 'db.yaml')]).status, 0, 'no repository: no baseline, no finding');
});
