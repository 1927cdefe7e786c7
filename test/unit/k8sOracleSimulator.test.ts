/**
 * The simulator against Kubernetes v1.37.2's StatefulSet controller (issue 25 §2b): 400
 * random scenarios (test/k8sOracle/scenarios.ts) played by the oracle's `run` and planned by
 * the simulator. Creation, rollout and scale batches and the PVCs left after a scale must be
 * equal; the PVCs left after the set's deletion and the reach of a failing pod may differ
 * only in the two known classes of `knownClass` (docs/k8s-oracle.md). Seed: K8S_ORACLE_SEED.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { compareScenarios, knownClass, type ScenarioResult } from '../k8sOracle/scenarios';

const seed = Number(process.env.K8S_ORACLE_SEED ?? 20261206);
let oracle: Oracle;
let results: ScenarioResult[];

before(async () => {
  oracle = new Oracle(buildOracle());
  results = await compareScenarios(oracle, seed, 400);
});

after(async () => { await oracle.close(); });

test('the controller plays every scenario', () => {
  assert.deepEqual(results.filter((r) => r.failure).map((r) => `${JSON.stringify(r.scenario)}: ${r.failure}`), []);
});

test('the simulator plans what the controller does, but for the known classes', () => {
  const counts = new Map<string, [number, number]>();
  const known = new Map<string, number>();
  const unknown: string[] = [];
  for (const r of results) {
    for (const a of r.aspects) {
      const count = counts.get(a.name) ?? [0, 0];
      count[1]++;
      if (a.ours === a.theirs) count[0]++;
      else {
        const label = knownClass(r, a);
        if (label) known.set(label, (known.get(label) ?? 0) + 1);
        else unknown.push(`${a.name} (seed ${seed}) ${JSON.stringify(r.scenario)}\n  simulator:  ${a.ours || '(none)'}\n  controller: ${a.theirs || '(none)'}`);
      }
      counts.set(a.name, count);
    }
  }
  console.log(`simulator vs controller, seed ${seed}: ${[...counts].map(([k, [a, n]]) => `${k} ${a}/${n}`).join(', ')}; known: ${[...known].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  assert.ok(results.length >= 300);
  assert.deepEqual(unknown.slice(0, 10), []);
});
