/**
 * The candidate nearest to what was typed, by edit distance (a swap of two neighbours counts
 * as one edit, so `--formt` finds `--format`), else a name that begins the typed one or that
 * the typed one begins (`--fix-all`: `--fix`); undefined when nothing is near enough to be a
 * likely typo.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const stem = (s: string): string => s.replace(/^-+/, '').toLowerCase();
  const allowed = stem(typed).length <= 3 ? 1 : Math.max(2, Math.floor(stem(typed).length / 3));
  if (best !== undefined && bestDistance <= allowed) return best;
  // A start of a known name (--max-unavailable), or a known name and more (--fix-all): the longest such.
  const prefixed = candidates
    .filter((c) => stem(typed).length >= 3 && stem(c).length >= 3 && (stem(c).startsWith(stem(typed)) || stem(typed).startsWith(stem(c))))
    .sort((a, b) => b.length - a.length);
  return prefixed[0];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, at(i - 2, j - 2) + 1);
      rows[i]![j] = distance;
    }
  }
  return at(a.length, b.length);
}
