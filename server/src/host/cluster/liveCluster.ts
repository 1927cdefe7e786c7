import { diagnose, emptyLiveObjects, type LiveObjects } from '../../service/status/index';
import type { LiveColumn } from '../../../../protocol/protocol';
import { CollectionWatch } from './collectionWatch';
import { livePaths } from './readLiveObjects';
import type { ReadOnlyClient } from './readOnlyClient';

/**
 * A read-only connection kept live: each namespace the editor asks about is listed and
 * watched (StatefulSets, pods, claims, revisions, events), so a pod's change reaches the
 * preview as the API server reports it, not at the next poll. `changed` is called (at most
 * every 100 ms) when anything watched changes or a watch fails or recovers.
 */
export class LiveCluster {
  private readonly namespaces = new Map<string, Record<keyof LiveObjects, CollectionWatch>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly context: string, private readonly client: ReadOnlyClient, private readonly changed: () => void) {}

  async statusOf(namespace: string, name: string): Promise<LiveColumn> {
    const watches = this.watchesOf(namespace);
    await Promise.all(Object.values(watches).map((w) => w.ready()));
    const error = Object.values(watches).find((w) => w.error !== undefined)?.error;
    if (error !== undefined && watches.statefulSets.items.size === 0) return { state: 'error', context: this.context, message: error.message };
    const live = emptyLiveObjects();
    for (const kind of Object.keys(watches) as (keyof LiveObjects)[]) live[kind] = [...watches[kind].items.values()];
    const set = live.statefulSets.find((s) => (s as { metadata?: { name?: string } }).metadata?.name === name);
    if (set === undefined) return error !== undefined ? { state: 'error', context: this.context, message: error.message } : { state: 'absent', context: this.context };
    return { state: 'connected', context: this.context, report: diagnose(set, live, { context: this.context }) };
  }

  /**
   * The namespace's StatefulSets as the cluster has them (with kind and apiVersion, which a
   * list's items lack), for `statefulset.baseline: cluster`. Empty when they cannot be read.
   */
  async statefulSetsIn(namespace: string): Promise<unknown[]> {
    const watch = this.watchesOf(namespace).statefulSets;
    await watch.ready();
    return [...watch.items.values()].map((s) => ({ ...(s as object), apiVersion: 'apps/v1', kind: 'StatefulSet' }));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watches of this.namespaces.values()) for (const w of Object.values(watches)) w.stop();
    this.namespaces.clear();
  }

  private watchesOf(namespace: string): Record<keyof LiveObjects, CollectionWatch> {
    let watches = this.namespaces.get(namespace);
    if (watches === undefined) {
      const paths = livePaths(namespace);
      const watch = (path: string): CollectionWatch => new CollectionWatch(this.client, path, () => this.schedule());
      watches = {
        statefulSets: watch(paths.statefulSets), pods: watch(paths.pods), claims: watch(paths.claims),
        revisions: watch(paths.revisions), events: watch(paths.events),
      };
      this.namespaces.set(namespace, watches);
    }
    return watches;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.changed(); }, 100);
  }
}
