/**
 * A Helm template read line by line, to tell which line wrote a rendered line: each line's
 * literal text becomes a pattern (its `{{ }}` actions match anything), and a line that is only
 * actions is either control (`if`, `end`, `range`, assignments, comments: writes nothing itself)
 * or output (`include`, `toYaml`, a value: writes lines no pattern can predict).
 * This reads the template's text only; rendering is Helm's, never ours.
 */
export interface TemplateLine {
  /** Zero-based line in the template file, and where its text starts and ends (offsets of the file). */
  line: number;
  start: number;
  end: number;
  /** Matches the rendered line it writes; undefined for a line that is only actions or blank. */
  pattern: RegExp | undefined;
  /** The pattern with the indentation left out, for helper bodies (`nindent` moves them). */
  loosePattern: RegExp | undefined;
  /** Only actions, and at least one writes output. */
  output: boolean;
  /** The actions' text on this line (without the braces). */
  actions: string[];
  /** The named templates it includes (`include "x"`, `template "x"`). */
  includes: string[];
}

const control = /^-?\s*(?:\/\*|if\b|else\b|end\b|range\b|with\b|define\b|\$[\w]*\s*:?=|break\b|continue\b)/;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every `{{ ... }}` of the text, as [start, end) offsets (a comment or string may span lines). */
function actionsOf(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at)) {
    const close = text.indexOf('}}', at + 2);
    if (close < 0) break;
    found.push([at, close + 2]);
    at = close + 2;
  }
  return found;
}

export function templateLines(text: string): TemplateLine[] {
  const actions = actionsOf(text);
  const lines: TemplateLine[] = [];
  let next = 0;
  for (let start = 0, line = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    while (next < actions.length && actions[next]![1] <= start) next++;
    // Pieces of this line: literal text and the actions that touch it.
    const literal: string[] = [];
    const lineActions: string[] = [];
    let output = false;
    let cursor = start;
    for (let i = next; i < actions.length && actions[i]![0] < end; i++) {
      const [a, b] = actions[i]!;
      if (a > cursor) literal.push(text.slice(cursor, a));
      literal.push('\u0000');
      const inner = text.slice(a + 2, b - 2).trim();
      lineActions.push(inner);
      if (!control.test(inner)) output = true;
      cursor = Math.max(cursor, b);
    }
    if (cursor < end) literal.push(text.slice(cursor, end));
    const body = literal.join('');
    const hasLiteral = body.replace(/\u0000/g, '').trim() !== '';
    const source = (piece: string): string => piece.split('\u0000').map((part, i, all) => {
      // Whitespace next to an action may be trimmed by `{{-` / `-}}`.
      let p = escape(part);
      if (i < all.length - 1) p = p.replace(/\s+$/, '\\s*');
      if (i > 0) p = p.replace(/^\s+/, '\\s*');
      return p;
    }).join('.*?');
    lines.push({
      line, start, end,
      pattern: hasLiteral ? new RegExp(`^${source(body.replace(/\s+$/, ''))}\\s*$`) : undefined,
      loosePattern: hasLiteral ? new RegExp(`^\\s*${source(body.trim())}\\s*$`) : undefined,
      output: !hasLiteral && output,
      actions: lineActions,
      includes: lineActions.flatMap((a) => [...a.matchAll(/\b(?:include|template)\s+"([^"]+)"/g)].map((m) => m[1]!)),
    });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** The lines of each `{{ define "name" }}` body in a helpers text. */
export function definesOf(lines: readonly TemplateLine[]): Map<string, TemplateLine[]> {
  const defines = new Map<string, TemplateLine[]>();
  let current: TemplateLine[] | undefined;
  let depth = 0;
  for (const line of lines) {
    for (const action of line.actions) {
      const define = /^-?\s*define\s+"([^"]+)"/.exec(action);
      if (define) {
        current = [];
        depth = 0;
        defines.set(define[1]!, current);
        continue;
      }
      if (!current) continue;
      if (/^-?\s*(?:if|range|with|block)\b/.test(action)) depth++;
      else if (/^-?\s*end\b/.test(action)) {
        if (depth === 0) current = undefined;
        else depth--;
      }
    }
    if (current && !line.actions.some((a) => /^-?\s*define\s/.test(a))) current.push(line);
  }
  return defines;
}
