// `sts check OVERLAY_DIR`: each overlay built with kustomize's engine, findings on the patch,
// kustomization or base line that wrote them, naming the overlay (JSON `related`, SARIF
// `relatedLocations`); a build error is one kustomize-build error on the kustomization line.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sts } from './cliRun';

interface Json {
  file: string;
  line: number;
  rule: string;
  message: string;
  related?: { file: string; line: number; message: string }[];
}

let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'sts-cli-kustomize-'));
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'kustomize-own', 'db'), join(folder, 'db'), { recursive: true });
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'kustomize-real', 'metacontroller'), join(folder, 'metacontroller'), { recursive: true });
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'kustomize-real', 'bank-of-anthos'), join(folder, 'bank-of-anthos'), { recursive: true });
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('the injected mistakes of each overlay, on the lines that wrote them, each naming its overlay', () => {
  const { status, stdout } = sts(['check', '--format', 'json', join(folder, 'db')]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as Json[];
  const found = reports.map((r) => `${r.file.slice(r.file.indexOf('db/'))}:${r.line} ${r.rule}`).sort();
  assert.deepEqual(found, [
    'db/base/statefulset.yaml:13 partition-exceeds-replicas',
    'db/base/statefulset.yaml:14 selector-mismatch',
    'db/base/statefulset.yaml:8 service-missing',
    'db/base/statefulset.yaml:8 service-selector-mismatch',
    'db/overlays/typo/kustomization.yaml:6 kustomize-build',
  ]);
  const partition = reports.find((r) => r.rule === 'partition-exceeds-replicas')!;
  assert.match(partition.message, /\(overlay .*overlays\/prod\)$/);
  assert.ok(partition.related?.some((r) => r.file.endsWith('overlays/prod/replicas.yaml') && /patches this StatefulSet/.test(r.message)), stdout);
  const moved = reports.find((r) => r.rule === 'service-missing')!;
  assert.match(moved.message, /namespace "analytics"/);
  const sarif = JSON.parse(sts(['check', '--format', 'sarif', join(folder, 'db')]).stdout);
  const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'partition-exceeds-replicas');
  assert.ok(result.relatedLocations.some((l: { physicalLocation: { artifactLocation: { uri: string } } }) => /overlays\/prod\/replicas\.yaml$/.test(l.physicalLocation.artifactLocation.uri)));
});

test('a patch value the API server refuses: once on the patch line (the patch\'s own check and the build agree)', () => {
  const dir = join(folder, 'db', 'overlays', 'prod');
  writeFileSync(join(dir, 'replicas.yaml'), readFileSync(join(dir, 'replicas.yaml'), 'utf8').replace('replicas: 2', 'replicas: -1'));
  try {
    const reports = JSON.parse(sts(['check', '--format', 'json', dir]).stdout) as Json[];
    // The patch's own check finds it too: reported once, on its line.
    const onPatch = reports.filter((r) => r.file.endsWith('overlays/prod/replicas.yaml'));
    assert.deepEqual(onPatch.map((r) => [r.rule, r.line]), [['negative-value', 6]], JSON.stringify(reports));
  } finally {
    writeFileSync(join(dir, 'replicas.yaml'), readFileSync(join(dir, 'replicas.yaml'), 'utf8').replace('replicas: -1', 'replicas: 2'));
  }
});

test('real overlays (metacontroller) build and check with no finding', () => {
  const { status, stdout } = sts(['check', join(folder, 'metacontroller', 'manifests')]);
  assert.match(stdout, /(^|\n)0 errors, 0 warnings\n$/);
  assert.doesNotMatch(stdout, /\[[a-z-]+\]/, 'no finding');
  assert.equal(status, 0);
});

test('real overlays (Bank of Anthos): the development databases name a Service that is not headless, on the serviceName line', () => {
  // Every overlay of both databases (development, staging, production, init-db jobs): only the
  // development ones build a StatefulSet (the others use Cloud SQL), each governed by a ClusterIP Service.
  const { status, stdout } = sts(['check', '--format', 'json', join(folder, 'bank-of-anthos', 'src')]);
  assert.equal(status, 0, stdout);
  const reports = JSON.parse(stdout) as Json[];
  assert.deepEqual(reports.map((r) => `${r.file.slice(r.file.indexOf('src/'))}:${r.line} ${r.rule}`).sort(), [
    'src/accounts/accounts-db/k8s/overlays/development/accounts-db.yaml:20 service-not-headless',
    'src/ledger/ledger-db/k8s/overlays/development/ledger-db.yaml:20 service-not-headless',
  ]);
});

test('a remote resource is one kustomize-build error that says it is never fetched', () => {
  const dir = join(folder, 'remote');
  cpSync(join(folder, 'db', 'base'), join(dir, 'base'), { recursive: true });
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- base\n- https://example.com/sts.yaml\n');
  const { status, stdout } = sts(['check', '--format', 'json', dir]);
  assert.equal(status, 1);
  const reports = JSON.parse(stdout) as Json[];
  const build = reports.filter((r) => r.rule === 'kustomize-build');
  assert.equal(build.length, 1, stdout);
  assert.equal(build[0]!.line, 3);
  assert.match(build[0]!.message, /never fetched/);
});

test('sts preview OVERLAY_DIR: the built StatefulSet (prefix, namespace) with the build\'s Service; a build error exits 2 with kustomize\'s message', () => {
  const { status, stdout } = sts(['preview', '--json', join(folder, 'db', 'overlays', 'prod')]);
  assert.equal(status, 0);
  const preview = JSON.parse(stdout) as { pods: { name: string; fqdn: string }[] };
  assert.deepEqual(preview.pods.map((p) => p.fqdn), ['prod-db-0.prod-db.prod.svc.cluster.local', 'prod-db-1.prod-db.prod.svc.cluster.local']);
  const typo = sts(['preview', join(folder, 'db', 'overlays', 'typo')]);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /kustomize cannot build .*no resource matches strategic merge patch/);
});

test('two kustomizations that include each other: each is built and reports the cycle on its entry', () => {
  const dir = join(folder, 'cycle');
  for (const [name, other] of [['a', 'b'], ['b', 'a']] as const) {
    cpSync(join(folder, 'db', 'base'), join(dir, name, 'base'), { recursive: true });
    writeFileSync(join(dir, name, 'kustomization.yaml'), `resources:\n- ../${other}\n`);
  }
  const { status, stdout } = sts(['check', '--format', 'json', dir]);
  assert.equal(status, 1);
  const reports = (JSON.parse(stdout) as Json[]).filter((r) => r.rule === 'kustomize-build');
  assert.deepEqual(reports.map((r) => [r.file.slice(-20), r.line]).sort(), [['a/kustomization.yaml', 2], ['b/kustomization.yaml', 2]]);
  assert.ok(reports.every((r) => /cycle detected/.test(r.message)));
});
