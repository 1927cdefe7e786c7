import { dig } from '../../simulator/readFields';
import { count, list, nameOf, text } from './liveObjects';
import type { LiveClaim, LivePod } from './types';
import { t } from '../../messages';

const revisionLabel = 'controller-revision-hash';

/** The ordinal a pod's name gives it under this set (`web-2` → 2), or undefined. */
export function ordinalOf(setName: string, podName: string): number | undefined {
  if (!podName.startsWith(`${setName}-`)) return undefined;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9][0-9]{0,8})$/.test(rest) ? Number(rest) : undefined;
}

function condition(pod: unknown, type: string): unknown {
  return list(dig(pod, 'status', 'conditions')).find((c) => dig(c, 'type') === type);
}

/** What the controller and a reader need of one pod. */
export function livePod(pod: unknown, setName: string, currentRevision: string, updateRevision: string): LivePod {
  const name = nameOf(pod);
  const hash = text(dig(pod, 'metadata', 'labels', revisionLabel)) ?? '';
  const statuses = [...list(dig(pod, 'status', 'initContainerStatuses')), ...list(dig(pod, 'status', 'containerStatuses'))];
  const waitingReason = statuses.map((s) => text(dig(s, 'state', 'waiting', 'reason'))).find((r) => r !== undefined);
  const scheduled = condition(pod, 'PodScheduled');
  const result: LivePod = {
    name,
    ordinal: ordinalOf(setName, name) ?? -1,
    phase: text(dig(pod, 'status', 'phase')) ?? 'Unknown',
    ready: dig(condition(pod, 'Ready'), 'status') === 'True',
    revision: hash !== '' && hash === updateRevision ? 'update' : hash !== '' && hash === currentRevision ? 'current' : 'other',
    revisionHash: hash,
    restarts: statuses.reduce<number>((sum, s) => sum + count(dig(s, 'restartCount'), 0), 0),
    terminating: text(dig(pod, 'metadata', 'deletionTimestamp')) !== undefined,
    finalizers: list(dig(pod, 'metadata', 'finalizers')).filter((f): f is string => typeof f === 'string'),
  };
  if (waitingReason !== undefined) result.waitingReason = waitingReason;
  if (dig(scheduled, 'status') === 'False') {
    result.unschedulable = text(dig(scheduled, 'message')) ?? text(dig(scheduled, 'reason')) ?? t('status.notScheduled');
  }
  return result;
}

/** Running and Ready: what the controller waits for before it goes on (OrderedReady, updates). */
export function isHealthy(pod: LivePod): boolean {
  return pod.phase === 'Running' && pod.ready && !pod.terminating;
}

/** A claim of the set: `<template>-<set>-<ordinal>`. */
export function liveClaim(claim: unknown, setName: string, templates: readonly string[]): LiveClaim {
  const name = nameOf(claim);
  const result: LiveClaim = { name, phase: text(dig(claim, 'status', 'phase')) ?? 'Pending' };
  const size = dig(claim, 'status', 'capacity', 'storage') ?? dig(claim, 'spec', 'resources', 'requests', 'storage');
  if (typeof size === 'string' || typeof size === 'number') result.size = String(size);
  const storageClass = text(dig(claim, 'spec', 'storageClassName'));
  if (storageClass !== undefined) result.storageClass = storageClass;
  for (const template of templates) {
    const pod = name.startsWith(`${template}-`) ? name.slice(template.length + 1) : undefined;
    if (pod !== undefined && ordinalOf(setName, pod) !== undefined) result.pod = pod;
  }
  return result;
}

export function isClaimOfSet(claim: unknown, setName: string, templates: readonly string[]): boolean {
  return liveClaim(claim, setName, templates).pod !== undefined;
}
