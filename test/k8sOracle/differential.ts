/**
 * One differential run: the manifests (fixed ones and `mutationCount` seeded mutations) each
 * checked by our rules and by the oracle; counts, and each disagreement with a reproducer
 * made minimal by dropping the edits it does not need.
 */
import { applyEdits, type Edit } from './edits';
import { compare, type Comparison } from './compare';
import { fixedManifests, mutations, seeds, toYaml, type Manifest } from './manifests';
import type { Oracle } from './oracleClient';

export interface Disagreement {
  manifest: Manifest;
  comparison: Comparison;
  /** The fewest edits of the seed that still disagree. */
  minimal?: { seed: string; edits: Edit[]; text: string };
}

export interface RunResult {
  seed: number;
  compared: number;
  excluded: Record<string, number>;
  verdictAgree: number;
  /** Manifests where both say error, and of those, where every refusal's path is matched. */
  bothError: number;
  pathAgree: number;
  oursErrors: number;
  theirsErrors: number;
  verdictDisagreements: Disagreement[];
  pathDisagreements: Disagreement[];
  failures: { manifest: Manifest; failure: string }[];
}

const seedObjects = new Map<string, unknown>();

async function minimize(oracle: Oracle, manifest: Manifest, disagrees: (c: Comparison) => boolean): Promise<Disagreement['minimal']> {
  if (!manifest.from) return undefined;
  if (seedObjects.size === 0) for (const s of seeds()) seedObjects.set(s.name, s.object);
  const object = seedObjects.get(manifest.from.seed);
  if (!object) return undefined;
  let edits = manifest.from.edits;
  for (let i = edits.length - 1; i >= 0 && edits.length > 1; i--) {
    const fewer = edits.filter((_, j) => j !== i);
    const text = toYaml(applyEdits(object, fewer));
    if (disagrees(compare(text, await oracle.ask({ object: text })))) edits = fewer;
  }
  return { seed: manifest.from.seed, edits, text: toYaml(applyEdits(object, edits)) };
}

export async function runDifferential(oracle: Oracle, seed: number, mutationCount: number, withFixed = true): Promise<RunResult> {
  const all = seeds();
  const manifests = [...(withFixed ? fixedManifests() : []), ...mutations(all, seed, mutationCount)];
  const answers = await oracle.askAll(manifests.map((m) => ({ object: m.text })));
  const result: RunResult = { seed, compared: 0, excluded: {}, verdictAgree: 0, bothError: 0, pathAgree: 0, oursErrors: 0, theirsErrors: 0,
    verdictDisagreements: [], pathDisagreements: [], failures: [] };
  for (const [i, manifest] of manifests.entries()) {
    const answer = answers[i] ?? { errors: [], failure: 'no answer' };
    if (answer.failure) { result.failures.push({ manifest, failure: answer.failure }); continue; }
    const comparison = compare(manifest.text, answer);
    if (comparison.excluded) { result.excluded[comparison.excluded] = (result.excluded[comparison.excluded] ?? 0) + 1; continue; }
    result.compared++;
    if (comparison.oursError) result.oursErrors++;
    if (comparison.theirsError) result.theirsErrors++;
    if (comparison.verdictAgrees) result.verdictAgree++;
    else result.verdictDisagreements.push({ manifest, comparison });
    if (comparison.oursError && comparison.theirsError) {
      result.bothError++;
      if (comparison.pathAgrees) result.pathAgree++;
      else result.pathDisagreements.push({ manifest, comparison });
    }
  }
  return result;
}

/** Adds minimal reproducers to the first `limit` disagreements. */
export async function withReproducers(oracle: Oracle, found: Disagreement[], kind: 'verdict' | 'path', limit = 20): Promise<Disagreement[]> {
  const disagrees = (c: Comparison) => (kind === 'verdict' ? !c.verdictAgrees : !c.pathAgrees) && !c.excluded;
  for (const d of found.slice(0, limit)) d.minimal = await minimize(oracle, d.manifest, disagrees);
  return found;
}

/** A disagreement as a reader can replay it. */
export function describe(d: Disagreement, seed: number): string {
  const c = d.comparison;
  const lines = [
    `--- ${d.manifest.name} (mutation seed ${seed})`,
    `ours: ${c.ours.filter((f) => f.severity === 'error').map((f) => `${f.rule} at ${f.path}`).join('; ') || 'no error'}`,
    `kubernetes: ${c.theirs.map((e) => `[${e.who}] ${e.field}: ${e.type} ${e.detail}`).join('; ') || 'accepted'}`,
  ];
  if (c.unmatched.length && c.oursError && c.theirsError) lines.push(`unmatched: ${c.unmatched.map((e) => e.field).join(', ')}`);
  if (d.minimal) lines.push(`minimal: seed object "${d.minimal.seed}" with edits ${JSON.stringify(d.minimal.edits)}`, d.minimal.text);
  else lines.push(d.manifest.text);
  return lines.join('\n');
}

export function summary(r: RunResult): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(2)}%` : 'n/a');
  return `seed ${r.seed}: ${r.compared} compared (${Object.entries(r.excluded).map(([k, v]) => `${v} ${k}`).join(', ') || 'none'} excluded), `
    + `error/no-error agree ${r.verdictAgree}/${r.compared} (${pct(r.verdictAgree, r.compared)}), `
    + `paths agree ${r.pathAgree}/${r.bothError} (${pct(r.pathAgree, r.bothError)}); ours error ${r.oursErrors}, kubernetes error ${r.theirsErrors}; oracle failures ${r.failures.length}`;
}
