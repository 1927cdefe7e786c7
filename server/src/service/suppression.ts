import type { Finding } from './model';

const marker = /#\s*sts-ignore(?![-\w])([^#\n]*)/;

/** The rule ids a line's `# sts-ignore id, id` comment names; empty set = every rule. */
function ignoredOn(line: string): Set<string> | undefined {
  const match = marker.exec(line);
  if (!match) return undefined;
  return new Set((match[1] ?? '').split(/[\s,]+/).filter(Boolean));
}

const isBreak = (code: number): boolean => code === 10 || code === 13;

/** Where the line holding `offset` starts (`\n`, `\r\n` and `\r` end lines, as for LineIndex). */
function lineStartOf(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  if (text.charCodeAt(at) === 10 && text.charCodeAt(at - 1) === 13) at--; // between \r and \n: still the line they end
  while (at > 0 && !isBreak(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the line before the one starting at `start` starts. */
function previousLineStart(text: string, start: number): number {
  const breakLength = text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 ? 2 : 1;
  return lineStartOf(text, start - breakLength);
}

function lineFrom(text: string, start: number): string {
  let end = start;
  while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/**
 * Drops the findings that a `# sts-ignore [rule…]` comment silences, on the finding's own
 * line or the line above it. A pure filter: the rules never see comments.
 * Reads only the two lines around each finding, in the text of the finding's document.
 */
export function applySuppressions(text: string, findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => {
    const start = lineStartOf(text, finding.start);
    const above = start === 0 ? '' : lineFrom(text, previousLineStart(text, start));
    return ![lineFrom(text, start), above].some((candidate) => {
      const ids = ignoredOn(candidate);
      return ids !== undefined && (ids.size === 0 || ids.has(finding.rule));
    });
  });
}
