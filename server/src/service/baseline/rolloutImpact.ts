import { planScale, simulate, type Plan, type Simulation } from '../../simulator';
import { field, isRecord } from '../rules/read';
import type { Settings } from '../settings';
import type { RolloutImpact } from '../../../../protocol/protocol';
import { gatesInForce } from '../versions/gates';
import { sentences, t } from '../../messages';

export type { RolloutImpact } from '../../../../protocol/protocol';


/** An object read back from the cluster (`kubectl get -o yaml`) rather than a source file. */
function isExport(value: unknown): boolean {
  return field(value, 'status') !== undefined || field(value, 'metadata', 'resourceVersion') !== undefined;
}

/**
 * Whether `now` changes `was`. Against an export, fields the manifest leaves out are the API
 * server's defaults and `kubectl apply` keeps them, so only fields the manifest sets count.
 */
function changes(was: unknown, now: unknown, onlySet: boolean): boolean {
  if (isRecord(was) && isRecord(now)) {
    const keys = new Set([...Object.keys(now), ...(onlySet ? [] : Object.keys(was))]);
    return [...keys].some((key) => changes(was[key], now[key], onlySet));
  }
  if (Array.isArray(was) && Array.isArray(now)) return was.length !== now.length || now.some((item, i) => changes(was[i], item, onlySet));
  if (now === undefined || now === null) return !onlySet && was !== undefined && was !== null;
  return typeof now === 'object' || typeof was === 'object' ? true : String(was) !== String(now);
}

const names = (plan: Plan): string => plan.map((step) => step.pods.join(' + ')).join(t('impact.then'));

function restartText(sim: Simulation): string {
  if (sim.updateStrategy === 'OnDelete') return t('impact.onDelete');
  if (sim.plans.update.length === 0) return t('impact.partitionHolds', { partition: sim.partition });
  const held = sim.pods.filter((pod) => pod.revision === 'current').map((pod) => pod.name);
  return t('impact.restart', { pods: names(sim.plans.update), held: held.length ? t('impact.held', { pods: held.join(', '), partition: sim.partition }) : '' });
}

/** The rollout an edit causes, against the deployed version of the same StatefulSet. */
export function rolloutImpact(baseline: unknown, current: unknown, settings: Settings): RolloutImpact {
  const options = { clusterDomain: settings.clusterDomain, defaultNamespace: settings.defaultNamespace, featureGates: gatesInForce(settings) };
  const before = simulate({ statefulSet: baseline, ...options });
  const after = simulate({ statefulSet: current, ...options });
  const templateChanged = changes(field(baseline, 'spec', 'template'), field(current, 'spec', 'template'), isExport(baseline));
  const scale = planScale(after, before.replicas, after.replicas);
  const removed = new Set(scale.filter((step) => step.action === 'delete').flatMap((step) => step.pods));
  const removedPvcs = before.pods.filter((pod) => removed.has(pod.name)).flatMap((pod) => pod.pvcs);
  const keep = after.pvcRetention.whenScaled === 'Retain';
  const parts: string[] = [];
  if (templateChanged) parts.push(restartText(after));
  if (scale.length > 0) {
    const pvcs = removedPvcs.length ? t(keep ? 'impact.pvcsKept' : 'impact.pvcsDeleted', { pvcs: removedPvcs.join(', '), whenScaled: after.pvcRetention.whenScaled }) : '';
    parts.push(t(after.replicas > before.replicas ? 'impact.creates' : 'impact.deletes', { before: before.replicas, after: after.replicas, pods: names(scale), policy: after.podManagementPolicy, pvcs }));
  }
  if (parts.length === 0) parts.push(t('impact.nothing'));
  return {
    templateChanged,
    replicas: { before: before.replicas, after: after.replicas },
    restarts: templateChanged ? after.plans.update : [],
    scale,
    pvcsKept: keep ? removedPvcs : [],
    pvcsDeleted: keep ? [] : removedPvcs,
    summary: sentences(parts),
  };
}
