/**
 * Pods that can never be created (issue 25 §3, §5): random StatefulSets whose set or pod names
 * are near the 63-character label limit, created and deleted by the oracle's `run` with the
 * API server's validation of each pod and claim the controller makes (`validate: true`), and
 * simulated: which pods are refused (PodIdentity.problem), which are created, and which claims
 * the creation and the set's deletion leave (Simulation.pvcs).
 *
 * For a set name of 53 to 61 characters the refusal depends on the digits of the template's
 * hash (the controller-revision-hash label), which only Kubernetes computes: the simulator
 * says the pods are refused, with the chance that they are not. A case where the hash was short
 * enough is counted as `hashFits` and its refused pods are taken from the oracle to check the
 * rest (the controller's order of attempts) exactly.
 */
import fc from 'fast-check';
import { simulate, type PodIdentity } from '../../server/src/simulator';
import { attemptedOnCreate } from '../../server/src/simulator/creation';
import { toYaml } from './manifests';
import type { Oracle } from './oracleClient';

export interface CreationCase {
  name: string;
  replicas: number;
  start: number;
  policy: 'OrderedReady' | 'Parallel';
  whenDeleted: 'Retain' | 'Delete';
  /** Varies the template, and so its hash. */
  tag: number;
}

const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';

const nameChars = fc.array(fc.integer({ min: 0, max: letters.length - 1 }), { minLength: 63, maxLength: 63 });

/** A DNS label of `length` characters: starts with a letter, then letters and digits. */
const nameOf = (length: number, chars: number[]): string => `w${chars.slice(1, length).map((i) => letters[i]).join('')}`;

const anyCase = fc.record({
  length: fc.constantFrom(8, 45, 52, 53, 53, 54, 55, 58, 61, 62, 63),
  chars: nameChars,
  replicas: fc.integer({ min: 0, max: 12 }),
  start: fc.constantFrom(0, 7, 99_999_995, 999_999_990, 999_999_995, 2_147_483_635), // the last ordinal stays within int32
  policy: fc.constantFrom('OrderedReady' as const, 'Parallel' as const),
  whenDeleted: fc.constantFrom('Retain' as const, 'Delete' as const),
  tag: fc.integer({ min: 0, max: 999_999 }),
});

/**
 * Parallel past its first slow-start batches: a 53-character name whose pods are refused only
 * from the first 10-digit ordinal on, when the template's hash has 9 digits (about 1 in 4).
 */
const laterBatchCase = fc.record({
  length: fc.constant(53),
  chars: nameChars,
  replicas: fc.integer({ min: 8, max: 12 }),
  start: fc.constantFrom(999_999_991, 999_999_995, 999_999_997),
  policy: fc.constant('Parallel' as const),
  whenDeleted: fc.constantFrom('Retain' as const, 'Delete' as const),
  tag: fc.integer({ min: 0, max: 999_999 }),
});

export const creationCase: fc.Arbitrary<CreationCase> = fc.oneof({ arbitrary: anyCase, weight: 3 }, { arbitrary: laterBatchCase, weight: 1 })
  .map(({ length, chars, ...rest }) => ({ ...rest, name: nameOf(length, chars) }));

export function creationManifest(c: CreationCase): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: c.name },
    spec: {
      serviceName: 'web',
      replicas: c.replicas,
      ordinals: { start: c.start },
      podManagementPolicy: c.policy,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: c.whenDeleted, whenScaled: 'Retain' },
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: `nginx:1.${c.tag}` }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

export interface CreationAspect {
  name: 'refused' | 'created' | 'claims after create' | 'claims after deletion' | 'attempts';
  ours: string;
  theirs: string;
}

export interface CreationResult {
  creation: CreationCase;
  aspects: CreationAspect[];
  /** The template's hash was short enough for a 53–61-character name: the problem was a guess. */
  hashFits: boolean;
  /** Parallel stopped after a slow-start batch past the first: some pods were never attempted. */
  stoppedAfterBatches: boolean;
  failure?: string;
}

const text = (list: readonly string[]) => [...list].sort().join(' ');

export async function compareCreation(oracle: Oracle, c: CreationCase): Promise<CreationResult> {
  const object = creationManifest(c);
  const answer = await oracle.ask({ op: 'run', object: toYaml(object), scenario: { validate: true, steps: [{ kind: 'create' }, { kind: 'delete' }] } });
  const [created, deleted] = answer.steps ?? [];
  if (answer.failure || answer.errors.length || !created || !deleted) {
    return { creation: c, aspects: [], hashFits: false, stoppedAfterBatches: false, failure: answer.failure ?? JSON.stringify(answer.errors) };
  }
  const sim = simulate({ statefulSet: object });
  const refused = new Set((created.refused ?? []).filter((r) => r.startsWith('pod/')).map((r) => r.slice(4)));
  const guessed = c.name.length >= 53 && c.name.length <= 61;
  const hashFits = guessed && sim.pods.length > 0 && !refused.has(sim.pods[0]?.name ?? '');
  // The controller's order of attempts, with the refusals Kubernetes made: every pod from the first refused one on.
  const firstRefused = sim.pods.findIndex((pod) => refused.has(pod.name));
  const actual = sim.pods.map((pod, i): PodIdentity => (firstRefused >= 0 && i >= firstRefused ? { ...pod, problem: 'refused' } : { ...pod, problem: undefined } as PodIdentity));
  const attempted = attemptedOnCreate(actual, sim.podManagementPolicy);
  const aspects: CreationAspect[] = [
    { name: 'attempts', ours: text(attempted.flatMap((pod) => pod.pvcs)), theirs: text(created.claims) },
  ];
  if (!hashFits) {
    const ours = attemptedOnCreate(sim.pods, sim.podManagementPolicy);
    aspects.push(
      { name: 'refused', ours: text(ours.filter((pod) => pod.problem !== undefined).map((pod) => pod.name)), theirs: text([...refused]) },
      { name: 'created', ours: text(ours.filter((pod) => pod.problem === undefined).map((pod) => pod.name)), theirs: text(created.pods) },
      { name: 'claims after create', ours: text(sim.pvcs.afterCreate), theirs: text(created.claims) },
      { name: 'claims after deletion', ours: text(sim.pvcs.afterSetDeletion), theirs: text(deleted.claims) },
    );
  }
  const stoppedAfterBatches = c.policy === 'Parallel' && attempted.length > 1 && attempted.length < sim.pods.length;
  return { creation: c, aspects, hashFits, stoppedAfterBatches };
}

export async function compareCreations(oracle: Oracle, seed: number, count: number): Promise<CreationResult[]> {
  return Promise.all(fc.sample(creationCase, { seed, numRuns: count }).map((c) => compareCreation(oracle, c)));
}
