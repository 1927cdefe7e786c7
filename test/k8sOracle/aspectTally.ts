/** One aspect of a case, as the simulator and as the controller answered it. */
export interface ComparedAspect {
  name: string;
  ours: string;
  theirs: string;
}

export interface AspectTally {
  /** Per aspect name: [agreed, compared]. */
  counts: Map<string, [number, number]>;
  /** Each disagreement with its case and seed, as a reader replays it. */
  disagreements: string[];
}

/** Tallies the aspects of every case (a scenario or a creation) and describes each disagreement. */
export function tallyAspects<Result extends { aspects: readonly ComparedAspect[] }>(results: readonly Result[], caseOf: (result: Result) => unknown, seed: number): AspectTally {
  const counts = new Map<string, [number, number]>();
  const disagreements: string[] = [];
  for (const r of results) {
    for (const a of r.aspects) {
      const tally = counts.get(a.name) ?? [0, 0];
      tally[1]++;
      if (a.ours === a.theirs) tally[0]++;
      else disagreements.push(`${a.name} (seed ${seed}) ${JSON.stringify(caseOf(r))}\n  simulator:  ${a.ours || '(none)'}\n  controller: ${a.theirs || '(none)'}`);
      counts.set(a.name, tally);
    }
  }
  return { counts, disagreements };
}

/** "create 300/300, update 280/280": the counts as a log line. */
export function countsLine(counts: AspectTally['counts']): string {
  return [...counts].map(([k, [a, n]]) => `${k} ${a}/${n}`).join(', ');
}
