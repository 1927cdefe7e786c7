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

/** The line break a text uses: CRLF when its first line ends with one. */
function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * One fix's edits made safe to send, for the text they were computed on (both found by fuzzing):
 * - In a CRLF file, new lines get CRLF too, and no edit starts or ends between `\r` and `\n`
 *   (the fixes find line ends with indexOf('\n')): such an edge moves before the `\r`.
 * - An editor rejects (or garbles) edits that intersect. Fixes build a removal of whole lines
 *   and an insertion of `\nnew lines` at the end of a map's last line independently; when that
 *   last line is the one removed, the insertion sits inside the removal. Inserting `\nX` just
 *   before a line break is the same as inserting `X\n` just after it, so it moves past it.
 * Undefined when edits still intersect: the fix is then not offered rather than offered broken.
 */
export function fitEdits(text: string, edits: readonly Edit[]): Edit[] | undefined {
  const eol = lineBreakOf(text);
  const outsideBreak = (offset: number): number => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);
  const adapted = eol === '\n' ? edits : edits.map((edit) => ({
    start: outsideBreak(edit.start), end: Math.max(outsideBreak(edit.end), outsideBreak(edit.start)), newText: edit.newText.replace(/\r?\n/g, eol),
  }));
  const moved = adapted.map((edit) => {
    const inside = edit.start === edit.end && adapted.some((other) => other !== edit && intersects(edit, other));
    return inside && text.startsWith(eol, edit.start) && edit.newText.startsWith(eol)
      ? { start: edit.start + eol.length, end: edit.start + eol.length, newText: `${edit.newText.slice(eol.length)}${eol}` }
      : edit;
  });
  return moved.some((edit, i) => moved.some((other, j) => i < j && intersects(edit, other))) ? undefined : moved;
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

/** Edits moved by `by` characters: from a document's offsets to its file's, or back. */
export function shiftEdits(edits: readonly Edit[], by: number): Edit[] {
  return edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by }));
}
