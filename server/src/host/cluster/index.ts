/** The cluster, read-only: kubeconfig, credentials (exec plugins too), get/list/watch over HTTPS. */
export { loadClusterAccess, listContexts, kubeconfigPaths, KubeconfigError, type ClusterAccess } from './kubeconfig';
export { LiveCluster } from './liveCluster';
export { ReadOnlyClient, ClusterError, type ReadVerb, type WatchEvent, type Watch } from './readOnlyClient';
export { readLiveObjects, livePaths } from './readLiveObjects';
export { redact } from './redact';
