import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
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
`;

test('sts diff validates NEW: a negative replicas exits 1 and is listed with its rule; the rollout is described once fixed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-diff-'));
  writeFileSync(join(dir, 'old.yaml'), deployed);
  writeFileSync(join(dir, 'new.yaml'), deployed.replace('replicas: 3', 'replicas: -1').replace('postgres:16', 'postgres:17'));
  const result = sts(['diff', join(dir, 'old.yaml'), join(dir, 'new.yaml')]);
  assert.equal(result.status, 1, result.stdout);
  assert.match(result.stdout, /✗ line 6: .*\(schema\)|✗ line 6: .*replicas/);
  assert.match(result.stdout, /Once fixed: /);
  const json = JSON.parse(sts(['diff', '--format', 'json', join(dir, 'old.yaml'), join(dir, 'new.yaml')]).stdout);
  assert.deepEqual(json[0].immutable, []);
  assert.equal(json[0].errors[0].line, 6);
  writeFileSync(join(dir, 'fine.yaml'), deployed.replace('postgres:16', 'postgres:17'));
  const fine = sts(['diff', join(dir, 'old.yaml'), join(dir, 'fine.yaml')]);
  assert.equal(fine.status, 0, fine.stdout);
  assert.doesNotMatch(fine.stdout, /Once fixed/);
});
