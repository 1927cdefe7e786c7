import type { Edit } from './yamlText';
import { lineStart } from './yamlText';

const existingMarker = /^(\s*#\s*sts-ignore\b)([^#\n]*)$/;

/**
 * Silences one rule at one place: a `# sts-ignore <rule>` line above the finding's line,
 * at its indentation; when that line is already such a comment, the rule joins its list.
 */
export function ignoreRuleEdit(text: string, offset: number, rule: string): Edit {
  const start = lineStart(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
  if (start > 0) {
    const previousStart = lineStart(text, start - 1);
    const previous = text.slice(previousStart, start - 1).replace(/\r$/, '');
    const match = existingMarker.exec(previous);
    const ids = match?.[2]?.trim();
    if (match && ids) {
      const end = previousStart + previous.length;
      return { start: end, end, newText: `, ${rule}` };
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, newText: `${indent}# sts-ignore ${rule}${eol}` };
}
