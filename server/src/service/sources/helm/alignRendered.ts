import type { TemplateLine } from './templateLines';

/** Which template line wrote a rendered line, and through which `include` when a helper did. */
export interface LineOrigin {
  /** The file (a template or helpers file) and its line. */
  file: string;
  line: TemplateLine;
  /** The template line that included the helper, when `line` is a helper's. */
  includedBy?: { file: string; line: TemplateLine };
}

/** The named templates of a chart (and its subcharts): name -> body lines, with their file. */
export type Defines = ReadonlyMap<string, { file: string; lines: readonly TemplateLine[] }>;

/**
 * Aligns a rendered document with the template that wrote it, line by line. A rendered line
 * that matches a template line's literal text is that line's (searching forward first, then
 * from the top again: a `range` writes the same lines once per item); a line no literal
 * predicts came from an action: the helper body line it matches when an `include` wrote it,
 * else the line whose action wrote it.
 */
export function alignRendered(file: string, template: readonly TemplateLine[], rendered: string, defines: Defines): LineOrigin[] {
  const origins: LineOrigin[] = [];
  let position = 0;
  /** The last template line that wrote something, and the helper body read through it. */
  let last: TemplateLine | undefined;
  let helper: { file: string; lines: readonly TemplateLine[]; at: number } | undefined;
  for (const text of rendered.split('\n')) {
    const found = findFrom(template, position, text) ?? findFrom(template, 0, text, position);
    if (found !== undefined) {
      const line = template[found]!;
      last = line;
      position = found + 1;
      helper = includedHelper(line, defines);
      origins.push({ file, line });
      continue;
    }
    // Written by an action: the output line that follows the last anchor, or the anchor itself.
    if (!last || !last.actions.some((a) => !/^-?\s*(?:if|else|end|range|with)\b/.test(a))) {
      const output = template.slice(position).find((l) => l.output || l.pattern);
      if (output?.output) {
        last = output;
        position = template.indexOf(output) + 1;
        helper = includedHelper(output, defines);
      }
    }
    const writer = last ?? template[0]!;
    const inHelper = helper && matchHelper(helper, text);
    origins.push(inHelper ? { file: helper!.file, line: inHelper, includedBy: { file, line: writer } } : { file, line: writer });
  }
  return origins;
}

function findFrom(template: readonly TemplateLine[], from: number, text: string, until = template.length): number | undefined {
  for (let i = from; i < until; i++) if (template[i]!.pattern?.test(text)) return i;
  return undefined;
}

function includedHelper(line: TemplateLine, defines: Defines): { file: string; lines: readonly TemplateLine[]; at: number } | undefined {
  for (const name of line.includes) {
    const define = defines.get(name);
    if (define) return { ...define, at: 0 };
  }
  return undefined;
}

/** The helper body line a rendered line matches, reading the body forward (then from its top). */
function matchHelper(helper: { lines: readonly TemplateLine[]; at: number }, text: string): TemplateLine | undefined {
  const { lines } = helper;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = pass === 0 ? helper.at : 0; i < (pass === 0 ? lines.length : helper.at); i++) {
      if (lines[i]!.loosePattern?.test(text)) {
        helper.at = i + 1;
        return lines[i];
      }
    }
  }
  return undefined;
}
