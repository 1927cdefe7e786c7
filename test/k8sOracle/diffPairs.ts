/**
 * `sts diff OLD NEW` against the API server's update validation (issue 25 §3): OLD is a seed
 * manifest the oracle accepts, NEW one to three seeded edits of it (test/k8sOracle/manifests.ts).
 * Ours fails when `diffTexts` (what `sts diff` prints and exits by) lists an immutable change or
 * an error of NEW; Kubernetes' when `validate` with `oldObject` answers any error (the update is
 * refused, or the controller's pods are).
 */
import fc from 'fast-check';
import { diffFails, diffTexts } from '../../server/src/cli/diff';
import { ourFindings, release137 } from './compare';
import { mutationArbitrary, seeds, toYaml, type Seed } from './manifests';
import type { Oracle } from './oracleClient';

export interface DiffPair {
  old: Seed;
  newText: string;
  edits: unknown;
  ours: boolean;
  theirs: boolean;
  /** Why the pair is not held to agreement, as in the create differential: NEW renames the set, is a fragment (our rules take it for a kustomize patch), or has a hash-dependent name. */
  excluded?: string;
  theirErrors: string[];
}

/** The seeds Kubernetes accepts as they are: the deployed versions. */
export async function acceptedSeeds(oracle: Oracle): Promise<Seed[]> {
  const all = seeds();
  const answers = await oracle.askAll(all.map((s) => ({ op: 'validate' as const, object: toYaml(s.object) })));
  return all.filter((s, i) => answers[i]?.errors.length === 0 && !answers[i]?.failure);
}

const hashDependent = (text: string) => /^ {2}name: [a-z0-9-]{53,62}$/m.test(text);

export async function compareDiffs(oracle: Oracle, accepted: readonly Seed[], seed: number, count: number): Promise<DiffPair[]> {
  const byName = new Map(accepted.map((s) => [s.name, s]));
  const cases = fc.sample(mutationArbitrary(accepted), { seed, numRuns: count });
  const answers = await oracle.askAll(cases.map((c) => ({
    op: 'validate' as const, object: c.text, oldObject: toYaml(byName.get(c.from?.seed ?? '')?.object ?? {}),
  })));
  return cases.map((c, i): DiffPair => {
    const old = byName.get(c.from?.seed ?? '') as Seed;
    const diffs = diffTexts(toYaml(old.object), c.text, 'file:///new.yaml', release137);
    const answer = answers[i];
    const theirErrors = (answer?.errors ?? []).map((e) => `${e.who} ${e.field}: ${e.type} ${e.detail}`);
    const excluded = diffs.length === 0 ? 'no deployed version (NEW renames the set or is no StatefulSet)'
      : ourFindings(c.text).fragment ? 'fragment'
      : /sts-ignore/.test(c.text) ? 'suppressed by a comment'
      : hashDependent(c.text) ? 'hash-dependent name length' : undefined;
    return {
      old, newText: c.text, edits: c.from?.edits, ours: diffFails(diffs), theirs: theirErrors.length > 0 || answer?.failure !== undefined,
      theirErrors: answer?.failure ? [answer.failure] : theirErrors, ...(excluded ? { excluded } : {}),
    };
  });
}
