/**
 * The simulator against the real controller (issue 25 §2b): random StatefulSets (replicas
 * 0–8, ordinals.start, both policies, partition, maxUnavailable with the gate on and off,
 * OnDelete, both retention policies, a pod that fails once recreated, a scale) played by the
 * oracle's `run` (create, update, scale, delete) and planned by `simulate` with the what-ifs
 * `scaleTo` and `failingOrdinal`. Compared per aspect: the batches of creation, of the rollout
 * (with a failing pod: as far as it gets) and of the scale, which pods a failing pod keeps
 * from being created (it fails from the start) or updated (it fails once recreated) and which
 * it leaves down, the pods at the new revision after the update and the revision of a pod
 * deleted by hand afterwards, and which PVCs exist after creation, after the
 * scale and after the set's deletion.
 */
import fc from 'fast-check';
import { revisionWhenRecreated, simulate } from '../../server/src/simulator';
import type { Plan } from '../../server/src/simulator';
import { toYaml } from './manifests';
import type { Oracle, OracleStep } from './oracleClient';

export interface ScenarioCase {
  replicas: number;
  start: number;
  policy: 'OrderedReady' | 'Parallel';
  onDelete: boolean;
  partition: number;
  maxUnavailable: number | string | undefined;
  gate: boolean;
  whenDeleted: 'Retain' | 'Delete';
  whenScaled: 'Retain' | 'Delete';
  scaleTo: number;
  /** Index (from ordinals.start) of the pod that never becomes Ready once recreated. */
  failing: number | undefined;
  /** Index (from ordinals.start) of a pod deleted by hand after the update (without a failing pod). */
  deleted: number;
}

export const scenarioCase: fc.Arbitrary<ScenarioCase> = fc.record({
  replicas: fc.integer({ min: 0, max: 8 }),
  start: fc.constantFrom(0, 0, 1, 3),
  policy: fc.constantFrom('OrderedReady' as const, 'Parallel' as const),
  partition: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })),
  maxUnavailable: fc.constantFrom(undefined, 1, 2, 3, '50%', '100%'),
  gate: fc.boolean(),
  whenDeleted: fc.constantFrom('Retain' as const, 'Delete' as const),
  whenScaled: fc.constantFrom('Retain' as const, 'Delete' as const),
  scaleTo: fc.integer({ min: 0, max: 8 }),
  failing: fc.option(fc.integer({ min: 0, max: 7 }), { freq: 3 }).map((f) => f ?? undefined),
  deleted: fc.integer({ min: 0, max: 7 }),
}).chain((c) => fc.integer({ min: 0, max: 5 }).map((d): ScenarioCase => ({ ...c, onDelete: d === 0 }))); // OnDelete one case in six

export function manifestOf(c: ScenarioCase): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'web',
      replicas: c.replicas,
      ordinals: { start: c.start },
      podManagementPolicy: c.policy,
      updateStrategy: c.onDelete ? { type: 'OnDelete' }
        : { type: 'RollingUpdate', rollingUpdate: { partition: c.partition, ...(c.maxUnavailable === undefined ? {} : { maxUnavailable: c.maxUnavailable }) } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: c.whenDeleted, whenScaled: c.whenScaled },
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

const sorted = (list: readonly string[]) => [...list].sort();
const planBatches = (plan: Plan) => plan.map((step) => sorted(step.pods).join(' '));
const podsOf = (sync: readonly string[], action: 'create' | 'delete' | 'any') => sorted(sync
  .filter((e) => e.includes(' pod/') && (action === 'any' || e.startsWith(action)))
  .map((e) => e.slice(e.indexOf('/') + 1)));
const syncBatches = (step: OracleStep | undefined, action: 'create' | 'delete' | 'any') =>
  (step?.syncs ?? []).map((sync) => podsOf(sync, action).join(' ')).filter((b) => b !== '');

/** One aspect's two answers, as text. */
export interface Aspect {
  name: 'create' | 'update' | 'revisions after update' | 'revision when recreated' | 'failure' | 'failure on create' | 'failure batches' | 'failure stays down' | 'scale' | 'pvcs after create' | 'pvcs after scale' | 'pvcs after deletion';
  ours: string;
  theirs: string;
}

export interface ScenarioResult {
  scenario: ScenarioCase;
  aspects: Aspect[];
  failure?: string;
}

