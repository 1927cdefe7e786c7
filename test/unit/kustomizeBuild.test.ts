// The kustomize engine's output equals the real `kustomize build` of the same module version
// byte for byte, on real layouts written by others (test/fixtures/kustomize-real, see each
// SOURCE.md) and on our own (test/fixtures/kustomize-own); remote resources are refused.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildOverlay, readOverlay } from '../../server/src/host/kustomize/index';
import type { KustomizeEngine } from '../../server/src/host/kustomize/kustomizeEngine';
import { kustomizeBuild, noGo, ownLayouts, realLayouts, testKustomizeEngine } from './kustomizeSupport';

const overlays = [
  join(realLayouts, 'metacontroller/manifests/production'),
  join(realLayouts, 'metacontroller/manifests/dev'),
  join(realLayouts, 'metacontroller/manifests/debug'),
  join(realLayouts, 'metacontroller/manifests/dev-ssa'),
  join(realLayouts, 'argo-cd/manifests/namespace-install'),
  join(realLayouts, 'argo-cd/manifests/ha/namespace-install'),
  join(realLayouts, 'bank-of-anthos/src/accounts/accounts-db/k8s/overlays/development'),
  join(realLayouts, 'bank-of-anthos/src/ledger/ledger-db/k8s/overlays/development'),
  join(realLayouts, 'bank-of-anthos/src/accounts/accounts-db/k8s/overlays/production'),
  join(realLayouts, 'bank-of-anthos/src/ledger/ledger-db/k8s/overlays/init-db-staging'),
  join(ownLayouts, 'db/overlays/prod'),
  join(ownLayouts, 'db/overlays/staging'),
  join(ownLayouts, 'db/overlays/split'),
];

describe('kustomize engine = kustomize build', { skip: noGo }, () => {
  let engine: KustomizeEngine;
  after(() => engine?.dispose());

  for (const dir of overlays) {
    test(dir.slice(dir.indexOf('kustomize-')), async () => {
      engine ??= testKustomizeEngine();
      const overlay = readOverlay(dir);
      assert.ok(overlay, 'no kustomization');
      const result = await buildOverlay(overlay, engine);
      const cli = kustomizeBuild(dir);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(result.error, undefined);
      assert.equal(result.manifest, cli.stdout);
      // Every resource records where it came from (the origin annotation, forced in memory).
      assert.ok(result.resources.length > 0);
      for (const r of result.resources) assert.ok(r.origin?.path || r.origin?.configuredIn, `no origin: ${r.text.slice(0, 120)}`);
    });
  }

  test('a kustomize error is kustomize\'s message, as the CLI prints it', async () => {
    engine ??= testKustomizeEngine();
    const typo = join(ownLayouts, 'db/overlays/typo');
    const result = await buildOverlay(readOverlay(typo)!, engine);
    const cli = kustomizeBuild(typo);
    assert.notEqual(cli.status, 0);
    assert.equal(result.error?.kind, 'kustomize');
    assert.equal(`Error: ${result.error?.message}\n`, cli.stderr);
  });

  test('a missing file: the same message up to the file system\'s own words', async () => {
    // Known difference: the in-memory file system says "'x' doesn't exist" where the disk's says
    // "evalsymlink failure on 'x' : lstat x: no such file or directory".
    engine ??= testKustomizeEngine();
    const dir = mkdtempSync(join(tmpdir(), 'sts-kustomize-'));
    try {
      writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- missing.yaml\n');
      const result = await buildOverlay(readOverlay(dir)!, engine);
      const cli = kustomizeBuild(dir);
      const common = "accumulating resources: accumulation err='accumulating resources from 'missing.yaml': ";
      assert.ok(cli.stderr.startsWith(`Error: ${common}`), cli.stderr);
      assert.ok(result.error?.message.startsWith(common), result.error?.message);
      assert.match(result.error?.message ?? '', /missing\.yaml' doesn't exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('remote resources are refused, never fetched (http and git)', async () => {
    engine ??= testKustomizeEngine();
    for (const remote of ['https://raw.githubusercontent.com/kubernetes/examples/master/cassandra/cassandra-statefulset.yaml', 'github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.8.2']) {
      const dir = mkdtempSync(join(tmpdir(), 'sts-kustomize-'));
      try {
        writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n- ${remote}\n`);
        const result = await buildOverlay(readOverlay(dir)!, engine);
        assert.equal(result.error?.kind, 'remote', result.error?.message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('a build past the time limit is stopped, and the next build works', async () => {
    const slow = testKustomizeEngine({ timeoutMs: 1 });
    try {
      const overlay = readOverlay(join(realLayouts, 'argo-cd/manifests/ha/namespace-install'))!;
      const result = await buildOverlay(overlay, slow);
      assert.equal(result.error?.kind, 'timeout');
      assert.equal(slow.running, false);
    } finally {
      await slow.dispose();
    }
    engine ??= testKustomizeEngine();
    assert.equal((await buildOverlay(readOverlay(join(realLayouts, 'metacontroller/manifests/dev'))!, engine)).error, undefined);
  });
});
