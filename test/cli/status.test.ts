// `sts status --from`: saved dumps of the real test cluster (test/fixtures/status/README.md),
// read offline — what a support ticket carries. The same states live: statusCluster.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sts } from './cliRun';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'status');

test('the rollback trap from a dump: web-2 at a revision that is no longer the update one; delete it', () => {
  const run = sts(['status', '--from', join(fixtures, 'rollback-trap.yaml'), '--json']);
  assert.equal(run.status, 1, run.stderr);
  const [report] = JSON.parse(run.stdout) as { statefulSet: string; blocked: boolean; blockingPod: string; reason: string; explanation: string; recovery: string[] }[];
  assert.deepEqual([report!.statefulSet, report!.blocked, report!.blockingPod, report!.reason], ['web', true, 'web-2', 'crash-loop']);
  assert.match(report!.explanation, /not the update revision.*kubernetes\/kubernetes#67250/);
  assert.deepEqual(report!.recovery, ['kubectl delete pod web-2 -n shop']);
});

test('text output: the verdict, the recovery under its heading, each pod; standard input works too', () => {
  const run = sts(['status', '--from', '-'], readFileSync(join(fixtures, 'rollback-trap.yaml'), 'utf8'));
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^StatefulSet web \(namespace shop\): BLOCKED \(crash-loop at web-2\)\n/);
  assert.match(run.stdout, /To recover \(sts runs none of these\):\n {4}kubectl delete pod web-2 -n shop\n/);
  assert.match(run.stdout, /web-2 +Running +not ready +other rev +3 restarts +CrashLoopBackOff/);
});

test('FailedCreate from a dump: the event\'s message, the missing pod', () => {
  const run = sts(['status', '--from', join(fixtures, 'failed-create.yaml'), '--json']);
  assert.equal(run.status, 1, run.stderr);
  const [report] = JSON.parse(run.stdout) as { blockingPod: string; reason: string; explanation: string }[];
  assert.deepEqual([report!.reason, report!.blockingPod], ['failed-create', 'db-0']);
  assert.match(report!.explanation, /maximum cpu usage per Container is 100m, but limit is 1/);
});

test('NAME and --namespace choose; a name the dump lacks exits 1; bad input and conflicting options exit 2', () => {
  const dump = join(fixtures, 'rollback-trap.yaml');
  assert.equal(sts(['status', 'web', '-n', 'shop', '--from', dump]).status, 1);
  const missing = sts(['status', 'nope', '--from', dump]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no StatefulSet "nope"/);
  assert.match(sts(['status', '--from', dump, '-n', 'other']).stderr, /no StatefulSet in namespace other/);
  const conflict = sts(['status', '--from', dump, '--context', 'prod']);
  assert.equal(conflict.status, 2);
  assert.match(conflict.stderr, /give one or the other/);
  assert.equal(sts(['status', '--from', '-'], 'kind: [').status, 2);
  assert.equal(sts(['status', 'a', 'b', '--from', dump]).status, 2);
});
