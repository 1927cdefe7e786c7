import { isSeq, type Node as YamlNode } from 'yaml';
import { columnOf, flowText, lineEnd, type Edit, type Rendered } from './yamlText';

/** Appends an item to a sequence (block or flow), in its own style and indentation. */
export function insertIntoSequence(text: string, sequence: YamlNode, item: Rendered): Edit[] | undefined {
  if (!isSeq(sequence) || !sequence.range) return undefined;
  const last = sequence.items[sequence.items.length - 1] as YamlNode | undefined;
  const lastEnd = last?.range?.[1];
  if (sequence.flow || lastEnd === undefined) {
    const at = lastEnd ?? sequence.range[0] + 1;
    return [{ start: at, end: at, newText: `${lastEnd === undefined ? '' : ', '}${flowText(item)}` }];
  }
  const dash = columnOf(text, sequence.range[0]);
  const content = last?.range ? columnOf(text, last.range[0]) : dash + 2;
  const lines = renderItem(item, content - dash);
  const end = lineEnd(text, lastEnd - 1);
  return [{ start: end, end, newText: `\n${lines.map((line, i) => (i === 0 ? ' '.repeat(dash) + '- ' + ' '.repeat(Math.max(content - dash - 2, 0)) : ' '.repeat(content)) + line).join('\n')}` }];
}

/** An item's lines without their indentation; nested maps indent by `step`. */
function renderItem(item: Rendered, step: number): string[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return [flowText(item)];
  const lines: string[] = [];
  const walk = (value: Record<string, unknown>, depth: number): void => {
    for (const [key, child] of Object.entries(value)) {
      const pad = ' '.repeat(depth * Math.max(step, 2));
      if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
        lines.push(`${pad}${key}:`);
        walk(child as Record<string, unknown>, depth + 1);
      } else {
        lines.push(`${pad}${key}: ${flowText(child as Rendered)}`);
      }
    }
  };
  walk(item, 0);
  return lines;
}
