import { parseAllDocuments } from 'yaml';
import { kubeconfigPaths, loadClusterAccess, KubeconfigError, ReadOnlyClient, ClusterError, readLiveObjects } from '../host/cluster/index';
import { diagnose, liveObjectsOf, type LiveObjects, type StatusReport } from '../service/status/index';
import type { CliArgs } from './args';
import { readInput } from './readInput';
import { UsageError } from './usageError';

/**
 * `sts status [NAME]`: why StatefulSets in a cluster (or in a saved `kubectl get -o yaml`
 * dump, --from) are stuck. Reads only; the recovery commands are printed, never run.
 * Exit 0: nothing blocked; 1: a StatefulSet is blocked (or NAME is not there); 2: a usage
 * error, unreadable input, or a cluster that cannot be read (unreachable, credentials, RBAC).
 */
export async function runStatus(args: CliArgs, readStdin: () => string): Promise<number> {
  const [name, ...extra] = args.paths;
  if (extra.length > 0) throw new UsageError('sts status takes at most one NAME.', 'status');
  const option = (flag: string): string | undefined => { const v = args.options.get(flag); return typeof v === 'string' ? v : undefined; };
  const from = option('--from');
  const context = option('--context');
  const kubeconfig = option('--kubeconfig');
  if (from !== undefined && (context !== undefined || kubeconfig !== undefined)) {
    throw new UsageError('--from reads a saved dump; --context and --kubeconfig choose a cluster: give one or the other.', 'status');
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
      process.stderr.write(`sts: no StatefulSet "${name}" in namespace ${namespace}.\n`);
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
    process.stderr.write(`sts: no StatefulSet${name !== undefined ? ` "${name}"` : ''}${namespace !== undefined ? ` in namespace ${namespace}` : ''}${from !== undefined ? ` in ${from}` : ''}.\n`);
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
  if (errors.length > 0) throw new UsageError(`${file} is not valid YAML: ${errors[0]!.message.split('\n')[0]}`, 'status');
  return list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
}

/** The report as a person reads it. */
export function statusText(r: StatusReport): string {
  const lines = [`StatefulSet ${r.statefulSet} (namespace ${r.namespace}): ${r.blocked ? `BLOCKED (${r.reason}${r.blockingPod ? ` at ${r.blockingPod}` : ''})` : 'not blocked'}`];
  lines.push(`  ${r.explanation}`);
  if (r.recovery.length > 0) {
    lines.push('  To recover (sts runs none of these):');
    for (const command of r.recovery) lines.push(`    ${command}`);
  }
  const o = r.rollout;
  lines.push(`  Rollout: ${o.readyReplicas}/${o.replicas} ready, ${o.updatedReplicas} updated; revision ${o.currentRevision || '-'} -> ${o.updateRevision || '-'}; ${o.podManagementPolicy}, ${o.updateStrategy}${o.partition > 0 ? `, partition ${o.partition}` : ''}`);
  if (r.pods.length > 0) {
    lines.push('  Pods:');
    const width = Math.max(...r.pods.map((p) => p.name.length));
    for (const p of r.pods) {
      const state = p.terminating ? 'Terminating' : p.phase;
      const extra = [p.waitingReason, p.unschedulable !== undefined ? `unschedulable: ${p.unschedulable}` : undefined].filter((x) => x !== undefined).join('; ');
      lines.push(`    ${p.name.padEnd(width)}  ${state.padEnd(11)} ${(p.ready ? 'ready' : 'not ready').padEnd(9)}  ${p.revision === 'update' ? 'update rev ' : p.revision === 'current' ? 'current rev' : 'other rev  '}  ${p.restarts} restart${p.restarts === 1 ? '' : 's'}${extra ? `  ${extra}` : ''}`);
    }
  }
  if (r.claims.length > 0) {
    lines.push('  Claims:');
    for (const c of r.claims) lines.push(`    ${c.name}  ${c.phase}${c.size ? `  ${c.size}` : ''}${c.storageClass ? `  ${c.storageClass}` : ''}`);
  }
  if (r.next.length > 0) {
    lines.push(r.blocked ? '  Once unblocked, the controller will:' : '  Then the controller will:');
    for (const step of r.next.slice(0, 10)) lines.push(`    ${step}`);
    if (r.next.length > 10) lines.push(`    ... ${r.next.length - 10} more steps`);
  }
  return `${lines.join('\n')}\n`;
}
