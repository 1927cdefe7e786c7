import type { Connection } from 'vscode-languageserver/node';
import {
  clusterContextsMethod, connectClusterMethod, liveChangedNotification, liveStatusMethod,
  type ClusterContextsResult, type ConnectClusterParams, type ConnectClusterResult, type LiveColumn, type LiveStatusParams,
} from '../../../protocol/protocol';
import { ClusterError, kubeconfigPaths, KubeconfigError, listContexts, LiveCluster, loadClusterAccess, ReadOnlyClient } from '../host/cluster/index';
import { t } from '../messages';

interface ClusterLiveDeps {
  connection: Connection;
  /** VS Code's Workspace Trust: an exec credential plugin is a program, so nothing connects without it. */
  trusted(): boolean;
  log(message: string): void;
  /** The connection was made, changed or dropped (the cluster baseline is read again). */
  connectionChanged(): void;
}

const untrusted = (): string => t('cluster.untrusted');

/**
 * The live column's server side: the user's opt-in connection (read-only) to one context,
 * the live state of a StatefulSet for the preview, and a notification when a watch sees a
 * change. A failure is a message in the column; the editor keeps working offline.
 */
export function registerClusterLive({ connection, trusted, log, connectionChanged }: ClusterLiveDeps): { current(): LiveCluster | undefined } {
  let live: LiveCluster | undefined;
  const changed = (): void => void connection.sendNotification(liveChangedNotification, {});

  const contexts = (): ClusterContextsResult => {
    if (!trusted()) return { contexts: [], current: null, error: untrusted() };
    const found = listContexts(kubeconfigPaths());
    return found.contexts.length > 0 ? found : { ...found, error: t('cluster.noContext', { paths: kubeconfigPaths().join(', ') }) };
  };
  connection.onRequest(clusterContextsMethod, contexts);

  connection.onRequest(connectClusterMethod, async ({ context }: ConnectClusterParams): Promise<ConnectClusterResult> => {
    live?.dispose();
    live = undefined;
    if (context === null) {
      changed();
      connectionChanged();
      return { connected: false, message: t('cluster.disconnected') };
    }
    if (!trusted()) return { connected: false, message: untrusted() };
    try {
      const client = new ReadOnlyClient(loadClusterAccess(kubeconfigPaths(), context));
      await client.get('/version');
      live = new LiveCluster(context, client, changed);
      log(t('log.connected', { context }));
      changed();
      connectionChanged();
      return { connected: true, message: t('cluster.connected', { context }) };
    } catch (error) {
      const message = error instanceof ClusterError || error instanceof KubeconfigError ? error.message : t('cluster.failed');
      log(t('log.connecting', { context, message }));
      return { connected: false, message: t('cluster.cannotConnect', { context, message }) };
    }
  });

  connection.onRequest(liveStatusMethod, async ({ namespace, name }: LiveStatusParams): Promise<LiveColumn | null> => {
    if (live === undefined || typeof namespace !== 'string' || typeof name !== 'string') return null;
    try {
      return await live.statusOf(namespace, name);
    } catch (error) {
      return { state: 'error', context: live.context, message: error instanceof ClusterError ? error.message : t('cluster.unreadable') };
    }
  });
  return { current: () => live };
}
