/** A repaired text and the way back from its offsets to the original's. */
export interface Repaired {
  text: string;
  toOriginal: (offset: number) => number;
}

const opensQuote = /^( *)(?:- +)?[^\s#'"][^#]*?: +(['"])/;

/** Index just past the closing quote on `line` from `from`, or -1 when the scalar goes on. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/**
 * go-yaml accepts a multi-line quoted scalar whose continuation lines are indented no
 * deeper than its key (real manifests in the Kubernetes repository do this); the `yaml`
 * library does not. Indent such lines just enough, which leaves the scalar's value unchanged
 * (line folding drops leading spaces). Returns undefined when nothing needed repair.
 */
export function repairLenientQuotes(text: string): Repaired | undefined {
  const lines = text.split('\n');
  const insertions: { at: number; count: number }[] = [];
  let offset = 0;
  let open: { quote: string; indent: number } | undefined;
  for (const line of lines) {
    if (open) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent <= open.indent) insertions.push({ at: offset, count: open.indent + 1 - indent });
      if (closingQuote(line, 0, open.quote) >= 0) open = undefined;
    } else {
      const match = opensQuote.exec(line);
      if (match && closingQuote(line, match[0].length, match[2] ?? "'") < 0) {
        open = { quote: match[2] ?? "'", indent: (match[1] ?? '').length };
      }
    }
    offset += line.length + 1;
  }
  if (insertions.length === 0) return undefined;
  let repaired = '';
  let last = 0;
  for (const { at, count } of insertions) {
    repaired += text.slice(last, at) + ' '.repeat(count);
    last = at;
  }
  repaired += text.slice(last);
  return { text: repaired, toOriginal: (offset) => mapBack(insertions, offset) };
}

function mapBack(insertions: readonly { at: number; count: number }[], offset: number): number {
  let shift = 0;
  for (const { at, count } of insertions) {
    const repairedStart = at + shift;
    if (offset < repairedStart) break;
    if (offset < repairedStart + count) return at;
    shift += count;
  }
  return offset - shift;
}
