import { ClusterError, type ReadOnlyClient, type Watch, type WatchEvent } from './readOnlyClient';
import { t } from '../../messages';

const maxBackoffMs = 30_000;

/**
 * One collection kept up to date: listed, then watched from the list's resourceVersion.
 * A watch the server ends is resumed from the last version seen; a failed one (cluster
 * unreachable, credentials, RBAC, 410 Gone) is listed again after a backoff that doubles
 * up to 30 s. Reads only: list and watch.
 */
export class CollectionWatch {
  readonly items = new Map<string, unknown>();
  /** Set when the last list or watch failed; cleared by the next success. */
  error: ClusterError | undefined;
  private resourceVersion = '';
  private watch: Watch | undefined;
  private timer: NodeJS.Timeout | undefined;
  private backoffMs = 500;
  private stopped = false;
  private firstList: Promise<void>;

  constructor(private readonly client: ReadOnlyClient, private readonly path: string, private readonly changed: () => void) {
    this.firstList = this.list();
  }

  /** Resolves once the first list answered (or failed). */
  ready(): Promise<void> {
    return this.firstList;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.watch?.close();
  }

  private async list(): Promise<void> {
    try {
      const list = await this.client.list(this.path) as { metadata?: { resourceVersion?: string }; items?: unknown[] };
      if (this.stopped) return;
      this.items.clear();
      for (const item of list.items ?? []) this.items.set(keyOf(item), item);
      this.resourceVersion = list.metadata?.resourceVersion ?? '';
      this.error = undefined;
      this.backoffMs = 500;
      this.changed();
      this.startWatch();
    } catch (error) {
      this.failed(error instanceof ClusterError ? error : new ClusterError(String(error), 'other'));
    }
  }

  private startWatch(): void {
    if (this.stopped) return;
    const started = Date.now();
    this.watch = this.client.watch(this.path, this.resourceVersion, (event) => this.apply(event), (error) => {
      if (this.stopped) return;
      if (error) this.failed(error);
      // The server ends watches after a while: resume where it stopped (not in a tight loop
      // when it ends them at once).
      else if (Date.now() - started > 1000) this.startWatch();
      else this.timer = setTimeout(() => this.startWatch(), this.backoffMs);
    });
  }

  private apply(event: WatchEvent): void {
    const version = (event.object as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
    if (event.type === 'ERROR') {
      // Usually 410 Gone: the version is too old. List again.
      this.watch?.close();
      this.failed(new ClusterError(t('cluster.watchExpired'), 'other'), 0);
      return;
    }
    if (version !== undefined) this.resourceVersion = version;
    if (event.type === 'BOOKMARK') return;
    if (event.type === 'DELETED') this.items.delete(keyOf(event.object));
    else this.items.set(keyOf(event.object), event.object);
    this.changed();
  }

  private failed(error: ClusterError, delayMs = this.backoffMs): void {
    if (this.stopped) return;
    const wasFine = this.error === undefined;
    this.error = error;
    this.backoffMs = Math.min(this.backoffMs * 2, maxBackoffMs);
    if (wasFine) this.changed();
    this.timer = setTimeout(() => { this.firstList = this.list(); }, delayMs);
  }
}

function keyOf(object: unknown): string {
  const meta = (object as { metadata?: { uid?: string; name?: string; namespace?: string } } | null)?.metadata;
  return meta?.uid ?? `${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
}
