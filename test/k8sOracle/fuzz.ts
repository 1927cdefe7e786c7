/**
 * The long differential run, on demand: `npm run fuzz:k8s -- [--minutes 5] [--seed N] [--batch 2000] [--scenarios 400] [--creations 200]`.
 * Each round (seeds base, base+1, ...) compares a batch of seeded manifest mutations with the
 * oracle's validation, and a batch of random scenarios and one of sets with names near the
 * limits with the oracle's controller, until the time is up; prints each round's figures, the
 * totals, and every disagreement with a minimal reproducer and its seed. Exits 1 when anything disagreed or the oracle failed.
 */
import { performance } from 'node:perf_hooks';
import { describe, runDifferential, summary, withReproducers } from './differential';
import { buildOracle, Oracle } from './oracleClient';
import { compareCreations } from './creationCases';
import { compareScenarios } from './scenarios';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const minutes = Number(option('--minutes') ?? 5);
const baseSeed = Number(option('--seed') ?? (Date.now() % 0x7fffffff));
const batch = Number(option('--batch') ?? 2000);
const scenarioBatch = Number(option('--scenarios') ?? 400);
const creationBatch = Number(option('--creations') ?? 200);

async function main(): Promise<void> {
  const deadline = performance.now() + minutes * 60_000;
  const oracle = new Oracle(buildOracle());
  const started = performance.now();
  let compared = 0, verdictAgree = 0, bothError = 0, pathAgree = 0, failures = 0, disagreements = 0;
  let scenarios = 0, aspects = 0, aspectsAgree = 0, creations = 0;
  for (let i = 0; performance.now() < deadline; i++) {
    const seed = baseSeed + i;
    const r = await runDifferential(oracle, seed, batch, i === 0);
    compared += r.compared; verdictAgree += r.verdictAgree; bothError += r.bothError; pathAgree += r.pathAgree; failures += r.failures.length;
    console.log(summary(r));
    for (const f of r.failures) console.log(`FAILURE ${f.manifest.name}: ${f.failure}\n${f.manifest.text}`);
    const found = await withReproducers(oracle, r.verdictDisagreements, 'verdict', 5);
    disagreements += found.length;
    for (const d of found.slice(0, 5)) console.log(describe(d, seed));
    for (const s of await compareScenarios(oracle, seed, scenarioBatch)) {
      scenarios++;
      if (s.failure) { failures++; console.log(`SCENARIO FAILURE (seed ${seed}) ${JSON.stringify(s.scenario)}: ${s.failure}`); continue; }
      for (const a of s.aspects) {
        aspects++;
        if (a.ours === a.theirs) { aspectsAgree++; continue; }
        disagreements++;
        console.log(`SIMULATOR ${a.name} (seed ${seed}) ${JSON.stringify(s.scenario)}\n  simulator:  ${a.ours}\n  controller: ${a.theirs}`);
      }
    }
    for (const c of await compareCreations(oracle, seed, creationBatch)) {
      creations++;
      if (c.failure) { failures++; console.log(`CREATION FAILURE (seed ${seed}) ${JSON.stringify(c.creation)}: ${c.failure}`); continue; }
      for (const a of c.aspects) {
        aspects++;
        if (a.ours === a.theirs) { aspectsAgree++; continue; }
        disagreements++;
        console.log(`CREATION ${a.name} (seed ${seed}) ${JSON.stringify(c.creation)}\n  simulator:  ${a.ours}\n  controller: ${a.theirs}`);
      }
    }
  }
  await oracle.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\nbase seed ${baseSeed}: ${compared} manifests in ${seconds} s; error/no-error agree ${verdictAgree}/${compared}; paths agree ${pathAgree}/${bothError}; ${failures} oracle failures`);
  console.log(`${scenarios} scenarios and ${creations} creations: ${aspectsAgree}/${aspects} aspects agree, ${aspects - aspectsAgree} disagree`);
  process.exit(disagreements || failures ? 1 : 0);
}

void main();
