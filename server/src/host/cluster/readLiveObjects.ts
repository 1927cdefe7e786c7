import { emptyLiveObjects, type LiveObjects } from '../../service/status/index';
import type { ReadOnlyClient } from './readOnlyClient';

/** The collections `sts status` reads, the same kinds as the `kubectl get` dump it also takes. */
export const livePaths = (namespace: string): Record<keyof LiveObjects, string> => {
  const ns = encodeURIComponent(namespace);
  return {
    statefulSets: `/apis/apps/v1/namespaces/${ns}/statefulsets`,
    pods: `/api/v1/namespaces/${ns}/pods`,
    claims: `/api/v1/namespaces/${ns}/persistentvolumeclaims`,
    revisions: `/apis/apps/v1/namespaces/${ns}/controllerrevisions`,
    events: `/api/v1/namespaces/${ns}/events`,
  };
};

function itemsOf(list: unknown): unknown[] {
  const items = list !== null && typeof list === 'object' ? (list as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items : [];
}

/**
 * Lists the namespace's StatefulSets, pods, claims, revisions and events, all at once.
 * With a name, only that set is read (a 404 says it does not exist), and its events.
 */
export async function readLiveObjects(client: ReadOnlyClient, namespace: string, name?: string): Promise<LiveObjects> {
  const paths = livePaths(namespace);
  const out = emptyLiveObjects();
  const set = name !== undefined ? client.get(`${paths.statefulSets}/${encodeURIComponent(name)}`) : client.list(paths.statefulSets);
  const events = name !== undefined
    ? client.list(`${paths.events}?fieldSelector=${encodeURIComponent(`involvedObject.kind=StatefulSet,involvedObject.name=${name}`)}`)
    : client.list(paths.events);
  const [sets, pods, claims, revisions, eventList] = await Promise.all([set, client.list(paths.pods), client.list(paths.claims), client.list(paths.revisions), events]);
  out.statefulSets = name !== undefined ? [withKind(sets, 'StatefulSet')] : itemsOf(sets).map((s) => withKind(s, 'StatefulSet'));
  out.pods = itemsOf(pods);
  out.claims = itemsOf(claims);
  out.revisions = itemsOf(revisions);
  out.events = itemsOf(eventList);
  return out;
}

/** A list's items come without kind; the diagnosis does not need it, a dump has it. */
function withKind(object: unknown, kind: string): unknown {
  return object !== null && typeof object === 'object' ? { kind, ...object } : object;
}
