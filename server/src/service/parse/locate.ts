import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { ObjectPath, Span, Target } from '../model';

function spanOf(node: YamlNode | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: Math.max(range[1], range[0]) } : undefined;
}

function findPair(map: YamlNode, key: string): Pair<YamlNode, YamlNode> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<YamlNode, YamlNode>;
  }
  return undefined;
}

/**
 * The span of the node at `path` below `root`: its key or its value. When the path does
 * not exist (a missing field), the span of the key of its deepest existing ancestor, so
 * the problem is shown where the field should be added.
 */
export function locate(root: YamlNode, path: ObjectPath, target: Target): Span {
  let node: YamlNode | undefined = root;
  let keySpan: Span | undefined;
  let found = 0;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      const item: unknown = node.items[segment];
      if (!item || typeof item !== 'object') break;
      node = item as YamlNode;
      keySpan = spanOf(node);
    } else {
      const pair: Pair<YamlNode, YamlNode> | undefined = node ? findPair(node, String(segment)) : undefined;
      if (!pair) break;
      keySpan = spanOf(pair.key);
      node = pair.value ?? undefined;
      if (!node) {
        found++;
        break;
      }
    }
    found++;
  }
  const complete = found === path.length;
  const valueSpan = complete ? spanOf(node) : undefined;
  const chosen = complete && target === 'value' ? (valueSpan ?? keySpan) : keySpan;
  return chosen ?? spanOf(findPair(root, 'kind')?.key) ?? { start: root.range?.[0] ?? 0, end: root.range?.[0] ?? 0 };
}
