/**
 * `sts preview --json --scale N --fail POD` against Kubernetes v1.37.2's controller (issue 25
 * §5): for random StatefulSets (test/k8sOracle/scenarios.ts), the bundled CLI's what-ifs are
 * what the oracle's `run` does: the pods a scale creates and deletes, the claims left after it
 * and after the set's deletion, and the pods a failing one keeps from being created (failing
 * from the start) or updated (failing once recreated).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { toYaml } from '../k8sOracle/manifests';
import { buildOracle, Oracle } from '../k8sOracle/oracleClient';
import { manifestOf, scenarioCase } from '../k8sOracle/scenarios';
import { sts } from './cliRun';

const seed = Number(process.env.K8S_ORACLE_SEED ?? 20261206);
let oracle: Oracle;

before(() => { oracle = new Oracle(buildOracle()); });
after(async () => { await oracle.close(); });

const sorted = (list: readonly string[]) => [...list].sort().join(' ');

test('sts preview --json --scale --fail answers what the controller does', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sts-preview-oracle-'));
  // Cases with pods, so that --fail names one of them; the MaxUnavailableStatefulSet gate on
  // (--max-unavailable-gate, the 1.37 default), which the CLI can always be told.
  const cases = fc.sample(scenarioCase.filter((c) => c.replicas > 0 && !c.onDelete).map((c) => ({ ...c, gate: true })), { seed, numRuns: 24 });
  const compared: string[] = [];
  for (const [index, c] of cases.entries()) {
    const object = manifestOf(c);
    const failing = c.start + ((c.failing ?? 0) % c.replicas);
    const file = join(folder, `web-${index}.yaml`);
    writeFileSync(file, toYaml(object));
    const result = sts(['preview', '--json', '--scale', String(c.scaleTo), '--fail', `web-${failing}`, '--max-unavailable-gate', file]);
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    const gates = { MaxUnavailableStatefulSet: c.gate };
    const scaled = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: gates, scenario: { steps: [{ kind: 'create' }, { kind: 'scale', replicas: c.scaleTo }, { kind: 'delete' }] } });
    const failedOnCreate = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: gates, scenario: { steps: [{ kind: 'fail', ordinal: failing }] } });
    const failedOnUpdate = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: gates, scenario: { steps: [{ kind: 'create' }, { kind: 'failOnRecreate', ordinal: failing }, { kind: 'update' }] } });
    const [, scale, deleted] = scaled.steps ?? [];
    const events = (scale?.syncs ?? []).flat();
    const pods = (verb: string) => events.filter((e) => e.startsWith(`${verb} pod/`)).map((e) => e.slice(e.indexOf('/') + 1));
    const all: string[] = json.pods.map((p: { name: string }) => p.name);
    const updateTargets: string[] = json.plans.update.flat();
    const deletedInUpdate = new Set((failedOnUpdate.steps?.[2]?.syncs ?? []).flat().filter((e) => e.startsWith('delete pod/')).map((e) => e.slice('delete pod/'.length)));
    const where = `case ${index} (seed ${seed}) ${JSON.stringify(c)}`;
    assert.deepEqual({
      creates: sorted(json.scale.creates), deletes: sorted(json.scale.deletes),
      pvcsAfter: sorted(json.scale.pvcsAfter), pvcsAfterThenSetDeletion: sorted(json.scale.pvcsAfterThenSetDeletion),
      neverCreated: sorted(json.failure.create.neverReached), neverUpdated: sorted(json.failure.update.neverReached),
    }, {
      creates: sorted(pods('create')), deletes: sorted(pods('delete')),
      pvcsAfter: sorted(scale?.claims ?? []), pvcsAfterThenSetDeletion: sorted(deleted?.claims ?? []),
      neverCreated: sorted(all.filter((p) => !(failedOnCreate.steps?.[0]?.pods ?? []).includes(p))),
      neverUpdated: sorted(updateTargets.filter((p) => !deletedInUpdate.has(p))),
    }, where);
    compared.push(where);
  }
  assert.equal(compared.length, 24);
});
