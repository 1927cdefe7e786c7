import type { ObjectPath, Span } from '../../model';
import type { KustomizationText } from './kustomizationPatches';
import { align } from './yamlPaths';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The span of a kustomization's field at `path` (its key to the end of its value), when it is there. */
function at(k: KustomizationText, path: ObjectPath): Span | undefined {
  const found = align(k.root, k.value, path, k.value);
  return found?.complete ? found.span : undefined;
}

const labelParents = new Set(['labels', 'matchLabels', 'annotations']);

/**
 * The line of a kustomization that one of its built-in transformers wrote a built value from:
 * `namespace:`, `namePrefix:`/`nameSuffix:`, a `commonLabels`/`labels` pair, a `commonAnnotations`
 * pair, a `replicas:` count, an `images:` entry. Only when the built value is the one written there.
 */
export function transformerField(k: KustomizationText, kind: string, path: ObjectPath, built: unknown, builtName: string): Span | undefined {
  const v = k.value;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (kind) {
    case 'NamespaceTransformer':
      return last === 'namespace' && path.length === 2 && path[0] === 'metadata' && v['namespace'] === built ? at(k, ['namespace']) : undefined;
    case 'PrefixTransformer':
      return path.join('.') === 'metadata.name' && typeof v['namePrefix'] === 'string' && typeof built === 'string' && built.startsWith(v['namePrefix']) ? at(k, ['namePrefix']) : undefined;
    case 'SuffixTransformer':
      return path.join('.') === 'metadata.name' && typeof v['nameSuffix'] === 'string' && typeof built === 'string' && built.endsWith(v['nameSuffix']) ? at(k, ['nameSuffix']) : undefined;
    case 'LabelTransformer': {
      if (typeof last !== 'string' || typeof parent !== 'string' || !labelParents.has(parent)) return undefined;
      if (isRecord(v['commonLabels']) && v['commonLabels'][last] === built) return at(k, ['commonLabels', last]);
      const labels = Array.isArray(v['labels']) ? v['labels'] : [];
      for (let i = labels.length - 1; i >= 0; i--) {
        const pairs = isRecord(labels[i]) ? (labels[i] as Record<string, unknown>)['pairs'] : undefined;
        if (isRecord(pairs) && pairs[last] === built) return at(k, ['labels', i, 'pairs', last]);
      }
      return undefined;
    }
    case 'AnnotationsTransformer':
      return typeof last === 'string' && parent === 'annotations' && isRecord(v['commonAnnotations']) && v['commonAnnotations'][last] === built
        ? at(k, ['commonAnnotations', last]) : undefined;
    case 'ReplicaCountTransformer': {
      if (path.join('.') !== 'spec.replicas' || !Array.isArray(v['replicas'])) return undefined;
      const i = v['replicas'].findIndex((r: unknown) => isRecord(r) && typeof r['name'] === 'string' && builtName.includes(r['name']) && r['count'] === built);
      return i >= 0 ? at(k, ['replicas', i, 'count']) : undefined;
    }
    case 'ImageTagTransformer': {
      if (last !== 'image' || typeof built !== 'string' || !Array.isArray(v['images'])) return undefined;
      const i = v['images'].findIndex((e: unknown) => isRecord(e) && (
        (typeof e['newTag'] === 'string' && built.endsWith(`:${e['newTag']}`))
        || (typeof e['digest'] === 'string' && built.endsWith(`@${e['digest']}`))
        || (typeof e['newName'] === 'string' && built.startsWith(e['newName']))));
      return i >= 0 ? at(k, ['images', i]) : undefined;
    }
    default:
      return undefined;
  }
}
