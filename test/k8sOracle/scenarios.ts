/**
 * The simulator against the real controller (issue 25 §2b): random StatefulSets (replicas
 * 0–8, ordinals.start, both policies, partition, maxUnavailable with the gate on and off,
 * OnDelete, both retention policies, a pod that fails once recreated, a scale) played by the
 * oracle's `run` (create, update, scale, delete) and planned by `simulate` / `planScale`.
 * Compared per aspect: the batches of creation, of the rollout and of the scale, which
 * pods a failing pod keeps from being updated, and which PVCs are left after the scale and
 * after the set's deletion.
 */
import fc from 'fast-check';
import { planScale, simulate } from '../../server/src/simulator';
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
  name: 'create' | 'update' | 'failure' | 'scale' | 'pvcs after scale' | 'pvcs after deletion';
  ours: string;
  theirs: string;
}

export interface ScenarioResult {
  scenario: ScenarioCase;
  aspects: Aspect[];
  /** The simulator's rollout batch size (maxUnavailable after the gate). */
  batch?: number;
  failure?: string;
}

/**
 * Disagreements already known and described in docs/k8s-oracle.md, which the simulator has
 * yet to close; anything else fails the test.
 *  - `earlier scale-down PVCs`: under whenDeleted Delete and whenScaled Retain, the claims
 *    an earlier scale-down kept carry the set's ownerReference too, so the set's deletion
 *    deletes them; the simulator keeps them.
 *  - `sliding window`: with rollout batches over one pod (the gate on), the controller
 *    recomputes maxUnavailable − unavailable every sync and had often deleted the whole
 *    batch before the failing pod came back; the simulator's fixed batches halt at it.
 */
export function knownClass(result: ScenarioResult, aspect: Aspect): string | undefined {
  const c = result.scenario;
  if (aspect.name === 'pvcs after deletion' && c.whenDeleted === 'Delete' && c.whenScaled === 'Retain' && c.scaleTo < c.replicas) {
    const leftovers = new Set(Array.from({ length: c.replicas - c.scaleTo }, (_, i) => `data-web-${c.start + c.scaleTo + i}`));
    const expected = aspect.ours.split(' ').filter((claim) => claim !== '' && !leftovers.has(claim)).join(' ');
    if (expected === aspect.theirs) return 'earlier scale-down PVCs';
  }
  if (aspect.name === 'failure' && (result.batch ?? 1) > 1) return 'sliding window';
  return undefined;
}

/** Plays one case on both sides. */
export async function compareScenario(oracle: Oracle, c: ScenarioCase): Promise<ScenarioResult> {
  const object = manifestOf(c);
  const failingOrdinal = c.failing === undefined || c.failing >= c.replicas ? undefined : c.start + c.failing;
  const steps = [{ kind: 'create' }, ...(failingOrdinal === undefined ? [] : [{ kind: 'failOnRecreate', ordinal: failingOrdinal }]),
    { kind: 'update' }, { kind: 'scale', replicas: c.scaleTo }, { kind: 'delete' }];
  const answer = await oracle.ask({ op: 'run', object: toYaml(object), featureGates: { MaxUnavailableStatefulSet: c.gate }, scenario: { steps } });
  if (answer.failure || answer.errors.length || !answer.steps) return { scenario: c, aspects: [], failure: answer.failure ?? JSON.stringify(answer.errors) };
  const [created, update, scale, deleted] = [answer.steps[0], answer.steps.find((s) => s.kind === 'update'), answer.steps.find((s) => s.kind === 'scale'), answer.steps.find((s) => s.kind === 'delete')];
  const sim = simulate({ statefulSet: object, maxUnavailableGate: c.gate, ...(failingOrdinal === undefined ? {} : { whatIf: { failingOrdinal } }) });
  const context = { statefulSet: { name: 'web' }, ordinalStart: sim.ordinalStart, podManagementPolicy: sim.podManagementPolicy, minReadySeconds: sim.minReadySeconds };
  const aspects: Aspect[] = [{ name: 'create', ours: planBatches(sim.plans.create).join(' | '), theirs: syncBatches(created, 'create').join(' | ') }];
  const targets = sim.plans.update.flatMap((s) => s.pods);
  const updated = new Set((update?.syncs ?? []).flatMap((sync) => podsOf(sync, 'delete')));
  if (failingOrdinal === undefined) {
    aspects.push({ name: 'update', ours: planBatches(sim.plans.update).join(' | '), theirs: syncBatches(update, 'delete').join(' | ') });
  } else {
    aspects.push({ name: 'failure', ours: sorted(sim.failure?.update.neverReached ?? []).join(' '), theirs: sorted(targets.filter((p) => !updated.has(p))).join(' ') });
  }
  if (failingOrdinal === undefined) {
    const scalePlan = planScale(context, c.replicas, c.scaleTo);
    aspects.push({ name: 'scale', ours: planBatches(scalePlan).join(' | '), theirs: syncBatches(scale, 'any').join(' | ') });
    // Claims: those of every pod that ever existed, less what the retention policy deletes.
    const claimOf = (pod: string) => `data-${pod}`;
    const ever = [...new Set([...(created?.pods ?? []), ...(scale?.pods ?? [])])];
    const scaledDown = scalePlan.filter((s) => s.action === 'delete').flatMap((s) => s.pods);
    const afterScale = ever.map(claimOf).filter((claim) => !(c.whenScaled === 'Delete' && scaledDown.map(claimOf).includes(claim)));
    aspects.push({ name: 'pvcs after scale', ours: sorted(afterScale).join(' '), theirs: sorted(scale?.claims ?? []).join(' ') });
    const remaining = simulate({ statefulSet: { ...object, spec: { ...(object.spec as object), replicas: c.scaleTo } } }).pvcRetention.onDelete.deleted;
    aspects.push({ name: 'pvcs after deletion', ours: sorted(afterScale.filter((claim) => !remaining.includes(claim))).join(' '), theirs: sorted(deleted?.claims ?? []).join(' ') });
  }
  return { scenario: c, aspects, batch: sim.maxUnavailable };
}

export async function compareScenarios(oracle: Oracle, seed: number, count: number): Promise<ScenarioResult[]> {
  const cases = fc.sample(scenarioCase, { seed, numRuns: count });
  return Promise.all(cases.map((c) => compareScenario(oracle, c)));
}
