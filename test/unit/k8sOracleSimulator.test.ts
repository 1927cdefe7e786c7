/**
 * The simulator against Kubernetes v1.37.2's StatefulSet controller (issue 25 §2b): random
 * scenarios (test/k8sOracle/scenarios.ts) played by the oracle's `run` and planned by the
 * simulator. Every aspect must be equal: creation, rollout and scale batches, the reach of a
 * failing pod, and the PVCs left after creation, a scale and the set's deletion. Seed:
 * K8S_ORACLE_SEED; count: K8S_ORACLE_SCENARIOS (default 1,000).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countsLine, tallyAspects } from '../k8sOracle/aspectTally';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { compareScenarios, type ScenarioResult } from '../k8sOracle/scenarios';

const seed = Number(process.env.K8S_ORACLE_SEED ?? 20261206);
const count = Number(process.env.K8S_ORACLE_SCENARIOS ?? 1000);
let oracle: Oracle;
let results: ScenarioResult[];

before(async () => {
  oracle = new Oracle(buildOracle());
  results = await compareScenarios(oracle, seed, count);
});

after(async () => { await oracle.close(); });

test('the controller plays every scenario', () => {
  assert.deepEqual(results.filter((r) => r.failure).map((r) => `${JSON.stringify(r.scenario)}: ${r.failure}`), []);
});

test('the simulator plans what the controller does, in every aspect', () => {
  const { counts, disagreements } = tallyAspects(results, (r) => r.scenario, seed);
  console.log(`simulator vs controller, seed ${seed}, ${results.length} scenarios: ${countsLine(counts)}`);
  assert.ok(results.length >= 300);
  // Each aspect is compared often enough to mean something (a failing pod in about a quarter of the scenarios).
  for (const name of ['create', 'update', 'failure', 'failure stays down', 'scale', 'pvcs after deletion']) assert.ok((counts.get(name)?.[1] ?? 0) >= 50, name);
  assert.deepEqual(disagreements.slice(0, 10), []);
});
