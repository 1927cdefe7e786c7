/**
 * A deterministic sweep, on demand: `node --import tsx test/k8sOracle/sweep.ts`. Every field
 * path of the seeds (list indices folded, so `containers[0]` and `containers[1]` count once;
 * each on a seed Kubernetes accepts where one has it), set to every value the mutations use and
 * deleted, one edit at a time, compared with Kubernetes. The random run finds a class when it
 * happens to draw its path and value; this visits each pair once. Prints each error/no-error
 * disagreement and exits 1 when there is any.
 */
import { Oracle, buildOracle } from './oracleClient';
import { compare } from './compare';
import { allPaths, applyEdits, formatPath, type Edit } from './edits';
import { nastyValues, seeds, toYaml } from './manifests';

const folded = (path: readonly (string | number)[]): string => path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
async function main(): Promise<void> {
  const oracle = new Oracle(buildOracle());
  // Each path is swept on the first seed that has it, taking first the seeds Kubernetes accepts
  // as they are: on a refused seed an edit that should be refused changes no verdict.
  const all = seeds();
  const verdicts = await oracle.askAll(all.map((seed) => ({ object: toYaml(seed.object) })));
  const accepted = (i: number): boolean => !verdicts[i]?.failure && (verdicts[i]?.errors.length ?? 1) === 0;
  const ordered = [...all.filter((_, i) => accepted(i)), ...all.filter((_, i) => !accepted(i))];
  const jobs: { seed: string; edit: Edit; text: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const seed of ordered) {
    for (const path of allPaths(seed.object)) {
      if (path[0] === 'apiVersion' || path[0] === 'kind') continue;
      const key = folded(path);
      if (seen.has(key)) continue;
      seen.add(key);
      const edits: [Edit, string][] = [...nastyValues, { unknown: null }].map((value) => [{ op: 'set', path: formatPath(path), value }, `${key} = ${JSON.stringify(value)}`]);
      edits.push([{ op: 'delete', path: formatPath(path) }, `${key} deleted`]);
      for (const [edit, name] of edits) jobs.push({ seed: seed.name, edit, text: toYaml(applyEdits(seed.object, [edit])), key: name });
    }
  }
  let compared = 0;
  const found: string[] = [];
  for (let i = 0; i < jobs.length; i += 2000) {
    const batch = jobs.slice(i, i + 2000);
    const answers = await oracle.askAll(batch.map((j) => ({ object: j.text })));
    batch.forEach((job, k) => {
      const answer = answers[k];
      if (!answer || answer.failure) return;
      const c = compare(job.text, answer);
      if (c.excluded) return;
      compared++;
      if (!c.verdictAgrees) found.push(`${job.key} (on ${job.seed})\n  ours: ${c.ours.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`).join('; ') || 'no error'}\n  kubernetes: ${c.theirs.map((e) => `${e.field}: ${e.type} ${e.detail}`).join('; ') || 'no error'}`);
    });
    process.stdout.write(`${Math.min(i + 2000, jobs.length)}/${jobs.length} compared, ${found.length} disagree\n`);
}
await oracle.close();
console.log(`\n${seen.size} distinct paths, ${compared} manifests compared, ${found.length} disagree`);
for (const f of found) console.log(f);
process.exit(found.length ? 1 : 0);
}

void main();
