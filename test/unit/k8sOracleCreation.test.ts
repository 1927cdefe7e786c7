/**
 * Pods that can never be created, against Kubernetes v1.37.2 (test/k8sOracle/creationCases.ts):
 * the controller creates random sets with names near the 63-character limits, each pod and
 * claim through the API server's validation. The simulator's refused and created pods and
 * the claims left after creation and deletion must be what the controller leaves. Seed:
 * K8S_ORACLE_SEED; count: K8S_ORACLE_CREATIONS (default 600).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countsLine, tallyAspects } from '../k8sOracle/aspectTally';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { compareCreations, type CreationResult } from '../k8sOracle/creationCases';

const seed = Number(process.env.K8S_ORACLE_SEED ?? 20261206);
const count = Number(process.env.K8S_ORACLE_CREATIONS ?? 600);
let oracle: Oracle;
let results: CreationResult[];

before(async () => {
  oracle = new Oracle(buildOracle());
  results = await compareCreations(oracle, seed, count);
});

after(async () => { await oracle.close(); });

test('the controller plays every creation', () => {
  assert.deepEqual(results.filter((r) => r.failure).map((r) => `${JSON.stringify(r.creation)}: ${r.failure}`), []);
});

test('the simulator says which pods are refused and which claims are left, as the controller does', () => {
  const { counts, disagreements } = tallyAspects(results, (r) => r.creation, seed);
  const refusedSome = results.filter((r) => r.aspects.some((a) => a.name === 'refused' && a.theirs !== '')).length;
  const fits = results.filter((r) => r.hashFits).length;
  const stopped = results.filter((r) => r.stoppedAfterBatches).length;
  console.log(`creations vs controller, seed ${seed}, ${results.length} sets (${refusedSome} with refused pods; the hash fitted for ${fits}; Parallel stopped after its second batch or later in ${stopped}): ${countsLine(counts)}`);
  assert.ok(refusedSome >= 100, 'enough sets with refused pods');
  assert.ok(stopped >= 10, 'some sets where Parallel stops after a later slow-start batch');
  assert.deepEqual(disagreements.slice(0, 10), []);
});
