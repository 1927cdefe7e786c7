import { checkDns } from './dns';
import { failureImpact } from './failure';
import { podIdentities, podName, serviceDomain } from './identity';
import { partitionExceedsMessage, partitionHold } from './partition';
import { planScale, planUpdate } from './plans';
import { readStatefulSet, type StatefulSetSettings } from './readStatefulSet';
import { pvcRetention } from './retention';
import type { Failure, Plan, Simulation, SimulationInput } from './types';

/** What the StatefulSet controller will do with this manifest: pods, DNS, PVCs and rollout plans. */
export function simulate(input: SimulationInput): Simulation {
  const warnings: string[] = [];
  const settings = readStatefulSet(input, warnings);
  const pods = podIdentities(settings);
  const context = {
    statefulSet: { name: settings.name },
    ordinalStart: settings.ordinalStart,
    podManagementPolicy: settings.podManagementPolicy,
    minReadySeconds: settings.minReadySeconds,
  };
  const scaleDown = planScale(context, settings.simulatedReplicas, 0);
  const plans = {
    create: planScale(context, 0, settings.simulatedReplicas),
    scaleDown,
    update: planUpdate({ ...context, ...settings }),
  };
  warnings.push(...strategyWarnings(settings));

  return {
    statefulSet: { name: settings.name, namespace: settings.namespace },
    serviceName: settings.serviceName,
    serviceDomain: serviceDomain(settings),
    dns: checkDns(settings, input.service),
    replicas: settings.replicas,
    simulatedReplicas: settings.simulatedReplicas,
    ordinalStart: settings.ordinalStart,
    podManagementPolicy: settings.podManagementPolicy,
    updateStrategy: settings.updateStrategy,
    partition: settings.partition,
    maxUnavailable: settings.maxUnavailable,
    minReadySeconds: settings.minReadySeconds,
    pods,
    plans,
    pvcRetention: pvcRetention(settings.whenDeleted, settings.whenScaled, pods, scaleDown.flatMap((step) => step.pods)),
    failure: failureOf(input.whatIf?.failingOrdinal, settings, plans, warnings),
    warnings,
  };
}

function strategyWarnings(settings: StatefulSetSettings): string[] {
  if (settings.updateStrategy === 'OnDelete') {
    return ['updateStrategy is OnDelete: pods update only when deleted by hand; the controller never replaces them for a template change'];
  }
  const warnings: string[] = [];
  // partition = replicas holds every pod on purpose (the preview says so); only above it is a warning.
  if (partitionHold(settings.partition, settings.replicas) === 'exceedsReplicas') {
    warnings.push(partitionExceedsMessage(settings.partition, settings.replicas));
  }
  if (settings.maxUnavailable > 1 && settings.podManagementPolicy === 'OrderedReady') {
    warnings.push(
      `maxUnavailable ${settings.maxUnavailable} with OrderedReady: pods are taken down ${settings.maxUnavailable} at a time but still come back one at a time, lowest ordinal first`,
    );
  }
  return warnings;
}

function failureOf(
  ordinal: unknown,
  settings: StatefulSetSettings,
  plans: { create: Plan; update: Plan },
  warnings: string[],
): Failure | null {
  if (ordinal === undefined || ordinal === null) return null;
  const first = settings.ordinalStart;
  const last = first + settings.simulatedReplicas - 1;
  if (typeof ordinal !== 'number' || !Number.isInteger(ordinal) || ordinal < first || ordinal > last) {
    warnings.push(`failing ordinal ${String(ordinal)} is not one of the pods (ordinals ${first} to ${last})`);
    return null;
  }
  const pod = podName(settings.name, ordinal);
  return { pod, create: failureImpact(plans.create, pod), update: failureImpact(plans.update, pod) };
}
