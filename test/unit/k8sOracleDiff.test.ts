/**
 * `sts diff OLD NEW` against Kubernetes v1.37.2's update validation (test/k8sOracle/diffPairs.ts):
 * OLD is a manifest the API server accepts, NEW seeded edits of it; `sts diff` must fail exactly
 * when Kubernetes refuses the update (or its pods). Seed: K8S_ORACLE_SEED; count:
 * K8S_ORACLE_DIFFS (default 600).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { acceptedSeeds, compareDiffs, type DiffPair } from '../k8sOracle/diffPairs';
import { toYaml } from '../k8sOracle/manifests';

const seed = Number(process.env.K8S_ORACLE_SEED ?? 20261206);
const count = Number(process.env.K8S_ORACLE_DIFFS ?? 600);
let oracle: Oracle;
let pairs: DiffPair[];

before(async () => {
  oracle = new Oracle(buildOracle());
  pairs = await compareDiffs(oracle, await acceptedSeeds(oracle), seed, count);
});

after(async () => { await oracle.close(); });

test('sts diff fails exactly when Kubernetes refuses the update', () => {
  const held = pairs.filter((p) => !p.excluded);
  const refused = held.filter((p) => p.theirs).length;
  const disagreements = held.filter((p) => p.ours !== p.theirs);
  console.log(`sts diff vs update validation, seed ${seed}: ${pairs.length} pairs, ${held.length} held (${refused} refused by Kubernetes), agree ${held.length - disagreements.length}/${held.length}`);
  assert.ok(held.length >= 500 && refused >= 200 && held.length - refused >= 50, 'both verdicts are compared often');
  assert.deepEqual(disagreements.slice(0, 5).map((p) => `seed ${seed}, from ${p.old.name}, edits ${JSON.stringify(p.edits)}: sts diff ${p.ours ? 'fails' : 'passes'}; Kubernetes: ${p.theirErrors.join('; ') || 'accepts'}\nOLD:\n${toYaml(p.old.object)}NEW:\n${p.newText}`), []);
});
