import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, sts } from './cliRun';

const fixes = join(repoRoot, 'test', 'fixtures', 'fixes');

test('sts check --fix rewrites files in place, says what it fixed, then reports what is left', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-fix-'));
  const file = join(folder, 'sts.yaml');
  writeFileSync(file, `# the app
apiVersion: apps/v1beta1   # old API
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  template:
    metadata:
      labels: {app: web}
    spec:
      terminationGracePeriodSeconds: 0
      containers: [{name: c, image: nginx}]
`);
  const result = sts(['check', '--fix', '--format', 'json', file]);
  assert.equal(result.stderr, `fixed 3 problems in ${file}: api-version-removed, grace-period-zero, service-missing\n`);
  assert.equal(readFileSync(file, 'utf8'), `# the app
apiVersion: apps/v1   # old API
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  template:
    metadata:
      labels: {app: web}
    spec:
      terminationGracePeriodSeconds: 30
      containers: [{name: c, image: nginx}]
  selector:
    matchLabels:
      app: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
`);
  assert.deepEqual(JSON.parse(result.stdout), []);
  assert.equal(result.status, 0);
  assert.deepEqual(readdirSync(folder), ['sts.yaml'], 'no temporary file is left behind');
});

test('sts check --fix leaves files with nothing fixable byte-identical, and keeps reporting', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-fix-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'corpus', 'plain', 'kubernetes-website__web.yaml'), join(folder, 'clean.yaml'));
  const unfixable = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\nspec:\n  selector: {matchLabels: {}}\n  template: {spec: {containers: [{name: c, image: i}]}}\n';
  writeFileSync(join(folder, 'unfixable.yaml'), unfixable);
  const before = readFileSync(join(folder, 'clean.yaml'), 'utf8');
  const result = sts(['check', '--fix', folder]);
  assert.equal(result.stderr, '');
  assert.equal(readFileSync(join(folder, 'clean.yaml'), 'utf8'), before);
  assert.equal(readFileSync(join(folder, 'unfixable.yaml'), 'utf8'), unfixable);
  assert.match(result.stdout, /selector-empty/);
  assert.equal(result.status, 1);
});

test('sts check --fix refuses standard input', () => {
  const result = sts(['check', '--fix', '-'], 'kind: StatefulSet\n');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /cannot fix standard input/);
});

test('the fix fixtures, fixed by the CLI, match their preferred-fix expectations where one exists', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-fix-'));
  const file = join(folder, 'grace.yaml');
  cpSync(join(fixes, 'grace-period-zero.before.yaml'), file);
  sts(['check', '--fix', file]);
  assert.equal(readFileSync(file, 'utf8'), readFileSync(join(fixes, 'grace-period-zero.after.yaml'), 'utf8'));
});
