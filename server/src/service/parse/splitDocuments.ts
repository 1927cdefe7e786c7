/** A document's text and where it starts in the file. */
export interface Chunk {
  offset: number;
  text: string;
}

/** YAML's line breaks, which are also LSP's: `\n`, `\r\n` and a lone `\r` (not U+2028 or U+2029). */
function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * The next `---` or `...` (`mark`) from `from` that starts a line and is followed by a blank
 * or a line end. `indexOf` jumps from candidate to candidate; a multiline regex tried every
 * line of a 165,000-line file on each keystroke.
 */
function nextSeparator(text: string, mark: string, from: number): number {
  for (let at = text.indexOf(mark, from); at >= 0; at = text.indexOf(mark, at + 1)) {
    if (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) continue;
    const next = text.charCodeAt(at + 3);
    if (at + 3 >= text.length || next === 32 || next === 9 || isLineBreak(next)) return at;
  }
  return -1;
}

/** Where the line after the one holding `from` starts (the text's end on its last line). */
function nextLine(text: string, from: number): number {
  let at = from;
  while (at < text.length && !isLineBreak(text.charCodeAt(at))) at++;
  if (at === text.length) return at;
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
}

/**
 * Splits a multi-document YAML file at `---` / `...` lines, without parsing, so that each
 * document can be parsed and cached on its own. The separator line stays with the document
 * it opens (a `--- # comment` or `--- !tag` belongs to it).
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let dashes = nextSeparator(text, '---', 0);
  let dots = nextSeparator(text, '...', 0);
  while (dashes >= 0 || dots >= 0) {
    const isDots = dots >= 0 && (dashes < 0 || dots < dashes);
    const at = isDots ? dots : dashes;
    if (isDots) dots = nextSeparator(text, '...', at + 3);
    else dashes = nextSeparator(text, '---', at + 3);
    if (at > start) chunks.push({ offset: start, text: text.slice(start, at) });
    start = at;
    if (isDots) {
      const next = nextLine(text, at);
      chunks.push({ offset: at, text: text.slice(at, next) });
      start = next;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ offset: start, text: text.slice(start) });
  return chunks;
}
