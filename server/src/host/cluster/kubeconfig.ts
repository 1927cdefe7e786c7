import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { t } from '../../messages';

/** An exec credential plugin as a kubeconfig names it (client.authentication.k8s.io). */
export interface ExecPlugin {
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  apiVersion: string;
  /** The folder of the kubeconfig that names it: a relative command is found there. */
  baseDir: string;
}

/** How to reach one context's cluster and who to be there, as kubectl would. */
export interface ClusterAccess {
  context: string;
  namespace: string;
  server: string;
  /** PEM; undefined means the system's trusted roots. */
  ca?: string;
  /** Only when the kubeconfig says insecure-skip-tls-verify: true. Never a fallback. */
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  cert?: string;
  key?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  exec?: ExecPlugin;
}

/** A kubeconfig that cannot be used, said without any of its secrets. */
export class KubeconfigError extends Error {}

interface Named { name?: unknown }
type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The kubeconfig files kubectl reads: $KUBECONFIG (a path list) or ~/.kube/config. */
export function kubeconfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
  return list.length > 0 ? list : [join(homedir(), '.kube', 'config')];
}

interface Entry { value: Obj; baseDir: string }

/**
 * Reads and merges the kubeconfig files (the first file to name a cluster, user or
 * context wins, and the first current-context, as kubectl merges), then resolves one
 * context: the one asked for, else the current one.
 */
export function loadClusterAccess(paths: readonly string[], contextName?: string): ClusterAccess {
  const clusters = new Map<string, Entry>();
  const users = new Map<string, Entry>();
  const contexts = new Map<string, Entry>();
  let current: string | undefined;
  let read = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    let doc: Obj;
    try {
      doc = asObj(parse(text));
    } catch {
      throw new KubeconfigError(t('kubeconfig.notYaml', { path }));
    }
    read++;
    const baseDir = dirname(path);
    const take = (into: Map<string, Entry>, key: string, field: string): void => {
      for (const item of asList(doc[key])) {
        const name = str((item as Named).name);
        if (name !== undefined && !into.has(name)) into.set(name, { value: asObj(item[field]), baseDir });
      }
    };
    take(clusters, 'clusters', 'cluster');
    take(users, 'users', 'user');
    take(contexts, 'contexts', 'context');
    current ??= str(doc['current-context']);
  }
  if (read === 0) throw new KubeconfigError(t('kubeconfig.none', { paths: paths.join(', ') }));
  const chosen = contextName ?? current;
  if (chosen === undefined) throw new KubeconfigError(t('kubeconfig.noCurrent'));
  const context = contexts.get(chosen);
  if (context === undefined) {
    throw new KubeconfigError(t('kubeconfig.noContext', { chosen, contexts: [...contexts.keys()].join(', ') || t('common.none') }));
  }
  const clusterName = str(context.value.cluster) ?? '';
  const cluster = clusters.get(clusterName);
  if (cluster === undefined) throw new KubeconfigError(t('kubeconfig.noCluster', { chosen, cluster: String(clusterName) }));
  const server = str(cluster.value.server);
  if (server === undefined) throw new KubeconfigError(t('kubeconfig.noServer', { cluster: String(clusterName) }));
  const userName = str(context.value.user);
  const user = userName === undefined ? { value: {}, baseDir: cluster.baseDir } : users.get(userName);
  if (user === undefined) throw new KubeconfigError(t('kubeconfig.noUser', { chosen, user: String(userName) }));
  const access: ClusterAccess = {
    context: chosen,
    namespace: str(context.value.namespace) ?? 'default',
    server: server.replace(/\/+$/, ''),
    insecureSkipTlsVerify: cluster.value['insecure-skip-tls-verify'] === true,
  };
  const ca = pem(cluster, 'certificate-authority-data', 'certificate-authority');
  if (ca !== undefined) access.ca = ca;
  const serverName = str(cluster.value['tls-server-name']);
  if (serverName !== undefined) access.tlsServerName = serverName;
  const cert = pem(user, 'client-certificate-data', 'client-certificate');
  const key = pem(user, 'client-key-data', 'client-key');
  if (cert !== undefined) access.cert = cert;
  if (key !== undefined) access.key = key;
  const token = str(user.value.token);
  if (token !== undefined) access.token = token;
  const tokenFile = str(user.value.tokenFile);
  if (tokenFile !== undefined) access.tokenFile = resolvePath(user.baseDir, tokenFile);
  const username = str(user.value.username);
  const password = str(user.value.password);
  if (username !== undefined && password !== undefined) Object.assign(access, { username, password });
  const exec = asObj(user.value.exec);
  const command = str(exec.command);
  if (command !== undefined) {
    access.exec = {
      command,
      args: Array.isArray(exec.args) ? exec.args.filter((a): a is string => typeof a === 'string') : [],
      env: asList(exec.env).flatMap((e) => (typeof e.name === 'string' && typeof e.value === 'string' ? [{ name: e.name, value: e.value }] : [])),
      apiVersion: str(exec.apiVersion) ?? 'client.authentication.k8s.io/v1',
      baseDir: user.baseDir,
    };
  }
  if (str(user.value['auth-provider'] && asObj(user.value['auth-provider']).name) !== undefined) {
    throw new KubeconfigError(t('kubeconfig.authProvider', { user: String(userName) }));
  }
  return access;
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : join(baseDir, path);
}

/** A PEM from `<field>-data` (base64) or from the file `<field>` names. */
function pem(entry: Entry, dataField: string, fileField: string): string | undefined {
  const data = str(entry.value[dataField]);
  if (data !== undefined) return Buffer.from(data, 'base64').toString('utf8');
  const file = str(entry.value[fileField]);
  if (file === undefined) return undefined;
  try {
    return readFileSync(resolvePath(entry.baseDir, file), 'utf8');
  } catch {
    throw new KubeconfigError(t('kubeconfig.cannotRead', { field: fileField, file: resolvePath(entry.baseDir, file) }));
  }
}

/** The contexts of the merged kubeconfig files and the current one, for a picker. */
export function listContexts(paths: readonly string[]): { contexts: string[]; current: string | null } {
  const contexts: string[] = [];
  let current: string | null = null;
  for (const path of paths) {
    let doc: Obj;
    try {
      doc = asObj(parse(readFileSync(path, 'utf8')));
    } catch {
      continue;
    }
    for (const item of asList(doc.contexts)) {
      const name = str(item.name);
      if (name !== undefined && !contexts.includes(name)) contexts.push(name);
    }
    current ??= str(doc['current-context']) ?? null;
  }
  return { contexts, current };
}
