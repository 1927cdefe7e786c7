import { asObject, dig } from '../../simulator/readFields';

/** The objects read from a cluster (or a saved `kubectl get ... -o yaml`), by kind. */
export interface LiveObjects {
  statefulSets: unknown[];
  pods: unknown[];
  claims: unknown[];
  revisions: unknown[];
  events: unknown[];
}

export function emptyLiveObjects(): LiveObjects {
  return { statefulSets: [], pods: [], claims: [], revisions: [], events: [] };
}

/**
 * Sorts objects by kind; a `List` (what `kubectl get a,b,c -o yaml` prints) is opened.
 * Anything else is ignored: a dump may hold other kinds.
 */
export function liveObjectsOf(documents: readonly unknown[]): LiveObjects {
  const out = emptyLiveObjects();
  const visit = (item: unknown, depth: number): void => {
    const kind = dig(item, 'kind');
    if (kind === 'List' || (typeof kind === 'string' && kind.endsWith('List'))) {
      const items = dig(item, 'items');
      if (Array.isArray(items) && depth < 3) for (const inner of items) visit(inner, depth + 1);
      return;
    }
    if (asObject(item) === undefined) return;
    if (kind === 'StatefulSet') out.statefulSets.push(item);
    else if (kind === 'Pod') out.pods.push(item);
    else if (kind === 'PersistentVolumeClaim') out.claims.push(item);
    else if (kind === 'ControllerRevision') out.revisions.push(item);
    else if (kind === 'Event') out.events.push(item);
  };
  for (const document of documents) visit(document, 0);
  return out;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function nameOf(object: unknown): string {
  return text(dig(object, 'metadata', 'name')) ?? '';
}

export function namespaceOf(object: unknown): string {
  return text(dig(object, 'metadata', 'namespace')) ?? 'default';
}

/** Whether the object names this set as its controlling owner. */
export function ownedBy(object: unknown, statefulSet: unknown): boolean {
  const uid = text(dig(statefulSet, 'metadata', 'uid'));
  return list(dig(object, 'metadata', 'ownerReferences')).some((ref) =>
    dig(ref, 'kind') === 'StatefulSet' && (uid !== undefined ? dig(ref, 'uid') === uid : dig(ref, 'name') === nameOf(statefulSet)));
}
