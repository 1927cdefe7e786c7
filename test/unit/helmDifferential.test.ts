// Differential test (STYLE 22): random value overrides of the vendored charts, rendered by
// the engine and by the real `helm template`; they must agree byte for byte. Bounded in
// `npm test`; hunt longer with HELM_DIFF_RUNS=500 (and HELM_DIFF_SEED=n to replay one).
// A disagreement prints its seed and the helm command that reproduces it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readChartFolder } from '../../server/src/host/helm/readChartFolder';
import type { ChartFiles } from '../../server/src/host/helm/renderTypes';
import type { WasmEngine } from '../../server/src/host/helm/wasmEngine';
import { chartsDir, helmErrorMessage, helmTemplate, noGo, testEngine } from './helmSupport';

/** Knobs of each chart, each with the values it may take (some of them wrong on purpose). */
const knobs: Record<string, Record<string, readonly string[]>> = {
  vault: {
    'server.ha.enabled': ['true', 'false'],
    'server.ha.replicas': ['1', '3', '5', '0', 'many'],
    'server.ha.raft.enabled': ['true', 'false'],
    'server.dataStorage.size': ['10Gi', '1Ti', '"3"'],
    'server.dataStorage.enabled': ['true', 'false'],
    'server.auditStorage.enabled': ['true', 'false'],
    'server.standalone.enabled': ['true', 'false', '"-"'],
    'server.updateStrategyType': ['OnDelete', 'RollingUpdate'],
    'server.extraLabels.team': ['data', '"123"', 'null'],
    'injector.enabled': ['true', 'false'],
    'global.openshift': ['true', 'false'],
    'csi.enabled': ['true', 'false'],
    'ui.enabled': ['true', 'false'],
  },
  postgresql: {
    // Bitnami makes up a random password when none is set: fixed ones keep renders equal.
    'auth.postgresPassword': ['fixed'],
    'auth.replicationPassword': ['fixed'],
    architecture: ['standalone', 'replication', 'other'],
    'readReplicas.replicaCount': ['0', '1', '3'],
    'primary.persistence.size': ['8Gi', '1Ti'],
    'primary.persistence.enabled': ['true', 'false'],
    'metrics.enabled': ['true', 'false'],
    'primary.podAntiAffinityPreset': ['soft', 'hard', '""'],
    'networkPolicy.enabled': ['true', 'false'],
    'commonLabels.tier': ['db', '"7"'],
    fullnameOverride: ['""', 'pg', 'a-very-long-name-that-goes-on-and-on-past-sixty-three-characters-for-sure'],
  },
};

/** mulberry32: a small seeded generator, so that a seed replays a case. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseOf(seed: number): { chart: string; set: string[] } {
  const next = random(seed);
  const charts = Object.keys(knobs);
  const chart = charts[Math.floor(next() * charts.length)] ?? 'vault';
  const set: string[] = [];
  for (const [key, values] of Object.entries(knobs[chart] ?? {})) {
    if (key.startsWith('auth.') || next() < 0.4) set.push(`${key}=${values[Math.floor(next() * values.length)] ?? ''}`);
  }
  return { chart, set };
}

/** The first line where the two outputs differ. */
function firstDifference(ours: string, theirs: string): string {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n  engine: ${JSON.stringify(a[at])}\n  helm:   ${JSON.stringify(b[at])}`;
}

const runs = Number(process.env['HELM_DIFF_RUNS'] ?? 6);
const firstSeed = Number(process.env['HELM_DIFF_SEED'] ?? 1);

describe('the engine and helm template agree on random values', { skip: noGo }, () => {
  let engine: WasmEngine;
  const files = new Map<string, ChartFiles>();
  before(async () => {
    engine = testEngine({ timeoutMs: 60_000, warmUpBudgetMs: 0 });
    for (const chart of Object.keys(knobs)) files.set(chart, await readChartFolder(join(chartsDir, chart)));
  });
  after(() => engine.dispose());

  test(`${runs} cases from seed ${firstSeed}`, async () => {
    for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
      const { chart, set } = caseOf(seed);
      const helm = helmTemplate([join(chartsDir, chart), ...set.flatMap((s) => ['--set', s])]);
      const result = await engine.render({ files: files.get(chart) ?? new Map(), set });
      const ours = result.error ? `error: ${result.error.message}` : result.manifest;
      const theirs = helm.status === 0 ? helm.stdout : `error: ${helmErrorMessage(helm.stderr)}`;
      if (ours !== theirs) {
        assert.fail(`seed ${seed} disagrees; reproduce with HELM_DIFF_SEED=${seed} HELM_DIFF_RUNS=1, or:\n` +
          `  helm template test/fixtures/charts/${chart} ${set.map((s) => `--set '${s}'`).join(' ')}\n` +
          firstDifference(ours, theirs));
      }
    }
  });
});
