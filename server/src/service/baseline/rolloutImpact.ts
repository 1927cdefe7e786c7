import { planScale, simulate, type Plan, type Simulation } from '../../simulator';
import { field, isRecord } from '../rules/read';
import type { Settings } from '../settings';
import type { RolloutImpact } from '../../../../protocol/protocol';
import { gatesInForce } from '../versions/gates';

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

const names = (plan: Plan): string => plan.map((step) => step.pods.join(' + ')).join(', then ');

function restartText(sim: Simulation): string {
  if (sim.updateStrategy === 'OnDelete') return 'The pod template changes (a new revision), but under OnDelete no pod restarts until you delete it.';
  if (sim.plans.update.length === 0) return `The pod template changes (a new revision), but partition ${sim.partition} holds every pod on the old one.`;
  const held = sim.pods.filter((pod) => pod.revision === 'current').map((pod) => pod.name);
  return `The pod template changes: ${names(sim.plans.update)} restart in that order${held.length ? `; ${held.join(', ')} stay on the old revision (partition ${sim.partition})` : ''}.`;
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
    const verb = after.replicas > before.replicas ? 'creates' : 'deletes';
    const pvcs = removedPvcs.length ? ` PVCs ${removedPvcs.join(', ')} are ${keep ? 'kept' : 'deleted'} (whenScaled: ${after.pvcRetention.whenScaled}).` : '';
    parts.push(`Replicas ${before.replicas} → ${after.replicas}: ${verb} ${names(scale)} (${after.podManagementPolicy}).${pvcs}`);
  }
  if (parts.length === 0) parts.push('Nothing that the pods see changes: no pod restarts.');
  return {
    templateChanged,
    replicas: { before: before.replicas, after: after.replicas },
    restarts: templateChanged ? after.plans.update : [],
    scale,
    pvcsKept: keep ? removedPvcs : [],
    pvcsDeleted: keep ? [] : removedPvcs,
    summary: parts.join(' '),
  };
}