/** Plays one case on both sides. */
export async function compareScenario(oracle: Oracle, c: ScenarioCase): Promise<ScenarioResult> {
  const object = manifestOf(c);
  const failingOrdinal = c.failing === undefined || c.failing >= c.replicas ? undefined : c.start + c.failing;
  const deletedOrdinal = failingOrdinal === undefined && c.replicas > 0 ? c.start + (c.deleted % c.replicas) : undefined;
  const steps = [{ kind: 'create' }, ...(failingOrdinal === undefined ? [] : [{ kind: 'failOnRecreate', ordinal: failingOrdinal }]),
    { kind: 'update' }, ...(deletedOrdinal === undefined ? [] : [{ kind: 'deletePod', ordinal: deletedOrdinal }]),
    { kind: 'scale', replicas: c.scaleTo }, { kind: 'delete' }];
  const answer = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: { MaxUnavailableStatefulSet: c.gate }, scenario: { steps } });
  if (answer.failure || answer.errors.length || !answer.steps) return { scenario: c, aspects: [], failure: answer.failure ?? JSON.stringify(answer.errors) };
  const [created, update, scale, deleted] = [answer.steps[0], answer.steps.find((s) => s.kind === 'update'), answer.steps.find((s) => s.kind === 'scale'), answer.steps.find((s) => s.kind === 'delete')];
  const whatIf = { scaleTo: c.scaleTo, ...(failingOrdinal === undefined ? {} : { failingOrdinal }) };
  const sim = simulate({ statefulSet: object, maxUnavailableGate: c.gate, whatIf });
  const aspects: Aspect[] = [
    { name: 'create', ours: planBatches(sim.plans.create).join(' | '), theirs: syncBatches(created, 'create').join(' | ') },
    { name: 'pvcs after create', ours: sorted(sim.pods.flatMap((p) => p.pvcs)).join(' '), theirs: sorted(created?.claims ?? []).join(' ') },
  ];
  if (sim.failure === null) {
    aspects.push(
      { name: 'update', ours: planBatches(sim.plans.update).join(' | '), theirs: syncBatches(update, 'delete').join(' | ') },
      { name: 'revisions after update', ours: sorted(sim.pods.filter((p) => p.revision === 'updated').map((p) => p.name)).join(' '), theirs: sorted(update?.updated ?? []).join(' ') },
    );
    const recreated = answer.steps.find((s) => s.kind === 'deletePod');
    if (deletedOrdinal !== undefined) {
      const pod = `web-${deletedOrdinal}`;
      aspects.push({ name: 'revision when recreated', ours: `${pod} ${revisionWhenRecreated(sim, deletedOrdinal)}`, theirs: `${pod} ${recreated?.updated.includes(pod) ? 'updated' : 'current'}` });
    }
  } else {
    // The rollout with the failing pod: up to the step that halts at it, or all of it when a sliding window goes on.
    const { pod, update: impact } = sim.failure;
    const played = impact.halts ? sim.plans.update.slice(0, sim.plans.update.findIndex((s) => s.pods.includes(pod)) + 1) : sim.plans.update;
    const targets = sim.plans.update.flatMap((s) => s.pods);
    const deletedPods = new Set((update?.syncs ?? []).flatMap((sync) => podsOf(sync, 'delete')));
    const left = new Set(update?.pods ?? []);
    // Creation with the pod failing from the start: a `fail` step first plays the creation.
    const failed = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: { MaxUnavailableStatefulSet: c.gate }, scenario: { steps: [{ kind: 'fail', ordinal: failingOrdinal ?? -1 }] } });
    const createdWithFailure = new Set(failed.steps?.[0]?.pods ?? []);
    aspects.push(
      { name: 'failure on create', ours: sorted(sim.failure.create.neverReached).join(' '), theirs: sorted(sim.pods.map((p) => p.name).filter((p) => !createdWithFailure.has(p))).join(' ') },
      { name: 'failure batches', ours: planBatches(played).join(' | '), theirs: syncBatches(update, 'delete').join(' | ') },
      { name: 'failure', ours: sorted(impact.neverReached).join(' '), theirs: sorted(targets.filter((p) => !deletedPods.has(p))).join(' ') },
      { name: 'failure stays down', ours: sorted(impact.staysDown).join(' '), theirs: sorted(targets.filter((p) => !left.has(p))).join(' ') },
    );
  }
  if (sim.failure === null && sim.scale !== null) {
    aspects.push(
      { name: 'scale', ours: planBatches(sim.scale.plan).join(' | '), theirs: syncBatches(scale, 'any').join(' | ') },
      { name: 'pvcs after scale', ours: sorted(sim.scale.pvcsAfter).join(' '), theirs: sorted(scale?.claims ?? []).join(' ') },
      { name: 'pvcs after deletion', ours: sorted(sim.scale.pvcsAfterThenSetDeletion).join(' '), theirs: sorted(deleted?.claims ?? []).join(' ') },
    );
  }
  return { scenario: c, aspects };
}

export async function compareScenarios(oracle: Oracle, seed: number, count: number): Promise<ScenarioResult[]> {
  const cases = fc.sample(scenarioCase, { seed, numRuns: count });
  return Promise.all(cases.map((c) => compareScenario(oracle, c)));
}
