import type { Edit } from './yamlText';

/** Whether two edits change the same text. */
function intersects(a: Edit, b: Edit): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether two fixes' edits collide: they intersect, or touch at a point where their order would be a guess. */
function overlaps(a: Edit, b: Edit): boolean {
  return intersects(a, b) || a.start === b.start || a.start === b.end || a.end === b.start;
}

/** Groups of edits (one per fix), keeping each group whole or not at all, none overlapping an earlier one. */
export function withoutOverlaps(groups: readonly Edit[][]): Edit[][] {
  const taken: Edit[] = [];
  const kept: Edit[][] = [];
  for (const group of groups) {
    if (group.length === 0 || group.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    if (group.some((edit, i) => group.some((other, j) => i < j && intersects(edit, other)))) continue;
    taken.push(...group);
    kept.push(group);
  }
  return kept;
}

/** The text with non-overlapping edits applied (offsets refer to the original text). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}
