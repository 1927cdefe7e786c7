// `sts preview CHART_DIR`: the chart rendered as a release (Helm's engine), then one of its
// StatefulSets previewed with the release's own Services; the text says what it rendered with.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sts } from './cliRun';

const chart = join(import.meta.dirname, '..', 'fixtures', 'charts', 'postgresql');

test("the chart's StatefulSet as helm template's default release creates it, with the headless Service of the release", () => {
  const { status, stdout } = sts(['preview', chart]);
  assert.equal(status, 0);
  const [heading, title] = stdout.split('\n');
  assert.equal(heading, `Helm chart ${chart} as release "release-name" in namespace "default" (values.yaml)`);
  assert.match(title!, /^StatefulSet default\/release-name-postgresql: 1 replica, OrderedReady/);
  assert.match(stdout, /release-name-postgresql-0\.release-name-postgresql-hl\.default\.svc\.cluster\.local/);
});

test('--release, --namespace and --set render another release; --name picks one of its StatefulSets', () => {
  const args = ['preview', chart, '--release', 'db', '--namespace', 'data', '--set', 'architecture=replication', '--set', 'readReplicas.replicaCount=3', '--name', 'db-postgresql-read', '--json'];
  const { status, stdout } = sts(args);
  assert.equal(status, 0, stdout);
  const json = JSON.parse(stdout) as { statefulSet: { name: string; namespace: string }; pods: { name: string; pvcs: string[] }[] };
  assert.deepEqual(json.statefulSet, { name: 'db-postgresql-read', namespace: 'data' });
  assert.deepEqual(json.pods.map((p) => p.name), ['db-postgresql-read-0', 'db-postgresql-read-1', 'db-postgresql-read-2']);
  assert.deepEqual(json.pods[2]!.pvcs, ['data-db-postgresql-read-2']);
});

test("a chart Helm cannot render exits 2 with Helm's message; a missing set exits 1; Helm options on a plain file are a usage error", () => {
  const broken = mkdtempSync(join(tmpdir(), 'sts-preview-chart-'));
  try {
    mkdirSync(join(broken, 'templates'));
    writeFileSync(join(broken, 'Chart.yaml'), 'apiVersion: v2\nname: broken\nversion: 0.1.0\n');
    writeFileSync(join(broken, 'templates', 'sts.yaml'), 'kind: StatefulSet\n{{ if }}\n');
    const failed = sts(['preview', broken]);
    assert.equal(failed.status, 2);
    assert.match(failed.stderr, /Helm cannot render this chart: .*templates\/sts\.yaml:2/);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
  const missing = sts(['preview', chart, '--name', 'no-such-set']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no apps\/v1 StatefulSet named "no-such-set" in .* as the chart renders it/);
  const plain = sts(['preview', join(import.meta.dirname, '..', '..', 'examples', 'web.yaml'), '--set', 'a=b']);
  assert.equal(plain.status, 2);
  assert.match(plain.stderr, /--set applies to a Helm chart/);
});
