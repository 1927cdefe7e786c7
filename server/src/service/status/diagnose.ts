import { dig } from '../../simulator/readFields';
import { list, namespaceOf, nameOf, ownedBy, text, count, type LiveObjects } from './liveObjects';
import { isClaimOfSet, isHealthy, liveClaim, livePod, ordinalOf } from './livePods';
import { describeProblem, podProblem } from './podProblem';
import { nextSteps } from './nextSteps';
import { failedCreateMessage, kubectlFor, terminatingFinding } from './setFindings';
import type { BlockReason, LivePod, StatusReport } from './types';
import { listOf, t } from '../../messages';

/** Where recovery commands point: the namespace is the set's; the context, when one was chosen. */
export interface DiagnoseOptions {
  context?: string;
}

/**
 * What the StatefulSet controller is waiting for, read from the live objects, the way
 * stateful_set_control.go decides: a terminating pod or a missing one halts an OrderedReady
 * set; the first pod that is not Running and Ready halts it (and every rolling update); with
 * all pods healthy, pods left at an old revision are held by the partition or by OnDelete.
 */
export function diagnose(statefulSet: unknown, live: LiveObjects, options: DiagnoseOptions = {}): StatusReport {
  const name = nameOf(statefulSet);
  const namespace = namespaceOf(statefulSet);
  const spec = dig(statefulSet, 'spec');
  const replicas = count(dig(spec, 'replicas'), 1);
  const start = count(dig(spec, 'ordinals', 'start'), 0);
  const policy = text(dig(spec, 'podManagementPolicy')) ?? 'OrderedReady';
  const strategy = text(dig(spec, 'updateStrategy', 'type')) ?? 'RollingUpdate';
  const partition = count(dig(spec, 'updateStrategy', 'rollingUpdate', 'partition'), 0);
  const currentRevision = text(dig(statefulSet, 'status', 'currentRevision')) ?? '';
  const updateRevision = text(dig(statefulSet, 'status', 'updateRevision')) ?? currentRevision;
  const templates = list(dig(spec, 'volumeClaimTemplates')).map(nameOf).filter((n) => n !== '');
  const inNamespace = (o: unknown): boolean => namespaceOf(o) === namespace;

  const pods = live.pods
    .filter((p) => inNamespace(p) && (ownedBy(p, statefulSet) || ordinalOf(name, nameOf(p)) !== undefined))
    .map((p) => livePod(p, name, currentRevision, updateRevision))
    .sort((a, b) => a.ordinal - b.ordinal);
  const claims = live.claims.filter((c) => inNamespace(c) && isClaimOfSet(c, name, templates)).map((c) => liveClaim(c, name, templates));
  const kubectl = kubectlFor(namespace, options.context);
  const ordered = policy !== 'Parallel';
  const rolling = updateRevision !== currentRevision;
  const wanted = (p: LivePod): boolean => p.ordinal >= start && p.ordinal < start + replicas;

  const report = (reason: BlockReason, blockingPod: string | null, explanation: string, recovery: string[]): StatusReport => ({
    statefulSet: name, namespace, blocked: reason !== 'none', blockingPod, reason, explanation, recovery,
    rollout: {
      replicas,
      readyReplicas: count(dig(statefulSet, 'status', 'readyReplicas'), 0),
      updatedReplicas: count(dig(statefulSet, 'status', 'updatedReplicas'), 0),
      currentRevision, updateRevision, podManagementPolicy: policy, updateStrategy: strategy, partition,
    },
    pods, claims,
    next: nextSteps(statefulSet, pods),
  });

  // 1. A pod stuck terminating: OrderedReady waits for it before any other step.
  const terminating = pods.find((p) => p.terminating);
  if (terminating !== undefined && (ordered || wanted(terminating))) {
    const finding = terminatingFinding(terminating, kubectl);
    return report('terminating', terminating.name, finding.explanation, finding.recovery);
  }

  // 2. A missing pod the controller cannot create: its FailedCreate event says why.
  const present = new Set(pods.map((p) => p.ordinal));
  const missing = Array.from({ length: Math.min(replicas, 10000) }, (_, i) => start + i).find((o) => !present.has(o));
  const failedCreate = failedCreateMessage(live.events, name, namespace);
  if (missing !== undefined && failedCreate !== undefined) {
    const pod = `${name}-${missing}`;
    return report('failed-create', pod,
      t('status.failedCreate', { pod, message: failedCreate }),
      [kubectl(`describe statefulset ${name}`), kubectl(`get events --field-selector involvedObject.name=${name},reason=FailedCreate`)]);
  }

  // 3. Pods that are not Running and Ready.
  const unhealthy = pods.filter((p) => wanted(p) && !isHealthy(p));
  const maxUnavailable = resolveMaxUnavailable(dig(spec, 'updateStrategy', 'rollingUpdate', 'maxUnavailable'), replicas);
  if (rolling && maxUnavailable > 1 && unhealthy.length >= maxUnavailable) {
    const first = unhealthy[0]!;
    const reasons = unhealthy.map((p) => { const problem = podProblem(p); return `${p.name} (${problem.detail})`; });
    return report('max-unavailable', first.name,
      t('status.maxUnavailable', { count: unhealthy.length, maxUnavailable, reasons: listOf(reasons) }),
      [kubectl(`describe pod ${first.name}`), kubectl(`get pods -l controller-revision-hash=${updateRevision}`)]);
  }
  for (const pod of unhealthy) {
    const problem = podProblem(pod);
    if (problem.reason === 'starting') {
      if (ordered) return report('none', null, t('status.starting', { pod: pod.name, detail: problem.detail }), []);
      continue;
    }
    if (!ordered && !rolling && pod.revision === 'update') continue;
    const reason = problem.reason as BlockReason;
    const what = describeProblem(pod, reason, problem.detail, claims);
    return report(reason, pod.name, ...stuckPodAdvice(pod, what, reason, name, rolling, kubectl, claims.filter((c) => c.pod === pod.name && c.phase !== 'Bound').map((c) => c.name)));
  }
  if (missing !== undefined) {
    return report('none', null, t('status.creating', { pod: `${name}-${missing}` }), []);
  }

  // 4. Every pod healthy: pods left at an old revision are held on purpose.
  const old = pods.filter((p) => wanted(p) && p.revision !== 'update').sort((a, b) => b.ordinal - a.ordinal);
  if (old.length > 0 && strategy === 'OnDelete') {
    return report('on-delete', old[0]!.name,
      t('status.onDelete', { pods: listOf(old.map((p) => p.name)) }),
      old.map((p) => kubectl(`delete pod ${p.name}`)));
  }
  if (old.length > 0 && old.every((p) => p.ordinal < start + partition)) {
    return report('partition', old[0]!.name,
      t('status.partition', { partition, below: start + partition, pods: listOf(old.map((p) => p.name)) }),
      [kubectl(`patch statefulset ${name} -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'`)]);
  }
  if (old.length > 0) {
    return report('none', null, t('status.underWay', { pods: listOf(old.map((p) => p.name)) }), []);
  }
  const ready = pods.filter((p) => wanted(p) && isHealthy(p)).length;
  if (unhealthy.length > 0) {
    return report('none', null, t('status.parallelNotReady', { ready, replicas, pods: listOf(unhealthy.map((p) => `${p.name} (${podProblem(p).detail})`)) }), []);
  }
  return report('none', null, t('status.allReady', { ready, replicas, revision: updateRevision || t('status.unknown') }), []);
}

