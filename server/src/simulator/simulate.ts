import { checkDns } from './dns';
import { pvcsOfCreation, refusedPodsWarning } from './creation';
import { failureImpact } from './failure';
import { podIdentities, podName, serviceDomain } from './identity';
import { partitionExceedsMessage, partitionHold } from './partition';
import { planScale, planUpdate } from './plans';
import { readStatefulSet, type StatefulSetSettings } from './readStatefulSet';
import { pvcRetention } from './retention';
import { scaleImpact } from './scale';
import type { ScaleImpact, Simulation, SimulationInput } from './types';
import { t } from '../messages';

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
  const failingPod = failingPodOf(input.whatIf?.failingOrdinal, settings, warnings);
  const plans = {
    create: planScale(context, 0, settings.simulatedReplicas),
    scaleDown,
    // With a failing pod, the rollout as it then goes (a sliding window narrows after it).
    update: planUpdate({ ...context, ...settings }, failingPod),
  };
  warnings.push(...strategyWarnings(settings), ...refusedPodsWarning(pods, settings.podManagementPolicy));

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
    pvcs: pvcsOfCreation(pods, settings.podManagementPolicy, settings.whenDeleted),
    failure: failingPod === undefined ? null : { pod: failingPod, create: failureImpact(plans.create, failingPod), update: failureImpact(plans.update, failingPod) },
    scale: scaleOf(input.whatIf?.scaleTo, settings, warnings),
    warnings,
  };
}

function strategyWarnings(settings: StatefulSetSettings): string[] {
  if (settings.updateStrategy === 'OnDelete') {
    return [t('sim.simulate.onDelete')];
  }
  const warnings: string[] = [];
  // partition = replicas holds every pod on purpose (the preview says so); only above it is a warning.
  if (partitionHold(settings.partition, settings.replicas) === 'exceedsReplicas') {
    warnings.push(partitionExceedsMessage(settings.partition, settings.replicas));
  }
  if (settings.maxUnavailable > 1 && settings.podManagementPolicy === 'OrderedReady') {
    warnings.push(
      t('sim.simulate.orderedMaxUnavailable', { maxUnavailable: settings.maxUnavailable }),
    );
  }
  return warnings;
}

/** The failing pod of the what-if, or undefined (with a warning when it names no pod). */
function failingPodOf(ordinal: unknown, settings: StatefulSetSettings, warnings: string[]): string | undefined {
  if (ordinal === undefined || ordinal === null) return undefined;
  const first = settings.ordinalStart;
  const last = first + settings.simulatedReplicas - 1;
  if (typeof ordinal !== 'number' || !Number.isInteger(ordinal) || ordinal < first || ordinal > last) {
    warnings.push(t('sim.simulate.failingOrdinal', { ordinal: String(ordinal), first, last }));
    return undefined;
  }
  return podName(settings.name, ordinal);
}

function scaleOf(to: unknown, settings: StatefulSetSettings, warnings: string[]): ScaleImpact | null {
  if (to === undefined || to === null) return null;
  if (typeof to !== 'number' || !Number.isInteger(to) || to < 0) {
    warnings.push(t('sim.simulate.scaleTo', { to: String(to) }));
    return null;
  }
  return scaleImpact(settings, to);
}
