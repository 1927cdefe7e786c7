/** A document's text and where it starts in the file. */
export interface Chunk {
  offset: number;
  text: string;
}

const separator = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Splits a multi-document YAML file at `---` / `...` lines, without parsing, so that each
 * document can be parsed and cached on its own. The separator line stays with the document
 * it opens (a `--- # comment` or `--- !tag` belongs to it).
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    const at = match.index ?? 0;
    if (at > start) chunks.push({ offset: start, text: text.slice(start, at) });
    start = at;
    if (match[1] === '...') {
      const lineEnd = text.indexOf('\n', at);
      const next = lineEnd < 0 ? text.length : lineEnd + 1;
      chunks.push({ offset: at, text: text.slice(at, next) });
      start = next;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ offset: start, text: text.slice(start) });
  return chunks;
}