/**
 * The explanation and commands for a pod that will not get Ready. At a revision other
 * than the update revision it is the rollback trap (kubernetes/kubernetes#67250): the
 * controller waits for the pod to be Ready before it replaces it, so a reverted template
 * never reaches it until the pod is deleted. At the update revision of a rollout: revert
 * the template, then delete the pod, for the same reason.
 */
function stuckPodAdvice(pod: LivePod, what: string, reason: BlockReason, set: string, rolling: boolean,
  kubectl: (args: string) => string, unboundClaims: string[]): [string, string[]] {
  const trap = t('status.trap');
  if (pod.revision === 'other' || (pod.revision === 'current' && rolling)) {
    return [t('status.oldRevision', { what, revision: pod.revisionHash || t('status.none'), trap }),
      [kubectl(`delete pod ${pod.name}`)]];
  }
  if (rolling) {
    return [t('status.newRevision', { what, trap }),
      [kubectl(`rollout undo statefulset/${set}`), kubectl(`delete pod ${pod.name}`)]];
  }
  const look = reason === 'crash-loop' ? [kubectl(`logs ${pod.name} --previous`), kubectl(`describe pod ${pod.name}`)]
    : unboundClaims.length > 0 ? [...unboundClaims.map((c) => kubectl(`describe pvc ${c}`)), 'kubectl get storageclass']
      : [kubectl(`describe pod ${pod.name}`)];
  return [t('status.waits', { what }), look];
}

function resolveMaxUnavailable(value: unknown, replicas: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const percent = typeof value === 'string' ? /^([0-9]+)%$/.exec(value) : null;
  if (percent) return Math.max(1, Math.floor((Number(percent[1]) * replicas) / 100));
  return 1;
}
