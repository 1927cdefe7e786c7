import type { Finding } from './model';
import { LineIndex } from './parse/lineIndex';

const marker = /#\s*sts-ignore(?![-\w])([^#\n]*)/;

/** The rule ids a line's `# sts-ignore id, id` comment names; empty set = every rule. */
function ignoredOn(line: string): Set<string> | undefined {
  const match = marker.exec(line);
  if (!match) return undefined;
  return new Set((match[1] ?? '').split(/[\s,]+/).filter(Boolean));
}

/**
 * Drops the findings that a `# sts-ignore [rule…]` comment silences, on the finding's own
 * line or the line above it. A pure filter: the rules never see comments.
 */
export function applySuppressions(text: string, findings: readonly Finding[], lines = new LineIndex(text)): Finding[] {
  if (!text.includes('sts-ignore')) return [...findings];
  const lineText = (n: number): string => {
    if (n < 0) return '';
    const start = lines.offsetAt({ line: n, character: 0 });
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end);
  };
  return findings.filter((finding) => {
    const line = lines.positionAt(finding.start).line;
    return ![lineText(line), lineText(line - 1)].some((candidate) => {
      const ids = ignoredOn(candidate);
      return ids !== undefined && (ids.size === 0 || ids.has(finding.rule));
    });
  });
}
