import { parseAllDocuments } from 'yaml';
import { kubeconfigPaths, loadClusterAccess, KubeconfigError, ReadOnlyClient, ClusterError, readLiveObjects } from '../host/cluster/index';
import { diagnose, liveObjectsOf, type LiveObjects, type StatusReport } from '../service/status/index';
import type { CliArgs } from './args';
import { readInput } from './readInput';
import { UsageError } from './usageError';
import { t } from '../messages';

/**
 * `sts status [NAME]`: why StatefulSets in a cluster (or in a saved `kubectl get -o yaml`
 * dump, --from) are stuck. Reads only; the recovery commands are printed, never run.
 * Exit 0: nothing blocked; 1: a StatefulSet is blocked (or NAME is not there); 2: a usage
 * error, unreadable input, or a cluster that cannot be read (unreachable, credentials, RBAC).
 */
export async function runStatus(args: CliArgs, readStdin: () => string): Promise<number> {
  const [name, ...extra] = args.paths;
  if (extra.length > 0) throw new UsageError(t('status.oneName'), 'status');
  const option = (flag: string): string | undefined => { const v = args.options.get(flag); return typeof v === 'string' ? v : undefined; };
  const from = option('--from');
  const context = option('--context');
  const kubeconfig = option('--kubeconfig');
  if (from !== undefined && (context !== undefined || kubeconfig !== undefined)) {
    throw new UsageError(t('status.fromOrCluster'), 'status');
  }
  let live: LiveObjects;
  let namespace = option('--namespace');
  try {
    if (from !== undefined) {
      live = liveObjectsOf(parseDump(from === '-' ? readStdin() : readInput(from), from));
    } else {
      const access = loadClusterAccess(kubeconfig !== undefined ? [kubeconfig] : kubeconfigPaths(), context);
      namespace ??= access.namespace;
      live = await readLiveObjects(new ReadOnlyClient(access), namespace, name);
    }
  } catch (error) {
    if (error instanceof ClusterError && error.kind === 'not-found' && name !== undefined) {
      process.stderr.write(`sts: ${t('status.noSuchSet', { name, namespace: String(namespace) })}\n`);
      return 1;
    }
    if (error instanceof ClusterError || error instanceof KubeconfigError) {
      process.stderr.write(`sts: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const sets = live.statefulSets.filter((s) => {
    const meta = (s as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
    return (name === undefined || meta?.name === name) && (namespace === undefined || (meta?.namespace ?? 'default') === namespace);
  });
  if (sets.length === 0) {
    const where = [name !== undefined ? ` "${name}"` : '', namespace !== undefined ? t('status.inNamespace', { namespace }) : '', from !== undefined ? t('status.inFile', { file: from }) : ''].join('');
    process.stderr.write(`sts: ${t('status.noSets', { where })}\n`);
    return 1;
  }
  const reports = sets.map((s) => diagnose(s, live, context !== undefined ? { context } : {}));
  process.stdout.write(args.options.has('--json') ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(statusText).join('\n'));
  return reports.some((r) => r.blocked) ? 1 : 0;
}

function parseDump(text: string, file: string): unknown[] {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  const errors = list.flatMap((d) => d.errors);
  if (errors.length > 0) throw new UsageError(t('status.badYaml', { file, message: errors[0]!.message.split('\n')[0] ?? '' }), 'status');
  return list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
}

/** Pads to a width in terminal columns (a Chinese character takes two). */
function pad(text: string, width: number): string {
  const columns = [...text].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

/** The report as a person reads it. */
export function statusText(r: StatusReport): string {
  const verdict = r.blocked ? (r.blockingPod ? t('status.blockedAt', { reason: r.reason, pod: r.blockingPod }) : t('status.blocked', { reason: r.reason })) : t('status.notBlocked');
  const lines = [t('status.heading', { name: r.statefulSet, namespace: r.namespace, verdict })];
  lines.push(`  ${r.explanation}`);
  if (r.recovery.length > 0) {
    lines.push(`  ${t('status.toRecover')}`);
    for (const command of r.recovery) lines.push(`    ${command}`);
  }
  const o = r.rollout;
  lines.push(`  ${t('status.rollout', { ready: o.readyReplicas, replicas: o.replicas, updated: o.updatedReplicas, current: o.currentRevision || '-', update: o.updateRevision || '-', policy: o.podManagementPolicy, strategy: o.updateStrategy, partition: o.partition > 0 ? `, partition ${o.partition}` : '' })}`);
  if (r.pods.length > 0) {
    lines.push(`  ${t('status.pods')}`);
    const width = Math.max(...r.pods.map((p) => p.name.length));
    for (const p of r.pods) {
      const state = p.terminating ? 'Terminating' : p.phase;
      const extra = [p.waitingReason, p.unschedulable !== undefined ? t('status.unschedulableColumn', { message: p.unschedulable }) : undefined].filter((x) => x !== undefined).join('; ');
      const readiness = pad(p.ready ? t('status.ready') : t('status.notReadyColumn'), 9);
      const revision = pad(t(p.revision === 'update' ? 'status.updateRev' : p.revision === 'current' ? 'status.currentRev' : 'status.otherRev'), 11);
      lines.push(`    ${p.name.padEnd(width)}  ${state.padEnd(11)} ${readiness}  ${revision}  ${t(p.restarts === 1 ? 'status.restartColumn' : 'status.restartsColumn', { count: p.restarts })}${extra ? `  ${extra}` : ''}`);
    }
  }
  if (r.claims.length > 0) {
    lines.push(`  ${t('status.claims')}`);
    for (const c of r.claims) lines.push(`    ${c.name}  ${c.phase}${c.size ? `  ${c.size}` : ''}${c.storageClass ? `  ${c.storageClass}` : ''}`);
  }
  if (r.next.length > 0) {
    lines.push(`  ${r.blocked ? t('status.onceUnblocked') : t('status.then')}`);
    for (const step of r.next.slice(0, 10)) lines.push(`    ${step}`);
    if (r.next.length > 10) lines.push(`    ${t('status.moreSteps', { count: r.next.length - 10 })}`);
  }
  return `${lines.join('\n')}\n`;
}
